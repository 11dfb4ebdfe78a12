//! `<permissions>` of storage pool targets and volumes.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use crate::xml::{Attrs, NodeExt, XmlWriter};

/// `<permissions>`: mode, owner, group, SELinux label (absent values are not formatted).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Permissions {
    pub mode: Option<u32>,
    pub owner: Option<i64>,
    pub group: Option<i64>,
    pub label: Option<String>,
}

fn id(node: roxmltree::Node, name: &str) -> VirResult<Option<i64>> {
    match node.child_text(name) {
        None => Ok(None),
        Some(t) => {
            let v: i64 = t.trim().parse().map_err(|_| {
                VirError::new(
                    ErrorCode::XmlError,
                    ErrorDomain::Storage,
                    format!("malformed {name} element"),
                )
            })?;
            Ok(if v == -1 { None } else { Some(v) })
        }
    }
}

impl Permissions {
    /// Reads `<permissions>` (`virStorageDefParsePerms`).
    pub fn parse(node: roxmltree::Node) -> VirResult<Permissions> {
        let mode = match node.child_text("mode") {
            None => None,
            Some(m) => {
                let v = u32::from_str_radix(m.trim(), 8)
                    .ok()
                    .filter(|v| *v <= 0o777)
                    .ok_or_else(|| {
                        VirError::new(
                            ErrorCode::XmlError,
                            ErrorDomain::Storage,
                            "malformed octal mode",
                        )
                    })?;
                Some(v)
            }
        };
        Ok(Permissions {
            mode,
            owner: id(node, "owner")?,
            group: id(node, "group")?,
            label: node.child_text("label").map(str::to_string),
        })
    }

    fn is_empty(&self) -> bool {
        self.mode.is_none() && self.owner.is_none() && self.group.is_none() && self.label.is_none()
    }

    /// Writes `<permissions>` (nothing when every field is unset).
    pub fn format(&self, w: &mut XmlWriter) {
        if self.is_empty() {
            return;
        }
        w.open("permissions", Attrs::new());
        if let Some(m) = self.mode {
            w.text("mode", Attrs::new(), &format!("0{m:o}"));
        }
        if let Some(o) = self.owner {
            w.text("owner", Attrs::new(), &o.to_string());
        }
        if let Some(g) = self.group {
            w.text("group", Attrs::new(), &g.to_string());
        }
        if let Some(l) = &self.label {
            w.text("label", Attrs::new(), l);
        }
        w.close("permissions");
    }
}

/// Collapses repeated '/' and drops a trailing one (`virFileSanitizePath`).
pub fn sanitize_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if c == '/' && out.ends_with('/') {
            continue;
        }
        out.push(c);
    }
    if out.len() > 1 && out.ends_with('/') {
        out.pop();
    }
    out
}
