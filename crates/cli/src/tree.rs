//! virsh's tree layout (`vshTreePrint`), used by `snapshot-list --tree` and
//! `nodedev-list --tree`.

/// Renders `(name, parent)` items as virsh draws them: roots in order, each child line
/// `+- name` under a `|` connector, and a spacer line after the last leaf of a branch.
pub fn render(items: &[(String, Option<String>)]) -> String {
    let mut out = String::new();
    let known = |p: &str| items.iter().any(|(n, _)| n == p);
    for (name, parent) in items {
        if parent.as_deref().is_none_or(|p| !known(p)) {
            node(items, name, "", true, true, &mut out);
        }
    }
    out
}

fn node(
    items: &[(String, Option<String>)],
    name: &str,
    indent: &str,
    root: bool,
    last: bool,
    out: &mut String,
) {
    if root {
        out.push_str(name);
    } else {
        out.push_str(indent);
        out.push_str("+- ");
        out.push_str(name);
    }
    out.push('\n');
    let children: Vec<&String> = items
        .iter()
        .filter(|(_, p)| p.as_deref() == Some(name))
        .map(|(n, _)| n)
        .collect();
    let child_indent = if root {
        "  ".to_string()
    } else if last {
        format!("{indent}    ")
    } else {
        format!("{indent}|   ")
    };
    if !children.is_empty() {
        out.push_str(&child_indent);
        out.push_str("|\n");
    }
    for (i, c) in children.iter().enumerate() {
        node(items, c, &child_indent, false, i + 1 == children.len(), out);
    }
    if children.is_empty() && last {
        if !root {
            out.push_str(indent);
            out.push_str("  ");
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn it(n: &str, p: Option<&str>) -> (String, Option<String>) {
        (n.to_string(), p.map(String::from))
    }

    #[test]
    fn matches_virsh_layout() {
        // virsh -c test:///default: a; b and c chained under a; d under a.
        let items = vec![
            it("a", None),
            it("b", Some("a")),
            it("c", Some("b")),
            it("d", Some("a")),
        ];
        assert_eq!(
            render(&items),
            "a\n  |\n  +- b\n  |   |\n  |   +- c\n  |     \n  +- d\n    \n"
        );
        assert_eq!(render(&[it("a", None)]), "a\n\n");
    }
}
