//! Shared XML plumbing: reading documents with libvirt-style errors, writing with libvirt's layout.

mod reader;
mod writer;

pub use reader::{parse_document, NodeExt};
pub use writer::{escape, Attrs, XmlWriter};
