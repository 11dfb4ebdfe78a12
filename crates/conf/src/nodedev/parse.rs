//! Reading `<device>` documents (`virNodeDeviceDefParse`).

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::caps::{FcHost, MdevCap, NetCap, NodeDevCap, ScsiHostCap, SystemCap, VportOps};
use super::def::NodeDeviceDef;
use crate::xml::ident::expect_root;
use crate::xml::{parse_document, NodeExt};

const DOM: ErrorDomain = ErrorDomain::Nodedev;

fn xml_err(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::XmlError, DOM, detail)
}

fn text(node: Option<roxmltree::Node>, name: &str) -> Option<String> {
    node.and_then(|n| n.child_text(name))
        .map(|t| t.trim().to_string())
}

fn number<T: std::str::FromStr>(
    node: roxmltree::Node,
    name: &str,
    dev: &str,
) -> VirResult<Option<T>> {
    match node.child_text(name) {
        None => Ok(None),
        Some(t) => t
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| xml_err(format!("invalid {name} supplied for '{dev}'"))),
    }
}

fn parse_scsi_host(cap: roxmltree::Node, dev: &str) -> VirResult<ScsiHostCap> {
    let mut out = ScsiHostCap {
        host: number(cap, "host", dev)?,
        unique_id: number(cap, "unique_id", dev)?,
        ..Default::default()
    };
    for sub in cap.children_named("capability") {
        match sub.attr("type") {
            Some("fc_host") => {
                out.fc_host = Some(FcHost {
                    wwnn: text(Some(sub), "wwnn"),
                    wwpn: text(Some(sub), "wwpn"),
                    fabric_wwn: text(Some(sub), "fabric_wwn"),
                })
            }
            Some("vport_ops") => {
                out.vport_ops = Some(VportOps {
                    max_vports: number(sub, "max_vports", dev)?.unwrap_or(0),
                    vports: number(sub, "vports", dev)?.unwrap_or(0),
                })
            }
            Some(other) => {
                return Err(xml_err(format!(
                    "unknown SCSI host capability type '{other}' for '{dev}'"
                )))
            }
            None => {
                return Err(xml_err(format!(
                    "missing SCSI host capability type for '{dev}'"
                )))
            }
        }
    }
    Ok(out)
}

fn parse_cap(cap: roxmltree::Node, dev: &str) -> VirResult<NodeDevCap> {
    let t = cap
        .attr("type")
        .ok_or_else(|| xml_err("missing capability type"))?;
    Ok(match t {
        "system" => {
            let hw = cap.child("hardware");
            let fw = cap.child("firmware");
            NodeDevCap::System(SystemCap {
                product: text(Some(cap), "product"),
                hw_vendor: text(hw, "vendor"),
                hw_version: text(hw, "version"),
                hw_serial: text(hw, "serial"),
                hw_uuid: text(hw, "uuid"),
                fw_vendor: text(fw, "vendor"),
                fw_version: text(fw, "version"),
                fw_release_date: text(fw, "release_date"),
            })
        }
        "scsi_host" => NodeDevCap::ScsiHost(parse_scsi_host(cap, dev)?),
        "mdev" => {
            let type_id = cap
                .child("type")
                .and_then(|t| t.attr("id"))
                .ok_or_else(|| xml_err(format!("missing type id attribute for '{dev}'")))?;
            NodeDevCap::Mdev(MdevCap {
                type_id: type_id.to_string(),
                uuid: text(Some(cap), "uuid"),
                iommu_group: cap
                    .child("iommuGroup")
                    .and_then(|g| g.attr("number"))
                    .and_then(|n| n.parse().ok()),
                attrs: cap
                    .children_named("attr")
                    .iter()
                    .map(|a| {
                        (
                            a.attr("name").unwrap_or("").to_string(),
                            a.attr("value").unwrap_or("").to_string(),
                        )
                    })
                    .collect(),
            })
        }
        "net" => {
            let link = cap.child("link");
            NodeDevCap::Net(NetCap {
                interface: text(Some(cap), "interface")
                    .ok_or_else(|| xml_err(format!("no network interface supplied for '{dev}'")))?,
                address: text(Some(cap), "address"),
                link_speed: link
                    .and_then(|l| l.attr("speed"))
                    .and_then(|s| s.parse().ok()),
                link_state: link.and_then(|l| l.attr("state")).map(str::to_string),
            })
        }
        other => {
            return Err(VirError::new(
                ErrorCode::ConfigUnsupported,
                DOM,
                format!("capability type '{other}' is not supported by this model"),
            ))
        }
    })
}

impl NodeDeviceDef {
    /// Parses a `<device>` document (`virNodeDeviceCreateXML` / test-driver device definitions).
    pub fn parse(xml: &str) -> VirResult<NodeDeviceDef> {
        let doc = parse_document(xml, "node_device_definition", DOM)?;
        let root = doc.root_element();
        expect_root(root, "device", DOM)?;
        let name = root
            .child_text("name")
            .map(|n| n.trim().to_string())
            .unwrap_or_default();
        let parent = root.child("parent");
        let caps = root.children_named("capability");
        if caps.is_empty() {
            return Err(VirError::internal(
                DOM,
                format!(
                    "no device capabilities for '{}'",
                    if name.is_empty() {
                        "new device"
                    } else {
                        name.as_str()
                    }
                ),
            ));
        }
        let caps = caps
            .into_iter()
            .map(|c| parse_cap(c, &name))
            .collect::<VirResult<Vec<_>>>()?;
        Ok(NodeDeviceDef {
            parent: parent
                .and_then(|p| p.text())
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty()),
            parent_wwnn: parent.and_then(|p| p.attr("wwnn")).map(str::to_string),
            parent_wwpn: parent.and_then(|p| p.attr("wwpn")).map(str::to_string),
            parent_fabric_wwn: parent
                .and_then(|p| p.attr("fabric_wwn"))
                .map(str::to_string),
            sysfs_path: root.child_text("path").map(str::to_string),
            driver: root
                .child("driver")
                .and_then(|d| d.child_text("name"))
                .map(str::to_string),
            name,
            caps,
        })
    }
}
