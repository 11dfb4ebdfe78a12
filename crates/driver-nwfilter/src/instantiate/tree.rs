//! `virNWFilterDefToInst`: a binding's filter tree flattened into concrete rules, with the
//! binding's parameters plus the automatic `MAC` variable passed down `<filterref>`s.

use rvirt_conf::nwfilter::{
    FilterEntry, NwFilterBindingDef, NwFilterDef, RuleAction, RuleDirection,
};
use rvirt_core::error::VirResult;

use super::vars::{expand, Vars};
use crate::errors::DOM;

/// How deep `<filterref>`s may nest (the driver refuses loops at define time).
const MAX_DEPTH: usize = 64;

/// One rule with every variable replaced by a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InstRule {
    /// The chain of the filter holding the rule (`root`, `ipv4`, `mac-x`, …).
    pub chain: String,
    pub chain_priority: i32,
    pub action: RuleAction,
    pub direction: RuleDirection,
    pub priority: i32,
    /// The protocol element (`mac`, `ip`, `tcp`, …); `None` for a rule without one.
    pub protocol: Option<String>,
    pub negate: bool,
    pub attrs: Vec<(String, String)>,
}

/// The variables a binding starts with: its `<filterref>` parameters plus `MAC` (the
/// binding's MAC address) unless a parameter already sets it.
pub(crate) fn binding_vars(b: &NwFilterBindingDef) -> Vars {
    let mut vars = b.filter.params.clone();
    vars.entry("MAC".to_string()).or_insert_with(|| {
        vec![b
            .mac
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect::<Vec<_>>()
            .join(":")]
    });
    vars
}

/// Every rule reached from the binding's filter, in tree order.
pub(crate) fn resolve<'a>(
    lookup: &dyn Fn(&str) -> Option<&'a NwFilterDef>,
    binding: &NwFilterBindingDef,
) -> VirResult<Vec<InstRule>> {
    let mut out = Vec::new();
    walk(
        lookup,
        &binding.filter.filter,
        &binding_vars(binding),
        0,
        &mut out,
    )?;
    Ok(out)
}

fn walk<'a>(
    lookup: &dyn Fn(&str) -> Option<&'a NwFilterDef>,
    name: &str,
    vars: &Vars,
    depth: usize,
    out: &mut Vec<InstRule>,
) -> VirResult<()> {
    let def = lookup(name).ok_or_else(|| {
        rvirt_core::error::VirError::internal(DOM, format!("referenced filter '{name}' is missing"))
    })?;
    if depth > MAX_DEPTH {
        return Err(rvirt_core::error::VirError::internal(
            DOM,
            format!("filter '{name}' is nested too deeply"),
        ));
    }
    for e in &def.entries {
        match e {
            FilterEntry::Rule(r) => {
                let (protocol, negate, attrs) = match &r.protocol {
                    Some(m) => (Some(m.protocol.clone()), m.negate, m.attrs.as_slice()),
                    None => (None, false, &[][..]),
                };
                for concrete in expand(attrs, vars)? {
                    out.push(InstRule {
                        chain: def.chain.clone(),
                        chain_priority: def.chain_priority,
                        action: r.action,
                        direction: r.direction,
                        priority: r.priority,
                        protocol: protocol.clone(),
                        negate,
                        attrs: concrete,
                    });
                }
            }
            FilterEntry::Ref(fr) => {
                // the referencing filter's variables win over the <filterref>'s own values
                let mut child = fr.params.clone();
                child.extend(vars.iter().map(|(k, v)| (k.clone(), v.clone())));
                walk(lookup, &fr.filter, &child, depth + 1, out)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_flow_down_and_mac_is_automatic() {
        let defs = [
            NwFilterDef::parse(
                "<filter name='top'><filterref filter='leaf'>\
                 <parameter name='IP' value='1.1.1.1'/><parameter name='X' value='9'/>\
                 </filterref></filter>",
            )
            .unwrap(),
            NwFilterDef::parse(
                "<filter name='leaf' chain='ipv4'><rule action='drop' direction='out'>\
                 <ip srcipaddr='$IP' dscp='$X[0]'/></rule>\
                 <rule action='drop' direction='out'><mac srcmacaddr='$MAC'/></rule></filter>",
            )
            .unwrap(),
        ];
        let b = NwFilterBindingDef::parse(
            "<filterbinding><owner><name>v</name>\
             <uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid></owner>\
             <portdev name='tap0'/><mac address='52:54:00:AA:00:01'/>\
             <filterref filter='top'><parameter name='IP' value='10.0.0.1'/>\
             <parameter name='IP' value='10.0.0.2'/></filterref></filterbinding>",
        )
        .unwrap();
        let lookup = |n: &str| defs.iter().find(|d| d.name == n);
        let rules = resolve(&lookup, &b).unwrap();
        assert_eq!(rules.len(), 3);
        assert_eq!(rules[0].chain, "ipv4");
        assert_eq!(rules[0].chain_priority, -700);
        let a = |r: &InstRule, k: &str| {
            r.attrs
                .iter()
                .find(|(x, _)| x == k)
                .map(|(_, v)| v.clone())
                .unwrap()
        };
        assert_eq!(a(&rules[0], "srcipaddr"), "10.0.0.1");
        assert_eq!(a(&rules[1], "srcipaddr"), "10.0.0.2");
        assert_eq!(a(&rules[2], "srcmacaddr"), "52:54:00:aa:00:01");
        assert_eq!(a(&rules[1], "dscp"), "9");
        let mut b2 = b.clone();
        b2.filter.filter = "nosuch".into();
        assert_eq!(
            resolve(&lookup, &b2).unwrap_err().message,
            "internal error: referenced filter 'nosuch' is missing"
        );
    }
}
