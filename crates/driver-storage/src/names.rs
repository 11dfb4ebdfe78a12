//! Volume name checks: a volume name can never escape its pool.

use rvirt_core::error::{VirError, VirResult};

use crate::errors::DOM;

/// Rejects names with `/`, `.`/`..`, NUL or newline, and empty names
/// (`storageBackendFileSystemVolCreate`'s "cannot contain '/'" rule, made complete).
pub fn check_vol_name(name: &str) -> VirResult<()> {
    if name.contains('/') {
        return Err(VirError::operation_invalid(
            DOM,
            format!("volume name '{name}' cannot contain '/'"),
        ));
    }
    if name.is_empty() || name == "." || name == ".." || name.contains(['\0', '\n']) {
        return Err(VirError::operation_invalid(
            DOM,
            format!("volume name '{name}' is not allowed"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_escape() {
        for bad in ["a/b", "../x", "..", ".", "", "/etc/passwd", "x\n"] {
            assert!(check_vol_name(bad).is_err(), "{bad:?}");
        }
        for good in ["disk.qcow2", "a..b", ".hidden", "x-1_2"] {
            assert!(check_vol_name(good).is_ok(), "{good:?}");
        }
        assert_eq!(
            check_vol_name("a/b").unwrap_err().message,
            "Requested operation is not valid: volume name 'a/b' cannot contain '/'"
        );
    }
}
