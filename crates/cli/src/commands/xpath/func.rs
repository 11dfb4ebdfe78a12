//! The XPath 1.0 core function library.

use super::eval::{
    error, eval_arg, local_name, name_of, str_to_num, string_of, EvalError, Value, XNode,
};
use super::parse::{ErrKind, Expr};

type R<T> = Result<T, EvalError>;

/// Calls function `name` with `args` in the context (`node`, `pos`, `size`).
pub fn call<'a, 'i>(
    name: &str,
    args: &[Expr],
    node: XNode<'a, 'i>,
    pos: usize,
    size: usize,
) -> R<Value<'a, 'i>> {
    let arity = |lo: usize, hi: usize| -> R<()> {
        if args.len() < lo || args.len() > hi {
            return error(ErrKind::InvalidArity);
        }
        Ok(())
    };
    let arg = |i: usize| eval_arg(&args[i], node, pos, size);
    let s_arg = |i: usize| -> R<String> {
        if i < args.len() {
            Ok(arg(i)?.to_str())
        } else {
            Ok(string_of(&node))
        }
    };
    let node_arg = |i: usize| -> R<Option<XNode<'a, 'i>>> {
        if i < args.len() {
            match arg(i)? {
                Value::Nodes(v) => Ok(v.first().copied()),
                _ => error(ErrKind::InvalidType),
            }
        } else {
            Ok(Some(node))
        }
    };
    Ok(match name {
        "last" => {
            arity(0, 0)?;
            Value::Num(size as f64)
        }
        "position" => {
            arity(0, 0)?;
            Value::Num(pos as f64)
        }
        "count" => {
            arity(1, 1)?;
            match arg(0)? {
                Value::Nodes(v) => Value::Num(v.len() as f64),
                _ => return error(ErrKind::InvalidType),
            }
        }
        "id" => {
            arity(1, 1)?;
            Value::Nodes(Vec::new())
        }
        "name" | "local-name" | "namespace-uri" => {
            arity(0, 1)?;
            let n = node_arg(0)?;
            Value::Str(match (name, n) {
                (_, None) => String::new(),
                ("name", Some(x)) => name_of(&x),
                ("local-name", Some(x)) => local_name(&x),
                (_, Some(XNode::N(n))) => n.tag_name().namespace().unwrap_or("").to_string(),
                (_, Some(XNode::A(n, i))) => n
                    .attributes()
                    .nth(i)
                    .and_then(|a| a.namespace())
                    .unwrap_or("")
                    .to_string(),
            })
        }
        "string" => {
            arity(0, 1)?;
            Value::Str(s_arg(0)?)
        }
        "concat" => {
            if args.len() < 2 {
                return error(ErrKind::InvalidArity);
            }
            let mut s = String::new();
            for i in 0..args.len() {
                s.push_str(&s_arg(i)?);
            }
            Value::Str(s)
        }
        "starts-with" | "contains" | "substring-before" | "substring-after" => {
            arity(2, 2)?;
            let (a, b) = (s_arg(0)?, s_arg(1)?);
            match name {
                "starts-with" => Value::Bool(a.starts_with(&b)),
                "contains" => Value::Bool(a.contains(&b)),
                "substring-before" => {
                    Value::Str(a.find(&b).map(|i| a[..i].to_string()).unwrap_or_default())
                }
                _ => Value::Str(
                    a.find(&b)
                        .map(|i| a[i + b.len()..].to_string())
                        .unwrap_or_default(),
                ),
            }
        }
        "substring" => {
            arity(2, 3)?;
            let s: Vec<char> = s_arg(0)?.chars().collect();
            let start = arg(1)?.to_num().round();
            let end = if args.len() == 3 {
                start + arg(2)?.to_num().round()
            } else {
                f64::INFINITY
            };
            let out: String = s
                .iter()
                .enumerate()
                .filter(|(i, _)| {
                    let p = (*i + 1) as f64;
                    p >= start && p < end
                })
                .map(|(_, c)| *c)
                .collect();
            Value::Str(out)
        }
        "string-length" => {
            arity(0, 1)?;
            Value::Num(s_arg(0)?.chars().count() as f64)
        }
        "normalize-space" => {
            arity(0, 1)?;
            Value::Str(s_arg(0)?.split_whitespace().collect::<Vec<_>>().join(" "))
        }
        "translate" => {
            arity(3, 3)?;
            let (s, from, to) = (s_arg(0)?, s_arg(1)?, s_arg(2)?);
            let from: Vec<char> = from.chars().collect();
            let to: Vec<char> = to.chars().collect();
            Value::Str(
                s.chars()
                    .filter_map(|c| match from.iter().position(|f| *f == c) {
                        Some(i) => to.get(i).copied(),
                        None => Some(c),
                    })
                    .collect(),
            )
        }
        "boolean" => {
            arity(1, 1)?;
            Value::Bool(arg(0)?.to_bool())
        }
        "not" => {
            arity(1, 1)?;
            Value::Bool(!arg(0)?.to_bool())
        }
        "true" | "false" => {
            arity(0, 0)?;
            Value::Bool(name == "true")
        }
        "lang" => {
            arity(1, 1)?;
            let want = s_arg(0)?.to_ascii_lowercase();
            let mut cur = Some(node);
            let mut found = None;
            while let Some(XNode::N(n)) | Some(XNode::A(n, _)) = cur {
                if let Some(l) = n.attribute(("http://www.w3.org/XML/1998/namespace", "lang")) {
                    found = Some(l.to_ascii_lowercase());
                    break;
                }
                cur = n.parent().map(XNode::N);
            }
            Value::Bool(found.is_some_and(|l| {
                l == want || l.strip_prefix(&want).is_some_and(|r| r.starts_with('-'))
            }))
        }
        "number" => {
            arity(0, 1)?;
            if args.is_empty() {
                Value::Num(str_to_num(&string_of(&node)))
            } else {
                Value::Num(arg(0)?.to_num())
            }
        }
        "sum" => {
            arity(1, 1)?;
            match arg(0)? {
                Value::Nodes(v) => Value::Num(v.iter().map(|x| str_to_num(&string_of(x))).sum()),
                _ => return error(ErrKind::InvalidType),
            }
        }
        "floor" | "ceiling" | "round" => {
            arity(1, 1)?;
            let f = arg(0)?.to_num();
            Value::Num(match name {
                "floor" => f.floor(),
                "ceiling" => f.ceil(),
                _ => (f + 0.5).floor(),
            })
        }
        _ => {
            return Err(EvalError {
                kind: ErrKind::UnknownFunction,
                function: Some(name.to_string()),
            })
        }
    })
}

#[cfg(test)]
mod tests {
    use super::super::eval::{evaluate, num_to_str, Value, XNode};
    use super::super::parse::compile;

    fn s(xml: &str, e: &str) -> String {
        let d = roxmltree::Document::parse(xml).unwrap();
        let v = evaluate(&compile(e).unwrap(), XNode::N(d.root_element())).unwrap();
        match v {
            Value::Nodes(n) => format!("{} nodes", n.len()),
            other => other.to_str(),
        }
    }

    #[test]
    fn string_and_number_functions() {
        let x = "<a><b>1</b><b>2</b><c x='hi'/></a>";
        assert_eq!(s(x, "count(//b)"), "2");
        assert_eq!(s(x, "sum(//b)"), "3");
        assert_eq!(s(x, "concat(name(/*), '-', string(//c/@x))"), "a-hi");
        assert_eq!(s(x, "substring('12345', 2, 3)"), "234");
        assert_eq!(s(x, "translate('abc', 'ab', 'B')"), "Bc");
        assert_eq!(s(x, "1 div 0"), "Infinity");
        assert_eq!(s(x, "0 div 0"), "NaN");
        assert_eq!(s(x, "//b[last()]"), "1 nodes");
        assert_eq!(s(x, "//b = 2"), "true");
        assert_eq!(s(x, "normalize-space('  a  b ')"), "a b");
        assert_eq!(num_to_str(1.5), "1.5");
    }
}
