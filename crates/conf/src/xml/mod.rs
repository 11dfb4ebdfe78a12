//! Shared XML plumbing: reading documents with libvirt-style errors, writing with libvirt's layout.

pub mod ident;
mod reader;
mod syntax;
#[cfg(test)]
mod syntax_markup_tests;
#[cfg(test)]
mod syntax_tests;
pub mod values;
mod writer;

pub use reader::{parse_document, NodeExt};
pub use writer::{escape, Attrs, XmlWriter};
