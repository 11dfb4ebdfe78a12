//! Commands about the shell itself: help, connect (quit/exit are handled by the runner).

use crate::defs;
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
    ctl.print(&defs::help_render::render(def));
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
        let mut lines = vec!["failed to connect to the hypervisor".to_string()];
        lines.extend(f.lines.into_iter().skip(1));
        Failure { lines }
    })
}
