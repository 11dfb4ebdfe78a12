//! Files: atomic writes, libvirt's "auto-generated" header, loading a directory of XML.

use std::path::{Path, PathBuf};

use rvirt_core::error::{ErrorCode, VirError, VirResult};

use crate::errors::DOM;

/// The comment libvirt puts on top of the XML files it writes (`virXMLSaveFile`).
pub(crate) fn header(edit_cmd: &str, name: &str) -> String {
    format!(
        "<!--\nWARNING: THIS IS AN AUTO-GENERATED FILE. CHANGES TO IT ARE LIKELY TO BE\n\
         OVERWRITTEN AND LOST. Changes to this xml configuration should be made using:\n  \
         virsh {edit_cmd} {name}\nor other application using the libvirt API.\n-->\n\n"
    )
}

/// Creates `dir` (and parents).
pub(crate) fn ensure_dir(dir: &Path) -> VirResult<()> {
    std::fs::create_dir_all(dir).map_err(|e| {
        VirError::new(
            ErrorCode::SystemError,
            DOM,
            format!("cannot create directory '{}': {e}", dir.display()),
        )
    })
}

/// Writes `data` to `path` through a temporary file, fsync and rename.
pub(crate) fn write_atomic(path: &Path, data: &str) -> VirResult<()> {
    rvirt_util::fs::write_atomic(path, data.as_bytes(), None).map_err(|e| {
        VirError::new(
            ErrorCode::WriteFailed,
            DOM,
            format!("{}: {e}", path.display()),
        )
    })
}

/// Removes a file; a missing file is fine.
pub(crate) fn remove(path: &Path) -> VirResult<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(VirError::new(
            ErrorCode::SystemError,
            DOM,
            format!("cannot remove '{}': {e}", path.display()),
        )),
    }
}

/// `(path, text)` of every `*.xml` in `dir`, sorted by file name; unreadable files are skipped.
pub(crate) fn read_xml_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(PathBuf, String)> = rd
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .filter_map(|p| match std::fs::read_to_string(&p) {
            Ok(t) => Some((p, t)),
            Err(e) => {
                tracing::warn!(file = %p.display(), error = %e, "cannot read nwfilter file");
                None
            }
        })
        .collect();
    out.sort();
    out
}
