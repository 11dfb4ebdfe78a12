//! `<disk type='volume'>`: the storage driver turns pool + volume into a path
//! (`virStorageTranslateDiskSourcePool`). The command builder and hotplug see a plain
//! file/block disk; the live XML keeps `type='volume'` and its `<source pool volume>`.

use super::driver::QemuDriver;
use crate::volume::VolumeResolver;
use rvirt_conf::domain::{DomainDef, Element};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use std::sync::Arc;

/// What a translated volume disk looked like before translation (to put it back).
#[derive(Debug, Clone)]
pub(crate) struct VolumeDisk {
    pub source: Option<Element>,
}

fn is_volume_disk(d: &Element) -> bool {
    d.name == "disk" && d.attr("type") == Some("volume")
}

impl QemuDriver {
    fn volume_resolver(&self) -> Option<Arc<dyn VolumeResolver>> {
        self.vol_resolver
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Rewrites one `type='volume'` disk into the file/block disk it stands for.
    pub(crate) async fn translate_volume_disk(
        &self,
        d: &mut Element,
    ) -> VirResult<Option<VolumeDisk>> {
        if !is_volume_disk(d) {
            return Ok(None);
        }
        let src = d.child("source");
        let (pool, vol) = match (
            src.and_then(|s| s.attr("pool")),
            src.and_then(|s| s.attr("volume")),
        ) {
            (Some(p), Some(v)) => (p.to_string(), v.to_string()),
            _ => {
                return Err(VirError::new(
                    ErrorCode::XmlError,
                    ErrorDomain::Domain,
                    "missing pool or volume in disk source",
                ))
            }
        };
        let resolver = self.volume_resolver().ok_or_else(|| {
            VirError::new(
                ErrorCode::NoSupport,
                ErrorDomain::Qemu,
                "this connection has no storage driver for disks of type 'volume'",
            )
        })?;
        let r = resolver.resolve(&pool, &vol).await?;
        let (kind, attr) = match r.vol_type {
            0 => ("file", "file"),
            1 => ("block", "dev"),
            _ => {
                return Err(VirError::new(
                    ErrorCode::OperationUnsupported,
                    ErrorDomain::Qemu,
                    format!("volume '{vol}' in pool '{pool}' is not a file or block device"),
                ))
            }
        };
        let saved = VolumeDisk {
            source: d.child("source").cloned(),
        };
        d.set_attr("type", kind);
        let s = d.child_or_insert("source");
        s.remove_attr("pool");
        s.remove_attr("volume");
        s.remove_attr("mode");
        s.set_attr(attr, r.path);
        let has_type = d.child("driver").and_then(|x| x.attr("type")).is_some();
        if !has_type {
            let fmt = r.format.unwrap_or_else(|| "raw".into());
            let drv = d.child_or_insert("driver");
            if drv.attr("name").is_none() {
                drv.set_attr("name", "qemu");
            }
            drv.set_attr("type", fmt);
        }
        Ok(Some(saved))
    }

    /// [`QemuDriver::translate_volume_disk`] for every disk of a definition being started.
    pub(crate) async fn translate_volume_disks(
        &self,
        def: &mut DomainDef,
    ) -> VirResult<Vec<(usize, VolumeDisk)>> {
        let mut out = Vec::new();
        for (i, d) in def.devices.iter_mut().enumerate() {
            if let Some(v) = self.translate_volume_disk(d).await? {
                out.push((i, v));
            }
        }
        Ok(out)
    }
}

/// Puts `type='volume'` and the original `<source>` back on a translated disk (keeping
/// what the builder added: alias, address, driver format).
pub(crate) fn restore_volume_disk(d: &mut Element, saved: VolumeDisk) {
    d.set_attr("type", "volume");
    if let Some(src) = saved.source {
        if let Some(s) = d.children.iter_mut().find(|c| c.name == "source") {
            *s = src;
        }
    }
}

/// [`restore_volume_disk`] for every disk [`QemuDriver::translate_volume_disks`] changed.
pub(crate) fn restore_volume_disks(def: &mut DomainDef, saved: Vec<(usize, VolumeDisk)>) {
    for (i, v) in saved {
        if let Some(d) = def.devices.get_mut(i) {
            restore_volume_disk(d, v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restore_puts_the_volume_source_back() {
        let mut d = Element::new("disk");
        d.set_attr("type", "volume");
        let s = d.child_or_insert("source");
        s.set_attr("pool", "p");
        s.set_attr("volume", "v");
        let saved = VolumeDisk {
            source: d.child("source").cloned(),
        };
        d.set_attr("type", "file");
        d.child_or_insert("source").set_attr("file", "/x");
        restore_volume_disk(&mut d, saved);
        assert_eq!(d.attr("type"), Some("volume"));
        assert_eq!(d.child("source").and_then(|s| s.attr("pool")), Some("p"));
        assert_eq!(d.child("source").and_then(|s| s.attr("file")), None);
        assert!(is_volume_disk(&d));
    }
}
