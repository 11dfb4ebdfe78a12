//! Commands about the shell itself: help, connect (quit/exit are handled by the runner).

use crate::defs::{self, Kind, CMDS};
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// `help [command]`.
pub fn help(ctl: &mut Ctl, cmd: &Cmd) -> CmdResult {
    let Some(name) = cmd.get("command") else {
        ctl.print("Grouped commands:\n\n");
        // Commands without a summary (`complete`) are hidden, as in virsh.
        let mut names: Vec<_> = CMDS.iter().filter(|c| !c.summary.is_empty()).collect();
        names.sort_by_key(|c| c.name);
        for c in names {
            ctl.print(&format!("    {:<30} {}\n", c.name, c.summary));
        }
        ctl.print("\n");
        return Ok(());
    };
    let def = defs::find(name)
        .ok_or_else(|| Failure::msg(format!("command or command group '{name}' doesn't exist")))?;
    ctl.print(&format!(
        "  NAME\n    {} - {}\n\n  SYNOPSIS\n    {}",
        def.name, def.summary, def.name
    ));
    for o in def.opts {
        let s = match (o.kind, o.required) {
            (Kind::Bool, _) => format!(" [--{}]", o.name),
            (Kind::Argv, true) => format!(" <{}>...", o.name),
            (Kind::Argv, false) => format!(" [[--{}] <string>]...", o.name),
            (k, true) => {
                let _ = k;
                format!(" <{}>", o.name)
            }
            (Kind::Int, false) => format!(" [--{} <number>]", o.name),
            (_, false) => format!(" [--{} <string>]", o.name),
        };
        ctl.print(&s);
    }
    ctl.print("\n\n");
    if !def.opts.is_empty() {
        ctl.print("  OPTIONS\n");
        for o in def.opts {
            let s = match (o.kind, o.required) {
                (Kind::Bool, _) => format!("--{}", o.name),
                (Kind::Int, true) => format!("[--{}] <number>", o.name),
                (Kind::Int, false) => format!("--{} <number>", o.name),
                (_, true) | (Kind::Argv, _) => format!("[--{}] <string>", o.name),
                _ => format!("--{} <string>", o.name),
            };
            ctl.print(&format!("    {s}\n"));
        }
        ctl.print("\n");
    }
    Ok(())
}

/// `connect [--name URI] [--readonly]`: (re)connects.
pub async fn connect(ctl: &mut Ctl, cmd: &Cmd) -> CmdResult {
    ctl.disconnect().await;
    if let Some(u) = cmd.get("name") {
        ctl.uri = u.to_string();
    }
    ctl.readonly = cmd.has("readonly");
    ctl.connect().await.map_err(|f| {
        let mut lines = vec!["Failed to connect to the hypervisor".to_string()];
        lines.extend(f.lines.into_iter().skip(1));
        Failure { lines }
    })
}
