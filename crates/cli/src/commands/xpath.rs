//! `--xpath EXPR [--wrap]` of the dumpxml commands (virsh's `virshDumpXML`): XPath 1.0
//! evaluated against the document with the root element as context node. Only node-sets
//! are printed (each node serialised as libxml2's `xmlNodeDump` does); any other result is
//! virsh's "Incorrect xpath" error; invalid expressions give libxml2's stderr messages and
//! an empty result.

mod eval;
mod func;
mod parse;

use roxmltree::{Document, Node};

use eval::{blank, XNode};
use parse::ErrKind;

/// What `--xpath` prints: stdout text and libxml2's stderr messages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    pub out: String,
    pub err: String,
}

fn esc_attr(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\n' => o.push_str("&#10;"),
            '\r' => o.push_str("&#13;"),
            '\t' => o.push_str("&#9;"),
            c => o.push(c),
        }
    }
    o
}

fn esc_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\r', "&#13;")
}

const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// ` name="value"` of attribute `i` of `n`.
fn attr_text(n: &Node, i: usize) -> String {
    let x = XNode::A(*n, i);
    format!(
        " {}=\"{}\"",
        eval::name_of(&x),
        esc_attr(&eval::string_of(&x))
    )
}

/// Namespace declarations made on `n` itself.
fn ns_decls(n: &Node) -> String {
    let parent: Vec<(Option<&str>, &str)> = n
        .parent_element()
        .map(|p| p.namespaces().map(|ns| (ns.name(), ns.uri())).collect())
        .unwrap_or_default();
    let mut o = String::new();
    for ns in n.namespaces() {
        if ns.name() == Some("xml") || parent.contains(&(ns.name(), ns.uri())) {
            continue;
        }
        match ns.name() {
            Some(p) => o.push_str(&format!(" xmlns:{p}=\"{}\"", esc_attr(ns.uri()))),
            None => o.push_str(&format!(" xmlns=\"{}\"", esc_attr(ns.uri()))),
        }
    }
    o
}

/// Serialises `n` like `xmlNodeDump(…, level, format)`.
fn dump(n: Node, level: usize, format: bool, out: &mut String) {
    if n.is_root() {
        out.push_str(DECL);
        for c in n.children().filter(|c| !c.is_text()) {
            dump(c, 0, true, out);
            out.push('\n');
        }
        return;
    }
    if n.is_text() {
        out.push_str(&esc_text(n.text().unwrap_or("")));
        return;
    }
    if n.is_comment() {
        out.push_str(&format!("<!--{}-->", n.text().unwrap_or("")));
        return;
    }
    if let Some(pi) = n.pi() {
        match pi.value {
            Some(v) => out.push_str(&format!("<?{} {v}?>", pi.target)),
            None => out.push_str(&format!("<?{}?>", pi.target)),
        }
        return;
    }
    let name = eval::name_of(&XNode::N(n));
    out.push('<');
    out.push_str(&name);
    out.push_str(&ns_decls(&n));
    for i in 0..n.attributes().len() {
        out.push_str(&attr_text(&n, i));
    }
    let kids: Vec<Node> = n.children().filter(|c| !blank(c)).collect();
    if kids.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    let fmt = format && !kids.iter().any(|c| c.is_text());
    for c in &kids {
        if fmt {
            out.push('\n');
            out.push_str(&"  ".repeat(level + 1));
        }
        dump(*c, level + 1, fmt, out);
    }
    if fmt {
        out.push('\n');
        out.push_str(&"  ".repeat(level));
    }
    out.push_str(&format!("</{name}>"));
}

/// One selected node as virsh prints it without `--wrap`.
fn dump_one(x: &XNode) -> String {
    match x {
        XNode::A(n, i) => attr_text(n, *i),
        XNode::N(n) => {
            let mut s = String::new();
            dump(*n, 0, true, &mut s);
            s
        }
    }
}

/// The `<nodes>` wrapper holding copies of `sel` (`xmlAddChild` semantics: attributes set
/// on the wrapper, adjacent text merged).
fn wrap(sel: &[XNode]) -> String {
    enum Kid<'a, 'i> {
        Node(Node<'a, 'i>),
        Text(String),
    }
    let mut attrs: Vec<(String, String)> = Vec::new();
    let mut kids: Vec<Kid> = Vec::new();
    for x in sel {
        match x {
            XNode::A(..) => {
                let name = eval::name_of(x);
                attrs.retain(|(n, _)| *n != name);
                attrs.push((name, eval::string_of(x)));
            }
            XNode::N(n) if n.is_text() => {
                let t = n.text().unwrap_or("").to_string();
                match kids.last_mut() {
                    Some(Kid::Text(prev)) => prev.push_str(&t),
                    _ => kids.push(Kid::Text(t)),
                }
            }
            XNode::N(n) => kids.push(Kid::Node(*n)),
        }
    }
    let mut out = String::from("<nodes");
    for (n, v) in &attrs {
        out.push_str(&format!(" {n}=\"{}\"", esc_attr(v)));
    }
    if kids.is_empty() {
        out.push_str("/>");
        return out;
    }
    out.push('>');
    let fmt = !kids.iter().any(|k| matches!(k, Kid::Text(_)));
    for k in &kids {
        match k {
            Kid::Text(t) => out.push_str(&esc_text(t)),
            Kid::Node(n) => {
                if fmt {
                    out.push('\n');
                    if !n.is_root() {
                        out.push_str("  ");
                    }
                }
                dump(*n, 1, fmt, &mut out);
            }
        }
    }
    if fmt {
        out.push('\n');
    }
    out.push_str("</nodes>");
    out
}

/// libxml2's generic error report for an XPath error at `offset` in `expr`.
fn report(kind: ErrKind, offset: usize, expr: &str, function: Option<&str>) -> String {
    let mut s = String::new();
    if let Some(f) = function {
        s.push_str(&format!("xmlXPathCompOpEval: function {f} not found\n"));
    }
    s.push_str(&format!("XPath error : {kind}\n"));
    if offset < 100 && offset < expr.len() {
        s.push_str(&format!("{expr}\n{}^\n", " ".repeat(offset)));
    }
    s
}

/// Evaluates `expr` against `xml` as `dumpxml --xpath expr [--wrap]` does. `Err` carries
/// virsh's error line (empty: fail without a message).
pub fn select(xml: &str, expr: &str, wrap_nodes: bool) -> Result<Selection, String> {
    if expr.is_empty() {
        return Err(String::new());
    }
    let doc = Document::parse(xml).map_err(|e| format!("(xml):{e}"))?;
    let empty = || {
        if wrap_nodes {
            "<nodes/>\n".to_string()
        } else {
            String::new()
        }
    };
    let compiled = match parse::compile(expr) {
        Ok(c) => c,
        Err(e) => {
            return Ok(Selection {
                out: empty(),
                err: report(e.kind, e.offset, expr, None),
            })
        }
    };
    let value = match eval::evaluate(&compiled, XNode::N(doc.root_element())) {
        Ok(v) => v,
        Err(e) => {
            return Ok(Selection {
                out: empty(),
                err: report(e.kind, expr.len(), expr, e.function.as_deref()),
            })
        }
    };
    let eval::Value::Nodes(sel) = value else {
        return Err(format!("internal error: Incorrect xpath '{expr}'"));
    };
    let out = if wrap_nodes {
        format!("{}\n", wrap(&sel))
    } else {
        sel.iter().map(|x| format!("{}\n", dump_one(x))).collect()
    };
    Ok(Selection {
        out,
        err: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::select;

    const X: &str = "<domain type='t'>\n  <name>t</name>\n  <devices>\n    \
                     <disk><source file='/a'/></disk>\n  </devices>\n</domain>";

    fn out(e: &str, wrap: bool) -> String {
        select(X, e, wrap).unwrap().out
    }

    #[test]
    fn selects_elements_and_attributes() {
        assert_eq!(out("/domain/name", false), "<name>t</name>\n");
        assert_eq!(
            out("/domain/devices/disk/source/@file", false),
            " file=\"/a\"\n"
        );
        assert_eq!(out("//source", false), "<source file=\"/a\"/>\n");
        assert_eq!(
            out("//disk", false),
            "<disk>\n  <source file=\"/a\"/>\n</disk>\n"
        );
        assert_eq!(out("/nosuch", false), "");
        assert_eq!(out("//name/text()", false), "t\n");
    }

    #[test]
    fn wraps() {
        assert_eq!(out("/nosuch", true), "<nodes/>\n");
        assert_eq!(out("//@*", true), "<nodes type=\"t\" file=\"/a\"/>\n");
        assert_eq!(
            out("//name | //@type", true),
            "<nodes type=\"t\">\n  <name>t</name>\n</nodes>\n"
        );
        assert_eq!(out("//name/text()", true), "<nodes>t</nodes>\n");
    }

    #[test]
    fn errors() {
        assert_eq!(
            select(X, "count(//disk)", false),
            Err("internal error: Incorrect xpath 'count(//disk)'".to_string())
        );
        let s = select(X, "/domain/[", false).unwrap();
        assert_eq!(
            s.err,
            "XPath error : Invalid expression\n/domain/[\n        ^\n"
        );
        let s = select(X, "foo(", true).unwrap();
        assert_eq!(s.out, "<nodes/>\n");
        assert_eq!(
            s.err,
            "xmlXPathCompOpEval: function foo not found\nXPath error : Unregistered function\n"
        );
        assert_eq!(select(X, "", false), Err(String::new()));
    }
}
