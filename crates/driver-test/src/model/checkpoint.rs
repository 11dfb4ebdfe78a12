//! A test-driver checkpoint: conf's `<domaincheckpoint>` model plus the domain definition
//! it captured (kept typed, so `VIR_DOMAIN_CHECKPOINT_XML_SECURE` can format it again).

use crate::domdef::DomainDefExt;
use rvirt_conf::checkpoint::CheckpointDef;
use rvirt_conf::domain::DomainDef;

/// A checkpoint as the test driver stores it (`virDomainMomentObj` with its definition).
#[derive(Debug, Clone, PartialEq)]
pub struct TestCheckpoint {
    /// The `<domaincheckpoint>` document (its `domain` text is filled from `dom` on format).
    pub def: CheckpointDef,
    /// The domain definition at checkpoint time.
    pub dom: Option<DomainDef>,
    /// When it was last linked under its parent: siblings list newest link first, as
    /// libvirt prepends to a moment's child list.
    pub link: u64,
}

impl TestCheckpoint {
    /// The checkpoint's name.
    pub fn name(&self) -> &str {
        &self.def.name
    }

    /// The parent checkpoint's name.
    pub fn parent(&self) -> Option<&str> {
        self.def.parent.as_deref()
    }

    /// Formats as `virDomainCheckpointGetXMLDesc` (`no_domain`, `secure`, `size` are the
    /// `VIR_DOMAIN_CHECKPOINT_XML_*` flags).
    pub fn format(&self, no_domain: bool, secure: bool, size: bool) -> String {
        let mut def = self.def.clone();
        def.domain = match (&self.dom, no_domain) {
            (Some(dom), false) => Some(dom.xml(None, true, secure)),
            _ => None,
        };
        def.format_with(size)
    }
}
