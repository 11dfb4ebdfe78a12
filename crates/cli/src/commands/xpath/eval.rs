//! XPath 1.0 evaluation over a roxmltree document whose blank text nodes count as absent
//! (libvirt parses with `XML_PARSE_NOBLANKS`).

use roxmltree::Node;

use super::parse::{Axis, BinOp, ErrKind, Expr, Step, Test};

/// A node of the XPath data model: a tree node or an element's attribute (by index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XNode<'a, 'i> {
    N(Node<'a, 'i>),
    A(Node<'a, 'i>, usize),
}

impl<'a, 'i> XNode<'a, 'i> {
    /// Document order: attributes right after their element, before its children.
    fn key(&self) -> (usize, usize) {
        match self {
            XNode::N(n) => (n.id().get_usize(), 0),
            XNode::A(n, i) => (n.id().get_usize(), i + 1),
        }
    }
    fn parent(&self) -> Option<XNode<'a, 'i>> {
        match self {
            XNode::N(n) => n.parent().map(XNode::N),
            XNode::A(n, _) => Some(XNode::N(*n)),
        }
    }
}

/// An XPath value.
#[derive(Debug, Clone)]
pub enum Value<'a, 'i> {
    Nodes(Vec<XNode<'a, 'i>>),
    Bool(bool),
    Num(f64),
    Str(String),
}

/// An evaluation error: libxml2's kind, plus the unknown function's name for its extra line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalError {
    pub kind: ErrKind,
    pub function: Option<String>,
}

type R<T> = Result<T, EvalError>;

fn fail<T>(kind: ErrKind) -> R<T> {
    Err(EvalError {
        kind,
        function: None,
    })
}

/// Whether `n` is a blank text node libxml2 would have dropped.
pub fn blank(n: &Node) -> bool {
    n.is_text()
        && n.text().unwrap_or("").trim().is_empty()
        && n.parent()
            .is_some_and(|p| p.children().any(|c| c.is_element()))
}

fn kids<'a, 'i>(n: Node<'a, 'i>) -> impl Iterator<Item = Node<'a, 'i>> {
    n.children().filter(|c| !blank(c))
}

fn descendants<'a, 'i>(n: Node<'a, 'i>, out: &mut Vec<XNode<'a, 'i>>) {
    for c in kids(n) {
        out.push(XNode::N(c));
        descendants(c, out);
    }
}

fn qname(n: &Node, local: &str, ns: Option<&str>) -> String {
    match ns.and_then(|u| n.lookup_prefix(u)) {
        Some(p) if !p.is_empty() => format!("{p}:{local}"),
        _ => local.to_string(),
    }
}

/// The node's `name()`.
pub fn name_of(x: &XNode) -> String {
    match x {
        XNode::N(n) if n.is_element() => {
            let t = n.tag_name();
            qname(n, t.name(), t.namespace())
        }
        XNode::N(n) => n.pi().map(|p| p.target.to_string()).unwrap_or_default(),
        XNode::A(n, i) => n
            .attributes()
            .nth(*i)
            .map(|a| qname(n, a.name(), a.namespace()))
            .unwrap_or_default(),
    }
}

fn local_name_of(x: &XNode) -> String {
    let n = name_of(x);
    match n.split_once(':') {
        Some((_, l)) => l.to_string(),
        None => n,
    }
}

/// The node's string-value.
pub fn string_of(x: &XNode) -> String {
    match x {
        XNode::A(n, i) => n
            .attributes()
            .nth(*i)
            .map(|a| a.value().to_string())
            .unwrap_or_default(),
        XNode::N(n) if n.is_text() || n.is_comment() => n.text().unwrap_or("").to_string(),
        XNode::N(n) if n.is_pi() => n.pi().and_then(|p| p.value).unwrap_or("").to_string(),
        XNode::N(n) => n
            .descendants()
            .filter(|d| d.is_text() && !blank(d))
            .filter_map(|d| d.text())
            .collect(),
    }
}

/// XPath `number()` of a string.
pub fn str_to_num(s: &str) -> f64 {
    let t = s.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r'));
    let body = t.strip_prefix('-').unwrap_or(t);
    let ok = !body.is_empty()
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.chars().filter(|c| *c == '.').count() <= 1
        && body != ".";
    if ok {
        t.parse().unwrap_or(f64::NAN)
    } else {
        f64::NAN
    }
}

/// XPath `string()` of a number.
pub fn num_to_str(f: f64) -> String {
    if f.is_nan() {
        "NaN".into()
    } else if f.is_infinite() {
        if f > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else if f == f.trunc() && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

impl<'a, 'i> Value<'a, 'i> {
    pub fn to_bool(&self) -> bool {
        match self {
            Value::Nodes(v) => !v.is_empty(),
            Value::Bool(b) => *b,
            Value::Num(f) => *f != 0.0 && !f.is_nan(),
            Value::Str(s) => !s.is_empty(),
        }
    }
    pub fn to_num(&self) -> f64 {
        match self {
            Value::Num(f) => *f,
            Value::Bool(b) => f64::from(u8::from(*b)),
            _ => str_to_num(&self.to_str()),
        }
    }
    pub fn to_str(&self) -> String {
        match self {
            Value::Nodes(v) => v.first().map(string_of).unwrap_or_default(),
            Value::Bool(b) => b.to_string(),
            Value::Num(f) => num_to_str(*f),
            Value::Str(s) => s.clone(),
        }
    }
}

#[derive(Clone, Copy)]
struct Ctx<'a, 'i> {
    node: XNode<'a, 'i>,
    pos: usize,
    size: usize,
}

fn sort_dedup(v: &mut Vec<XNode>) {
    v.sort_by_key(|x| x.key());
    v.dedup_by_key(|x| x.key());
}

fn axis_nodes<'a, 'i>(x: XNode<'a, 'i>, axis: Axis) -> Vec<XNode<'a, 'i>> {
    let mut out = Vec::new();
    let node = match x {
        XNode::N(n) => Some(n),
        XNode::A(..) => None,
    };
    match axis {
        Axis::Child => {
            if let Some(n) = node {
                out.extend(kids(n).map(XNode::N));
            }
        }
        Axis::Descendant | Axis::DescendantOrSelf => {
            if axis == Axis::DescendantOrSelf {
                out.push(x);
            }
            if let Some(n) = node {
                descendants(n, &mut out);
            }
        }
        Axis::Attribute => {
            if let Some(n) = node.filter(|n| n.is_element()) {
                out.extend((0..n.attributes().len()).map(|i| XNode::A(n, i)));
            }
        }
        Axis::Own => out.push(x),
        Axis::Parent => out.extend(x.parent()),
        Axis::Ancestor | Axis::AncestorOrSelf => {
            if axis == Axis::AncestorOrSelf {
                out.push(x);
            }
            let mut p = x.parent();
            while let Some(q) = p {
                out.push(q);
                p = q.parent();
            }
        }
        Axis::FollowingSibling | Axis::PrecedingSibling => {
            if let Some(n) = node {
                let mut s = if axis == Axis::FollowingSibling {
                    n.next_sibling()
                } else {
                    n.prev_sibling()
                };
                while let Some(c) = s {
                    if !blank(&c) {
                        out.push(XNode::N(c));
                    }
                    s = if axis == Axis::FollowingSibling {
                        c.next_sibling()
                    } else {
                        c.prev_sibling()
                    };
                }
            }
        }
        Axis::Following | Axis::Preceding => {
            let root = match x {
                XNode::N(n) | XNode::A(n, _) => n.document().root(),
            };
            let mut all = Vec::new();
            descendants(root, &mut all);
            let k = x.key();
            let anc: Vec<(usize, usize)> = axis_nodes(x, Axis::Ancestor)
                .iter()
                .map(XNode::key)
                .collect();
            let own: Vec<(usize, usize)> = axis_nodes(x, Axis::Descendant)
                .iter()
                .map(XNode::key)
                .collect();
            for c in all {
                let ck = c.key();
                if axis == Axis::Following && ck > k && !own.contains(&ck) {
                    out.push(c);
                }
                if axis == Axis::Preceding && ck < k && !anc.contains(&ck) {
                    out.push(c);
                }
            }
            if axis == Axis::Preceding {
                out.reverse();
            }
        }
        Axis::Namespace => {}
    }
    out
}

fn matches(x: &XNode, axis: Axis, test: &Test) -> bool {
    let principal_attr = axis == Axis::Attribute;
    match test {
        Test::Node => true,
        Test::Text => matches!(x, XNode::N(n) if n.is_text()),
        Test::Comment => matches!(x, XNode::N(n) if n.is_comment()),
        Test::Pi(t) => match x {
            XNode::N(n) => n
                .pi()
                .is_some_and(|p| t.as_deref().is_none_or(|t| t == p.target)),
            XNode::A(..) => false,
        },
        Test::Any(prefix) => {
            let kind_ok = match x {
                XNode::A(..) => principal_attr,
                XNode::N(n) => !principal_attr && n.is_element(),
            };
            kind_ok
                && prefix
                    .as_deref()
                    .is_none_or(|p| name_of(x).starts_with(&format!("{p}:")))
        }
        Test::Name(want) => {
            let kind_ok = match x {
                XNode::A(..) => principal_attr,
                XNode::N(n) => !principal_attr && n.is_element(),
            };
            kind_ok && name_of(x) == *want
        }
    }
}

/// Evaluates `e` with the context node `node` (position 1 of 1).
pub fn evaluate<'a, 'i>(e: &Expr, node: XNode<'a, 'i>) -> R<Value<'a, 'i>> {
    eval(
        e,
        Ctx {
            node,
            pos: 1,
            size: 1,
        },
    )
}

fn nodes<'a, 'i>(v: Value<'a, 'i>) -> R<Vec<XNode<'a, 'i>>> {
    match v {
        Value::Nodes(n) => Ok(n),
        _ => fail(ErrKind::InvalidType),
    }
}

/// Keeps the nodes of `v` (in axis order) for which `pred` holds.
fn filter<'a, 'i>(v: Vec<XNode<'a, 'i>>, pred: &Expr) -> R<Vec<XNode<'a, 'i>>> {
    let size = v.len();
    let mut out = Vec::new();
    for (i, x) in v.into_iter().enumerate() {
        let r = eval(
            pred,
            Ctx {
                node: x,
                pos: i + 1,
                size,
            },
        )?;
        let keep = match r {
            Value::Num(f) => f == (i + 1) as f64,
            other => other.to_bool(),
        };
        if keep {
            out.push(x);
        }
    }
    Ok(out)
}

fn step<'a, 'i>(ctx: &[XNode<'a, 'i>], s: &Step) -> R<Vec<XNode<'a, 'i>>> {
    // virsh registers no namespace prefixes: only `xml` is known
    let prefix = match &s.test {
        Test::Name(n) => n.split_once(':').map(|(p, _)| p),
        Test::Any(p) => p.as_deref(),
        _ => None,
    };
    if prefix.is_some_and(|p| p != "xml") {
        return fail(ErrKind::UndefinedPrefix);
    }
    let mut out = Vec::new();
    for x in ctx {
        let mut v: Vec<XNode> = axis_nodes(*x, s.axis)
            .into_iter()
            .filter(|n| matches(n, s.axis, &s.test))
            .collect();
        for p in &s.preds {
            v = filter(v, p)?;
        }
        out.extend(v);
    }
    sort_dedup(&mut out);
    Ok(out)
}

fn compare(op: BinOp, a: &Value, b: &Value) -> bool {
    let num = |x: f64, y: f64| match op {
        BinOp::Eq => x == y,
        BinOp::Ne => x != y,
        BinOp::Lt => x < y,
        BinOp::Le => x <= y,
        BinOp::Gt => x > y,
        _ => x >= y,
    };
    let eq_op = matches!(op, BinOp::Eq | BinOp::Ne);
    match (a, b) {
        (Value::Nodes(x), Value::Nodes(y)) => x.iter().any(|p| {
            y.iter().any(|q| {
                let (s, t) = (string_of(p), string_of(q));
                if eq_op {
                    (s == t) == (op == BinOp::Eq)
                } else {
                    num(str_to_num(&s), str_to_num(&t))
                }
            })
        }),
        (Value::Nodes(x), other) | (other, Value::Nodes(x)) => {
            let swapped = !matches!(a, Value::Nodes(_));
            if let Value::Bool(bv) = other {
                let nb = !x.is_empty();
                let (l, r) = if swapped { (*bv, nb) } else { (nb, *bv) };
                return num(f64::from(u8::from(l)), f64::from(u8::from(r)));
            }
            x.iter().any(|p| {
                let s = string_of(p);
                if eq_op && matches!(other, Value::Str(_)) {
                    (s == other.to_str()) == (op == BinOp::Eq)
                } else {
                    let (l, r) = (str_to_num(&s), other.to_num());
                    if swapped {
                        num(r, l)
                    } else {
                        num(l, r)
                    }
                }
            })
        }
        _ if eq_op => {
            let r = if matches!(a, Value::Bool(_)) || matches!(b, Value::Bool(_)) {
                a.to_bool() == b.to_bool()
            } else if matches!(a, Value::Num(_)) || matches!(b, Value::Num(_)) {
                a.to_num() == b.to_num()
            } else {
                a.to_str() == b.to_str()
            };
            r == (op == BinOp::Eq)
        }
        _ => num(a.to_num(), b.to_num()),
    }
}

fn eval<'a, 'i>(e: &Expr, c: Ctx<'a, 'i>) -> R<Value<'a, 'i>> {
    Ok(match e {
        Expr::Num(f) => Value::Num(*f),
        Expr::Lit(s) => Value::Str(s.clone()),
        Expr::Var(_) => return fail(ErrKind::UndefinedVariable),
        Expr::Neg(x) => Value::Num(-eval(x, c)?.to_num()),
        Expr::Bin(op, l, r) => match op {
            BinOp::Or => Value::Bool(eval(l, c)?.to_bool() || eval(r, c)?.to_bool()),
            BinOp::And => Value::Bool(eval(l, c)?.to_bool() && eval(r, c)?.to_bool()),
            BinOp::Union => {
                let mut a = nodes(eval(l, c)?)?;
                a.extend(nodes(eval(r, c)?)?);
                sort_dedup(&mut a);
                Value::Nodes(a)
            }
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Mod => {
                let (x, y) = (eval(l, c)?.to_num(), eval(r, c)?.to_num());
                Value::Num(match op {
                    BinOp::Add => x + y,
                    BinOp::Sub => x - y,
                    BinOp::Mul => x * y,
                    BinOp::Div => x / y,
                    _ => x % y,
                })
            }
            _ => Value::Bool(compare(*op, &eval(l, c)?, &eval(r, c)?)),
        },
        Expr::Filter(prim, preds) => {
            let mut v = nodes(eval(prim, c)?)?;
            for p in preds {
                v = filter(v, p)?;
            }
            Value::Nodes(v)
        }
        Expr::Path {
            absolute,
            base,
            steps,
        } => {
            let mut cur = if *absolute {
                let root = match c.node {
                    XNode::N(n) | XNode::A(n, _) => n.document().root(),
                };
                vec![XNode::N(root)]
            } else if let Some(b) = base {
                nodes(eval(b, c)?)?
            } else {
                vec![c.node]
            };
            for s in steps {
                cur = step(&cur, s)?;
            }
            Value::Nodes(cur)
        }
        Expr::Call(name, args) => return super::func::call(name, args, c.node, c.pos, c.size),
    })
}

/// Evaluates a function argument in the caller's context.
pub fn eval_arg<'a, 'i>(
    e: &Expr,
    node: XNode<'a, 'i>,
    pos: usize,
    size: usize,
) -> R<Value<'a, 'i>> {
    eval(e, Ctx { node, pos, size })
}

/// `local-name()` for the function library.
pub fn local_name(x: &XNode) -> String {
    local_name_of(x)
}

/// An error of `kind` (for the function library).
pub fn error<T>(kind: ErrKind) -> R<T> {
    fail(kind)
}
