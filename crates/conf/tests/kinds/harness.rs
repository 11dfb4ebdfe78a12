//! Golden-corpus harness: runs every `NAME.xml` of a kind through a model and compares the
//! result with `NAME.out.xml` / `NAME.err.json`; keeps a ratchet list of passing cases.

use std::collections::BTreeSet;
use std::path::PathBuf;

use rvirt_core::error::VirError;

/// What libvirt answered for one case.
pub enum Expected {
    Xml(String),
    Error {
        code: i32,
        domain: i32,
        message: String,
    },
}

/// One corpus case.
pub struct Case {
    pub name: String,
    pub input: String,
    pub expected: Expected,
}

/// `…/shared/testdata/xml/<kind>` if the shared tree is present (`RVIRT_GOLDEN_CORPUS`
/// replaces `…/shared/testdata/xml` to run another corpus of the same layout).
pub fn corpus_dir(kind: &str) -> Option<PathBuf> {
    let root = std::env::var_os("RVIRT_GOLDEN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/testdata/xml")
        });
    let dir = root.join(kind);
    dir.is_dir().then_some(dir)
}

fn json_unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    out.push(ch);
                }
            }
            Some(o) => out.push(o),
            None => {}
        }
    }
    out
}

fn json_field<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let k = format!("\"{key}\":");
    let start = text.find(&k)? + k.len();
    Some(text[start..].trim_start())
}

/// Parses the small `{"code":…, "domain":…, "message":"…"}` files.
pub fn parse_err_json(text: &str) -> Option<Expected> {
    let num = |k: &str| -> Option<i32> {
        let v = json_field(text, k)?;
        let end = v
            .find(|c: char| !(c.is_ascii_digit() || c == '-'))
            .unwrap_or(v.len());
        v[..end].parse().ok()
    };
    let msg = json_field(text, "message")?.strip_prefix('"')?;
    let mut end = 0;
    let bytes = msg.as_bytes();
    while end < bytes.len() && bytes[end] != b'"' {
        end += if bytes[end] == b'\\' { 2 } else { 1 };
    }
    Some(Expected::Error {
        code: num("code")?,
        domain: num("domain")?,
        message: json_unescape(&msg[..end.min(msg.len())]),
    })
}

/// Loads all cases of a kind, sorted by name.
pub fn load(kind: &str) -> Option<Vec<Case>> {
    let dir = corpus_dir(kind)?;
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".xml") && !n.ends_with(".out.xml"))
        .map(|n| n.trim_end_matches(".xml").to_string())
        .collect();
    names.sort();
    let mut cases = Vec::new();
    for name in names {
        let input = std::fs::read_to_string(dir.join(format!("{name}.xml"))).ok()?;
        let expected = if let Ok(x) = std::fs::read_to_string(dir.join(format!("{name}.out.xml"))) {
            Expected::Xml(x)
        } else {
            let j = std::fs::read_to_string(dir.join(format!("{name}.err.json"))).ok()?;
            parse_err_json(&j)?
        };
        cases.push(Case {
            name,
            input,
            expected,
        });
    }
    Some(cases)
}

fn pass_list_path(kind: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{kind}-pass.txt"))
}

/// Compares one result with the expectation; `None` means identical, else a description.
fn compare(expected: &Expected, got: &Result<String, VirError>) -> Option<String> {
    match (expected, got) {
        (Expected::Xml(x), Ok(y)) if x == y => None,
        (Expected::Xml(x), Ok(y)) => {
            let line = x
                .lines()
                .zip(y.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            Some(format!(
                "output differs at line {}:\n  want: {:?}\n  got:  {:?}",
                line + 1,
                x.lines().nth(line).unwrap_or("<eof>"),
                y.lines().nth(line).unwrap_or("<eof>")
            ))
        }
        (Expected::Xml(_), Err(e)) => Some(format!("unexpected error: {e}")),
        (
            Expected::Error {
                code,
                domain,
                message,
            },
            Err(e),
        ) => {
            if e.code.number() == *code && e.domain.number() == *domain {
                None
            } else {
                Some(format!(
                    "wrong error: want {code}/{domain} {message:?}, got {}/{} {:?}",
                    e.code.number(),
                    e.domain.number(),
                    e.message
                ))
            }
        }
        (Expected::Error { message, .. }, Ok(_)) => {
            Some(format!("accepted, but libvirt said: {message}"))
        }
    }
}

/// Runs a kind's corpus through `run`, prints the tally, and enforces the ratchet list.
/// `RVIRT_GOLDEN_BLESS=1` rewrites the list with the current passes; `RVIRT_GOLDEN_VERBOSE=1`
/// prints every failure.
pub fn run_kind(kind: &str, label: &str, run: impl Fn(&str) -> Result<String, VirError>) {
    let Some(cases) = load(kind) else {
        eprintln!("{label} golden: skipped, /work/shared/testdata/xml/{kind} not found");
        return;
    };
    let mut passed = BTreeSet::new();
    let mut messages_matched = 0;
    let mut errors = 0;
    for case in &cases {
        let got = run(&case.input);
        match compare(&case.expected, &got) {
            None => {
                if let (Expected::Error { message, .. }, Err(e)) = (&case.expected, &got) {
                    errors += 1;
                    if *message == e.message {
                        messages_matched += 1;
                    } else if std::env::var_os("RVIRT_GOLDEN_VERBOSE").is_some() {
                        eprintln!(
                            "{}: message differs\n  want: {message}\n  got:  {}",
                            case.name, e.message
                        );
                    }
                }
                passed.insert(case.name.clone());
            }
            Some(why) => {
                if std::env::var_os("RVIRT_GOLDEN_VERBOSE").is_some() {
                    eprintln!("{}: {why}", case.name);
                }
            }
        }
    }
    println!(
        "{label} golden: {}/{} identical ({messages_matched}/{errors} error messages verbatim)",
        passed.len(),
        cases.len()
    );
    if std::env::var_os("RVIRT_GOLDEN_CORPUS").is_some() {
        return; // another corpus: the ratchet lists only describe the shared one
    }
    let path = pass_list_path(kind);
    if std::env::var_os("RVIRT_GOLDEN_BLESS").is_some() {
        let body: String = passed.iter().map(|n| format!("{n}\n")).collect();
        if let Err(e) = std::fs::write(&path, body) {
            panic!("cannot write {}: {e}", path.display());
        }
        return;
    }
    let listed: Vec<String> = std::fs::read_to_string(&path)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let regressed: Vec<&String> = listed.iter().filter(|n| !passed.contains(*n)).collect();
    let new: Vec<&String> = passed.iter().filter(|n| !listed.contains(n)).collect();
    if !new.is_empty() {
        println!(
            "{label} golden: {} newly passing (bless with RVIRT_GOLDEN_BLESS=1): {new:?}",
            new.len()
        );
    }
    assert!(
        regressed.is_empty(),
        "{label} golden: regressions: {regressed:?}"
    );
}

#[test]
fn err_json_parses() {
    let e = parse_err_json(
        "{\n \"code\": 27,\n \"domain\": 19,\n \"message\": \"XML error: a \\\"b\\\"\"\n}",
    );
    match e {
        Some(Expected::Error {
            code,
            domain,
            message,
        }) => {
            assert_eq!((code, domain), (27, 19));
            assert_eq!(message, "XML error: a \"b\"");
        }
        _ => panic!("err.json not parsed"),
    }
}
