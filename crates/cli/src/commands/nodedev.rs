//! Node device commands: nodedev-list (--tree, --cap), nodedev-dumpxml.

use rvirt::Connect;

use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// `virConnectListAllNodeDevices` capability filter bits, by virsh's capability names.
const CAPS: [(&str, u32); 22] = [
    ("system", 1),
    ("pci", 1 << 1),
    ("usb_device", 1 << 2),
    ("usb", 1 << 3),
    ("net", 1 << 4),
    ("scsi_host", 1 << 5),
    ("scsi_target", 1 << 6),
    ("scsi", 1 << 7),
    ("storage", 1 << 8),
    ("fc_host", 1 << 9),
    ("vports", 1 << 10),
    ("scsi_generic", 1 << 11),
    ("drm", 1 << 12),
    ("mdev_types", 1 << 13),
    ("mdev", 1 << 14),
    ("ccw", 1 << 15),
    ("css", 1 << 16),
    ("vdpa", 1 << 17),
    ("ap_card", 1 << 18),
    ("ap_queue", 1 << 19),
    ("ap_matrix", 1 << 20),
    ("vpd", 1 << 21),
];

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "nodedev-list" => list(ctl, conn, cmd).await,
        "nodedev-dumpxml" => {
            let name = cmd.req("device").map_err(Failure::msg)?.unwrap_or("");
            let d = conn
                .node_device_lookup_by_name(name)
                .await
                .map_err(|e| Failure::ctx(format!("Could not find matching device '{name}'"), e))?;
            let mut flags = 0;
            if cmd.has("inactive") {
                flags |= 1;
            }
            let x = conn.node_device_get_xml_desc(&d, flags).await?;
            super::domain::print_xml(ctl, cmd, &x)
        }
        _ => super::unhandled(cmd),
    }
}

async fn list(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let mut flags: u32 = 0;
    if let Some(caps) = cmd.get("cap") {
        for c in caps.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            let bit = CAPS
                .iter()
                .find(|(n, _)| *n == c)
                .map(|(_, b)| *b)
                .ok_or_else(|| Failure::msg("Invalid capability type"))?;
            flags |= bit;
        }
    }
    if cmd.has("tree") && cmd.get("cap").is_some() {
        return Err(Failure::msg("Options --tree and --cap are incompatible"));
    }
    if cmd.has("all") {
        flags |= (1 << 30) | (1 << 31);
    } else if cmd.has("inactive") {
        flags |= 1 << 30;
    } else {
        flags |= 1 << 31;
    }
    let devs = conn
        .list_all_node_devices(flags)
        .await
        .map_err(|e| Failure::ctx("Failed to list node devices", e))?;
    let mut names: Vec<String> = devs.iter().map(|d| d.name.clone()).collect();
    names.sort();
    if ctl.json && !cmd.has("tree") {
        ctl.print(&format!("{}\n", serde_json::json!(names)));
        return Ok(());
    }
    if !cmd.has("tree") {
        for n in &names {
            ctl.print(&format!("{n}\n"));
        }
        return Ok(());
    }
    let mut items = Vec::new();
    for d in &devs {
        let parent = conn.node_device_get_parent(d).await.ok().flatten();
        items.push((d.name.clone(), parent));
    }
    items.sort();
    if ctl.json {
        let rows: Vec<_> = items
            .iter()
            .map(|(name, parent)| serde_json::json!({"name": name, "parent": parent}))
            .collect();
        ctl.print(&format!("{}\n", serde_json::Value::Array(rows)));
        return Ok(());
    }
    ctl.print(&crate::tree::render(&items));
    Ok(())
}
