//! `virNWFilterVarCombIter`: a rule's `$VAR`, `$VAR[@N]` and `$VAR[N]` references expanded
//! into one concrete attribute list per combination of list values.

use std::collections::BTreeMap;

use rvirt_core::error::{ErrorCode, VirError, VirResult};

use crate::errors::DOM;

/// Variable name → its values (a variable given several times is a list).
pub(crate) type Vars = BTreeMap<String, Vec<String>>;

/// How a rule attribute reaches a variable's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// `$VAR` (iterator 0) or `$VAR[@N]`: iterated; variables sharing an iterator move in
    /// lockstep, different iterators combine.
    Iter(u32),
    /// `$VAR[N]`: one element.
    Index(usize),
}

/// `virNWFilterVarAccessParse` on an already-normalised value (`$IP`, `$IP[@2]`, `$IP[3]`).
fn parse_ref(v: &str) -> Option<(&str, Access)> {
    let body = v.strip_prefix('$')?;
    let end = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(body.len());
    let (name, rest) = body.split_at(end);
    if rest.is_empty() {
        return Some((name, Access::Iter(0)));
    }
    let inner = rest.strip_prefix('[')?.strip_suffix(']')?.trim();
    match inner.strip_prefix('@') {
        Some(n) => Some((name, Access::Iter(n.trim().parse().ok()?))),
        None => Some((name, Access::Index(inner.parse().ok()?))),
    }
}

fn unresolvable(what: &[String]) -> VirError {
    VirError::internal(
        DOM,
        format!(
            "Cannot instantiate filter due to unresolvable variables or unavailable list \
             elements: {}",
            what.join(", ")
        ),
    )
}

/// One concrete attribute list per combination of the variables `attrs` use (a rule using
/// `$IP` with two values yields two lists). Attributes without variables are copied.
pub(crate) fn expand(
    attrs: &[(String, String)],
    vars: &Vars,
) -> VirResult<Vec<Vec<(String, String)>>> {
    let mut missing = Vec::new();
    // iterator id → (cardinality, first variable)
    let mut iters: BTreeMap<u32, (usize, String)> = BTreeMap::new();
    for (_, v) in attrs {
        let Some((name, access)) = parse_ref(v) else {
            continue;
        };
        let Some(values) = vars.get(name).filter(|vals| !vals.is_empty()) else {
            if !missing.contains(&name.to_string()) {
                missing.push(name.to_string());
            }
            continue;
        };
        match access {
            Access::Index(i) if i >= values.len() => missing.push(format!("{name}[{i}]")),
            Access::Index(_) => {}
            Access::Iter(id) => match iters.get(&id) {
                Some((n, _)) if *n != values.len() => {
                    return Err(VirError::new(
                        ErrorCode::InvalidArg,
                        DOM,
                        "Cardinality of list items must be the same for processing them in \
                         parallel",
                    ));
                }
                Some(_) => {}
                None => {
                    iters.insert(id, (values.len(), name.to_string()));
                }
            },
        }
    }
    if !missing.is_empty() {
        return Err(unresolvable(&missing));
    }
    let ids: Vec<(u32, usize)> = iters.iter().map(|(id, (n, _))| (*id, *n)).collect();
    let total: usize = ids.iter().map(|(_, n)| *n).product();
    let mut out = Vec::with_capacity(total);
    for combo in 0..total {
        // the last iterator varies fastest
        let mut rest = combo;
        let mut pos: BTreeMap<u32, usize> = BTreeMap::new();
        for (id, n) in ids.iter().rev() {
            pos.insert(*id, rest % n);
            rest /= n;
        }
        let mut concrete = Vec::with_capacity(attrs.len());
        for (k, v) in attrs {
            let value = match parse_ref(v) {
                Some((name, access)) => {
                    let values = vars.get(name).map(Vec::as_slice).unwrap_or_default();
                    let idx = match access {
                        Access::Index(i) => i,
                        Access::Iter(id) => pos.get(&id).copied().unwrap_or(0),
                    };
                    values
                        .get(idx)
                        .cloned()
                        .ok_or_else(|| unresolvable(&[name.to_string()]))?
                }
                None => v.clone(),
            };
            concrete.push((k.clone(), value));
        }
        out.push(concrete);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(list: &[(&str, &[&str])]) -> Vars {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    fn attrs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn lists_expand_and_iterators_combine() {
        let v = vars(&[("IP", &["10.0.0.1", "10.0.0.2"]), ("P", &["80", "443"])]);
        let one = expand(&attrs(&[("srcipaddr", "$IP"), ("comment", "x")]), &v).unwrap();
        assert_eq!(
            one,
            vec![
                attrs(&[("srcipaddr", "10.0.0.1"), ("comment", "x")]),
                attrs(&[("srcipaddr", "10.0.0.2"), ("comment", "x")]),
            ]
        );
        // same iterator: lockstep
        let lock = expand(&attrs(&[("a", "$IP"), ("b", "$P")]), &v).unwrap();
        assert_eq!(lock.len(), 2);
        assert_eq!(lock[1], attrs(&[("a", "10.0.0.2"), ("b", "443")]));
        // different iterators: all combinations
        let all = expand(&attrs(&[("a", "$IP[@1]"), ("b", "$P[@2]")]), &v).unwrap();
        assert_eq!(all.len(), 4);
        assert_eq!(all[1], attrs(&[("a", "10.0.0.1"), ("b", "443")]));
        let idx = expand(&attrs(&[("a", "$IP[1]")]), &v).unwrap();
        assert_eq!(idx, vec![attrs(&[("a", "10.0.0.2")])]);
    }

    #[test]
    fn missing_values_and_cardinality() {
        let v = vars(&[("IP", &["10.0.0.1", "10.0.0.2"]), ("M", &["x"])]);
        let e = expand(&attrs(&[("a", "$NOPE"), ("b", "$IP[5]")]), &v).unwrap_err();
        assert_eq!(
            e.message,
            "internal error: Cannot instantiate filter due to unresolvable variables or \
             unavailable list elements: NOPE, IP[5]"
        );
        let e = expand(&attrs(&[("a", "$IP"), ("b", "$M")]), &v).unwrap_err();
        assert!(e.message.contains("Cardinality of list items"));
    }
}
