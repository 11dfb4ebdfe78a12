//! Typed-parameter reply shaping shared by the `*_GET_*_PARAMETERS` style procedures:
//! libvirtd's nparams checks, its two-pass count protocol and `virTypedParamsSerialize`'s
//! dropping of string values for callers that did not pass `VIR_TYPED_PARAM_STRING_OKAY`.

use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::typed_param::{TypedParam, TypedValue, TYPED_PARAM_STRING_OKAY};

use super::cap;

/// libvirtd's argument checks on a client's `nparams` capacity (internal errors, RPC domain).
pub(crate) fn check_nparams(nparams: i32, max: u32) -> VirResult<()> {
    if nparams < 0 {
        return Err(VirError::internal(
            ErrorDomain::Rpc,
            "nparams must be non-negative",
        ));
    }
    if u32::try_from(nparams).unwrap_or(u32::MAX) > max {
        return Err(VirError::internal(ErrorDomain::Rpc, "nparams too large"));
    }
    Ok(())
}

/// `virTypedParamsSerialize`: string-typed values are dropped unless `flags` carries
/// `VIR_TYPED_PARAM_STRING_OKAY`.
pub(crate) fn serialize(params: Vec<TypedParam>, flags: u32) -> Vec<TypedParam> {
    if flags & TYPED_PARAM_STRING_OKAY != 0 {
        return params;
    }
    params
        .into_iter()
        .filter(|p| !matches!(p.value, TypedValue::String(_)))
        .collect()
}

/// The two-pass getter reply `(params, nparams)`: with `nparams == 0` the client only asks
/// how many parameters exist (empty list, count in `nparams`); otherwise it gets at most
/// `nparams` of them and libvirtd leaves the reply's `nparams` at 0.
pub(crate) fn two_pass(all: Vec<TypedParam>, nparams: i32, flags: u32) -> (Vec<TypedParam>, i32) {
    if nparams == 0 {
        (Vec::new(), i32::try_from(all.len()).unwrap_or(i32::MAX))
    } else {
        (serialize(cap(all, nparams), flags), 0)
    }
}

/// A cpumap reply buffer of exactly `len` bytes (libvirtd always sends the full
/// `ncpumaps × maplen` buffer, zero-filled past what the driver wrote).
pub(crate) fn sized(mut map: Vec<u8>, len: usize) -> Vec<u8> {
    map.resize(len, 0);
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> Vec<TypedParam> {
        vec![
            TypedParam::new("a", TypedValue::UInt(1)),
            TypedParam::new("s", TypedValue::String("x".into())),
            TypedParam::new("b", TypedValue::ULLong(2)),
        ]
    }

    #[test]
    fn first_pass_returns_count_only() {
        let (p, n) = two_pass(params(), 0, 0);
        assert!(p.is_empty());
        assert_eq!(n, 3);
    }

    #[test]
    fn second_pass_caps_then_strips_strings() {
        let (p, n) = two_pass(params(), 2, 0);
        assert_eq!(n, 0);
        assert_eq!(p, vec![TypedParam::new("a", TypedValue::UInt(1))]);
        let (p, _) = two_pass(params(), 16, TYPED_PARAM_STRING_OKAY);
        assert_eq!(p.len(), 3);
    }

    #[test]
    fn nparams_limits() {
        assert!(check_nparams(16, 16).is_ok());
        let e = check_nparams(17, 16).err().map(|e| e.message);
        assert_eq!(e.as_deref(), Some("internal error: nparams too large"));
        let e = check_nparams(-1, 16).err().map(|e| e.message);
        assert_eq!(
            e.as_deref(),
            Some("internal error: nparams must be non-negative")
        );
    }

    #[test]
    fn cpumaps_are_padded_and_truncated() {
        assert_eq!(sized(vec![1], 3), vec![1, 0, 0]);
        assert_eq!(sized(vec![1, 2, 3], 2), vec![1, 2]);
    }
}
