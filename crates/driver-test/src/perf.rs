//! testDomainGetPerfEvents / testDomainSetPerfEvents: the perf events of the `<perf>`
//! element, kept per definition (live or persistent), and testDomainGetLaunchSecurityInfo.

use crate::cputune;
use crate::domain_query::affect;
use crate::driver::TestConnection;
use crate::errors::check_flags;
use rvirt_conf::domain::perf::{apply_perf, perf_enabled, perf_param_keys};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::typed_param::{validate, TypedParam, TYPED_PARAM_STRING_OKAY};

/// `VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG`.
const AFFECT: u32 = 1 | 2;

/// `virDomainObjGetOneDef`'s check, reported with the bare message (`virReportInvalidArg`).
fn check_affect(flags: u32) -> VirResult<()> {
    if flags & AFFECT == AFFECT {
        return Err(crate::domain_query::affect_flags_exclusive());
    }
    Ok(())
}

/// `virDomainObjUpdateModificationImpact`: whether the persistent definition is meant
/// (after `affect`'s checks), refusing `--config` for transient domains.
fn config_def(d: &crate::objects::DomainObj, flags: u32) -> VirResult<bool> {
    let config = affect(d, flags & AFFECT)?;
    if config && !d.persistent {
        return Err(VirError::new(
            ErrorCode::OperationInvalid,
            ErrorDomain::Domain,
            "transient domains do not have any persistent config",
        ));
    }
    Ok(config)
}

impl TestConnection {
    /// testDomainGetPerfEvents
    pub(crate) fn dom_perf_events(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        check_flags(
            flags,
            AFFECT | TYPED_PARAM_STRING_OKAY,
            "testDomainGetPerfEvents",
        )?;
        check_affect(flags)?;
        self.with_dom(dom, |d| {
            let config = config_def(d, flags)?;
            let def = if config { d.persistent_def() } else { &d.def };
            Ok(perf_enabled(def))
        })
    }

    /// testDomainSetPerfEvents
    pub(crate) fn dom_set_perf_events(
        &self,
        dom: &DomainRef,
        params: &[TypedParam],
        flags: u32,
    ) -> VirResult<()> {
        check_flags(flags, AFFECT, "testDomainSetPerfEvents")?;
        validate(params, &perf_param_keys())?;
        check_affect(flags)?;
        self.with_dom(dom, |d| {
            let config = config_def(d, flags)?;
            apply_perf(cputune::def_mut(d, config), params);
            Ok(())
        })
    }
}
