//! Argument rules libvirt's public API (`libvirt-domain.c`, `libvirt-host.c`) enforces
//! before any driver runs; every driver implementing the call applies them first, so the
//! answer is libvirt's whichever driver serves the connection.

use crate::error::{ErrorCode, ErrorDomain, VirError, VirResult};

/// `VIR_DOMAIN_SAVE_RUNNING`.
pub const SAVE_RUNNING: u32 = 1 << 1;
/// `VIR_DOMAIN_SAVE_PAUSED`.
pub const SAVE_PAUSED: u32 = 1 << 2;

/// `virDomainSaveFlags`, `virDomainRestoreFlags`, `virDomainSaveImageDefineXML` and
/// `virDomainManagedSave`: RUNNING and PAUSED exclude each other.
pub fn check_save_flags(flags: u32) -> VirResult<()> {
    if flags & SAVE_RUNNING != 0 && flags & SAVE_PAUSED != 0 {
        return Err(VirError::raw(
            ErrorCode::InvalidArg,
            ErrorDomain::Domain,
            "Flags 'VIR_DOMAIN_SAVE_RUNNING' and 'VIR_DOMAIN_SAVE_PAUSED' are mutually \
             exclusive",
        ));
    }
    Ok(())
}

/// `virNodeGetCellsFreeMemory`: the first cell is not negative, the count is positive.
pub fn check_cells_free_memory_args(start_cell: i32, max_cells: i32) -> VirResult<()> {
    let bad = |m: &str| Err(VirError::raw(ErrorCode::InvalidArg, ErrorDomain::None, m));
    if start_cell < 0 {
        return bad("startCell in virNodeGetCellsFreeMemory must be zero or greater");
    }
    if max_cells <= 0 {
        return bad("maxCells in virNodeGetCellsFreeMemory must be greater than zero");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_api_rules() {
        assert!(check_save_flags(SAVE_RUNNING | 1).is_ok());
        let e = check_save_flags(SAVE_RUNNING | SAVE_PAUSED).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidArg);
        assert_eq!(
            e.message,
            "Flags 'VIR_DOMAIN_SAVE_RUNNING' and 'VIR_DOMAIN_SAVE_PAUSED' are mutually exclusive"
        );
        assert!(check_cells_free_memory_args(0, 1).is_ok());
        let e = check_cells_free_memory_args(-1, 1).unwrap_err();
        assert_eq!(
            e.message,
            "startCell in virNodeGetCellsFreeMemory must be zero or greater"
        );
        assert!(check_cells_free_memory_args(0, 0).is_err());
    }
}
