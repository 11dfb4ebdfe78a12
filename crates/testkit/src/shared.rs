//! Locating `../shared` (libvirt's reference data), which CI has beside the clone.

use std::path::PathBuf;

/// `<workspace>/../shared`, when present.
pub fn shared_dir() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.exists().then(|| p.canonicalize().unwrap_or(p))
}
