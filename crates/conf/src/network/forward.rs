//! The network `<forward>` element: mode, devices, PCI functions and NAT ranges.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use crate::xml::values::{parse_uint_auto, yes_no};
use crate::xml::{Attrs, NodeExt, XmlWriter};

/// `virNetworkForwardType`: the `mode` of `<forward>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ForwardMode {
    /// No `<forward>`: an isolated network.
    #[default]
    None,
    Nat,
    Route,
    Open,
    Bridge,
    Private,
    Vepa,
    Passthrough,
    Hostdev,
}

impl ForwardMode {
    /// The XML name (`None` has none).
    pub fn as_str(self) -> &'static str {
        match self {
            ForwardMode::None => "none",
            ForwardMode::Nat => "nat",
            ForwardMode::Route => "route",
            ForwardMode::Open => "open",
            ForwardMode::Bridge => "bridge",
            ForwardMode::Private => "private",
            ForwardMode::Vepa => "vepa",
            ForwardMode::Passthrough => "passthrough",
            ForwardMode::Hostdev => "hostdev",
        }
    }

    /// Parses a `mode` attribute value.
    pub fn from_name(s: &str) -> Option<ForwardMode> {
        Some(match s {
            "none" => ForwardMode::None,
            "nat" => ForwardMode::Nat,
            "route" => ForwardMode::Route,
            "open" => ForwardMode::Open,
            "bridge" => ForwardMode::Bridge,
            "private" => ForwardMode::Private,
            "vepa" => ForwardMode::Vepa,
            "passthrough" => ForwardMode::Passthrough,
            "hostdev" => ForwardMode::Hostdev,
            _ => return None,
        })
    }

    /// Modes whose traffic goes through a libvirt-managed bridge (they carry stp/delay).
    pub fn uses_libvirt_bridge(self) -> bool {
        matches!(
            self,
            ForwardMode::None | ForwardMode::Nat | ForwardMode::Route | ForwardMode::Open
        )
    }
}

/// A PCI address `domain:bus:slot.function`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PciAddress {
    pub domain: u32,
    pub bus: u32,
    pub slot: u32,
    pub function: u32,
}

impl std::fmt::Display for PciAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:04x}:{:02x}:{:02x}.{:x}",
            self.domain, self.bus, self.slot, self.function
        )
    }
}

/// One entry of the forward device pool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ForwardIf {
    /// `<interface dev='…'/>`.
    Netdev(String),
    /// `<address type='pci' …/>`.
    Pci(PciAddress),
}

/// `<nat>`: SNAT address and port ranges.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Nat {
    pub ipv6: Option<bool>,
    pub address_start: Option<String>,
    pub address_end: Option<String>,
    pub port_start: Option<u32>,
    pub port_end: Option<u32>,
}

/// `<forward>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Forward {
    pub mode: ForwardMode,
    pub managed: bool,
    pub driver_name: Option<String>,
    pub nat: Option<Nat>,
    pub pfs: Vec<String>,
    pub ifs: Vec<ForwardIf>,
}

fn xml_err(detail: String) -> VirError {
    VirError::new(ErrorCode::XmlError, ErrorDomain::Network, detail)
}

fn parse_pci(node: roxmltree::Node, net: &str) -> VirResult<PciAddress> {
    let num = |n: &str| -> VirResult<u32> {
        match node.attr(n) {
            None => Ok(0),
            Some(v) => parse_uint_auto(v)
                .and_then(|x| u32::try_from(x).ok())
                .ok_or_else(|| {
                    xml_err(format!(
                        "Cannot parse <address> '{n}' attribute in network '{net}'"
                    ))
                }),
        }
    };
    Ok(PciAddress {
        domain: num("domain")?,
        bus: num("bus")?,
        slot: num("slot")?,
        function: num("function")?,
    })
}

impl Forward {
    /// Reads `<forward>` of network `net` (`virNetworkForwardDefParseXML`).
    pub fn parse(node: roxmltree::Node, net: &str) -> VirResult<Forward> {
        let mode = match node.attr("mode") {
            None => ForwardMode::Nat,
            Some(m) => ForwardMode::from_name(m).ok_or_else(|| {
                VirError::new(
                    ErrorCode::ConfigUnsupported,
                    ErrorDomain::Network,
                    format!("unknown forwarding type '{m}'"),
                )
            })?,
        };
        let managed = node.attr("managed") == Some("yes");
        let driver_name = node
            .child("driver")
            .and_then(|d| d.attr("name"))
            .map(str::to_string);
        let nat = match node.child("nat") {
            None => None,
            Some(n) => {
                let addr = n.child("address");
                let port = n.child("port");
                let pnum = |a: &str| port.and_then(|p| p.attr(a)).and_then(|v| v.parse().ok());
                Some(Nat {
                    ipv6: n.attr("ipv6").and_then(crate::xml::values::parse_yes_no),
                    address_start: addr.and_then(|a| a.attr("start")).map(str::to_string),
                    address_end: addr.and_then(|a| a.attr("end")).map(str::to_string),
                    port_start: pnum("start"),
                    port_end: pnum("end"),
                })
            }
        };
        let pfs: Vec<String> = node
            .children_named("pf")
            .iter()
            .filter_map(|p| p.attr("dev"))
            .map(str::to_string)
            .collect();
        let mut ifs = Vec::new();
        for c in node.children().filter(|c| c.is_element()) {
            match c.tag_name().name() {
                "interface" => {
                    let dev = c.attr("dev").ok_or_else(|| {
                        xml_err(format!("Missing required dev attribute in <forward> <interface> element of network {net}"))
                    })?;
                    if ifs
                        .iter()
                        .any(|i| matches!(i, ForwardIf::Netdev(d) if d == dev))
                    {
                        return Err(xml_err(format!(
                            "interface '{dev}' can only be listed once in network {net}"
                        )));
                    }
                    ifs.push(ForwardIf::Netdev(dev.to_string()));
                }
                "address" if c.attr("type") == Some("pci") => {
                    let a = parse_pci(c, net)?;
                    if ifs
                        .iter()
                        .any(|i| matches!(i, ForwardIf::Pci(p) if *p == a))
                    {
                        return Err(xml_err(format!(
                            "PCI device '{a}' can only be listed once in network {net}"
                        )));
                    }
                    ifs.push(ForwardIf::Pci(a));
                }
                _ => {}
            }
        }
        if let Some(dev) = node.attr("dev") {
            if pfs.is_empty() {
                match ifs.first() {
                    None => ifs.push(ForwardIf::Netdev(dev.to_string())),
                    Some(ForwardIf::Netdev(first)) if first != dev => {
                        return Err(xml_err(format!(
                            "<forward dev='{dev}'> must match first <interface dev='{first}'/> in network {net}"
                        )));
                    }
                    _ => {}
                }
            }
        }
        Ok(Forward {
            mode,
            managed,
            driver_name,
            nat,
            pfs,
            ifs,
        })
    }

    /// The device named by `dev=` (first netdev of the pool).
    pub fn dev(&self) -> Option<&str> {
        if !self.pfs.is_empty() {
            return None;
        }
        match self.ifs.first() {
            Some(ForwardIf::Netdev(d)) => Some(d),
            _ => None,
        }
    }

    fn nat_is_set(&self) -> bool {
        self.mode == ForwardMode::Nat
            && self.nat.as_ref().is_some_and(|n| {
                n.address_start.is_some()
                    || n.port_start.is_some()
                    || n.port_end.is_some()
                    || n.ipv6 == Some(true)
            })
    }

    /// Writes `<forward>` (nothing for an isolated network).
    pub fn format(&self, w: &mut XmlWriter, inactive: bool) {
        if self.mode == ForwardMode::None {
            return;
        }
        let mut attrs = Attrs::new()
            .opt("dev", self.dev())
            .add("mode", self.mode.as_str());
        if self.mode == ForwardMode::Hostdev {
            attrs = attrs.add("managed", yes_no(self.managed));
        }
        let show_ifs = !self.ifs.is_empty() && (self.pfs.is_empty() || !inactive);
        if self.driver_name.is_none() && !self.nat_is_set() && self.pfs.is_empty() && !show_ifs {
            w.empty("forward", attrs);
            return;
        }
        w.open("forward", attrs);
        if let Some(d) = &self.driver_name {
            w.empty("driver", Attrs::new().add("name", d));
        }
        if let (true, Some(n)) = (self.nat_is_set(), &self.nat) {
            w.open("nat", Attrs::new().opt("ipv6", n.ipv6.map(yes_no)));
            if let Some(s) = &n.address_start {
                w.empty(
                    "address",
                    Attrs::new()
                        .add("start", s)
                        .opt("end", n.address_end.as_deref()),
                );
            }
            if n.port_start.is_some() || n.port_end.is_some() {
                w.empty(
                    "port",
                    Attrs::new()
                        .opt("start", n.port_start)
                        .opt("end", n.port_end),
                );
            }
            w.close("nat");
        }
        for pf in &self.pfs {
            w.empty("pf", Attrs::new().add("dev", pf));
        }
        if show_ifs {
            for i in &self.ifs {
                match i {
                    ForwardIf::Netdev(d) => w.empty("interface", Attrs::new().add("dev", d)),
                    ForwardIf::Pci(a) => w.empty(
                        "address",
                        Attrs::new()
                            .add("type", "pci")
                            .add("domain", format!("0x{:04x}", a.domain))
                            .add("bus", format!("0x{:02x}", a.bus))
                            .add("slot", format!("0x{:02x}", a.slot))
                            .add("function", format!("0x{:x}", a.function)),
                    ),
                }
            }
        }
        w.close("forward");
    }
}
