//! The hidden `complete` command (virsh's `cmdComplete`): given a partial command line as
//! separate words, prints the candidates for the last word, one per line. libvirt's bash
//! completion script calls `virsh [-c URI] complete -- WORD...`.

use rvirt::Connect;

use crate::defs::{self, CmdDef, Kind, CMDS};
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl};

pub async fn run(ctl: &mut Ctl, cmd: &Cmd) -> CmdResult {
    let words: Vec<&str> = cmd.argv("string");
    let cands = candidates(ctl, &words).await;
    if cands.is_empty() {
        // virsh fails (silently) when nothing matches.
        return Err(crate::vsh::Failure { lines: Vec::new() });
    }
    for c in cands {
        ctl.print(&format!("{c}\n"));
    }
    Ok(())
}

/// What the parser knows after all words but the last.
struct State {
    seen: Vec<&'static str>,
    /// The option whose value the last word is.
    pending: Option<&'static str>,
}

fn walk(def: &'static CmdDef, words: &[&str]) -> State {
    let mut st = State {
        seen: Vec::new(),
        pending: None,
    };
    for w in words {
        if let Some(name) = st.pending.take() {
            st.seen.push(name);
            continue;
        }
        if let Some(body) = w.strip_prefix("--") {
            let (n, inline) = match body.split_once('=') {
                Some((n, _)) => (n, true),
                None => (body, false),
            };
            if let Some(o) = def.opts.iter().find(|o| o.name == n) {
                if o.kind == Kind::Bool || inline {
                    st.seen.push(o.name);
                } else {
                    st.pending = Some(o.name);
                }
            }
            continue;
        }
        if let Some(o) = next_positional(def, &st.seen) {
            st.seen.push(o);
        }
    }
    st
}

fn next_positional(def: &'static CmdDef, seen: &[&str]) -> Option<&'static str> {
    def.opts
        .iter()
        .find(|o| {
            o.kind != Kind::Bool
                && !o.named_only
                && (o.kind == Kind::Argv || !seen.contains(&o.name))
        })
        .map(|o| o.name)
}

async fn candidates(ctl: &mut Ctl, words: &[&str]) -> Vec<String> {
    let partial = words.last().copied().unwrap_or("");
    if words.len() <= 1 {
        return CMDS
            .iter()
            .filter(|c| !c.summary.is_empty() && c.name.starts_with(partial))
            .map(|c| c.name.to_string())
            .collect();
    }
    let Some(def) = defs::find(words[0]) else {
        return Vec::new();
    };
    let st = walk(def, &words[1..words.len() - 1]);
    if let Some(opt) = st.pending {
        return values(ctl, def, opt, partial).await;
    }
    if partial.is_empty() || partial.starts_with('-') {
        return def
            .opts
            .iter()
            .filter(|o| o.kind == Kind::Argv || !st.seen.contains(&o.name))
            .map(|o| format!("--{}", o.name))
            .filter(|s| s.starts_with(partial))
            .collect();
    }
    match next_positional(def, &st.seen) {
        Some(opt) => values(ctl, def, opt, partial).await,
        None => Vec::new(),
    }
}

/// Dynamic values of an option (virsh's completers), filtered by `prefix`.
async fn values(ctl: &mut Ctl, def: &CmdDef, opt: &str, prefix: &str) -> Vec<String> {
    let names = match opt {
        "command" if def.name == "help" => CMDS
            .iter()
            .filter(|c| !c.summary.is_empty())
            .map(|c| c.name.to_string())
            .collect(),
        "domain" | "network" | "pool" | "interface" | "device" => match ctl.conn().await {
            Ok(conn) => object_names(&conn, def.name, opt).await,
            Err(_) => Vec::new(),
        },
        _ => Vec::new(),
    };
    names
        .into_iter()
        .filter(|n| n.starts_with(prefix))
        .collect()
}

async fn object_names(conn: &Connect, cmd: &str, opt: &str) -> Vec<String> {
    let r = match opt {
        "domain" => conn
            .list_all_domains(0)
            .await
            .map(|v| v.into_iter().map(|d| d.name).collect()),
        "network" => conn
            .list_all_networks(0)
            .await
            .map(|v| v.into_iter().map(|n| n.name).collect()),
        "pool" => conn
            .list_all_storage_pools(0)
            .await
            .map(|v| v.into_iter().map(|p| p.name).collect()),
        "interface" if cmd.starts_with("iface-") => conn
            .list_all_interfaces(3)
            .await
            .map(|v| v.into_iter().map(|i| i.name).collect()),
        "device" if cmd.starts_with("nodedev-") => conn
            .list_all_node_devices(0)
            .await
            .map(|v| v.into_iter().map(|d| d.name).collect()),
        _ => Ok(Vec::new()),
    };
    let mut v: Vec<String> = r.unwrap_or_default();
    v.sort();
    v
}
