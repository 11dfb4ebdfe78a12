//! libvirt 9.0's XML corpus through the DRIVER (define, then dump the XML), for the cases
//! conf's own ratchet lists as passing: the driver must add nothing and lose nothing.

use super::{open, serial};
use rvirt_core::driver::Connection;
use rvirt_core::error::VirError;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn corpus(kind: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/testdata/xml")
        .join(kind);
    dir.is_dir().then_some(dir)
}

/// Case names conf's golden ratchet lists for `kind`.
fn pass_list(kind: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../conf/tests/golden")
        .join(format!("{kind}-pass.txt"));
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Masks values libvirt generates (UUIDs, `52:54:00:` MACs) that the input does not contain,
/// as conf's domain harness does.
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

/// Runs every listed case that has an `.out.xml` through `run`; returns (compared, failures).
async fn run_kind<F, Fut>(
    kind: &str,
    c: &Arc<dyn Connection>,
    run: F,
) -> Option<(usize, Vec<String>)>
where
    F: Fn(Arc<dyn Connection>, String) -> Fut,
    Fut: std::future::Future<Output = Result<String, VirError>>,
{
    let dir = corpus(kind)?;
    let mut compared = 0;
    let mut failures = Vec::new();
    for name in pass_list(kind) {
        let Ok(want) = std::fs::read_to_string(dir.join(format!("{name}.out.xml"))) else {
            continue;
        };
        let input = std::fs::read_to_string(dir.join(format!("{name}.xml"))).unwrap_or_default();
        compared += 1;
        match run(c.clone(), input.clone()).await {
            Ok(got) if normalise(&got, &input) == normalise(&want, &input) => {}
            Ok(got) => failures.push(format!("{name}: output differs:\n{got}")),
            Err(e) => failures.push(format!("{name}: error {e}")),
        }
    }
    Some((compared, failures))
}

fn report(kind: &str, r: Option<(usize, Vec<String>)>, min: usize) {
    let Some((compared, failures)) = r else {
        eprintln!("{kind} driver golden: skipped, corpus not found");
        return;
    };
    println!(
        "{kind} driver golden: {}/{compared} identical",
        compared - failures.len()
    );
    assert!(compared >= min, "{kind}: only {compared} cases compared");
    assert!(failures.is_empty(), "{kind}: {}", failures.join("\n"));
}

#[tokio::test]
async fn domains_define_then_dumpxml_inactive() {
    let _g = serial();
    let c = open();
    let r = run_kind("domain", &c, |c, xml| async move {
        let d = c.domain_define_xml(&xml, 0).await?;
        let out = c.domain_get_xml_desc(&d, 2).await;
        if d.name != "test" {
            c.domain_undefine(&d, 0).await?;
        }
        out
    })
    .await;
    report("domain", r, 100);
}

#[tokio::test]
async fn networks_define_then_dumpxml() {
    let _g = serial();
    let c = open();
    let r = run_kind("network", &c, |c, xml| async move {
        let n = c.network_define_xml(&xml, 0).await?;
        let out = c.network_get_xml_desc(&n, 0).await;
        if n.name != "default" {
            c.network_undefine(&n).await?;
        }
        out
    })
    .await;
    report("network", r, 10);
}

#[tokio::test]
async fn pools_define_then_dumpxml() {
    let _g = serial();
    let c = open();
    let r = run_kind("pool", &c, |c, xml| async move {
        let p = c.pool_define_xml(&xml, 0).await?;
        let out = c.pool_get_xml_desc(&p, 0).await;
        if p.name != "default-pool" {
            c.pool_undefine(&p).await?;
        }
        out
    })
    .await;
    report("pool", r, 10);
}

#[tokio::test]
async fn volumes_create_in_default_pool_then_dumpxml() {
    let _g = serial();
    let c = open();
    let pool = c.pool_lookup_by_name("default-pool").await.unwrap();
    let r = run_kind("volume", &c, |c, xml| {
        let pool = pool.clone();
        async move {
            let v = c.vol_create_xml(&pool, &xml, 0).await?;
            let out = c.vol_get_xml_desc(&v, 0).await;
            c.vol_delete(&v, 0).await?;
            out
        }
    })
    .await;
    report("volume", r, 10);
}

#[tokio::test]
async fn interfaces_define_then_dumpxml() {
    let _g = serial();
    let c = open();
    let r = run_kind("interface", &c, |c, xml| async move {
        let i = c.interface_define_xml(&xml, 0).await?;
        let out = c.interface_get_xml_desc(&i, 0).await;
        if i.name != "eth1" {
            c.interface_undefine(&i).await?;
        }
        out
    })
    .await;
    report("interface", r, 10);
}
