//! The storage volume definition model and parser (`virStorageVolDef`).

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::encryption::Encryption;
use super::perms::Permissions;
use super::pool::PoolDef;
use super::pool_type::PoolType;
use crate::xml::values::scaled_size;
use crate::xml::{parse_document, NodeExt};

const DOM: ErrorDomain = ErrorDomain::Storage;

/// Volume types (`virStorageVolType`).
pub const VOLUME_TYPES: &[&str] = &["file", "block", "dir", "network", "netdir", "ploop"];

/// File formats of volumes in dir/fs/netfs pools (`virStorageFileFormat`).
pub const FILE_FORMATS: &[&str] = &[
    "none", "raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc", "vdi", "fat", "vhd", "ploop",
    "cow", "qcow", "qcow2", "qed", "vmdk",
];

/// Partition formats of volumes in disk pools.
pub const PARTITION_FORMATS: &[&str] = &[
    "none",
    "linux",
    "fat16",
    "fat32",
    "linux-swap",
    "linux-lvm",
    "linux-raid",
    "extended",
];

/// `<backingStore>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BackingStore {
    pub path: String,
    pub format_type: Option<String>,
    pub perms: Permissions,
}

/// A storage volume definition (`<volume>`), as `virStorageVolCreateXML` takes it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VolumeDef {
    pub name: String,
    pub key: Option<String>,
    /// `type='…'` (one of [`VOLUME_TYPES`]).
    pub vol_type: String,
    /// Bytes.
    pub capacity: u64,
    /// Bytes.
    pub allocation: u64,
    pub target_path: Option<String>,
    /// `<target><format type>` (only for pool types with volume formats).
    pub format_type: Option<String>,
    pub perms: Permissions,
    pub encryption: Option<Encryption>,
    pub compat: Option<String>,
    /// Bytes.
    pub cluster_size: Option<u64>,
    /// `<features>` was given (libvirt then formats the block even if empty).
    pub has_features: bool,
    pub lazy_refcounts: bool,
    pub extended_l2: bool,
    pub nocow: bool,
    pub backing_store: Option<BackingStore>,
}

/// The volume formats of a pool type and the default, if volumes there have formats.
pub fn volume_formats(t: PoolType) -> Option<(&'static [&'static str], &'static str)> {
    match t {
        PoolType::Dir | PoolType::Fs | PoolType::Netfs | PoolType::Gluster | PoolType::Vstorage => {
            Some((FILE_FORMATS, "raw"))
        }
        PoolType::Disk => Some((PARTITION_FORMATS, "none")),
        _ => None,
    }
}

fn xml_err(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::XmlError, DOM, detail)
}

fn check_format(f: &str, known: &[&str]) -> VirResult<()> {
    if known.contains(&f) {
        Ok(())
    } else {
        Err(VirError::new(
            ErrorCode::ConfigUnsupported,
            DOM,
            format!("unknown volume format type {f}"),
        ))
    }
}

impl VolumeDef {
    /// Parses a `<volume>` document for a volume in `pool` (`virStorageVolDefParseString`).
    pub fn parse(xml: &str, pool: &PoolDef) -> VirResult<VolumeDef> {
        let doc = parse_document(xml, "storage_volume_definition", DOM)?;
        let root = doc.root_element();
        crate::xml::ident::expect_root(root, "volume", DOM)?;
        Self::from_node(root, pool)
    }

    /// Builds the model from a `<volume>` element.
    pub fn from_node(root: roxmltree::Node, pool: &PoolDef) -> VirResult<VolumeDef> {
        let name = root
            .child_text("name")
            .ok_or_else(|| xml_err("missing volume name element"))?
            .to_string();
        let vol_type = match root.attr("type") {
            None => "file".to_string(),
            Some(t) if VOLUME_TYPES.contains(&t) => t.to_string(),
            Some(t) => {
                return Err(VirError::new(
                    ErrorCode::ConfigUnsupported,
                    DOM,
                    format!("unknown volume type '{t}'"),
                ))
            }
        };
        let cap = root
            .child("capacity")
            .ok_or_else(|| xml_err("missing capacity element"))?;
        let capacity = scaled_size(
            cap.text().unwrap_or(""),
            cap.attr("unit"),
            1,
            DOM,
            "capacity",
        )?;
        let allocation = match root.child("allocation") {
            None => capacity,
            Some(a) => scaled_size(a.text().unwrap_or(""), a.attr("unit"), 1, DOM, "allocation")?,
        };
        let target = root.child("target");
        let formats = volume_formats(pool.pool_type);
        let format_type = match formats {
            None => None,
            Some((known, default)) => {
                match target
                    .and_then(|t| t.child("format"))
                    .and_then(|f| f.attr("type"))
                {
                    None => Some(default.to_string()),
                    Some(f) => {
                        check_format(f, known)?;
                        Some(f.to_string())
                    }
                }
            }
        };
        let perms = match target.and_then(|t| t.child("permissions")) {
            Some(p) => Permissions::parse(p)?,
            None => Permissions::default(),
        };
        let features = target.and_then(|t| t.child("features"));
        let mut compat = target
            .and_then(|t| t.child_text("compat"))
            .map(str::to_string);
        if features.is_some() && compat.is_none() {
            compat = Some("1.1".to_string());
        }
        let cluster_size = match target.and_then(|t| t.child("clusterSize")) {
            None => None,
            Some(c) => Some(scaled_size(
                c.text().unwrap_or(""),
                c.attr("unit"),
                1,
                DOM,
                "clusterSize",
            )?),
        };
        let backing_store = match root.child("backingStore") {
            None => None,
            Some(b) => match b.child_text("path") {
                None => None,
                Some(p) => {
                    let f = b.child("format").and_then(|f| f.attr("type"));
                    if let Some(f) = f {
                        check_format(f, FILE_FORMATS)?;
                    }
                    Some(BackingStore {
                        path: p.to_string(),
                        format_type: Some(f.unwrap_or("raw").to_string()),
                        perms: match b.child("permissions") {
                            Some(p) => Permissions::parse(p)?,
                            None => Permissions::default(),
                        },
                    })
                }
            },
        };
        Ok(VolumeDef {
            key: root.child_text("key").map(str::to_string),
            vol_type,
            capacity,
            allocation,
            target_path: target
                .and_then(|t| t.child_text("path"))
                .map(str::to_string),
            format_type,
            perms,
            encryption: target
                .and_then(|t| t.child("encryption"))
                .map(Encryption::parse),
            compat,
            cluster_size,
            has_features: features.is_some(),
            lazy_refcounts: features.is_some_and(|f| f.child("lazy_refcounts").is_some()),
            extended_l2: features.is_some_and(|f| f.child("extended_l2").is_some()),
            nocow: target.is_some_and(|t| t.child("nocow").is_some()),
            backing_store,
            name,
        })
    }

    /// What libvirt's test driver does on `vol-create`: the volume lives at
    /// `<pool target path>/<name>` and that path is also its key.
    pub fn apply_test_driver_placement(&mut self, pool: &PoolDef) {
        let path = format!(
            "{}/{}",
            pool.target_path.as_deref().unwrap_or(""),
            self.name
        );
        self.key = Some(path.clone());
        self.target_path = Some(path);
    }
}
