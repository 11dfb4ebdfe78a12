//! The capabilities cache (`/var/cache/libvirt/qemu/capabilities/*.json`), keyed by binary
//! path and modification time, so a restarted daemon does not re-probe an unchanged binary.

use super::model::QemuCaps;
use super::probe::{binary_mtime, probe_binary};
use crate::persist::write_atomic;
use std::path::{Path, PathBuf};

fn cache_file(cache_dir: &Path, binary: &Path) -> PathBuf {
    let name: String = binary
        .display()
        .to_string()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    cache_dir.join("capabilities").join(format!("{name}.json"))
}

/// Loads cached capabilities if they belong to this binary at its current mtime.
pub fn load_cached(cache_dir: &Path, binary: &Path) -> Option<QemuCaps> {
    let mtime = binary_mtime(binary).ok()?;
    let text = std::fs::read_to_string(cache_file(cache_dir, binary)).ok()?;
    let caps: QemuCaps = serde_json::from_str(&text).ok()?;
    (caps.mtime == mtime
        && caps.binary == binary.display().to_string()
        && caps.cpu_unusable.is_some())
    .then_some(caps)
}

/// Cached capabilities, or a fresh probe written back to the cache.
pub async fn load_or_probe(cache_dir: &Path, binary: &Path) -> Result<QemuCaps, String> {
    if let Some(c) = load_cached(cache_dir, binary) {
        return Ok(c);
    }
    let caps = probe_binary(binary, &cache_dir.join("probe")).await?;
    let file = cache_file(cache_dir, binary);
    if let Ok(text) = serde_json::to_string_pretty(&caps) {
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Err(e) = write_atomic(&file, text.as_bytes()) {
            tracing::warn!(error = %e, "cannot write capabilities cache");
        }
    }
    Ok(caps)
}
