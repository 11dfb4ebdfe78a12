//! The storage pool definition model and parser (`virStoragePoolDef`).

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::perms::{sanitize_path, Permissions};
use super::pool_type::PoolType;
use super::source::PoolSource;
use crate::xml::ident::{expect_root, invalid_attr, missing_attr, read_uuid};
use crate::xml::values::scaled_size;
use crate::xml::{parse_document, NodeExt};

const DOM: ErrorDomain = ErrorDomain::Storage;

/// The capacity the test driver gives every pool it defines (100 GiB).
pub const TEST_DRIVER_POOL_CAPACITY: u64 = 100 * 1024 * 1024 * 1024;

/// A storage pool definition (`<pool>`), as `virStoragePoolDefineXML` takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolDef {
    pub name: String,
    pub uuid: [u8; 16],
    pub pool_type: PoolType,
    /// Bytes.
    pub capacity: u64,
    /// Bytes.
    pub allocation: u64,
    /// Bytes.
    pub available: u64,
    pub source: PoolSource,
    /// `<target><path>` (network pools have none).
    pub target_path: Option<String>,
    pub target_perms: Permissions,
}

fn xml_err(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::XmlError, DOM, detail)
}

fn size(node: roxmltree::Node, name: &str) -> VirResult<u64> {
    match node.child(name) {
        None => Ok(0),
        Some(n) => scaled_size(n.text().unwrap_or(""), n.attr("unit"), 1, DOM, name),
    }
}

impl PoolDef {
    /// Parses a `<pool>` document as `virStoragePoolDefineXML` does.
    pub fn parse(xml: &str) -> VirResult<PoolDef> {
        let doc = parse_document(xml, "storage_pool_definition", DOM)?;
        let root = doc.root_element();
        expect_root(root, "pool", DOM)?;
        Self::from_node(root)
    }

    /// Builds the model from a `<pool>` element (`virStoragePoolDefParseXML`).
    pub fn from_node(root: roxmltree::Node) -> VirResult<PoolDef> {
        let pool_type = match root.attr("type") {
            None => return Err(missing_attr("type", "pool")),
            Some(t) => PoolType::from_name(t).ok_or_else(|| invalid_attr("type", "pool", t))?,
        };
        let mut source = match root.child("source") {
            Some(s) => PoolSource::parse(s, pool_type)?,
            None => PoolSource::default(),
        };
        if pool_type == PoolType::Rbd && source.name.is_none() {
            return Err(xml_err("element 'name' is mandatory for RBD pool"));
        }
        let name = match root.child_text("name") {
            Some(n) => n.to_string(),
            None if pool_type.has_source_name() && source.name.is_some() => {
                source.name.clone().unwrap_or_default()
            }
            None => return Err(xml_err("missing pool source name element")),
        };
        if name.contains('/') {
            return Err(xml_err(format!("name {name} cannot contain '/'")));
        }
        let uuid = read_uuid(root, DOM).map_err(|_| xml_err("malformed uuid element"))?;
        if pool_type.needs_host() && source.hosts.is_empty() {
            return Err(xml_err("missing storage pool source host name"));
        }
        if pool_type.needs_dir() && source.dir.is_none() {
            return Err(xml_err("missing storage pool source path"));
        }
        if pool_type.has_source_name() && source.name.is_none() {
            source.name = Some(name.clone());
        }
        if pool_type.needs_device() && source.devices.is_empty() {
            return Err(xml_err("missing storage pool source device name"));
        }
        if pool_type.needs_initiator() && source.initiator_iqn.is_none() {
            return Err(xml_err("missing initiator IQN"));
        }
        if pool_type == PoolType::Scsi && source.adapter.is_none() {
            return Err(xml_err("missing storage pool source adapter"));
        }
        if let Some((_, default)) = pool_type.formats() {
            if source.format.is_none() {
                source.format = Some(default.to_string());
            }
        }
        let target = root.child("target");
        let target_path = if pool_type.is_network() {
            None
        } else {
            let given = target.and_then(|t| t.child_text("path"));
            let src = source.name.clone().unwrap_or_default();
            Some(match (given, pool_type) {
                (_, PoolType::Logical) => format!("/dev/{src}"),
                (Some(p), _) => sanitize_path(p),
                (None, PoolType::Zfs) => format!("/dev/zvol/{src}"),
                (None, _) => return Err(xml_err("missing storage pool target path")),
            })
        };
        let target_perms = match target.and_then(|t| t.child("permissions")) {
            Some(p) => Permissions::parse(p)?,
            None => Permissions::default(),
        };
        Ok(PoolDef {
            capacity: size(root, "capacity")?,
            allocation: size(root, "allocation")?,
            available: size(root, "available")?,
            name,
            uuid,
            pool_type,
            source,
            target_path,
            target_perms,
        })
    }

    /// The sizes libvirt's test driver reports for a pool it defines: 100 GiB, all free.
    pub fn apply_test_driver_sizes(&mut self) {
        self.capacity = TEST_DRIVER_POOL_CAPACITY;
        self.allocation = 0;
        self.available = TEST_DRIVER_POOL_CAPACITY;
    }
}
