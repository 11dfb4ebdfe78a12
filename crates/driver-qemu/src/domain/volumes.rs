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
        if r.vol_type == VOL_NETWORK {
            let lun = IscsiLun::parse(&r.path).ok_or_else(|| {
                VirError::new(
                    ErrorCode::OperationUnsupported,
                    ErrorDomain::Qemu,
                    format!("network volume '{vol}' in pool '{pool}' is not an iSCSI LUN"),
                )
            })?;
            let saved = VolumeDisk {
                source: d.child("source").cloned(),
            };
            lun.apply(d);
            return Ok(Some(saved));
        }
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

/// `virStorageVolType` of a network volume (iscsi-direct LUNs, rbd images).
const VOL_NETWORK: i32 = 3;

/// An iscsi-direct volume as a network disk: its path is `HOST:PORT/TARGET/LUN`
/// (`vol-path` of an iscsi-direct pool's `unit:0:0:LUN`), which is what
/// `virStorageTranslateDiskSourcePool` turns into `<source protocol='iscsi'
/// name='TARGET/LUN'><host name port/></source>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IscsiLun {
    pub host: String,
    pub port: u16,
    pub target: String,
    pub lun: u32,
}

impl IscsiLun {
    /// Parses `HOST:PORT/TARGET/LUN` (HOST may be a bracketed IPv6 address); None for
    /// any other network volume path (an rbd `POOL/IMAGE`, say).
    pub(crate) fn parse(path: &str) -> Option<IscsiLun> {
        let (portal, rest) = path.split_once('/')?;
        let (target, lun) = rest.rsplit_once('/')?;
        let (host, port) = portal.rsplit_once(':')?;
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let lun: u32 = lun.parse().ok()?;
        let port: u16 = port.parse().ok()?;
        let iqn_like =
            target.starts_with("iqn.") || target.starts_with("eui.") || target.starts_with("naa.");
        if host.is_empty() || !iqn_like || target.contains('/') {
            return None;
        }
        Some(IscsiLun {
            host: host.to_string(),
            port,
            target: target.to_string(),
            lun,
        })
    }

    /// Rewrites a `type='volume'` disk into `type='network'` with this LUN as its source
    /// (raw format unless the XML names one).
    fn apply(&self, d: &mut Element) {
        d.set_attr("type", "network");
        let s = d.child_or_insert("source");
        s.remove_attr("pool");
        s.remove_attr("volume");
        s.remove_attr("mode");
        s.set_attr("protocol", "iscsi");
        s.set_attr("name", format!("{}/{}", self.target, self.lun));
        s.children.retain(|c| c.name != "host");
        let mut h = Element::new("host");
        h.set_attr("name", self.host.clone());
        h.set_attr("port", self.port.to_string());
        s.children.push(h);
        if d.child("driver").and_then(|x| x.attr("type")).is_none() {
            let drv = d.child_or_insert("driver");
            if drv.attr("name").is_none() {
                drv.set_attr("name", "qemu");
            }
            drv.set_attr("type", "raw");
        }
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

    #[test]
    fn iscsi_direct_paths_become_network_sources() {
        let l = IscsiLun::parse("127.0.0.1:3262/iqn.2024-01.rvirt.test:e2e/1").unwrap();
        assert_eq!(
            l,
            IscsiLun {
                host: "127.0.0.1".into(),
                port: 3262,
                target: "iqn.2024-01.rvirt.test:e2e".into(),
                lun: 1
            }
        );
        let v6 = IscsiLun::parse("[::1]:3260/iqn.2024-01.x:y/12").unwrap();
        assert_eq!((v6.host.as_str(), v6.lun), ("::1", 12));
        for bad in [
            "rbdpool/image",
            "h:1/notaniqn/1",
            "h:x/iqn.a:b/1",
            "h:1/iqn.a:b/x",
            ":1/iqn.a/1",
        ] {
            assert_eq!(IscsiLun::parse(bad), None, "{bad}");
        }
        let mut d = Element::new("disk");
        d.set_attr("type", "volume");
        let s = d.child_or_insert("source");
        s.set_attr("pool", "p");
        s.set_attr("volume", "unit:0:0:1");
        let saved = VolumeDisk {
            source: d.child("source").cloned(),
        };
        l.apply(&mut d);
        assert_eq!(d.attr("type"), Some("network"));
        let src = d.child("source").unwrap();
        assert_eq!(src.attr("protocol"), Some("iscsi"));
        assert_eq!(src.attr("name"), Some("iqn.2024-01.rvirt.test:e2e/1"));
        assert_eq!(src.attr("pool"), None);
        let h = src.child("host").unwrap();
        assert_eq!(
            (h.attr("name"), h.attr("port")),
            (Some("127.0.0.1"), Some("3262"))
        );
        assert_eq!(d.child("driver").and_then(|x| x.attr("type")), Some("raw"));
        restore_volume_disk(&mut d, saved);
        assert_eq!(d.attr("type"), Some("volume"));
        assert!(d.child("source").unwrap().child("host").is_none());
    }
}
