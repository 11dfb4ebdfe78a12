//! `virDomainCheckpointAlignDisks`: one checkpoint disk entry per domain disk, in the
//! domain's order, with libvirt's defaults for the disks the user left out.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::def::{CheckpointDef, CheckpointDiskDef};
use crate::domain::DomainDef;

const DOM: ErrorDomain = ErrorDomain::DomainCheckpoint;

fn unsupported(detail: String) -> VirError {
    VirError::new(ErrorCode::ConfigUnsupported, DOM, detail)
}

/// One domain disk as the alignment sees it.
struct Disk {
    target: String,
    source: Option<String>,
    /// Empty (no source) or `<readonly/>`: never checkpointed.
    skip: bool,
}

/// The domain's disks in its (libvirt-sorted) order.
fn domain_disks(dom: &DomainDef) -> Vec<Disk> {
    dom.devices
        .iter()
        .filter(|d| d.name == "disk")
        .map(|d| {
            let source = d.child("source").and_then(|s| {
                ["file", "dev", "dir", "name", "volume"]
                    .iter()
                    .find_map(|a| s.attr(a))
                    .map(str::to_string)
            });
            Disk {
                target: d
                    .child("target")
                    .and_then(|t| t.attr("dev"))
                    .unwrap_or_default()
                    .to_string(),
                skip: source.is_none() || d.child("readonly").is_some(),
                source,
            }
        })
        .collect()
}

impl CheckpointDef {
    /// Aligns [`Self::disks`] to `dom`'s disks (`virDomainCheckpointAlignDisks`): without
    /// `<disks>` every writable disk gets a bitmap, otherwise omitted disks get `no`;
    /// bitmap disks without a name get the checkpoint's.
    pub fn align_disks(&mut self, dom: &DomainDef) -> VirResult<()> {
        let disks = domain_disks(dom);
        if self.disks.len() > disks.len() {
            return Err(unsupported(
                "too many disk checkpoint requests for domain".into(),
            ));
        }
        if disks.is_empty() {
            return Err(unsupported(
                "domain must have at least one disk to perform checkpoints".into(),
            ));
        }
        let default = if self.disks.is_empty() {
            "bitmap"
        } else {
            "no"
        };
        let mut given: Vec<(usize, CheckpointDiskDef)> = Vec::new();
        for mut c in std::mem::take(&mut self.disks) {
            let idx = disks
                .iter()
                .position(|d| d.target == c.name)
                .or_else(|| {
                    disks
                        .iter()
                        .position(|d| d.source.as_deref() == Some(c.name.as_str()))
                })
                .ok_or_else(|| unsupported(format!("no disk named '{}'", c.name)))?;
            if given.iter().any(|(i, _)| *i == idx) {
                return Err(unsupported(format!("disk '{}' specified twice", c.name)));
            }
            if disks[idx].skip && c.checkpoint != "no" {
                return Err(unsupported(format!(
                    "disk '{}' is empty or readonly",
                    c.name
                )));
            }
            c.name = disks[idx].target.clone();
            given.push((idx, c));
        }
        self.disks = disks
            .iter()
            .enumerate()
            .map(|(i, d)| match given.iter().position(|(g, _)| *g == i) {
                Some(p) => given[p].1.clone(),
                None => CheckpointDiskDef {
                    name: d.target.clone(),
                    checkpoint: if d.skip { "no" } else { default }.to_string(),
                    ..Default::default()
                },
            })
            .collect();
        self.assign_bitmap_names();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ParseOptions;

    fn dom() -> DomainDef {
        let xml = "<domain type='test'><name>t</name><memory>1024</memory><os><type>hvm</type></os><devices>\
                   <disk type='file' device='disk'><source file='/a.img'/><target dev='vda'/></disk>\
                   <disk type='file' device='cdrom'><target dev='hdc'/><readonly/></disk>\
                   <disk type='file' device='disk'><source file='/b.img'/><target dev='vdb'/></disk>\
                   </devices></domain>";
        DomainDef::parse(xml, &ParseOptions::default()).unwrap()
    }

    #[test]
    fn defaults_follow_libvirt() {
        let mut c =
            CheckpointDef::parse("<domaincheckpoint><name>c</name></domaincheckpoint>", 1).unwrap();
        c.align_disks(&dom()).unwrap();
        let got: Vec<_> = c
            .disks
            .iter()
            .map(|d| (d.name.as_str(), d.checkpoint.as_str(), d.bitmap.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("vda", "bitmap", Some("c")),
                ("vdb", "bitmap", Some("c")),
                ("hdc", "no", None)
            ]
        );

        let mut c = CheckpointDef::parse(
            "<domaincheckpoint><name>c</name><disks><disk name='/b.img' bitmap='x'/></disks>\
             </domaincheckpoint>",
            1,
        )
        .unwrap();
        c.align_disks(&dom()).unwrap();
        assert_eq!(c.disks[0].checkpoint, "no");
        assert_eq!(c.disks[1].name, "vdb");
        assert_eq!(c.disks[1].bitmap.as_deref(), Some("x"));
    }

    #[test]
    fn errors_match_libvirt() {
        let mut c = CheckpointDef::parse(
            "<domaincheckpoint><disks><disk name='vdz'/></disks></domaincheckpoint>",
            1,
        )
        .unwrap();
        let e = c.align_disks(&dom()).unwrap_err();
        assert_eq!(e.message, "unsupported configuration: no disk named 'vdz'");
        let mut c = CheckpointDef::parse(
            "<domaincheckpoint><disks><disk name='hdc'/></disks></domaincheckpoint>",
            1,
        )
        .unwrap();
        let e = c.align_disks(&dom()).unwrap_err();
        assert_eq!(
            e.message,
            "unsupported configuration: disk 'hdc' is empty or readonly"
        );
    }
}
