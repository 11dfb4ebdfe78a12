//! The domain snapshot model (`<domainsnapshot>`) as the test driver stores it; conf has no
//! snapshot model yet, so this one stays here.

use crate::domdef::DomainDefExt;
use crate::xmltree::{self, Element};
use rvirt_conf::domain::DomainDef;
use rvirt_core::error::{ErrorDomain, VirResult};

/// A snapshot definition as the test driver stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotDef {
    pub name: String,
    pub description: Option<String>,
    pub parent: Option<String>,
    pub creation_time: i64,
    /// `running`, `paused`, `shutoff`, `disk-snapshot`.
    pub state: String,
    /// `internal`, `external`, `no`.
    pub memory: String,
    pub disks: Vec<String>,
    pub dom: Option<DomainDef>,
}

impl SnapshotDef {
    /// Parses the user's `<domainsnapshot>` document (name and description only are honoured).
    pub fn parse(xml: &str, now: i64) -> VirResult<SnapshotDef> {
        let root = if xml.trim().is_empty() {
            Element::new("domainsnapshot")
        } else {
            xmltree::parse(xml, "domainsnapshot", ErrorDomain::DomainSnapshot)?
        };
        Ok(SnapshotDef {
            name: root
                .child_text("name")
                .map(str::to_string)
                .unwrap_or_else(|| now.to_string()),
            description: root.child_text("description").map(str::to_string),
            parent: None,
            creation_time: now,
            state: String::new(),
            memory: root
                .child("memory")
                .and_then(|m| m.attr("snapshot"))
                .unwrap_or("")
                .to_string(),
            disks: Vec::new(),
            dom: None,
        })
    }

    /// Formats as `virDomainSnapshotDefFormat`.
    pub fn format(&self) -> String {
        let mut out = String::from("<domainsnapshot>\n");
        out.push_str(&format!("  <name>{}</name>\n", xmltree::escape(&self.name)));
        if let Some(d) = &self.description {
            out.push_str(&format!(
                "  <description>{}</description>\n",
                xmltree::escape(d)
            ));
        }
        out.push_str(&format!("  <state>{}</state>\n", self.state));
        if let Some(p) = &self.parent {
            out.push_str(&format!(
                "  <parent>\n    <name>{}</name>\n  </parent>\n",
                xmltree::escape(p)
            ));
        }
        out.push_str(&format!(
            "  <creationTime>{}</creationTime>\n",
            self.creation_time
        ));
        out.push_str(&format!("  <memory snapshot='{}'/>\n", self.memory));
        if !self.disks.is_empty() {
            out.push_str("  <disks>\n");
            for d in &self.disks {
                out.push_str(&format!(
                    "    <disk name='{}' snapshot='internal'/>\n",
                    xmltree::escape(d)
                ));
            }
            out.push_str("  </disks>\n");
        }
        if let Some(dom) = &self.dom {
            for line in dom.xml(None, false, false).lines() {
                out.push_str("  ");
                out.push_str(line);
                out.push('\n');
            }
        }
        out.push_str("</domainsnapshot>\n");
        out
    }
}
