//! Network ports (`virNetworkPort*`, libvirt's `networkPort*` in `bridge_driver.c`): one
//! `<networkport>` per guest NIC plugged into a network. The QEMU driver takes one for each
//! `<interface type='network'>` through [`NetworkDriverImpl::allocate_port`]; clients
//! create, list, inspect and delete them with the port APIs.

use rvirt_conf::netport::{MacvtapMode, NetworkPortDef, Plug};
use rvirt_conf::network::{Bandwidth, BandwidthRate, ForwardMode, NetworkDef};
use rvirt_conf::xml::values::{format_mac, parse_mac, random_uuid};
use rvirt_core::error::{ErrorCode, VirError, VirResult};
use rvirt_core::handle::{NetworkPortRef, NetworkRef, Uuid};
use rvirt_core::typed_param::{TypedParam, TypedValue};

use crate::driver::{find, find_name, NetworkDriverImpl};
use crate::errors::{invalid_op, NET};
use crate::objects::NetObj;

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
    /// The port's UUID (`virNetworkPortGetUUID`).
    pub uuid: [u8; 16],
}

/// `VIR_NETWORK_PORT_BANDWIDTH_*` parameter names, in libvirt's order.
const PARAMS: [&str; 7] = [
    "inbound.average",
    "inbound.peak",
    "inbound.floor",
    "inbound.burst",
    "outbound.average",
    "outbound.peak",
    "outbound.burst",
];

fn no_port(uuid: &Uuid) -> VirError {
    VirError::new(
        ErrorCode::NoNetworkPort,
        NET,
        format!("Network port with UUID {uuid} does not exist"),
    )
}

fn port_ref(net: &NetObj, p: &NetworkPortDef) -> NetworkPortRef {
    NetworkPortRef {
        net: net.nref(),
        uuid: Uuid(p.uuid),
    }
}

/// The plug a network gives a new port (`networkAllocatePort`).
fn plug_for(def: &NetworkDef) -> Plug {
    let mode = def.forward.mode;
    match mode {
        ForwardMode::Private | ForwardMode::Vepa | ForwardMode::Passthrough => {
            if let Some(dev) = def.forward.dev() {
                return Plug::Direct {
                    dev: dev.to_string(),
                    mode: match mode {
                        ForwardMode::Private => MacvtapMode::Private,
                        ForwardMode::Passthrough => MacvtapMode::Passthrough,
                        _ => MacvtapMode::Vepa,
                    },
                };
            }
            Plug::None
        }
        ForwardMode::Bridge => match (&def.bridge, def.forward.dev()) {
            (Some(b), _) => Plug::Bridge {
                bridge: b.clone(),
                mac_table_manager: None,
            },
            (None, Some(dev)) => Plug::Direct {
                dev: dev.to_string(),
                mode: MacvtapMode::Bridge,
            },
            (None, None) => Plug::None,
        },
        _ => match &def.bridge {
            Some(b) => Plug::Network {
                bridge: b.clone(),
                mac_table_manager: None,
            },
            None => Plug::None,
        },
    }
}

fn info_of(def: &NetworkDef, p: &NetworkPortDef) -> PortInfo {
    let (bridge, direct_dev) = match &p.plug {
        Plug::Network { bridge, .. } | Plug::Bridge { bridge, .. } => (Some(bridge.clone()), None),
        Plug::Direct { dev, .. } => (None, Some(dev.clone())),
        _ => (None, None),
    };
    PortInfo {
        network: def.name.clone(),
        bridge,
        mtu: def.mtu,
        forward_mode: def.forward.mode,
        direct_dev,
        portgroup: p.group.clone().or_else(|| {
            def.portgroups
                .iter()
                .find(|g| g.is_default)
                .map(|g| g.name.clone())
        }),
        uuid: p.uuid,
    }
}

fn active_obj(o: &mut NetObj) -> VirResult<&mut NetObj> {
    if !o.active {
        return Err(invalid_op(format!(
            "network '{}' is not active",
            o.def.name
        )));
    }
    Ok(o)
}

fn find_port(o: &NetObj, uuid: &Uuid) -> VirResult<usize> {
    o.ports
        .iter()
        .position(|p| p.uuid == uuid.0)
        .ok_or_else(|| no_port(uuid))
}

impl NetworkDriverImpl {
    /// Allocates a port on active network `network` for a guest NIC with MAC `mac`
    /// (`virNetworkPortCreateXML` as the QEMU driver uses it). Owner left blank.
    pub async fn allocate_port(&self, network: &str, mac: &str) -> VirResult<PortInfo> {
        self.allocate_port_for(network, mac, "", [0; 16]).await
    }

    /// [`NetworkDriverImpl::allocate_port`] recording the owning domain. A second call for
    /// the same MAC returns the existing port (re-adoption after a daemon restart).
    pub async fn allocate_port_for(
        &self,
        network: &str,
        mac: &str,
        owner_name: &str,
        owner_uuid: [u8; 16],
    ) -> VirResult<PortInfo> {
        crate::validate::mac(mac)?;
        let mac_b = parse_mac(mac).ok_or_else(|| invalid_op(format!("invalid MAC '{mac}'")))?;
        let mut nets = self.nets.lock().await;
        let i = find_name(&nets, network)?;
        let o = active_obj(&mut nets[i])?;
        if let Some(p) = o.ports.iter().find(|p| p.mac == mac_b) {
            return Ok(info_of(&o.def, p));
        }
        let port = NetworkPortDef {
            uuid: random_uuid(),
            owner_name: owner_name.to_string(),
            owner_uuid,
            group: o
                .def
                .portgroups
                .iter()
                .find(|g| g.is_default)
                .map(|g| g.name.clone()),
            mac: mac_b,
            bandwidth: o.def.bandwidth.clone(),
            plug: plug_for(&o.def),
            ..Default::default()
        };
        let info = info_of(&o.def, &port);
        self.save_port(&o.def.name, &port)?;
        o.ports.push(port);
        Ok(info)
    }

    /// Releases a port allocated by [`NetworkDriverImpl::allocate_port`] (no-op when gone).
    pub async fn release_port(&self, network: &str, mac: &str) -> VirResult<()> {
        let Some(m) = parse_mac(mac) else {
            return Ok(());
        };
        let mut nets = self.nets.lock().await;
        if let Ok(i) = find_name(&nets, network) {
            let gone: Vec<[u8; 16]> = nets[i]
                .ports
                .iter()
                .filter(|p| p.mac == m)
                .map(|p| p.uuid)
                .collect();
            nets[i].ports.retain(|p| p.mac != m);
            for u in gone {
                self.delete_port_file(network, &u)?;
            }
        }
        Ok(())
    }

    /// virNetworkListAllPorts
    pub(crate) async fn list_ports(
        &self,
        net: &NetworkRef,
        flags: u32,
    ) -> VirResult<Vec<NetworkPortRef>> {
        VirError::check_flags(NET, flags, 0, "networkListAllPorts")?;
        let mut nets = self.nets.lock().await;
        let i = find(&nets, net)?;
        let o = active_obj(&mut nets[i])?;
        Ok(o.ports.iter().map(|p| port_ref(o, p)).collect())
    }

    /// virNetworkPortLookupByUUID
    pub(crate) async fn port_lookup(
        &self,
        net: &NetworkRef,
        uuid: Uuid,
    ) -> VirResult<NetworkPortRef> {
        let mut nets = self.nets.lock().await;
        let i = find(&nets, net)?;
        let o = active_obj(&mut nets[i])?;
        let p = find_port(o, &uuid)?;
        Ok(port_ref(o, &o.ports[p]))
    }

    /// virNetworkPortCreateXML: a port with `<plug>` absent gets one from the network;
    /// one with a plug is taken as is (a port re-registered after a restart).
    pub(crate) async fn port_create(
        &self,
        net: &NetworkRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<NetworkPortRef> {
        // VIR_NETWORK_PORT_CREATE_RECLAIM (1), VIR_NETWORK_PORT_CREATE_VALIDATE (2)
        VirError::check_flags(NET, flags, 1 | 2, "networkPortCreateXML")?;
        let mut port = NetworkPortDef::parse(xml)?;
        let mut nets = self.nets.lock().await;
        let i = find(&nets, net)?;
        let o = active_obj(&mut nets[i])?;
        let uuid = Uuid(port.uuid);
        if o.ports.iter().any(|p| p.uuid == port.uuid) {
            return Err(VirError::raw(
                ErrorCode::from_number(106),
                NET,
                format!(
                    "network port already exists: Network port with UUID {uuid} already exists"
                ),
            ));
        }
        if o.ports.iter().any(|p| p.mac == port.mac) {
            return Err(invalid_op(format!(
                "network '{}' already has a port with MAC {}",
                o.def.name,
                format_mac(&port.mac)
            )));
        }
        if port.plug == Plug::None {
            if flags & 1 != 0 {
                return Err(VirError::new(
                    ErrorCode::InvalidArg,
                    NET,
                    "Port reclaim requested but plug type is none",
                ));
            }
            port.plug = plug_for(&o.def);
        }
        if port.group.is_none() {
            port.group = o
                .def
                .portgroups
                .iter()
                .find(|g| g.is_default)
                .map(|g| g.name.clone());
        }
        if port.bandwidth.is_none() {
            port.bandwidth = o.def.bandwidth.clone();
        }
        let r = port_ref(o, &port);
        self.save_port(&o.def.name, &port)?;
        o.ports.push(port);
        Ok(r)
    }

    fn with_port<T>(
        nets: &mut [NetObj],
        port: &NetworkPortRef,
        f: impl FnOnce(&mut NetObj, usize) -> VirResult<T>,
    ) -> VirResult<T> {
        let i = find(nets, &port.net)?;
        let o = active_obj(&mut nets[i])?;
        let p = find_port(o, &port.uuid)?;
        f(o, p)
    }

    /// virNetworkPortGetXMLDesc
    pub(crate) async fn port_xml(&self, port: &NetworkPortRef, flags: u32) -> VirResult<String> {
        VirError::check_flags(NET, flags, 0, "networkPortGetXMLDesc")?;
        let mut nets = self.nets.lock().await;
        Self::with_port(&mut nets, port, |o, p| Ok(o.ports[p].format()))
    }

    /// virNetworkPortDelete
    pub(crate) async fn port_delete(&self, port: &NetworkPortRef, flags: u32) -> VirResult<()> {
        VirError::check_flags(NET, flags, 0, "networkPortDelete")?;
        let mut nets = self.nets.lock().await;
        Self::with_port(&mut nets, port, |o, p| {
            let gone = o.ports.remove(p);
            self.delete_port_file(&o.def.name, &gone.uuid)
        })
    }

    /// virNetworkPortGetParameters: the port's bandwidth, every field (0 when unset).
    pub(crate) async fn port_params(
        &self,
        port: &NetworkPortRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        VirError::check_flags(NET, flags, 0, "networkPortGetParameters")?;
        let mut nets = self.nets.lock().await;
        Self::with_port(&mut nets, port, |o, p| {
            let bw = o.ports[p].bandwidth.clone().unwrap_or_default();
            let i = bw.inbound.unwrap_or_default();
            let out = bw.outbound.unwrap_or_default();
            let vals = [
                i.average,
                i.peak,
                i.floor,
                i.burst,
                out.average,
                out.peak,
                out.burst,
            ];
            Ok(PARAMS
                .iter()
                .zip(vals)
                .map(|(n, v)| {
                    let v = u32::try_from(v.unwrap_or(0)).unwrap_or(u32::MAX);
                    TypedParam::new(*n, TypedValue::UInt(v))
                })
                .collect())
        })
    }

    /// virNetworkPortSetParameters: changes the port's bandwidth (a 0 average clears that
    /// direction, as libvirt does).
    pub(crate) async fn port_set_params(
        &self,
        port: &NetworkPortRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(NET, flags, 0, "networkPortSetParameters")?;
        for p in &params {
            if !PARAMS.contains(&p.field.as_str()) {
                return Err(VirError::new(
                    ErrorCode::InvalidArg,
                    NET,
                    format!("parameter '{}' not supported", p.field),
                ));
            }
            if !matches!(p.value, TypedValue::UInt(_)) {
                return Err(VirError::new(
                    ErrorCode::InvalidArg,
                    NET,
                    format!("invalid type for parameter '{}', expected 'uint'", p.field),
                ));
            }
        }
        let mut nets = self.nets.lock().await;
        Self::with_port(&mut nets, port, |o, pi| {
            let bw = o.ports[pi].bandwidth.get_or_insert_with(Bandwidth::default);
            let mut inb = bw.inbound.clone().unwrap_or_default();
            let mut out = bw.outbound.clone().unwrap_or_default();
            for p in &params {
                let v = p.value.as_u64().filter(|v| *v != 0);
                let slot: &mut Option<u64> = match p.field.as_str() {
                    "inbound.average" => &mut inb.average,
                    "inbound.peak" => &mut inb.peak,
                    "inbound.floor" => &mut inb.floor,
                    "inbound.burst" => &mut inb.burst,
                    "outbound.average" => &mut out.average,
                    "outbound.peak" => &mut out.peak,
                    _ => &mut out.burst,
                };
                *slot = v;
            }
            let keep = |r: BandwidthRate| (r.average.is_some() || r.floor.is_some()).then_some(r);
            bw.inbound = keep(inb);
            bw.outbound = keep(out);
            if bw.inbound.is_none() && bw.outbound.is_none() {
                o.ports[pi].bandwidth = None;
            }
            self.save_port(&o.def.name, &o.ports[pi])
        })
    }
}
