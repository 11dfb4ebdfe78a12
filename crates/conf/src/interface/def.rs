//! The host interface model (`virInterfaceDef`).

/// `<interface type='…'>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InterfaceType {
    Ethernet,
    Bridge,
    Bond,
    Vlan,
}

impl InterfaceType {
    /// The XML name.
    pub fn as_str(self) -> &'static str {
        match self {
            InterfaceType::Ethernet => "ethernet",
            InterfaceType::Bridge => "bridge",
            InterfaceType::Bond => "bond",
            InterfaceType::Vlan => "vlan",
        }
    }

    /// Parses a `type` attribute value.
    pub fn from_name(s: &str) -> Option<InterfaceType> {
        Some(match s {
            "ethernet" => InterfaceType::Ethernet,
            "bridge" => InterfaceType::Bridge,
            "bond" => InterfaceType::Bond,
            "vlan" => InterfaceType::Vlan,
            _ => return None,
        })
    }
}

/// One `<ip address prefix/>` of a protocol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterfaceIp {
    pub address: String,
    pub prefix: Option<u32>,
}

/// `<protocol family='ipv4|ipv6'>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InterfaceProtocol {
    pub family: String,
    pub autoconf: bool,
    pub dhcp: bool,
    pub peerdns: Option<String>,
    pub ips: Vec<InterfaceIp>,
    pub gateway: Option<String>,
}

/// `<bond>` settings and its member interfaces.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BondDef {
    pub mode: Option<String>,
    /// `<miimon freq downdelay updelay carrier/>` attributes in that order.
    pub miimon: Option<[Option<String>; 4]>,
    /// `<arpmon interval target validate/>` attributes in that order.
    pub arpmon: Option<[Option<String>; 3]>,
    pub slaves: Vec<InterfaceDef>,
}

/// `<bridge stp delay>` and its member interfaces.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BridgeDef {
    pub stp: Option<String>,
    pub delay: Option<String>,
    pub ports: Vec<InterfaceDef>,
}

/// `<vlan tag='…'><interface name='…'/></vlan>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VlanDef {
    pub tag: Option<String>,
    pub device: Option<String>,
}

/// A host interface definition (`<interface>`), as `virInterfaceDefineXML` takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterfaceDef {
    pub name: String,
    pub if_type: InterfaceType,
    /// `none`, `onboot` or `hotplug`.
    pub start_mode: Option<String>,
    pub mtu: Option<u32>,
    /// As written (libvirt keeps the text of an interface MAC).
    pub mac: Option<String>,
    pub link_speed: Option<u32>,
    pub link_state: Option<String>,
    pub protocols: Vec<InterfaceProtocol>,
    pub bridge: Option<BridgeDef>,
    pub bond: Option<BondDef>,
    pub vlan: Option<VlanDef>,
}
