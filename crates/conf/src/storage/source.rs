//! A storage pool's `<source>` element (`virStoragePoolSource`).

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::pool_type::PoolType;
use crate::xml::{Attrs, NodeExt, XmlWriter};

/// `<host name='…' port='…'/>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceHost {
    pub name: String,
    pub port: Option<u32>,
}

/// `<auth type='chap|ceph' username='…'><secret uuid|usage/></auth>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceAuth {
    pub auth_type: String,
    pub username: String,
    pub secret_uuid: Option<String>,
    pub secret_usage: Option<String>,
}

/// `<adapter …/>` of a scsi pool.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceAdapter {
    pub adapter_type: String,
    pub name: Option<String>,
    pub managed: Option<String>,
    pub parent: Option<String>,
    pub parent_wwnn: Option<String>,
    pub parent_wwpn: Option<String>,
    pub parent_fabric_wwn: Option<String>,
    pub wwnn: Option<String>,
    pub wwpn: Option<String>,
}

/// `<source>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PoolSource {
    pub hosts: Vec<SourceHost>,
    pub devices: Vec<String>,
    pub dir: Option<String>,
    pub adapter: Option<SourceAdapter>,
    pub name: Option<String>,
    pub initiator_iqn: Option<String>,
    pub auth: Option<SourceAuth>,
    pub vendor: Option<String>,
    pub product: Option<String>,
    pub format: Option<String>,
    pub protocol_ver: Option<String>,
}

fn xml_err(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::XmlError, ErrorDomain::Storage, detail)
}

impl PoolSource {
    /// Reads `<source>` for a pool of type `t` (`virStoragePoolDefParseSource`).
    pub fn parse(node: roxmltree::Node, t: PoolType) -> VirResult<PoolSource> {
        let mut hosts = Vec::new();
        for h in node.children_named("host") {
            let name = h
                .attr("name")
                .ok_or_else(|| xml_err("missing storage pool host name"))?;
            let port = match h.attr("port") {
                None => None,
                Some(p) => Some(
                    p.parse()
                        .map_err(|_| xml_err(format!("Invalid port number: {p}")))?,
                ),
            };
            hosts.push(SourceHost {
                name: name.to_string(),
                port,
            });
        }
        let mut devices = Vec::new();
        for d in node.children_named("device") {
            let p = d
                .attr("path")
                .ok_or_else(|| xml_err("missing storage pool source device path"))?;
            devices.push(p.to_string());
        }
        let auth = match node.child("auth") {
            None => None,
            Some(a) => {
                let auth_type = a
                    .attr("type")
                    .ok_or_else(|| xml_err("missing auth type attribute"))?;
                if auth_type != "chap" && auth_type != "ceph" {
                    return Err(VirError::new(
                        ErrorCode::ConfigUnsupported,
                        ErrorDomain::Storage,
                        format!("unknown auth type '{auth_type}'"),
                    ));
                }
                let username = a
                    .attr("username")
                    .ok_or_else(|| xml_err("missing username for auth"))?;
                let secret = a.child("secret");
                Some(SourceAuth {
                    auth_type: auth_type.to_string(),
                    username: username.to_string(),
                    secret_uuid: secret.and_then(|s| s.attr("uuid")).map(str::to_string),
                    secret_usage: secret.and_then(|s| s.attr("usage")).map(str::to_string),
                })
            }
        };
        let adapter = node.child("adapter").map(|a| {
            let s = |n: &str| a.attr(n).map(str::to_string);
            let adapter_type = match a.attr("type") {
                Some(t) => t.to_string(),
                None if a.attr("wwnn").is_some() => "fc_host".to_string(),
                None => "scsi_host".to_string(),
            };
            SourceAdapter {
                adapter_type,
                name: s("name"),
                managed: s("managed"),
                parent: s("parent"),
                parent_wwnn: s("parent_wwnn"),
                parent_wwpn: s("parent_wwpn"),
                parent_fabric_wwn: s("parent_fabric_wwn"),
                wwnn: s("wwnn"),
                wwpn: s("wwpn"),
            }
        });
        let format = node
            .child("format")
            .and_then(|f| f.attr("type"))
            .map(str::to_string);
        if let (Some(f), Some((known, _))) = (&format, t.formats()) {
            if !known.contains(&f.as_str()) {
                return Err(xml_err(format!("unknown pool format type {f}")));
            }
        }
        Ok(PoolSource {
            hosts,
            devices,
            dir: node
                .child("dir")
                .and_then(|d| d.attr("path"))
                .map(str::to_string),
            adapter,
            name: node.child_text("name").map(str::to_string),
            initiator_iqn: node
                .child("initiator")
                .and_then(|i| i.child("iqn"))
                .and_then(|i| i.attr("name"))
                .map(str::to_string),
            auth,
            vendor: node
                .child("vendor")
                .and_then(|v| v.attr("name"))
                .map(str::to_string),
            product: node
                .child("product")
                .and_then(|v| v.attr("name"))
                .map(str::to_string),
            format,
            protocol_ver: node
                .child("protocol")
                .and_then(|p| p.attr("ver"))
                .map(str::to_string),
        })
    }

    /// Writes `<source>` (always, even when empty, as libvirt does for pools).
    pub fn format(&self, w: &mut XmlWriter, t: PoolType) {
        w.open("source", Attrs::new());
        for h in &self.hosts {
            w.empty(
                "host",
                Attrs::new().add("name", &h.name).opt("port", h.port),
            );
        }
        for d in &self.devices {
            w.empty("device", Attrs::new().add("path", d));
        }
        if let Some(d) = &self.dir {
            w.empty("dir", Attrs::new().add("path", d));
        }
        if let Some(a) = &self.adapter {
            let attrs = Attrs::new().add("type", &a.adapter_type);
            let attrs = if a.adapter_type == "fc_host" {
                attrs
                    .opt("managed", a.managed.as_deref())
                    .opt("parent", a.parent.as_deref())
                    .opt("parent_wwnn", a.parent_wwnn.as_deref())
                    .opt("parent_wwpn", a.parent_wwpn.as_deref())
                    .opt("parent_fabric_wwn", a.parent_fabric_wwn.as_deref())
                    .opt("wwnn", a.wwnn.as_deref())
                    .opt("wwpn", a.wwpn.as_deref())
            } else {
                attrs.opt("name", a.name.as_deref())
            };
            w.empty("adapter", attrs);
        }
        if t.has_source_name() {
            w.opt_text("name", self.name.as_deref());
        }
        if let Some(iqn) = &self.initiator_iqn {
            w.open("initiator", Attrs::new());
            w.empty("iqn", Attrs::new().add("name", iqn));
            w.close("initiator");
        }
        if let Some(a) = &self.auth {
            w.open(
                "auth",
                Attrs::new()
                    .add("type", &a.auth_type)
                    .add("username", &a.username),
            );
            w.empty(
                "secret",
                Attrs::new()
                    .opt("uuid", a.secret_uuid.as_deref())
                    .opt("usage", a.secret_usage.as_deref()),
            );
            w.close("auth");
        }
        if let Some(v) = &self.vendor {
            w.empty("vendor", Attrs::new().add("name", v));
        }
        if let Some(p) = &self.product {
            w.empty("product", Attrs::new().add("name", p));
        }
        if t.formats().is_some() {
            if let Some(f) = &self.format {
                w.empty("format", Attrs::new().add("type", f));
            }
        }
        if let Some(v) = &self.protocol_ver {
            w.empty("protocol", Attrs::new().add("ver", v));
        }
        w.close("source");
    }
}
