//! Disk plumbing shared by snapshots and block jobs: finding a `<disk>` by target or path,
//! its QEMU block node, `qemu-img`, and rewriting `<source>`/`<backingStore>` from QEMU's
//! view of the image chain (`query-block`).

use super::driver::qmp_err;
use rvirt_conf::domain::{DomainDef, Element};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_qmp::QmpClient;
use serde_json::Value;
use std::time::Duration;

pub(crate) const T: Duration = Duration::from_secs(30);

/// One writable-or-not disk of a definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiskRef {
    pub target: String,
    pub alias: Option<String>,
    pub file: Option<String>,
    pub format: String,
    pub readonly: bool,
}

fn disk_ref(d: &Element) -> DiskRef {
    let device = d.attr("device").unwrap_or("disk");
    DiskRef {
        target: d
            .child("target")
            .and_then(|t| t.attr("dev"))
            .unwrap_or_default()
            .to_string(),
        alias: crate::command::util_alias(d).map(str::to_string),
        file: d
            .child("source")
            .and_then(|s| s.attr("file").or(s.attr("dev")))
            .map(str::to_string),
        format: d
            .child("driver")
            .and_then(|s| s.attr("type"))
            .unwrap_or("raw")
            .to_string(),
        readonly: device == "cdrom" || device == "floppy" || d.child("readonly").is_some(),
    }
}

/// Every `<disk>` of a definition.
pub fn disks(def: &DomainDef) -> Vec<DiskRef> {
    def.devices
        .iter()
        .filter(|d| d.name == "disk")
        .map(disk_ref)
        .collect()
}

/// The disk a block API names by target (`vda`) or source path.
pub fn find_disk(def: &DomainDef, path: &str) -> VirResult<DiskRef> {
    disks(def)
        .into_iter()
        .find(|d| d.target == path || d.file.as_deref() == Some(path))
        .ok_or_else(|| {
            VirError::invalid_arg(
                ErrorDomain::Qemu,
                format!("disk '{path}' not found in domain"),
            )
        })
}

/// The `<disk>` element with target `target`.
pub fn disk_elem_mut<'a>(def: &'a mut DomainDef, target: &str) -> Option<&'a mut Element> {
    def.devices
        .iter_mut()
        .find(|d| d.name == "disk" && d.child("target").and_then(|t| t.attr("dev")) == Some(target))
}

/// The top (format) node of a disk and QEMU's `inserted.image` chain for it.
pub async fn node_of(qmp: &QmpClient, alias: &str) -> VirResult<(String, Value)> {
    let v = qmp.execute("query-block", None, T).await.map_err(qmp_err)?;
    for b in v.as_array().map(Vec::as_slice).unwrap_or_default() {
        let qdev = b["qdev"].as_str().unwrap_or("");
        let matches = qdev.split('/').any(|p| p == alias) || b["device"].as_str() == Some(alias);
        if matches {
            if let Some(n) = b["inserted"]["node-name"].as_str() {
                return Ok((n.to_string(), b["inserted"]["image"].clone()));
            }
        }
    }
    Err(VirError::internal(
        ErrorDomain::Qemu,
        format!("cannot find block node of disk '{alias}'"),
    ))
}

/// Builds `<backingStore>` for a QEMU `backing-image` (or the terminating empty one).
fn backing_store(img: Option<&Value>) -> Element {
    let mut b = Element::new("backingStore");
    if let Some(img) = img {
        if let Some(f) = img["filename"].as_str() {
            b.set_attr("type", "file");
            let mut fmt = Element::new("format");
            fmt.set_attr("type", img["format"].as_str().unwrap_or("raw"));
            let mut src = Element::new("source");
            src.set_attr("file", f);
            b.children.push(fmt);
            b.children.push(src);
            b.children.push(backing_store(img.get("backing-image")));
        }
    }
    b
}

/// Points a `<disk>` at QEMU's current image chain: `<source>`, `<driver type>` and nested
/// `<backingStore>` elements.
pub fn apply_chain(disk: &mut Element, image: &Value) {
    if let Some(f) = image["filename"].as_str() {
        disk.child_or_insert("source").set_attr("file", f);
    }
    if let Some(fmt) = image["format"].as_str() {
        disk.child_or_insert("driver").set_attr("type", fmt);
    }
    disk.remove_children("backingStore");
    let bs = backing_store(image.get("backing-image"));
    let pos = disk
        .children
        .iter()
        .position(|c| c.name == "source")
        .map_or(disk.children.len(), |p| p + 1);
    disk.children.insert(pos, bs);
}

/// The files of a chain, top first.
pub fn chain_files(image: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut cur = Some(image);
    while let Some(i) = cur {
        match i["filename"].as_str() {
            Some(f) => out.push((
                f.to_string(),
                i["format"].as_str().unwrap_or("raw").to_string(),
            )),
            None => break,
        }
        cur = i.get("backing-image");
    }
    out
}

/// Points a `<disk>` at a new top image whose backing is the old source (external snapshot).
pub fn push_overlay(disk: &mut Element, overlay: &str) {
    let old_file = disk
        .child("source")
        .and_then(|s| s.attr("file"))
        .map(str::to_string);
    let old_fmt = disk
        .child("driver")
        .and_then(|s| s.attr("type"))
        .unwrap_or("raw")
        .to_string();
    let old_backing = disk.child("backingStore").cloned();
    let mut b = Element::new("backingStore");
    if let Some(f) = old_file {
        b.set_attr("type", "file");
        let mut fmt = Element::new("format");
        fmt.set_attr("type", old_fmt);
        let mut src = Element::new("source");
        src.set_attr("file", f);
        b.children.push(fmt);
        b.children.push(src);
        b.children
            .push(old_backing.unwrap_or_else(|| Element::new("backingStore")));
    }
    disk.child_or_insert("source").set_attr("file", overlay);
    disk.child_or_insert("driver").set_attr("type", "qcow2");
    disk.remove_children("backingStore");
    let pos = disk
        .children
        .iter()
        .position(|c| c.name == "source")
        .map_or(disk.children.len(), |p| p + 1);
    disk.children.insert(pos, b);
}

/// Runs `qemu-img` and returns its stdout, or libvirt-style OPERATION_FAILED with stderr.
pub async fn qemu_img(args: &[&str]) -> VirResult<String> {
    let out = tokio::process::Command::new("qemu-img")
        .args(args)
        .output()
        .await
        .map_err(|e| {
            VirError::new(
                ErrorCode::OperationFailed,
                ErrorDomain::Qemu,
                format!("cannot run qemu-img: {e}"),
            )
        })?;
    if !out.status.success() {
        return Err(VirError::new(
            ErrorCode::OperationFailed,
            ErrorDomain::Qemu,
            format!(
                "qemu-img {} failed: {}",
                args.first().copied().unwrap_or(""),
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A fresh pair of node names (`rvirt-<n>-storage`, `rvirt-<n>-format`).
pub fn new_nodes() -> (String, String) {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_micros() % 1_000_000_000);
    (
        format!("rvirt-{t}-{n}-storage"),
        format!("rvirt-{t}-{n}-format"),
    )
}

/// Opens `file` as a new node pair (`blockdev-add` file + format, no backing when `no_backing`).
pub async fn add_nodes(
    qmp: &QmpClient,
    file: &str,
    format: &str,
    no_backing: bool,
) -> VirResult<(String, String)> {
    let (st, fmt) = new_nodes();
    qmp.execute(
        "blockdev-add",
        Some(
            serde_json::json!({"driver": "file", "filename": file, "node-name": st,
            "auto-read-only": true, "discard": "unmap"}),
        ),
        T,
    )
    .await
    .map_err(qmp_err)?;
    let mut a = serde_json::json!({"node-name": fmt, "driver": format, "file": st});
    if no_backing && format == "qcow2" {
        a["backing"] = Value::Null;
    }
    if let Err(e) = qmp.execute("blockdev-add", Some(a), T).await {
        let _ = qmp
            .execute(
                "blockdev-del",
                Some(serde_json::json!({"node-name": st})),
                T,
            )
            .await;
        return Err(qmp_err(e));
    }
    Ok((st, fmt))
}

/// Removes a node pair, best effort.
pub async fn del_nodes(qmp: &QmpClient, nodes: &[String]) {
    for n in nodes {
        let _ = qmp
            .execute("blockdev-del", Some(serde_json::json!({"node-name": n})), T)
            .await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_rewrites() {
        let mut d = Element::new("disk");
        d.child_or_insert("driver").set_attr("type", "raw");
        d.child_or_insert("source").set_attr("file", "/b.img");
        d.child_or_insert("target").set_attr("dev", "vda");
        push_overlay(&mut d, "/o.qcow2");
        assert_eq!(
            d.child("source").and_then(|s| s.attr("file")),
            Some("/o.qcow2")
        );
        let bs = d.child("backingStore").unwrap();
        assert_eq!(
            bs.child("source").and_then(|s| s.attr("file")),
            Some("/b.img")
        );
        assert_eq!(bs.child("format").and_then(|s| s.attr("type")), Some("raw"));
        assert!(bs.child("backingStore").is_some());
        let img = serde_json::json!({"filename": "/n.qcow2", "format": "qcow2",
            "backing-image": {"filename": "/b.img", "format": "raw"}});
        apply_chain(&mut d, &img);
        assert_eq!(
            d.child("source").and_then(|s| s.attr("file")),
            Some("/n.qcow2")
        );
        assert_eq!(
            chain_files(&img),
            [
                ("/n.qcow2".to_string(), "qcow2".to_string()),
                ("/b.img".into(), "raw".into())
            ]
        );
        let def_disks = disks(&DomainDef::default());
        assert!(def_disks.is_empty());
    }
}
