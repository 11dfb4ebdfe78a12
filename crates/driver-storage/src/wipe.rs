//! Volume wiping (`virStorageVolWipePattern`): zeroing in-process, the other libvirt
//! algorithms through `scrub -f -p ALG` as libvirt does.

use std::os::unix::fs::FileExt;
use std::path::Path;

use rvirt_core::error::{ErrorCode, VirError, VirResult};

use crate::cmd::Cmd;
use crate::errors::{internal, system, DOM};
use crate::fsutil::open_nofollow;

/// `VIR_STORAGE_VOL_WIPE_ALG_LAST`.
pub const ALG_LAST: u32 = 10;
/// `VIR_STORAGE_VOL_WIPE_ALG_ZERO`.
pub const ALG_ZERO: u32 = 0;
/// `VIR_STORAGE_VOL_WIPE_ALG_TRIM`.
pub const ALG_TRIM: u32 = 9;

/// The `scrub -p` pattern name of a `virStorageVolWipeAlgorithm`.
pub fn scrub_pattern(alg: u32) -> Option<&'static str> {
    Some(match alg {
        1 => "nnsa",
        2 => "dod",
        3 => "bsi",
        4 => "gutmann",
        5 => "schneier",
        6 => "pfitzner7",
        7 => "pfitzner33",
        8 => "random",
        _ => return None,
    })
}

/// `scrub -f -p PATTERN PATH`.
pub fn scrub_cmd(path: &str, alg: u32) -> Option<Cmd> {
    scrub_pattern(alg).map(|p| Cmd::new("scrub").args(["-f", "-p", p, path]))
}

/// Overwrites every allocated extent of `path` with zeros (holes already read as zeros).
fn zero_fill(path: &str) -> VirResult<()> {
    let f = open_nofollow(Path::new(path), true).map_err(|e| {
        system(
            &e,
            format_args!("Failed to open storage volume with path '{path}'"),
        )
    })?;
    let size = {
        use std::io::Seek;
        let mut g = &f;
        g.seek(std::io::SeekFrom::End(0))
            .map_err(|e| system(&e, format_args!("Failed to seek in '{path}'")))?
    };
    let zeros = vec![0u8; 1 << 20];
    let mut pos = 0u64;
    while pos < size {
        let Some((data, hole)) = crate::stream::data_extent(&f, pos, size) else {
            break;
        };
        let mut p = data;
        while p < hole {
            let n = usize::try_from(hole - p)
                .unwrap_or(usize::MAX)
                .min(zeros.len());
            f.write_all_at(&zeros[..n], p).map_err(|e| {
                system(
                    &e,
                    format_args!("Failed to write {n} bytes to storage volume with path '{path}'"),
                )
            })?;
            p += n as u64;
        }
        pos = hole;
    }
    f.sync_all()
        .map_err(|e| system(&e, format_args!("cannot sync data to file '{path}'")))
}

/// Wipes the volume at `path` with `alg`.
pub async fn wipe(path: &str, alg: u32) -> VirResult<()> {
    if alg == ALG_TRIM {
        return Err(VirError::new(
            ErrorCode::ArgumentUnsupported,
            DOM,
            "'trim' algorithm not supported",
        ));
    }
    if alg == ALG_ZERO {
        let p = path.to_string();
        return tokio::task::spawn_blocking(move || zero_fill(&p))
            .await
            .map_err(|e| internal(format!("blocking task failed: {e}")))?;
    }
    match scrub_cmd(path, alg) {
        Some(c) => c.run().await.map(|_| ()),
        None => Err(VirError::invalid_arg(
            DOM,
            format!("unsupported algorithm {alg}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrub_goldens() {
        assert_eq!(
            scrub_cmd("/p/v", 1).unwrap().line(),
            "scrub -f -p nnsa /p/v"
        );
        assert_eq!(
            scrub_cmd("/p/v", 8).unwrap().line(),
            "scrub -f -p random /p/v"
        );
        assert!(scrub_cmd("/p/v", 0).is_none());
        assert!(scrub_cmd("/p/v", 9).is_none());
    }
}
