//! The secret definition model (`virSecretDef`): parse and format.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::usage::{SecretUsage, SecretUsageType};
use crate::xml::ident::{expect_root, read_uuid};
use crate::xml::values::{format_uuid, parse_yes_no, yes_no};
use crate::xml::{parse_document, Attrs, NodeExt, XmlWriter};

const DOM: ErrorDomain = ErrorDomain::Secret;

/// A secret definition (`<secret>`), as `virSecretDefineXML` takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretDef {
    pub uuid: [u8; 16],
    pub ephemeral: bool,
    pub private: bool,
    pub description: Option<String>,
    pub usage: SecretUsage,
}

fn flag(root: roxmltree::Node, name: &str) -> VirResult<bool> {
    match root.attr(name) {
        None => Ok(false),
        Some(v) => parse_yes_no(v).ok_or_else(|| {
            VirError::new(
                ErrorCode::XmlError,
                DOM,
                format!("invalid value of '{name}'"),
            )
        }),
    }
}

fn parse_usage(node: roxmltree::Node) -> VirResult<SecretUsage> {
    let t = node.attr("type").unwrap_or("");
    let usage_type = SecretUsageType::from_name(t)
        .ok_or_else(|| VirError::internal(DOM, format!("unknown secret usage type {t}")))?;
    let id = match usage_type.id_element() {
        None => None,
        Some((elem, who, what)) => {
            Some(node.child_text(elem).map(str::to_string).ok_or_else(|| {
                VirError::internal(DOM, format!("{who} usage specified, but {what} is missing"))
            })?)
        }
    };
    Ok(SecretUsage { usage_type, id })
}

impl SecretDef {
    /// Parses a `<secret>` document as `virSecretDefineXML` does.
    pub fn parse(xml: &str) -> VirResult<SecretDef> {
        let doc = parse_document(xml, "secret_definition", DOM)?;
        let root = doc.root_element();
        expect_root(root, "secret", DOM)?;
        Ok(SecretDef {
            ephemeral: flag(root, "ephemeral")?,
            private: flag(root, "private")?,
            uuid: read_uuid(root, DOM)?,
            description: root.child_text("description").map(str::to_string),
            usage: match root.child("usage") {
                Some(u) => parse_usage(u)?,
                None => SecretUsage {
                    usage_type: SecretUsageType::None,
                    id: None,
                },
            },
        })
    }

    /// Formats the secret as `virSecretGetXMLDesc` does.
    pub fn format(&self) -> String {
        let mut w = XmlWriter::new();
        w.open(
            "secret",
            Attrs::new()
                .add("ephemeral", yes_no(self.ephemeral))
                .add("private", yes_no(self.private)),
        );
        w.text("uuid", Attrs::new(), &format_uuid(&self.uuid));
        w.opt_text("description", self.description.as_deref());
        if let Some((elem, _, _)) = self.usage.usage_type.id_element() {
            w.open(
                "usage",
                Attrs::new().add("type", self.usage.usage_type.as_str()),
            );
            w.opt_text(elem, self.usage.id.as_deref());
            w.close("usage");
        }
        w.close("secret");
        w.finish()
    }
}
