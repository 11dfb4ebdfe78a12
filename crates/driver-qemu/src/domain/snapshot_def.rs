//! The `<domainsnapshot>` XML model (libvirt's `virDomainSnapshotDef`): parsing user input and
//! stored metadata, and formatting it as `virDomainSnapshotGetXMLDesc` does.
//!
//! rvirt-conf has no snapshot model yet, so it lives here in the QEMU driver.

use rvirt_conf::xml::escape;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

/// `<memory snapshot='…'/>` and `<disk snapshot='…'/>` kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SnapKind {
    #[default]
    Default,
    No,
    Internal,
    External,
}

impl SnapKind {
    fn parse(s: &str) -> VirResult<Self> {
        Ok(match s {
            "no" => SnapKind::No,
            "internal" => SnapKind::Internal,
            "external" => SnapKind::External,
            other => {
                return Err(xml_err(format!("unknown snapshot type '{other}'")));
            }
        })
    }

    /// The XML value (`no`, `internal`, `external`).
    pub fn as_str(self) -> &'static str {
        match self {
            SnapKind::Default | SnapKind::No => "no",
            SnapKind::Internal => "internal",
            SnapKind::External => "external",
        }
    }
}

/// One `<disk>` of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SnapDisk {
    /// The disk's target (`vda`) or source path as the user named it.
    pub name: String,
    pub kind: SnapKind,
    /// External overlay file.
    pub file: Option<String>,
    /// Overlay format (`qcow2`).
    pub format: Option<String>,
}

/// A `<domainsnapshot>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SnapshotDef {
    pub name: String,
    pub description: Option<String>,
    /// `running`, `paused`, `shutoff`, `disk-snapshot`.
    pub state: String,
    pub parent: Option<String>,
    pub creation_time: i64,
    pub memory: SnapKind,
    pub memory_file: Option<String>,
    pub disks: Vec<SnapDisk>,
    /// The domain XML at snapshot time (inactive form).
    pub domain_xml: Option<String>,
    /// Whether this is the domain's current snapshot (stored metadata only).
    pub current: bool,
}

fn xml_err(msg: String) -> VirError {
    VirError::new(ErrorCode::XmlError, ErrorDomain::DomainSnapshot, msg)
}

fn child_text(n: roxmltree::Node<'_, '_>, name: &str) -> Option<String> {
    n.children()
        .find(|c| c.has_tag_name(name))
        .and_then(|c| c.text())
        .map(|t| t.trim().to_string())
}

impl SnapshotDef {
    /// Parses `<domainsnapshot>` (user input of virDomainSnapshotCreateXML or stored metadata).
    pub fn parse(xml: &str) -> VirResult<Self> {
        let doc = roxmltree::Document::parse(xml)
            .map_err(|e| xml_err(format!("(domain_snapshot): {e}")))?;
        let root = doc.root_element();
        if !root.has_tag_name("domainsnapshot") {
            return Err(xml_err(format!(
                "unexpected root element <{}>, expecting <domainsnapshot>",
                root.tag_name().name()
            )));
        }
        let mut d = SnapshotDef {
            name: child_text(root, "name").unwrap_or_default(),
            description: child_text(root, "description"),
            state: child_text(root, "state").unwrap_or_default(),
            creation_time: child_text(root, "creationTime")
                .and_then(|t| t.parse().ok())
                .unwrap_or(0),
            current: child_text(root, "active").as_deref() == Some("1"),
            ..Default::default()
        };
        if let Some(p) = root.children().find(|c| c.has_tag_name("parent")) {
            d.parent = child_text(p, "name");
        }
        if let Some(m) = root.children().find(|c| c.has_tag_name("memory")) {
            if let Some(s) = m.attribute("snapshot") {
                d.memory = SnapKind::parse(s)?;
            }
            d.memory_file = m.attribute("file").map(str::to_string);
            if d.memory_file.is_some() && d.memory == SnapKind::Default {
                d.memory = SnapKind::External;
            }
        }
        if let Some(ds) = root.children().find(|c| c.has_tag_name("disks")) {
            for n in ds.children().filter(|c| c.has_tag_name("disk")) {
                let mut disk = SnapDisk {
                    name: n.attribute("name").unwrap_or_default().to_string(),
                    ..Default::default()
                };
                if let Some(s) = n.attribute("snapshot") {
                    disk.kind = SnapKind::parse(s)?;
                }
                if let Some(s) = n.children().find(|c| c.has_tag_name("source")) {
                    disk.file = s.attribute("file").map(str::to_string);
                    if disk.kind == SnapKind::Default {
                        disk.kind = SnapKind::External;
                    }
                }
                if let Some(f) = n.children().find(|c| c.has_tag_name("driver")) {
                    disk.format = f.attribute("type").map(str::to_string);
                }
                if disk.name.is_empty() {
                    return Err(xml_err("missing name from disk snapshot element".into()));
                }
                d.disks.push(disk);
            }
        }
        if let Some(dom) = root.children().find(|c| c.has_tag_name("domain")) {
            // undo the indentation the domain got inside <domainsnapshot>
            let start = dom.range().start;
            let col = start - xml[..start].rfind('\n').map_or(0, |i| i + 1);
            let pad = " ".repeat(col);
            let text = &xml[dom.range()];
            let lines: Vec<&str> = text
                .lines()
                .enumerate()
                .map(|(i, l)| {
                    if i == 0 {
                        l
                    } else {
                        l.strip_prefix(pad.as_str()).unwrap_or(l)
                    }
                })
                .collect();
            d.domain_xml = Some(lines.join("\n"));
        }
        Ok(d)
    }

    /// Whether any part of the snapshot lives in external files.
    pub fn is_external(&self) -> bool {
        self.memory == SnapKind::External || self.disks.iter().any(|d| d.kind == SnapKind::External)
    }

    /// Whether the snapshot holds guest memory (an active state other than disk-only).
    pub fn is_active_state(&self) -> bool {
        matches!(self.state.as_str(), "running" | "paused")
    }

    /// `virDomainSnapshotGetXMLDesc`; `internal` adds `<active>` for the metadata file.
    pub fn format(&self, internal: bool) -> String {
        let mut s = String::from("<domainsnapshot>\n");
        s.push_str(&format!("  <name>{}</name>\n", escape(&self.name)));
        if let Some(d) = &self.description {
            s.push_str(&format!("  <description>{}</description>\n", escape(d)));
        }
        s.push_str(&format!("  <state>{}</state>\n", escape(&self.state)));
        if let Some(p) = &self.parent {
            s.push_str(&format!(
                "  <parent>\n    <name>{}</name>\n  </parent>\n",
                escape(p)
            ));
        }
        s.push_str(&format!(
            "  <creationTime>{}</creationTime>\n",
            self.creation_time
        ));
        match &self.memory_file {
            Some(f) => s.push_str(&format!(
                "  <memory snapshot='{}' file='{}'/>\n",
                self.memory.as_str(),
                escape(f)
            )),
            None => s.push_str(&format!(
                "  <memory snapshot='{}'/>\n",
                self.memory.as_str()
            )),
        }
        if !self.disks.is_empty() {
            s.push_str("  <disks>\n");
            for d in &self.disks {
                match (&d.file, d.kind) {
                    (Some(f), SnapKind::External) => {
                        s.push_str(&format!(
                            "    <disk name='{}' snapshot='external' type='file'>\n",
                            escape(&d.name)
                        ));
                        if let Some(fmt) = &d.format {
                            s.push_str(&format!("      <driver type='{}'/>\n", escape(fmt)));
                        }
                        s.push_str(&format!("      <source file='{}'/>\n", escape(f)));
                        s.push_str("    </disk>\n");
                    }
                    _ => s.push_str(&format!(
                        "    <disk name='{}' snapshot='{}'/>\n",
                        escape(&d.name),
                        d.kind.as_str()
                    )),
                }
            }
            s.push_str("  </disks>\n");
        }
        if let Some(x) = &self.domain_xml {
            for line in x.trim_end().lines() {
                s.push_str("  ");
                s.push_str(line);
                s.push('\n');
            }
        }
        if internal {
            s.push_str(&format!(
                "  <active>{}</active>\n",
                if self.current { 1 } else { 0 }
            ));
        }
        s.push_str("</domainsnapshot>\n");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_format_round_trip() {
        let x = "<domainsnapshot><name>s1</name><description>d &amp; e</description>\
                 <memory snapshot='no'/><disks><disk name='vda' snapshot='external'>\
                 <driver type='qcow2'/><source file='/tmp/o.qcow2'/></disk>\
                 <disk name='hdc' snapshot='no'/></disks></domainsnapshot>";
        let mut d = SnapshotDef::parse(x).unwrap();
        assert_eq!(d.name, "s1");
        assert_eq!(d.description.as_deref(), Some("d & e"));
        assert_eq!(d.memory, SnapKind::No);
        assert_eq!(d.disks[0].kind, SnapKind::External);
        assert_eq!(d.disks[0].file.as_deref(), Some("/tmp/o.qcow2"));
        assert!(d.is_external());
        d.state = "disk-snapshot".into();
        d.parent = Some("s0".into());
        d.creation_time = 42;
        d.domain_xml = Some("<domain type='qemu'>\n  <name>g</name>\n</domain>".into());
        d.current = true;
        let out = d.format(true);
        assert!(
            out.contains("  <parent>\n    <name>s0</name>\n  </parent>\n"),
            "{out}"
        );
        assert!(out.contains("    <name>g</name>\n"), "{out}");
        assert!(out.contains("<active>1</active>"), "{out}");
        let back = SnapshotDef::parse(&out).unwrap();
        assert_eq!(back, d);
        assert!(!d.format(false).contains("<active>"));
        assert!(SnapshotDef::parse("<domain/>").is_err());
    }
}
