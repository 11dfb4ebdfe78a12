//! A test-driver snapshot: conf's `<domainsnapshot>` model plus the domain definition it
//! captured (kept typed, as a revert swaps it back in).

use std::ops::{Deref, DerefMut};

use crate::domdef::DomainDefExt;
use rvirt_conf::domain::DomainDef;
use rvirt_conf::snapshot::{SnapshotDef, SnapshotFormatFlags, SnapshotParseFlags};
use rvirt_core::error::VirResult;

/// A snapshot as the test driver stores it.
#[derive(Debug, Clone, PartialEq)]
pub struct TestSnapshot {
    /// The `<domainsnapshot>` document (its `domain` text is filled from `dom` on format).
    pub def: SnapshotDef,
    /// The domain definition at snapshot time.
    pub dom: Option<DomainDef>,
}

impl Deref for TestSnapshot {
    type Target = SnapshotDef;
    fn deref(&self) -> &SnapshotDef {
        &self.def
    }
}

impl DerefMut for TestSnapshot {
    fn deref_mut(&mut self) -> &mut SnapshotDef {
        &mut self.def
    }
}

impl TestSnapshot {
    /// Parses the user's `<domainsnapshot>` (`virDomainSnapshotCreateXML` input; `redefine`
    /// for `VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE`).
    pub fn parse(xml: &str, now: i64, redefine: bool) -> VirResult<TestSnapshot> {
        let xml = if xml.trim().is_empty() {
            "<domainsnapshot/>"
        } else {
            xml
        };
        let flags = SnapshotParseFlags {
            redefine,
            internal: false,
            now,
        };
        Ok(TestSnapshot {
            def: SnapshotDef::parse(xml, flags)?,
            dom: None,
        })
    }

    /// Formats as `virDomainSnapshotGetXMLDesc`.
    pub fn format(&self) -> String {
        let mut def = self.def.clone();
        if let Some(dom) = &self.dom {
            def.domain = Some(dom.xml(None, false, false));
        }
        def.format(SnapshotFormatFlags::default())
    }
}
