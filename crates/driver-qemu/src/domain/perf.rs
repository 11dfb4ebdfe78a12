//! `virDomainGetPerfEvents` / `virDomainSetPerfEvents` (`virsh perf`): the `<perf>` events
//! of the live and persistent definitions. The enabled set is recorded in the XML (status
//! and config files); no host perf counters are opened for the QEMU process yet.

use super::driver::QemuDriver;
use rvirt_conf::domain::{DomainDef, Element};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::typed_param::{TypedParam, TypedValue, TYPED_PARAM_STRING_OKAY};

/// `VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG`.
const AFFECT: u32 = 1 | 2;

/// `virPerfEvent` names in enum order (`VIR_PERF_PARAM_*`).
pub const PERF_EVENTS: [&str; 22] = [
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

/// `virTypedParamsValidate` against `keys` (name, expected type name): in name order, the
/// first duplicate, unknown name or wrongly typed value is reported.
pub(crate) fn validate_params(params: &[TypedParam], keys: &[(&str, &str)]) -> VirResult<()> {
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
        let Some((_, want)) = keys.iter().find(|(k, _)| *k == p.field) else {
            return Err(VirError::new(
                ErrorCode::ArgumentUnsupported,
                ErrorDomain::None,
                format!("parameter '{}' not supported", p.field),
            ));
        };
        if type_name(&p.value) != *want {
            return Err(VirError::new(
                ErrorCode::InvalidArg,
                ErrorDomain::None,
                format!(
                    "invalid type '{}' for parameter '{}', expected '{want}'",
                    type_name(&p.value),
                    p.field
                ),
            ));
        }
        prev = Some(p.field.as_str());
    }
    Ok(())
}

/// Each event's `<perf><event enabled='yes'/>` state, in enum order.
fn enabled(def: &DomainDef) -> Vec<TypedParam> {
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

/// Records the (validated) parameters as `<event name=… enabled='yes|no'/>`, in enum order;
/// a new `<perf>` goes where libvirt formats it (after `<pm>`, before `<devices>`).
pub(crate) fn apply(def: &mut DomainDef, params: &[TypedParam]) {
    let pos = match def.extra.iter().position(|e| e.name == "perf") {
        Some(p) => p,
        None => {
            let at = def
                .extra
                .iter()
                .position(|e| matches!(e.name.as_str(), "seclabel" | "keywrap" | "launchSecurity"))
                .unwrap_or(def.extra.len());
            def.extra.insert(at, Element::new("perf"));
            at
        }
    };
    let perf = &mut def.extra[pos];
    for p in params {
        let state = if matches!(p.value, TypedValue::Boolean(true)) {
            "yes"
        } else {
            "no"
        };
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
}

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
                (true, Some(l)) => enabled(l),
                _ => enabled(&o.def),
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
        let keys: Vec<(&str, &str)> = PERF_EVENTS.iter().map(|n| (*n, "boolean")).collect();
        validate_params(params, &keys)?;
        let (live, config) = self.impact(dom, flags & AFFECT)?;
        if live {
            self.edit_live(dom, |l| apply(l, params))?;
        }
        if config {
            self.edit_config(dom, |d| {
                apply(d, params);
                Ok(())
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(n: &str, v: bool) -> TypedParam {
        TypedParam::new(n, TypedValue::Boolean(v))
    }

    #[test]
    fn validates_like_virtypedparamsvalidate() {
        let keys: Vec<(&str, &str)> = PERF_EVENTS.iter().map(|n| (*n, "boolean")).collect();
        assert_eq!(
            validate_params(&[b("cmt", true), b("cmt", true)], &keys)
                .unwrap_err()
                .message,
            "invalid argument: parameter 'cmt' occurs multiple times"
        );
        assert_eq!(
            validate_params(&[b("x", true)], &keys).unwrap_err().message,
            "argument unsupported: parameter 'x' not supported"
        );
        assert!(validate_params(&[b("cmt", true), b("mbmt", false)], &keys).is_ok());
    }

    #[test]
    fn events_are_kept_in_enum_order() {
        let mut def = DomainDef::default();
        apply(&mut def, &[b("mbml", true), b("cmt", false)]);
        apply(&mut def, &[b("cmt", true)]);
        let perf = def.extra.iter().find(|e| e.name == "perf").unwrap();
        let names: Vec<_> = perf
            .children
            .iter()
            .filter_map(|e| e.attr("name"))
            .collect();
        assert_eq!(names, ["cmt", "mbml"]);
        let on: Vec<_> = enabled(&def)
            .into_iter()
            .filter(|p| p.value == TypedValue::Boolean(true))
            .map(|p| p.field)
            .collect();
        assert_eq!(on, ["cmt", "mbml"]);
        assert!(check_one(3).is_err());
        assert!(check_one(2).is_ok());
    }
}
