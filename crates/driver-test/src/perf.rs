//! testDomainGetPerfEvents / testDomainSetPerfEvents: the perf events of the `<perf>`
//! element, kept per definition (live or persistent), and testDomainGetLaunchSecurityInfo.

use crate::cputune;
use crate::domain_query::affect;
use crate::driver::TestConnection;
use crate::errors::check_flags;
use rvirt_conf::domain::{DomainDef, Element};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::typed_param::{TypedParam, TypedValue, TYPED_PARAM_STRING_OKAY};

/// `VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG`.
const AFFECT: u32 = 1 | 2;

/// `virPerfEvent` names in enum order (`VIR_PERF_PARAM_*`).
pub(crate) const PERF_EVENTS: [&str; 22] = [
    "cmt",
    "mbmt",
    "mbml",
    "cpu_cycles",
    "instructions",
    "cache_references",
    "cache_misses",
    "branch_instructions",
    "branch_misses",
    "bus_cycles",
    "stalled_cycles_frontend",
    "stalled_cycles_backend",
    "ref_cpu_cycles",
    "cpu_clock",
    "task_clock",
    "page_faults",
    "context_switches",
    "cpu_migrations",
    "page_faults_min",
    "page_faults_maj",
    "alignment_faults",
    "emulation_faults",
];

/// `virTypedParameterTypeToString`.
fn type_name(v: &TypedValue) -> &'static str {
    match v {
        TypedValue::Int(_) => "int",
        TypedValue::UInt(_) => "uint",
        TypedValue::LLong(_) => "llong",
        TypedValue::ULLong(_) => "ullong",
        TypedValue::Double(_) => "double",
        TypedValue::Boolean(_) => "boolean",
        TypedValue::String(_) => "string",
    }
}

/// `virTypedParamsValidate` with every perf event as a boolean key: walking the parameters
/// in name order, the first duplicate, unknown name or wrongly typed value is reported.
pub(crate) fn validate_perf_params(params: &[TypedParam]) -> VirResult<()> {
    let mut sorted: Vec<&TypedParam> = params.iter().collect();
    sorted.sort_by(|a, b| a.field.as_bytes().cmp(b.field.as_bytes()));
    let mut prev: Option<&str> = None;
    for p in sorted {
        if prev == Some(p.field.as_str()) {
            return Err(VirError::new(
                ErrorCode::InvalidArg,
                ErrorDomain::None,
                format!("parameter '{}' occurs multiple times", p.field),
            ));
        }
        if !PERF_EVENTS.contains(&p.field.as_str()) {
            return Err(VirError::new(
                ErrorCode::ArgumentUnsupported,
                ErrorDomain::None,
                format!("parameter '{}' not supported", p.field),
            ));
        }
        if !matches!(p.value, TypedValue::Boolean(_)) {
            return Err(VirError::new(
                ErrorCode::InvalidArg,
                ErrorDomain::None,
                format!(
                    "invalid type '{}' for parameter '{}', expected 'boolean'",
                    type_name(&p.value),
                    p.field
                ),
            ));
        }
        prev = Some(p.field.as_str());
    }
    Ok(())
}

/// Whether `<perf><event name=… enabled='yes'/>` is set for each event, in enum order.
pub(crate) fn perf_enabled(def: &DomainDef) -> Vec<TypedParam> {
    let perf = def.extra.iter().find(|e| e.name == "perf");
    PERF_EVENTS
        .iter()
        .map(|name| {
            let on = perf.is_some_and(|p| {
                p.children.iter().any(|e| {
                    e.name == "event"
                        && e.attr("name") == Some(name)
                        && e.attr("enabled") == Some("yes")
                })
            });
            TypedParam::new(*name, TypedValue::Boolean(on))
        })
        .collect()
}

/// Records each (validated) parameter as `<event name=… enabled='yes|no'/>`, keeping the
/// events in libvirt's enum order.
pub(crate) fn apply_perf(def: &mut DomainDef, params: &[TypedParam]) {
    let pos = match def.extra.iter().position(|e| e.name == "perf") {
        Some(p) => p,
        None => {
            def.extra.push(Element::new("perf"));
            def.extra.len() - 1
        }
    };
    let perf = &mut def.extra[pos];
    for p in params {
        let on = matches!(p.value, TypedValue::Boolean(true));
        let state = if on { "yes" } else { "no" };
        match perf
            .children
            .iter_mut()
            .find(|e| e.name == "event" && e.attr("name") == Some(p.field.as_str()))
        {
            Some(e) => e.set_attr("enabled", state),
            None => {
                let mut e = Element::new("event");
                e.set_attr("name", p.field.as_str());
                e.set_attr("enabled", state);
                perf.children.push(e);
            }
        }
    }
    perf.children.sort_by_key(|e| {
        e.attr("name")
            .and_then(|n| PERF_EVENTS.iter().position(|x| *x == n))
            .unwrap_or(PERF_EVENTS.len())
    });
    cputune::sort_extras(def);
}

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
        validate_perf_params(params)?;
        check_affect(flags)?;
        self.with_dom(dom, |d| {
            let config = config_def(d, flags)?;
            apply_perf(cputune::def_mut(d, config), params);
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(name: &str, v: bool) -> TypedParam {
        TypedParam::new(name, TypedValue::Boolean(v))
    }

    #[test]
    fn validation_reports_first_problem_in_name_order() {
        let e = validate_perf_params(&[b("cmt", true), b("cmt", false)]).unwrap_err();
        assert_eq!(
            e.message,
            "invalid argument: parameter 'cmt' occurs multiple times"
        );
        let e = validate_perf_params(&[b("a", true), b("a", false)]).unwrap_err();
        assert_eq!(
            e.message,
            "argument unsupported: parameter 'a' not supported"
        );
        let e = validate_perf_params(&[b("zz", true), b("cmt", true), b("cmt", true)]).unwrap_err();
        assert!(e.message.contains("occurs multiple times"));
        let e = validate_perf_params(&[TypedParam::new("cmt", TypedValue::Int(1))]).unwrap_err();
        assert_eq!(
            e.message,
            "invalid argument: invalid type 'int' for parameter 'cmt', expected 'boolean'"
        );
        assert!(validate_perf_params(&[b("cmt", true), b("mbmt", false)]).is_ok());
    }
}
