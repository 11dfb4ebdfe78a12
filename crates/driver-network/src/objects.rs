//! The network object table (`virNetworkObjList`).

use rvirt_conf::netport::NetworkPortDef;
use rvirt_conf::network::NetworkDef;
use rvirt_core::handle::{NetworkRef, Uuid};

/// One network: its running (or only) definition and its pending persistent one.
#[derive(Debug, Clone)]
pub struct NetObj {
    /// The live definition while active, else the persistent one.
    pub def: NetworkDef,
    /// The persistent definition when it differs from the running one.
    pub new_def: Option<NetworkDef>,
    pub active: bool,
    pub persistent: bool,
    pub autostart: bool,
    /// dnsmasq's pid while running.
    pub dnsmasq_pid: Option<i32>,
    /// Ports allocated on this network (`virNetworkPortDef`s).
    pub ports: Vec<NetworkPortDef>,
}

impl NetObj {
    pub fn new(def: NetworkDef) -> NetObj {
        NetObj {
            def,
            new_def: None,
            active: false,
            persistent: false,
            autostart: false,
            dnsmasq_pid: None,
            ports: Vec::new(),
        }
    }

    pub fn nref(&self) -> NetworkRef {
        NetworkRef {
            name: self.def.name.clone(),
            uuid: Uuid(self.def.uuid),
        }
    }

    /// The persistent definition (`virNetworkObjGetPersistentDef`).
    pub fn persistent_def(&self) -> &NetworkDef {
        self.new_def.as_ref().unwrap_or(&self.def)
    }
}
