//! virsh's QMP command wrapper for `qemu-monitor-command`: a bare command name and
//! `key=value`-style arguments become `{"execute":NAME,"arguments":{…}}`, and the error
//! text libvirt's JSON parser gives when the arguments do not form an object.

use super::qemu_json::Json;
use crate::vsh::Failure;

/// The monitor command text for the `cmd` words (not `--hmp`): a JSON object passes through.
pub fn qmp_command(words: &[&str]) -> Result<String, Failure> {
    let full = words.join(" ");
    if let Some(Json::Object(_)) = Json::parse(&full) {
        return Ok(full);
    }
    let Some((name, rest)) = words.split_first() else {
        return Ok(full);
    };
    let mut members = vec![("execute".to_string(), Json::Str((*name).to_string()))];
    if !rest.is_empty() {
        let args = rest.join(" ");
        let obj = match Json::parse(&args) {
            Some(o @ Json::Object(_)) => o,
            _ => {
                let text = format!("{{{}}}", rest.join(","));
                match Json::parse(&text) {
                    Some(o @ Json::Object(_)) => o,
                    _ => {
                        return Err(Failure {
                            lines: vec![
                                format!(
                                    "failed to wrap arguments '{args}' into a QMP command wrapper"
                                ),
                                parse_error(&text),
                            ],
                        })
                    }
                }
            }
        };
        members.push(("arguments".to_string(), obj));
    }
    Ok(Json::Object(members).to_text(false))
}

/// libvirt's "cannot parse json" error for `text`, with yajl's verbose context for the
/// failures a `{key=value,…}` text runs into first.
fn parse_error(text: &str) -> String {
    let b = text.as_bytes();
    let mut i = 1;
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    let literal = ["true", "false", "null"]
        .into_iter()
        .find(|l| b[i..].starts_with(l.as_bytes()));
    let detail = match b.get(i) {
        Some(c) if c.is_ascii_alphabetic() && literal.is_none() => {
            Some(("lexical error: invalid char in json text.", i + 1))
        }
        Some(b'=' | b'\'' | b',' | b'}' | b']' | b':' | b'/' | b'\\' | b'(' | b')') => {
            Some(("lexical error: invalid char in json text.", i + 1))
        }
        _ => literal.map(|l| {
            (
                "parse error: invalid object key (must be a string)",
                i + l.len(),
            )
        }),
    };
    let Some((what, off)) = detail else {
        return format!("internal error: cannot parse json {text}");
    };
    let spaces = if off < 30 { 40 - off } else { 10 };
    let start = off.saturating_sub(30);
    let end = (off + 30).min(b.len());
    let context: String = text
        .get(start..end)
        .unwrap_or("")
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    format!(
        "internal error: cannot parse json {text}: {what}\n{}{context}\n{}(right here) ------^\n",
        " ".repeat(spaces),
        " ".repeat(21)
    )
}

#[cfg(test)]
mod tests {
    use super::qmp_command;

    #[test]
    fn wraps_names_and_arguments() {
        assert_eq!(
            qmp_command(&[r#"{"execute":"stop"}"#]).unwrap(),
            r#"{"execute":"stop"}"#
        );
        assert_eq!(
            qmp_command(&["query-status"]).unwrap(),
            r#"{"execute":"query-status"}"#
        );
        assert_eq!(
            qmp_command(&["human-monitor-command", r#"{"command-line": "info"}"#]).unwrap(),
            r#"{"execute":"human-monitor-command","arguments":{"command-line":"info"}}"#
        );
        assert_eq!(
            qmp_command(&["x", r#""a":1"#, r#""b":2"#]).unwrap(),
            r#"{"execute":"x","arguments":{"a":1,"b":2}}"#
        );
        assert_eq!(qmp_command(&["[1]"]).unwrap(), r#"{"execute":"[1]"}"#);
    }

    #[test]
    fn reports_yajl_context() {
        let f = qmp_command(&["query-name", "x"]).unwrap_err();
        assert_eq!(
            f.lines[0],
            "failed to wrap arguments 'x' into a QMP command wrapper"
        );
        assert_eq!(
            f.lines[1],
            format!(
                "internal error: cannot parse json {{x}}: lexical error: invalid char in json \
                 text.\n{}{{x}}\n{}(right here) ------^\n",
                " ".repeat(38),
                " ".repeat(21)
            )
        );
        let f = qmp_command(&["q", "true"]).unwrap_err();
        assert!(f.lines[1].contains("invalid object key (must be a string)\n"));
        assert!(f.lines[1].contains(&format!("\n{}{{true}}\n", " ".repeat(35))));
    }
}
