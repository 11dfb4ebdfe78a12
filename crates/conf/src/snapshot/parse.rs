//! Parsing `<domainsnapshot>` as `virDomainSnapshotDefParse` does.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::def::{SnapshotDef, SnapshotParseFlags};
use super::disk::SnapshotDiskDef;
use super::embed::element_text;
use super::location::{SnapshotLocation, SnapshotState};
use crate::xml::ident::{expect_root, invalid_attr};
use crate::xml::{parse_document, NodeExt};

const DOM: ErrorDomain = ErrorDomain::DomainSnapshot;

fn xml_err(msg: String) -> VirError {
    VirError::new(ErrorCode::XmlError, DOM, msg)
}

/// The first child element named `name` in no namespace.
fn plain_child<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    n.children()
        .find(|c| c.is_element() && c.has_tag_name(name) && c.tag_name().namespace().is_none())
}

impl SnapshotDef {
    /// Parses a `<domainsnapshot>` document (`virDomainSnapshotCreateXML` input, or with
    /// `redefine`/`internal` a snapshot's stored XML).
    pub fn parse(xml: &str, flags: SnapshotParseFlags) -> VirResult<SnapshotDef> {
        let doc = parse_document(xml, "domain_snapshot", DOM)?;
        let root = doc.root_element();
        expect_root(root, "domainsnapshot", DOM)?;
        let redefine = flags.redefine || flags.internal;
        let mut def = SnapshotDef {
            description: root.child_text("description").map(str::to_string),
            ..Default::default()
        };
        match root.child_text("name") {
            Some(n) => def.name = n.to_string(),
            None if redefine => {
                return Err(xml_err("a redefined snapshot must have a name".into()));
            }
            None => {}
        }
        if redefine {
            parse_redefined(xml, root, &mut def)?;
        } else {
            def.creation_time = flags.now;
            if def.name.is_empty() {
                def.name = flags.now.to_string();
            }
        }
        parse_memory(root, redefine, &mut def)?;
        if let Some(disks) = root.child("disks") {
            for n in disks.children_named("disk") {
                def.disks.push(SnapshotDiskDef::parse(n)?);
            }
        }
        if flags.internal {
            def.current = match root.child_text("active").map(str::trim) {
                Some(a) => {
                    a.parse::<i64>()
                        .map_err(|_| VirError::internal(DOM, "Could not find 'active' element"))?
                        != 0
                }
                None => false,
            };
        }
        Ok(def)
    }
}

/// The parts only a redefinition (or stored metadata) carries.
fn parse_redefined(xml: &str, root: roxmltree::Node, def: &mut SnapshotDef) -> VirResult<()> {
    def.creation_time = root
        .child_text("creationTime")
        .and_then(|t| t.trim().parse().ok())
        .ok_or_else(|| VirError::internal(DOM, "missing creationTime from existing snapshot"))?;
    def.parent = root
        .child("parent")
        .and_then(|p| p.child_text("name"))
        .map(str::to_string);
    let state = root
        .child_text("state")
        .ok_or_else(|| xml_err("missing state from existing snapshot".into()))?;
    def.state = SnapshotState::from_name(state)
        .filter(|s| *s != SnapshotState::NoState)
        .ok_or_else(|| {
            VirError::new(
                ErrorCode::ConfigUnsupported,
                DOM,
                format!("Invalid state '{state}' in domain snapshot XML"),
            )
        })?;
    def.domain = plain_child(root, "domain").map(|n| element_text(xml, n));
    def.inactive_domain = plain_child(root, "inactiveDomain").map(|n| element_text(xml, n));
    def.cookie = plain_child(root, "cookie").map(|n| element_text(xml, n));
    Ok(())
}

/// `<memory snapshot=… file=…>`.
fn parse_memory(root: roxmltree::Node, redefine: bool, def: &mut SnapshotDef) -> VirResult<()> {
    let mem = root.child("memory");
    let snapshot = mem.and_then(|m| m.attr("snapshot"));
    let file = mem.and_then(|m| m.attr("file"));
    if let Some(s) = snapshot {
        def.memory =
            SnapshotLocation::from_name(s).ok_or_else(|| invalid_attr("snapshot", "memory", s))?;
        if let Some(f) = file {
            if def.memory != SnapshotLocation::External {
                return Err(xml_err(format!(
                    "memory filename '{f}' requires external snapshot"
                )));
            }
        } else if def.memory == SnapshotLocation::External {
            return Err(xml_err(
                "external memory snapshots require a filename".into(),
            ));
        }
    } else if file.is_some() {
        def.memory = SnapshotLocation::External;
    } else if redefine {
        def.memory = if def.state == SnapshotState::Shutoff {
            SnapshotLocation::No
        } else {
            SnapshotLocation::Internal
        };
    }
    if let Some(f) = file {
        if !f.starts_with('/') {
            return Err(xml_err(format!(
                "memory snapshot file path ({f}) must be absolute"
            )));
        }
        def.memory_file = Some(f.to_string());
    }
    Ok(())
}
