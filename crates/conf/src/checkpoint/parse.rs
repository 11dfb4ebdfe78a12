//! Parsing `<domaincheckpoint>` as `virDomainCheckpointDefParse` does (new checkpoints).

use rvirt_core::error::{ErrorDomain, VirResult};

use super::def::{CheckpointDef, CheckpointDiskDef};
use crate::xml::ident::expect_root;
use crate::xml::{parse_document, NodeExt};

const DOM: ErrorDomain = ErrorDomain::DomainCheckpoint;

impl CheckpointDef {
    /// Parses a new checkpoint's `<domaincheckpoint>`; `now` fills `<creationTime>` and
    /// the default name.
    pub fn parse(xml: &str, now: i64) -> VirResult<CheckpointDef> {
        let doc = parse_document(xml, "domain_checkpoint", DOM)?;
        let root = doc.root_element();
        expect_root(root, "domaincheckpoint", DOM)?;
        let mut def = CheckpointDef {
            name: root
                .child_text("name")
                .map_or_else(|| now.to_string(), str::to_string),
            description: root.child_text("description").map(str::to_string),
            creation_time: now,
            ..Default::default()
        };
        if let Some(disks) = root.child("disks") {
            for n in disks.children_named("disk") {
                def.disks.push(CheckpointDiskDef {
                    name: n.attr("name").unwrap_or_default().to_string(),
                    checkpoint: n.attr("checkpoint").unwrap_or("bitmap").to_string(),
                    bitmap: n.attr("bitmap").map(str::to_string),
                });
            }
        }
        Ok(def)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_then_format_matches_libvirt_layout() -> VirResult<()> {
        let mut def = CheckpointDef::parse(
            "<domaincheckpoint><name>c1</name><description>hi</description></domaincheckpoint>",
            1795717899,
        )?;
        def.disks.push(CheckpointDiskDef {
            name: "vda".into(),
            checkpoint: "bitmap".into(),
            bitmap: Some("c1".into()),
        });
        assert_eq!(
            def.format(),
            "<domaincheckpoint>\n  <name>c1</name>\n  <description>hi</description>\n  \
             <creationTime>1795717899</creationTime>\n  <disks>\n    \
             <disk name='vda' checkpoint='bitmap' bitmap='c1'/>\n  </disks>\n\
             </domaincheckpoint>\n"
        );
        Ok(())
    }

    #[test]
    fn default_name_is_creation_time() -> VirResult<()> {
        let def = CheckpointDef::parse("<domaincheckpoint/>", 42)?;
        assert_eq!(def.name, "42");
        assert!(CheckpointDef::parse("<domainsnapshot/>", 42).is_err());
        Ok(())
    }
}
