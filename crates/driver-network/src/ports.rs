//! Network ports for guest NICs of `type='network'` (`virNetworkPortCreateXML`'s core):
//! the QEMU driver asks for a port and gets the bridge to attach its tap to.

use rvirt_conf::network::ForwardMode;
use rvirt_core::error::VirResult;

use crate::driver::{find_name, NetworkDriverImpl};
use crate::errors::invalid_op;

/// Where a guest NIC on a network plugs in (`virNetworkPortDef`'s plug part).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortInfo {
    pub network: String,
    /// The bridge to attach a tap to (libvirt-managed or host bridge modes).
    pub bridge: Option<String>,
    pub mtu: Option<u32>,
    pub forward_mode: ForwardMode,
    /// The host device for macvtap modes (private/vepa/passthrough, or bridge with `dev=`).
    pub direct_dev: Option<String>,
    /// `<portgroup default='yes'>` name, if any.
    pub portgroup: Option<String>,
}

impl NetworkDriverImpl {
    /// Allocates a port on active network `network` for a guest NIC with MAC `mac`.
    pub async fn allocate_port(&self, network: &str, mac: &str) -> VirResult<PortInfo> {
        crate::validate::mac(mac)?;
        let mut nets = self.nets.lock().await;
        let i = find_name(&nets, network)?;
        let o = &mut nets[i];
        if !o.active {
            return Err(invalid_op(format!("network '{network}' is not active")));
        }
        let def = &o.def;
        let mode = def.forward.mode;
        let direct_dev = match mode {
            ForwardMode::Private | ForwardMode::Vepa | ForwardMode::Passthrough => {
                def.forward.dev().map(str::to_string)
            }
            ForwardMode::Bridge if def.bridge.is_none() => def.forward.dev().map(str::to_string),
            _ => None,
        };
        let info = PortInfo {
            network: def.name.clone(),
            bridge: if direct_dev.is_some() {
                None
            } else {
                def.bridge.clone()
            },
            mtu: def.mtu,
            forward_mode: mode,
            direct_dev,
            portgroup: def
                .portgroups
                .iter()
                .find(|p| p.is_default)
                .map(|p| p.name.clone()),
        };
        o.ports.push(mac.to_ascii_lowercase());
        Ok(info)
    }

    /// Releases a port allocated by [`NetworkDriverImpl::allocate_port`] (no-op when gone).
    pub async fn release_port(&self, network: &str, mac: &str) -> VirResult<()> {
        let mut nets = self.nets.lock().await;
        if let Ok(i) = find_name(&nets, network) {
            let m = mac.to_ascii_lowercase();
            if let Some(p) = nets[i].ports.iter().position(|x| *x == m) {
                nets[i].ports.remove(p);
            }
        }
        Ok(())
    }
}
