//! Command implementations, grouped as `virsh help` groups them.

mod complete;
mod domain;
mod domain_extra;
mod domain_monitor;
mod domain_tune;
mod event;
mod extra;
mod host;
mod iface;
mod network;
mod nodedev;
mod pool;
mod secret;
mod snapshot;
mod util;
mod virsh;
mod volume;
mod xpath;

use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// Runs one parsed command.
pub async fn dispatch(ctl: &mut Ctl, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "help" => virsh::help(ctl, cmd),
        "complete" => complete::run(ctl, cmd).await,
        "connect" => virsh::connect(ctl, cmd).await,
        "uri" | "version" | "hostname" | "nodeinfo" | "capabilities" | "sysinfo" | "freecell"
        | "nodememstats" | "nodecpustats" | "nodecpumap" | "maxvcpus" | "domcapabilities"
        | "cpu-models" => {
            let conn = ctl.conn().await?;
            host::run(ctl, &conn, cmd).await
        }
        "list" | "dominfo" | "domstate" | "domid" | "domname" | "domuuid" | "vcpucount"
        | "vcpuinfo" | "dommemstat" | "domblkstat" | "domifstat" | "domstats" | "schedinfo"
        | "memtune" | "blkiotune" | "domblklist" | "domiflist" => {
            let conn = ctl.conn().await?;
            domain_monitor::run(ctl, &conn, cmd).await
        }
        "domhostname" | "domblkinfo" | "domblkerror" | "domtime" | "domifaddr" | "domcontrol"
        | "domjobabort" | "domjobinfo" | "inject-nmi" | "dompmsuspend" | "dompmwakeup"
        | "domfsinfo" | "iothreadinfo" | "set-user-password" | "attach-device"
        | "detach-device" | "update-device" => {
            let conn = ctl.conn().await?;
            domain_extra::run(ctl, &conn, cmd).await
        }
        "vcpupin" | "emulatorpin" | "numatune" | "domiftune" | "blkdeviotune" | "cpu-stats"
        | "send-key" => {
            let conn = ctl.conn().await?;
            domain_tune::run(ctl, &conn, cmd).await
        }
        "freepages"
        | "allocpages"
        | "nodesuspend"
        | "node-memory-tune"
        | "iface-define"
        | "iface-undefine"
        | "iface-start"
        | "iface-destroy"
        | "pool-delete"
        | "pool-capabilities"
        | "vol-clone"
        | "managedsave-dumpxml"
        | "save-image-dumpxml"
        | "ttyconsole"
        | "domdisplay"
        | "vncdisplay"
        | "guestinfo" => {
            let conn = ctl.conn().await?;
            extra::run(ctl, &conn, cmd).await
        }
        "event" => {
            let conn = ctl.conn().await?;
            event::run(ctl, &conn, cmd).await
        }
        n if n.starts_with("snapshot-") => {
            let conn = ctl.conn().await?;
            snapshot::run(ctl, &conn, cmd).await
        }
        n if n.starts_with("net-") => {
            let conn = ctl.conn().await?;
            network::run(ctl, &conn, cmd).await
        }
        n if n.starts_with("pool-") => {
            let conn = ctl.conn().await?;
            pool::run(ctl, &conn, cmd).await
        }
        n if n.starts_with("vol-") => {
            let conn = ctl.conn().await?;
            volume::run(ctl, &conn, cmd).await
        }
        n if n.starts_with("iface-") => {
            let conn = ctl.conn().await?;
            iface::run(ctl, &conn, cmd).await
        }
        n if n.starts_with("nodedev-") => {
            let conn = ctl.conn().await?;
            nodedev::run(ctl, &conn, cmd).await
        }
        n if n.starts_with("secret-") => {
            let conn = ctl.conn().await?;
            secret::run(ctl, &conn, cmd).await
        }
        _ => {
            let conn = ctl.conn().await?;
            domain::run(ctl, &conn, cmd).await
        }
    }
}

/// A command the table knows but no module handles.
pub(crate) fn unhandled(cmd: &Cmd) -> CmdResult {
    Err(Failure::msg(format!("unknown command: '{}'", cmd.def.name)))
}
