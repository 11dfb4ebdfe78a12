//! Parsing `<domaincheckpoint>` as `virDomainCheckpointDefParse` does (new checkpoints, and
//! with `VIR_DOMAIN_CHECKPOINT_PARSE_REDEFINE` existing ones).

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::def::{CheckpointDef, CheckpointDiskDef};
use crate::snapshot::element_text;
use crate::xml::ident::expect_root;
use crate::xml::{parse_document, NodeExt};

const DOM: ErrorDomain = ErrorDomain::DomainCheckpoint;

impl CheckpointDef {
    /// Parses a new checkpoint's `<domaincheckpoint>`; `now` fills `<creationTime>` and
    /// the default name.
    pub fn parse(xml: &str, now: i64) -> VirResult<CheckpointDef> {
        parse(xml, now, false)
    }

    /// Parses a redefined checkpoint (`VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE`): the name and
    /// `<creationTime>` are required; `<parent>` and `<domain>` are kept.
    pub fn parse_redefine(xml: &str) -> VirResult<CheckpointDef> {
        parse(xml, 0, true)
    }
}

fn parse(xml: &str, now: i64, redefine: bool) -> VirResult<CheckpointDef> {
    let doc = parse_document(xml, "domain_checkpoint", DOM)?;
    let root = doc.root_element();
    expect_root(root, "domaincheckpoint", DOM)?;
    super::schema::validate(root)?;
    let name = root.child_text("name").map(str::to_string);
    if name.is_none() && redefine {
        return Err(VirError::new(
            ErrorCode::XmlError,
            DOM,
            "a redefined checkpoint must have a name",
        ));
    }
    let mut def = CheckpointDef {
        name: name.unwrap_or_else(|| now.to_string()),
        description: root.child_text("description").map(str::to_string),
        creation_time: now,
        ..Default::default()
    };
    if redefine {
        def.creation_time = root
            .child_text("creationTime")
            .and_then(|t| t.trim().parse().ok())
            .ok_or_else(|| {
                VirError::internal(DOM, "missing creationTime from existing checkpoint")
            })?;
        def.parent = root
            .child("parent")
            .and_then(|p| p.child_text("name"))
            .map(str::to_string);
        def.domain = root
            .children()
            .find(|c| c.is_element() && c.has_tag_name("domain"))
            .map(|n| element_text(xml, n));
    }
    if let Some(disks) = root.child("disks") {
        for n in disks.children().filter(|c| c.is_element()) {
            def.disks.push(CheckpointDiskDef {
                name: n.attr("name").unwrap_or_default().to_string(),
                checkpoint: n.attr("checkpoint").unwrap_or("bitmap").to_string(),
                bitmap: n.attr("bitmap").map(str::to_string),
                size: None,
            });
        }
    }
    Ok(def)
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
            size: Some(1024),
        });
        assert_eq!(
            def.format(),
            "<domaincheckpoint>\n  <name>c1</name>\n  <description>hi</description>\n  \
             <creationTime>1795717899</creationTime>\n  <disks>\n    \
             <disk name='vda' checkpoint='bitmap' bitmap='c1'/>\n  </disks>\n\
             </domaincheckpoint>\n"
        );
        assert!(def
            .format_with(true)
            .contains("<disk name='vda' checkpoint='bitmap' bitmap='c1' size='1024'/>"));
        Ok(())
    }

    #[test]
    fn default_name_is_creation_time() -> VirResult<()> {
        let def = CheckpointDef::parse("<domaincheckpoint/>", 42)?;
        assert_eq!(def.name, "42");
        assert!(CheckpointDef::parse("<domainsnapshot/>", 42).is_err());
        Ok(())
    }

    #[test]
    fn redefine_keeps_parent_time_and_domain() -> VirResult<()> {
        let xml = "<domaincheckpoint>\n  <name>c2</name>\n  <parent>\n    <name>c1</name>\n  \
                   </parent>\n  <creationTime>77</creationTime>\n  <disks>\n    \
                   <disk name='vda' checkpoint='no'/>\n  </disks>\n  <domain type='test'>\n    \
                   <name>t</name>\n  </domain>\n</domaincheckpoint>\n";
        let def = CheckpointDef::parse_redefine(xml)?;
        assert_eq!(def.parent.as_deref(), Some("c1"));
        assert_eq!(def.creation_time, 77);
        assert_eq!(def.disks[0].checkpoint, "no");
        assert_eq!(
            def.domain.as_deref(),
            Some("<domain type='test'>\n  <name>t</name>\n</domain>")
        );
        assert_eq!(def.format(), xml);
        Ok(())
    }

    #[test]
    fn redefine_errors_match_libvirt() {
        let e = CheckpointDef::parse_redefine("<domaincheckpoint/>").unwrap_err();
        assert_eq!(
            e.message,
            "XML error: a redefined checkpoint must have a name"
        );
        let e =
            CheckpointDef::parse_redefine("<domaincheckpoint><name>a</name></domaincheckpoint>")
                .unwrap_err();
        assert_eq!(
            e.message,
            "internal error: missing creationTime from existing checkpoint"
        );
    }
}
