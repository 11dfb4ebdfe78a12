//! `<plug type='…'>` of a network port: how the port attaches to the host
//! (`virNetworkPortPlugType` and its data).

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use crate::xml::values::{parse_uint_auto, parse_yes_no, yes_no};
use crate::xml::{Attrs, NodeExt, XmlWriter};

const DOM: ErrorDomain = ErrorDomain::Network;

/// `virNetDevMacVLanMode`: the macvtap mode of a `direct` plug.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MacvtapMode {
    #[default]
    Vepa,
    Private,
    Bridge,
    Passthrough,
}

impl MacvtapMode {
    /// The XML name.
    pub fn as_str(self) -> &'static str {
        match self {
            MacvtapMode::Vepa => "vepa",
            MacvtapMode::Private => "private",
            MacvtapMode::Bridge => "bridge",
            MacvtapMode::Passthrough => "passthrough",
        }
    }

    /// Parses a `mode` attribute value.
    pub fn from_name(s: &str) -> Option<MacvtapMode> {
        Some(match s {
            "vepa" => MacvtapMode::Vepa,
            "private" => MacvtapMode::Private,
            "bridge" => MacvtapMode::Bridge,
            "passthrough" => MacvtapMode::Passthrough,
            _ => return None,
        })
    }
}

/// A PCI address of a `hostdev-pci` plug.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PciAddr {
    pub domain: u32,
    pub bus: u32,
    pub slot: u32,
    pub function: u32,
}

/// Where a port is plugged (`<plug>`; absent means `none`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Plug {
    #[default]
    None,
    /// `type='network'`: a tap on a libvirt-managed bridge.
    Network {
        bridge: String,
        mac_table_manager: Option<String>,
    },
    /// `type='bridge'`: a tap on a host bridge.
    Bridge {
        bridge: String,
        mac_table_manager: Option<String>,
    },
    /// `type='direct'`: a macvtap device on `dev`.
    Direct { dev: String, mode: MacvtapMode },
    /// `type='hostdev-pci'`: an SR-IOV function passed through.
    HostdevPci {
        managed: Option<bool>,
        driver: Option<String>,
        addr: PciAddr,
    },
}

fn xml_err(msg: String) -> VirError {
    VirError::new(ErrorCode::XmlError, DOM, msg)
}

impl Plug {
    /// The `type` attribute value.
    pub fn type_name(&self) -> &'static str {
        match self {
            Plug::None => "none",
            Plug::Network { .. } => "network",
            Plug::Bridge { .. } => "bridge",
            Plug::Direct { .. } => "direct",
            Plug::HostdevPci { .. } => "hostdev-pci",
        }
    }

    /// The bridge a tap joins (network and bridge plugs).
    pub fn bridge(&self) -> Option<&str> {
        match self {
            Plug::Network { bridge, .. } | Plug::Bridge { bridge, .. } => Some(bridge),
            _ => None,
        }
    }

    /// Reads `<plug>` (None: no element).
    pub fn parse(node: Option<roxmltree::Node>) -> VirResult<Plug> {
        let Some(node) = node else {
            return Ok(Plug::None);
        };
        let t = node.attr("type").unwrap_or("none");
        match t {
            "none" => Ok(Plug::None),
            "network" | "bridge" => {
                let bridge = node
                    .attr("bridge")
                    .ok_or_else(|| xml_err("Missing network port bridge name".into()))?
                    .to_string();
                let mac_table_manager = match node.attr("macTableManager") {
                    None => None,
                    Some(m @ ("kernel" | "libvirt")) => Some(m.to_string()),
                    Some(m) => {
                        return Err(xml_err(format!(
                            "Invalid macTableManager setting '{m}' in network port"
                        )))
                    }
                };
                Ok(if t == "network" {
                    Plug::Network {
                        bridge,
                        mac_table_manager,
                    }
                } else {
                    Plug::Bridge {
                        bridge,
                        mac_table_manager,
                    }
                })
            }
            "direct" => {
                let dev = node
                    .attr("dev")
                    .ok_or_else(|| xml_err("Missing network port link device name".into()))?
                    .to_string();
                let mode = match node.attr("mode") {
                    None => MacvtapMode::default(),
                    Some(m) => MacvtapMode::from_name(m).ok_or_else(|| {
                        xml_err(format!("Invalid mode setting '{m}' in network port"))
                    })?,
                };
                Ok(Plug::Direct { dev, mode })
            }
            "hostdev-pci" => {
                let managed = match node.attr("managed") {
                    None => None,
                    Some(v) => Some(parse_yes_no(v).ok_or_else(|| {
                        xml_err(format!(
                            "Invalid value for attribute 'managed' in element 'plug': '{v}'."
                        ))
                    })?),
                };
                let driver = match node.child("driver").and_then(|d| d.attr("name")) {
                    None => None,
                    Some(d @ ("kvm" | "vfio" | "xen")) => Some(d.to_string()),
                    Some(_) => return Err(xml_err("Missing network port driver name".into())),
                };
                let a = node
                    .child("address")
                    .ok_or_else(|| xml_err("Missing network port PCI address".into()))?;
                let num = |n: &str| -> u32 {
                    a.attr(n)
                        .and_then(parse_uint_auto)
                        .and_then(|v| u32::try_from(v).ok())
                        .unwrap_or(0)
                };
                Ok(Plug::HostdevPci {
                    managed,
                    driver,
                    addr: PciAddr {
                        domain: num("domain"),
                        bus: num("bus"),
                        slot: num("slot"),
                        function: num("function"),
                    },
                })
            }
            other => Err(VirError::new(
                ErrorCode::XmlError,
                DOM,
                format!("Invalid value for attribute 'type' in element 'plug': '{other}'."),
            )),
        }
    }

    /// Writes `<plug>` (nothing for `none`).
    pub fn format(&self, w: &mut XmlWriter) {
        let attrs = Attrs::new().add("type", self.type_name());
        match self {
            Plug::None => {}
            Plug::Network {
                bridge,
                mac_table_manager,
            }
            | Plug::Bridge {
                bridge,
                mac_table_manager,
            } => w.empty(
                "plug",
                attrs
                    .add("bridge", bridge)
                    .opt("macTableManager", mac_table_manager.as_deref()),
            ),
            Plug::Direct { dev, mode } => {
                w.empty("plug", attrs.add("dev", dev).add("mode", mode.as_str()))
            }
            Plug::HostdevPci {
                managed,
                driver,
                addr,
            } => {
                w.open("plug", attrs.opt("managed", managed.map(yes_no)));
                if let Some(d) = driver {
                    w.empty("driver", Attrs::new().add("name", d));
                }
                w.empty(
                    "address",
                    Attrs::new()
                        .add("domain", format!("0x{:04x}", addr.domain))
                        .add("bus", format!("0x{:02x}", addr.bus))
                        .add("slot", format!("0x{:02x}", addr.slot))
                        .add("function", format!("0x{}", addr.function)),
                );
                w.close("plug");
            }
        }
    }
}
