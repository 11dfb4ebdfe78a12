//! Error constructors with the exact code, domain and wording libvirt's test driver reports.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::Uuid;

/// `VIR_FROM_TEST`: the domain every test-driver error is reported under.
pub const TEST: ErrorDomain = ErrorDomain::Test;

/// An error reported with a NULL format (`virReportError(code, NULL)`): the bare template text.
pub fn bare(code: ErrorCode, domain: ErrorDomain) -> VirError {
    VirError::not_found(code, domain)
}

/// `virCheckFlags` failure: "unsupported flags (0x…) in function testXxx". libvirt raises it
/// through `virReportInvalidArg`, whose extra fields are (function, "flags", 0, 0); core's
/// constructor gives the message, the fields are set here.
pub fn unsupported_flags(extra: u32, function: &str) -> VirError {
    let mut e = VirError::unsupported_flags(TEST, u64::from(extra), function);
    e.str1 = Some(function.to_string());
    e.str2 = Some("flags".to_string());
    e.int1 = 0;
    e.int2 = 0;
    e
}

/// `virCheckFlags(allowed, …)` as the test driver's functions call it.
pub fn check_flags(flags: u32, allowed: u32, function: &str) -> VirResult<()> {
    let extra = flags & !allowed;
    if extra != 0 {
        return Err(unsupported_flags(extra, function));
    }
    Ok(())
}

/// Lookup miss of `testDomainLookupBy*`: "Domain not found".
pub fn no_domain() -> VirError {
    bare(ErrorCode::NoDomain, TEST)
}

/// `testDomObjFromDomain` miss for a stale handle.
pub fn no_domain_uuid(uuid: &Uuid, name: &str) -> VirError {
    VirError::new(
        ErrorCode::NoDomain,
        TEST,
        format!("no domain with matching uuid '{uuid}' ({name})"),
    )
}

/// `virDomainObjCheckActive` failure (reported from `VIR_FROM_DOMAIN`).
pub fn not_running() -> VirError {
    VirError::new(
        ErrorCode::OperationInvalid,
        ErrorDomain::Domain,
        "domain is not running",
    )
}

/// `VIR_ERR_INTERNAL_ERROR` from the test driver.
pub fn internal(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::InternalError, TEST, detail)
}

/// `VIR_ERR_OPERATION_INVALID` from the test driver.
pub fn invalid_op(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::OperationInvalid, TEST, detail)
}

/// `VIR_ERR_INVALID_ARG` from the test driver.
pub fn invalid_arg(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::InvalidArg, TEST, detail)
}

/// `VIR_ERR_NO_SUPPORT` for an API libvirt's test driver leaves NULL, with the error domain
/// the public API file reports it under.
pub fn no_support(api: &str, domain: ErrorDomain) -> VirError {
    VirError::no_support_in(domain, api)
}

/// `VIR_ERR_XML_ERROR` from the test driver.
pub fn xml_error(domain: ErrorDomain, detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::XmlError, domain, detail)
}

/// An I/O error as libvirt words it: the C library's `strerror` text, without Rust's
/// " (os error N)" suffix.
pub(crate) fn strerror(e: &std::io::Error) -> String {
    let s = e.to_string();
    match e.raw_os_error() {
        Some(code) => s
            .strip_suffix(&format!(" (os error {code})"))
            .map(str::to_string)
            .unwrap_or(s),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_no_domain_matches_libvirt() {
        let e = no_domain();
        assert_eq!(e.message, "Domain not found");
        assert_eq!(e.str1.as_deref(), Some("Domain not found"));
        assert_eq!(e.str2, None);
        assert_eq!((e.code.number(), e.domain.number()), (42, 12));
        assert_eq!((e.int1, e.int2), (-1, -1));
    }

    #[test]
    fn flags_error_fields() {
        let e = unsupported_flags(0x4000_0000, "testConnectListAllDomains");
        assert_eq!(
            e.message,
            "unsupported flags (0x40000000) in function testConnectListAllDomains"
        );
        assert_eq!(e.str2.as_deref(), Some("flags"));
        assert_eq!((e.int1, e.int2), (0, 0));
    }
}
