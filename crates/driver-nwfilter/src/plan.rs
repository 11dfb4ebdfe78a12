//! `virNWFilterDoInstantiate`'s choice: a binding's full rules, or — when `IP` is the only
//! variable without a value and `CTRL_IP_LEARNING` is not `none` — the learning rules
//! while a learner finds the guest's address (`virNWFilterLearnIPAddress`).

use std::net::Ipv4Addr;

use rvirt_conf::nwfilter::{NwFilterBindingDef, NwFilterDef};
use rvirt_core::error::VirResult;

use crate::instantiate::{self, PortRuleset};
use crate::learn::{learning_mode, LearnMode};

/// What a port gets.
#[derive(Debug)]
pub(crate) enum Plan {
    /// The binding's filter tree, instantiated.
    Full(PortRuleset),
    /// The learning rules, and how to learn.
    Learn(PortRuleset, LearnMode),
}

impl Plan {
    pub(crate) fn ruleset(&self) -> &PortRuleset {
        match self {
            Plan::Full(rs) | Plan::Learn(rs, _) => rs,
        }
    }
}

/// Whether the binding gives `IP` itself.
fn has_ip(b: &NwFilterBindingDef) -> bool {
    b.filter.params.get("IP").is_some_and(|v| !v.is_empty())
}

/// `b` with `IP` set to `ip`.
fn with_ip(b: &NwFilterBindingDef, ip: Ipv4Addr) -> NwFilterBindingDef {
    let mut b = b.clone();
    b.filter.params.insert("IP".into(), vec![ip.to_string()]);
    b
}

/// The plan for binding `b`; `learned` is the address learned for its port, if any.
pub(crate) fn plan<'a>(
    lookup: &dyn Fn(&str) -> Option<&'a NwFilterDef>,
    b: &NwFilterBindingDef,
    learned: Option<Ipv4Addr>,
) -> VirResult<Plan> {
    if has_ip(b) {
        return instantiate::ruleset(lookup, b).map(Plan::Full);
    }
    if let Some(ip) = learned {
        return instantiate::ruleset(lookup, &with_ip(b, ip)).map(Plan::Full);
    }
    let err = match instantiate::ruleset(lookup, b) {
        Ok(rs) => return Ok(Plan::Full(rs)),
        Err(e) => e,
    };
    // is IP the only thing missing? (any address will do for the question)
    if instantiate::ruleset(lookup, &with_ip(b, Ipv4Addr::new(192, 0, 2, 1))).is_err() {
        return Err(err);
    }
    match learning_mode(&b.filter.params, &b.filter.filter)? {
        None => Err(err),
        Some(mode) => {
            let rs = instantiate::learning_ruleset(&b.portdev, b.mac, &mode)?;
            Ok(Plan::Learn(rs, mode))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IPF: &str = "<filter name='ipf' chain='ipv4'>\
        <rule action='return' direction='out'><ip srcipaddr='$IP'/></rule>\
        <rule action='drop' direction='out'><ip/></rule></filter>";
    const OTHER: &str = "<filter name='other' chain='ipv4'>\
        <rule action='return' direction='out'><ip srcipaddr='$IP' dstipaddr='$GW'/></rule>\
        </filter>";

    fn binding(filter: &str, params: &str) -> NwFilterBindingDef {
        NwFilterBindingDef::parse(&format!(
            "<filterbinding><owner><name>v</name>\
             <uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid></owner>\
             <portdev name='tap0'/><mac address='52:54:00:aa:00:01'/>\
             <filterref filter='{filter}'>{params}</filterref></filterbinding>"
        ))
        .unwrap()
    }

    #[test]
    fn only_a_missing_ip_is_learned() {
        let defs: Vec<NwFilterDef> = [IPF, OTHER]
            .iter()
            .map(|x| NwFilterDef::parse(x).unwrap())
            .collect();
        let lookup = |n: &str| defs.iter().find(|d| d.name == n);
        let unresolvable = "internal error: Cannot instantiate filter due to unresolvable \
                            variables or unavailable list elements: ";

        let p = plan(&lookup, &binding("ipf", ""), None).unwrap();
        assert!(matches!(p, Plan::Learn(_, LearnMode::Any)), "{p:?}");
        assert_eq!(p.ruleset().chains[0].0, "tap0/out");

        let dhcp = "<parameter name='CTRL_IP_LEARNING' value='dhcp'/>";
        let p = plan(&lookup, &binding("ipf", dhcp), None).unwrap();
        assert!(matches!(p, Plan::Learn(_, LearnMode::Dhcp { .. })), "{p:?}");

        let learned = Some(Ipv4Addr::new(10, 0, 0, 7));
        let p = plan(&lookup, &binding("ipf", ""), learned).unwrap();
        let Plan::Full(rs) = p else { panic!() };
        assert!(rs
            .chains
            .iter()
            .any(|(_, l)| l.iter().any(|r| r.contains("10.0.0.7"))));

        let none = "<parameter name='CTRL_IP_LEARNING' value='none'/>";
        let e = plan(&lookup, &binding("ipf", none), None).unwrap_err();
        assert_eq!(e.message, format!("{unresolvable}IP"));

        // another variable missing as well: the plain error
        let e = plan(&lookup, &binding("other", ""), None).unwrap_err();
        assert_eq!(e.message, format!("{unresolvable}IP, GW"));

        let bad = "<parameter name='CTRL_IP_LEARNING' value='maybe'/>";
        let e = plan(&lookup, &binding("ipf", bad), None).unwrap_err();
        assert!(
            e.message.contains("learning value 'maybe' invalid."),
            "{}",
            e.message
        );
    }
}
