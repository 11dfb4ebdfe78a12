//! `<perf>`: the perf events of a domain definition (`virDomainGetPerfEvents` /
//! `virDomainSetPerfEvents` read and write them as boolean typed parameters).

use super::{DomainDef, Element};
use rvirt_core::typed_param::{kind, TypedParam, TypedValue};

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

/// The keys `virDomainSetPerfEvents` accepts: every event, as a boolean.
pub fn perf_param_keys() -> Vec<(&'static str, i32)> {
    PERF_EVENTS.iter().map(|n| (*n, kind::BOOLEAN)).collect()
}

/// Whether `<perf><event name=… enabled='yes'/>` is set, one boolean per event in enum order.
pub fn perf_enabled(def: &DomainDef) -> Vec<TypedParam> {
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

/// Records (validated) parameters as `<event name=… enabled='yes|no'/>` in enum order; a new
/// `<perf>` goes where libvirt formats it.
pub fn apply_perf(def: &mut DomainDef, params: &[TypedParam]) {
    if !def.extra.iter().any(|e| e.name == "perf") {
        def.extra.push(Element::new("perf"));
        def.sort_extras();
    }
    let Some(perf) = def.extra.iter_mut().find(|e| e.name == "perf") else {
        return;
    };
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

/// Checks `<perf>` as libvirt's parser does (every event named, known, given once, with
/// `enabled` yes or no) and puts the events in enum order, the order libvirt formats them.
pub(crate) fn check_and_order_perf(def: &mut DomainDef) -> rvirt_core::VirResult<()> {
    use super::parse::xml_err;
    let Some(perf) = def.extra.iter_mut().find(|e| e.name == "perf") else {
        return Ok(());
    };
    let mut seen = [false; PERF_EVENTS.len()];
    for e in perf.children.iter().filter(|e| e.name == "event") {
        let name = e
            .attr("name")
            .ok_or_else(|| xml_err("Missing required attribute 'name' in element 'event'"))?;
        let Some(i) = PERF_EVENTS.iter().position(|n| *n == name) else {
            return Err(xml_err(format!(
                "Invalid value for attribute 'name' in element 'event': '{name}'."
            )));
        };
        match e.attr("enabled") {
            None => {
                return Err(xml_err(
                    "Missing required attribute 'enabled' in element 'event'",
                ))
            }
            Some("yes" | "no") => {}
            Some(v) => {
                return Err(xml_err(format!(
                    "Invalid value for attribute 'enabled' in element 'event': '{v}'."
                )))
            }
        }
        if std::mem::replace(&mut seen[i], true) {
            return Err(xml_err(format!(
                "perf event '{name}' was already specified"
            )));
        }
    }
    perf.children.sort_by_key(|e| {
        e.attr("name")
            .and_then(|n| PERF_EVENTS.iter().position(|x| *x == n))
            .unwrap_or(PERF_EVENTS.len())
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(n: &str, v: bool) -> TypedParam {
        TypedParam::new(n, TypedValue::Boolean(v))
    }

    #[test]
    fn events_are_kept_in_enum_order_before_seclabel() {
        let mut def = DomainDef::default();
        def.extra.push(Element::new("seclabel"));
        apply_perf(&mut def, &[b("mbml", true), b("cmt", false)]);
        apply_perf(&mut def, &[b("cmt", true)]);
        assert_eq!(def.extra[0].name, "perf");
        let names: Vec<_> = def.extra[0]
            .children
            .iter()
            .filter_map(|e| e.attr("name"))
            .collect();
        assert_eq!(names, ["cmt", "mbml"]);
        let on: Vec<_> = perf_enabled(&def)
            .into_iter()
            .filter(|p| p.value == TypedValue::Boolean(true))
            .map(|p| p.field)
            .collect();
        assert_eq!(on, ["cmt", "mbml"]);
        assert_eq!(perf_enabled(&def).len(), PERF_EVENTS.len());
    }
}
