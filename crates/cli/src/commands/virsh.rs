//! Commands about the shell itself: help, connect (quit/exit are handled by the runner).

use crate::defs::{self, Kind};
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// One group of `help`: its title line and the commands rvirsh knows, in virsh's order.
fn print_group(ctl: &mut Ctl, title: &str, keyword: &str, names: &[&str]) {
    ctl.print(&format!(" {title} (help keyword '{keyword}'):\n"));
    for n in names {
        if let Some(c) = defs::find(n) {
            ctl.print(&format!("    {:<30} {}\n", c.name, c.summary));
        }
    }
}

/// `help [command|group]`.
pub fn help(ctl: &mut Ctl, cmd: &Cmd) -> CmdResult {
    let Some(name) = cmd.get("command") else {
        ctl.print("Grouped commands:\n\n");
        for (title, keyword, names) in defs::groups::GROUPS {
            print_group(ctl, title, keyword, names);
            ctl.print("\n");
        }
        return Ok(());
    };
    if let Some((title, keyword, names)) = defs::groups::GROUPS.iter().find(|(_, k, _)| *k == name)
    {
        print_group(ctl, title, keyword, names);
        return Ok(());
    }
    let def = defs::find(name)
        .ok_or_else(|| Failure::msg(format!("command or command group '{name}' doesn't exist")))?;
    ctl.print(&format!(
        "  NAME\n    {} - {}\n\n  SYNOPSIS\n    {}",
        def.name, def.summary, def.name
    ));
    for o in def.opts {
        let s = match (o.kind, o.required) {
            (Kind::Bool, _) => format!(" [--{}]", o.name),
            (Kind::Argv, true) => format!(" {{[--{}] <string>}}...", o.name),
            // echo's words are a bare data argument in virsh
            (Kind::Argv, false) if def.name == "echo" => format!(" [<{}>]...", o.name),
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
    let text = defs::help_text::HELP
        .iter()
        .find(|(n, _, _)| *n == def.name);
    if let Some((_, desc, _)) = text {
        if !desc.is_empty() {
            ctl.print(&format!("  DESCRIPTION\n    {desc}\n\n"));
        }
    }
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
            let s = if def.name == "echo" && o.kind == Kind::Argv {
                format!("<{}>", o.name)
            } else {
                s
            };
            match text.and_then(|(_, _, opts)| opts.iter().find(|(n, _)| *n == o.name)) {
                Some((_, h)) => ctl.print(&format!("    {s:<15}  {h}\n")),
                None => ctl.print(&format!("    {s}\n")),
            }
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
