//! testDomainSetMemoryStatsPeriod: the balloon's statistics period, kept as
//! `<memballoon><stats period='N'/>` of the live or persistent definition.

use crate::cputune;
use crate::driver::TestConnection;
use crate::errors::check_flags;
use rvirt_conf::domain::Element;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;

/// `VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG`.
const AFFECT: u32 = 1 | 2;

/// Sets (period > 0) or removes (0) `<stats period=…/>`, first inside the balloon.
fn set_period(balloon: &mut Element, period: i32) {
    balloon.children.retain(|c| c.name != "stats");
    if period > 0 {
        let mut stats = Element::new("stats");
        stats.set_attr("period", period.to_string());
        balloon.children.insert(0, stats);
    }
}

impl TestConnection {
    /// testDomainSetMemoryStatsPeriod
    pub(crate) fn dom_set_memory_stats_period(
        &self,
        dom: &DomainRef,
        period: i32,
        flags: u32,
    ) -> VirResult<()> {
        check_flags(flags, AFFECT, "testDomainSetMemoryStatsPeriod")?;
        if flags & AFFECT == AFFECT {
            return Err(crate::domain_query::affect_flags_exclusive());
        }
        if period < 0 {
            return Err(VirError::new(
                ErrorCode::InvalidArg,
                ErrorDomain::Domain,
                "invalid value for collection period",
            ));
        }
        self.with_dom(dom, |d| {
            let config = crate::domain_query::affect(d, flags)?;
            let def = cputune::def_mut(d, config);
            let balloon = def
                .devices
                .iter_mut()
                .find(|e| e.name == "memballoon" && e.attr("model") != Some("none"))
                .ok_or_else(|| {
                    VirError::new(
                        ErrorCode::OperationInvalid,
                        ErrorDomain::Domain,
                        "No memory balloon device configured, can not set the collection \
                         period",
                    )
                })?;
            set_period(balloon, period);
            Ok(())
        })
    }
}
