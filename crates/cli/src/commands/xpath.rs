//! The subset of XPath that `dumpxml --xpath` needs: absolute (`/a/b`) and descendant
//! (`//b`) element steps, optionally ending in `@attr`; results serialised as libxml2 does.

use roxmltree::{Document, Node};

fn esc_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
}

fn esc_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn blank(n: &Node) -> bool {
    n.is_text() && n.text().unwrap_or("").trim().is_empty()
}

/// Serialises like libxml2's `xmlNodeDump(…, format=1)` on a blank-stripped document:
/// element-only content goes one child per line, indented two spaces a level.
fn serialise(n: Node, level: usize, out: &mut String) {
    if n.is_text() {
        out.push_str(&esc_text(n.text().unwrap_or("")));
        return;
    }
    if !n.is_element() {
        return;
    }
    let name = n.tag_name().name();
    out.push('<');
    out.push_str(name);
    for a in n.attributes() {
        out.push_str(&format!(" {}=\"{}\"", a.name(), esc_attr(a.value())));
    }
    let kids: Vec<Node> = n.children().filter(|c| !blank(c)).collect();
    if kids.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    let elements_only = kids.iter().all(|c| c.is_element());
    for c in &kids {
        if elements_only {
            out.push('\n');
            out.push_str(&"  ".repeat(level + 1));
        }
        serialise(*c, level + 1, out);
    }
    if elements_only {
        out.push('\n');
        out.push_str(&"  ".repeat(level));
    }
    out.push_str(&format!("</{name}>"));
}

/// Evaluates `expr` against `xml`; each result serialised, or `None` if unsupported.
pub fn eval(xml: &str, expr: &str) -> Option<Vec<String>> {
    let doc = Document::parse(xml).ok()?;
    let (descendant, rest) = if let Some(r) = expr.strip_prefix("//") {
        (true, r)
    } else {
        (false, expr.strip_prefix('/')?)
    };
    let mut steps: Vec<&str> = rest.split('/').collect();
    let attr = match steps.last() {
        Some(s) if s.starts_with('@') => {
            let a = s[1..].to_string();
            steps.pop();
            Some(a)
        }
        _ => None,
    };
    let mut cur: Vec<Node> = Vec::new();
    let first = steps.first().copied()?;
    if descendant {
        cur.extend(
            doc.descendants()
                .filter(|n| n.is_element() && n.tag_name().name() == first),
        );
    } else if doc.root_element().tag_name().name() == first {
        cur.push(doc.root_element());
    }
    for s in steps.iter().skip(1) {
        cur = cur
            .iter()
            .flat_map(|n| n.children())
            .filter(|c| c.is_element() && c.tag_name().name() == *s)
            .collect();
    }
    let mut out = Vec::new();
    for n in cur {
        match &attr {
            Some(a) => {
                if let Some(v) = n.attribute(a.as_str()) {
                    out.push(format!(" {a}=\"{}\"", esc_attr(v)));
                }
            }
            None => {
                let mut s = String::new();
                serialise(n, 0, &mut s);
                out.push(s);
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn selects_elements_and_attributes() {
        let x =
            "<domain><name>t</name><devices><disk><source file='/a'/></disk></devices></domain>";
        assert_eq!(
            super::eval(x, "/domain/name").unwrap(),
            vec!["<name>t</name>"]
        );
        assert_eq!(
            super::eval(x, "/domain/devices/disk/source/@file").unwrap(),
            vec![" file=\"/a\""]
        );
        assert_eq!(
            super::eval(x, "//source").unwrap(),
            vec!["<source file=\"/a\"/>"]
        );
        assert!(super::eval(x, "/nosuch").unwrap().is_empty());
    }
}
