//! libvirt XML documents as typed models.
//!
//! Each document kind has a model with `parse` (XML text → model, with post-parse defaults
//! and validation) and `format` (model → XML text, byte-identical to libvirt's output).
//! Pure code: no I/O.

pub mod capabilities;
pub mod checkpoint;
pub mod domain;
pub mod domcaps;
pub mod interface;
pub mod netport;
pub mod network;
pub mod nodedev;
pub mod nwfilter;
pub mod secret;
pub mod snapshot;
pub mod storage;
pub mod xml;
