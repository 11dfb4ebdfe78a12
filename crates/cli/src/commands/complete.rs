//! The hidden `complete` command (virsh's `cmdComplete`): given a partial command line as
//! separate words, prints the candidates for the last word, one per line. libvirt's bash
//! completion script calls `virsh [-c URI] complete -- WORD...`.

use rvirt::Connect;

use crate::defs::{self, CmdDef, Kind};
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

/// Object names the completers offer, fetched once per completion (or per prompt).
#[derive(Debug, Default, Clone)]
pub struct Names {
    pub domain: Vec<String>,
    pub network: Vec<String>,
    pub pool: Vec<String>,
    pub interface: Vec<String>,
    pub device: Vec<String>,
}

impl Names {
    /// Lists every object kind over the shell's connection (nothing when it fails).
    pub async fn fetch(ctl: &mut Ctl) -> Names {
        let Ok(conn) = ctl.conn().await else {
            return Names::default();
        };
        Names {
            domain: object_names(&conn, "domain").await,
            network: object_names(&conn, "network").await,
            pool: object_names(&conn, "pool").await,
            interface: object_names(&conn, "interface").await,
            device: object_names(&conn, "device").await,
        }
    }
}

async fn candidates(ctl: &mut Ctl, words: &[&str]) -> Vec<String> {
    let needs_names = words.len() > 1;
    let names = if needs_names {
        Names::fetch(ctl).await
    } else {
        Names::default()
    };
    candidates_with(words, &names)
}

/// Candidates for the last of `words` (virsh's `vshReadlineParse`), object names from
/// `names`.
pub fn candidates_with(words: &[&str], names: &Names) -> Vec<String> {
    let partial = words.last().copied().unwrap_or("");
    if words.len() <= 1 {
        return defs::all()
            .filter(|c| !c.summary.is_empty() && c.name.starts_with(partial))
            .map(|c| c.name.to_string())
            .collect();
    }
    let Some(def) = defs::find(words[0]) else {
        return Vec::new();
    };
    let st = walk(def, &words[1..words.len() - 1]);
    if let Some(opt) = st.pending {
        return values(def, opt, partial, names);
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
        Some(opt) => values(def, opt, partial, names),
        None => Vec::new(),
    }
}

/// Dynamic values of an option (virsh's completers), filtered by `prefix`.
fn values(def: &CmdDef, opt: &str, prefix: &str, names: &Names) -> Vec<String> {
    let list: Vec<String> = match opt {
        "command" if def.name == "help" => defs::all()
            .filter(|c| !c.summary.is_empty())
            .map(|c| c.name.to_string())
            .collect(),
        "domain" => names.domain.clone(),
        "network" => names.network.clone(),
        "pool" => names.pool.clone(),
        "interface" if def.name.starts_with("iface-") => names.interface.clone(),
        "device" if def.name.starts_with("nodedev-") => names.device.clone(),
        _ => Vec::new(),
    };
    list.into_iter().filter(|n| n.starts_with(prefix)).collect()
}

async fn object_names(conn: &Connect, opt: &str) -> Vec<String> {
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
        "interface" => conn
            .list_all_interfaces(3)
            .await
            .map(|v| v.into_iter().map(|i| i.name).collect()),
        "device" => conn
            .list_all_node_devices(0)
            .await
            .map(|v| v.into_iter().map(|d| d.name).collect()),
        _ => Ok(Vec::new()),
    };
    let mut v: Vec<String> = r.unwrap_or_default();
    v.sort();
    v
}
