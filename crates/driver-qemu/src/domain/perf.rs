//! `virDomainGetPerfEvents` / `virDomainSetPerfEvents` (`virsh perf`): the `<perf>` events
//! of the live and persistent definitions. The enabled set is recorded in the XML (status
//! and config files); no host perf counters are opened for the QEMU process yet.

use super::driver::QemuDriver;
use rvirt_conf::domain::perf::{apply_perf, perf_enabled, perf_param_keys};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::typed_param::{validate, TypedParam, TYPED_PARAM_STRING_OKAY};

/// `VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG`.
const AFFECT: u32 = 1 | 2;

/// `virDomainObjGetOneDefState`'s refusal of both `--live` and `--config`.
fn check_one(flags: u32) -> VirResult<()> {
    if flags & AFFECT == AFFECT {
        return Err(VirError::raw(
            ErrorCode::InvalidArg,
            ErrorDomain::Domain,
            "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive",
        ));
    }
    Ok(())
}

impl QemuDriver {
    /// `virDomainGetPerfEvents`: one boolean per event, from the live definition of a
    /// running domain or the persistent one (`--config`, or when inactive).
    pub(crate) fn perf_events(&self, dom: &DomainRef, flags: u32) -> VirResult<Vec<TypedParam>> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            AFFECT | TYPED_PARAM_STRING_OKAY,
            "qemuDomainGetPerfEvents",
        )?;
        check_one(flags)?;
        let (live, _) = self.impact(dom, flags & AFFECT)?;
        self.with_dom(dom, |o| {
            Ok(match (live, o.live.as_ref()) {
                (true, Some(l)) => perf_enabled(l),
                _ => perf_enabled(&o.def),
            })
        })
    }

    /// `virDomainSetPerfEvents`: validates the event names (all booleans), then records
    /// them in the live and/or persistent definition.
    pub(crate) fn set_perf_events(
        &self,
        dom: &DomainRef,
        params: &[TypedParam],
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, AFFECT, "qemuDomainSetPerfEvents")?;
        validate(params, &perf_param_keys())?;
        let (live, config) = self.impact(dom, flags & AFFECT)?;
        if live {
            self.edit_live(dom, |l| apply_perf(l, params))?;
        }
        if config {
            self.edit_config(dom, |d| {
                apply_perf(d, params);
                Ok(())
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn live_and_config_together_are_refused() {
        assert!(check_one(3).is_err());
        assert!(check_one(2).is_ok());
    }
}
