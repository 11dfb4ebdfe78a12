//! Golden test: every domain case of libvirt 9.0's corpus through parse → format(inactive),
//! compared with the test driver's `dumpxml --inactive` (or its error), as a ratchet.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rvirt_conf::domain::{DomainDef, FormatOptions, ParseOptions};

/// The test driver's built-in domain `test`; defining another domain named `test` collides.
const TEST_DOMAIN_UUID: &str = "6695eb01-f6a4-8304-79aa-97f2502e193f";

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/testdata/xml/domain")
}

/// Replaces values libvirt generates randomly (UUIDs, MACs) so outputs compare: any UUID- or
/// `52:54:00:` MAC-shaped value in the output that does not occur in the input.
fn normalise(out: &str, input: &str) -> String {
    let input_lc = input.to_ascii_lowercase();
    let gen_uuid = !input.contains("<uuid>");
    let mut lines = Vec::new();
    for l in out.lines() {
        if gen_uuid && l.trim_start().starts_with("<uuid>") {
            lines.push("  <uuid>RANDOM</uuid>".to_string());
            continue;
        }
        let mut line = l.to_string();
        for (i, _) in l.match_indices('\'') {
            let rest = &l[i + 1..];
            let Some(end) = rest.find('\'') else { break };
            let v = &rest[..end];
            let is_uuid = v.len() == 36 && v.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
            let is_mac = v.len() == 17 && v.starts_with("52:54:00:");
            if (is_uuid || is_mac) && !input_lc.contains(&v.to_ascii_lowercase()) {
                line = line.replace(v, "RANDOM");
            }
        }
        lines.push(line);
    }
    lines.join("\n")
}

fn json_field<'a>(json: &'a str, key: &str) -> Option<&'a str> {
    let at = json.find(&format!("\"{key}\""))?;
    let rest = json[at + key.len() + 2..]
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    if let Some(s) = rest.strip_prefix('"') {
        s.find("\"\n").or_else(|| s.rfind('"')).map(|e| &s[..e])
    } else {
        Some(rest.split([',', '\n', '}']).next()?.trim())
    }
}

enum Outcome {
    Identical,
    Differs(String),
}

fn run_case(dir: &Path, name: &str) -> Outcome {
    let input = std::fs::read_to_string(dir.join(format!("{name}.xml"))).unwrap_or_default();
    let parsed = DomainDef::parse(&input, &ParseOptions::default());
    let out_path = dir.join(format!("{name}.out.xml"));
    let err_path = dir.join(format!("{name}.err.json"));
    let parsed = match parsed {
        Ok(def) if def.name == "test" && def.uuid_string() != TEST_DOMAIN_UUID => {
            Err((9, 20, "test domain exists".to_string()))
        }
        Ok(def) => Ok(def),
        Err(e) => Err((e.code.number(), e.domain.number(), e.message)),
    };
    if let Ok(expected) = std::fs::read_to_string(&out_path) {
        match parsed {
            Ok(def) => {
                let got = def.format(&FormatOptions {
                    inactive: true,
                    ..Default::default()
                });
                if normalise(&got, &input) == normalise(&expected, &input) {
                    Outcome::Identical
                } else {
                    Outcome::Differs(got)
                }
            }
            Err((c, d, m)) => Outcome::Differs(format!("error {c}/{d}: {m}")),
        }
    } else if let Ok(json) = std::fs::read_to_string(&err_path) {
        let code: i32 = json_field(&json, "code")
            .and_then(|c| c.parse().ok())
            .unwrap_or(-1);
        let domain: i32 = json_field(&json, "domain")
            .and_then(|c| c.parse().ok())
            .unwrap_or(-1);
        match parsed {
            Err((c, d, _)) if c == code && d == domain => Outcome::Identical,
            Err((c, d, m)) => Outcome::Differs(format!("error {c}/{d} {m}, want {code}/{domain}")),
            Ok(_) => Outcome::Differs(format!("accepted, want error {code}/{domain}")),
        }
    } else {
        Outcome::Differs("no expectation".into())
    }
}

#[test]
fn domain_golden() {
    let dir = corpus_dir();
    if !dir.is_dir() {
        println!(
            "domain golden: SKIPPED, corpus not found at {}",
            dir.display()
        );
        return;
    }
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .filter(|n| n.ends_with(".xml") && !n.ends_with(".out.xml"))
                .map(|n| n.trim_end_matches(".xml").to_string())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let pass_file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/domain-pass.txt");
    let listed: BTreeSet<String> = std::fs::read_to_string(&pass_file)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let dump = std::env::var("DOMAIN_GOLDEN_DUMP").ok();
    let mut passed = BTreeSet::new();
    let mut regressions = Vec::new();
    for name in &names {
        match run_case(&dir, name) {
            Outcome::Identical => {
                passed.insert(name.clone());
            }
            Outcome::Differs(got) => {
                if let Some(d) = &dump {
                    let _ = std::fs::create_dir_all(d);
                    let _ = std::fs::write(Path::new(d).join(format!("{name}.got")), &got);
                }
                if listed.contains(name) {
                    regressions.push(name.clone());
                }
            }
        }
    }
    println!("domain golden: {}/{} identical", passed.len(), names.len());
    let new: Vec<&String> = passed.iter().filter(|n| !listed.contains(*n)).collect();
    if !new.is_empty() {
        println!(
            "newly passing ({}), add to tests/golden/domain-pass.txt:",
            new.len()
        );
        for n in &new {
            println!("{n}");
        }
    }
    assert!(
        regressions.is_empty(),
        "domain cases that stopped passing: {regressions:?}"
    );
    assert!(!names.is_empty(), "domain corpus is empty");
}
