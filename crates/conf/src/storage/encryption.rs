//! `<encryption>` of a storage volume (`virStorageEncryption`).

use crate::xml::{Attrs, NodeExt, XmlWriter};

/// `<secret type='passphrase' uuid|usage='…'/>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncryptionSecret {
    pub secret_type: String,
    pub uuid: Option<String>,
    pub usage: Option<String>,
}

/// `<encryption format='…'>` with secrets and LUKS cipher/ivgen parameters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Encryption {
    pub format: String,
    pub engine: Option<String>,
    pub secrets: Vec<EncryptionSecret>,
    /// `<cipher name size mode hash/>` attributes in that order.
    pub cipher: Option<[Option<String>; 4]>,
    /// `<ivgen name hash/>`.
    pub ivgen: Option<[Option<String>; 2]>,
}

impl Encryption {
    /// Reads `<encryption>`.
    pub fn parse(node: roxmltree::Node) -> Encryption {
        let s = |n: roxmltree::Node, a: &str| n.attr(a).map(str::to_string);
        Encryption {
            format: node.attr("format").unwrap_or("default").to_string(),
            engine: s(node, "engine"),
            secrets: node
                .children_named("secret")
                .iter()
                .map(|x| EncryptionSecret {
                    secret_type: x.attr("type").unwrap_or("passphrase").to_string(),
                    uuid: s(*x, "uuid"),
                    usage: s(*x, "usage"),
                })
                .collect(),
            cipher: node
                .child("cipher")
                .map(|c| [s(c, "name"), s(c, "size"), s(c, "mode"), s(c, "hash")]),
            ivgen: node.child("ivgen").map(|c| [s(c, "name"), s(c, "hash")]),
        }
    }

    /// Writes `<encryption>`.
    pub fn format(&self, w: &mut XmlWriter) {
        w.open(
            "encryption",
            Attrs::new()
                .add("format", &self.format)
                .opt("engine", self.engine.as_deref()),
        );
        for sec in &self.secrets {
            w.empty(
                "secret",
                Attrs::new()
                    .add("type", &sec.secret_type)
                    .opt("uuid", sec.uuid.as_deref())
                    .opt("usage", sec.usage.as_deref()),
            );
        }
        if let Some([name, size, mode, hash]) = &self.cipher {
            w.empty(
                "cipher",
                Attrs::new()
                    .opt("name", name.as_deref())
                    .opt("size", size.as_deref())
                    .opt("mode", mode.as_deref())
                    .opt("hash", hash.as_deref()),
            );
        }
        if let Some([name, hash]) = &self.ivgen {
            w.empty(
                "ivgen",
                Attrs::new()
                    .opt("name", name.as_deref())
                    .opt("hash", hash.as_deref()),
            );
        }
        w.close("encryption");
    }
}
