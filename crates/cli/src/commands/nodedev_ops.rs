//! Node device life cycle: nodedev-create, nodedev-destroy, nodedev-define,
//! nodedev-undefine, nodedev-start, nodedev-autostart, nodedev-info, nodedev-detach,
//! nodedev-reattach, nodedev-reset.

use rvirt::Connect;
use rvirt_core::handle::NodeDeviceRef;

use super::util::read_file;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

async fn device(conn: &Connect, cmd: &Cmd) -> Result<NodeDeviceRef, Failure> {
    let name = cmd.req("device").map_err(Failure::msg)?.unwrap_or("");
    conn.node_device_lookup_by_name(name)
        .await
        .map_err(|e| Failure::ctx(format!("Could not find matching device '{name}'"), e))
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let flags = if cmd.has("validate") { 1 } else { 0 };
    match cmd.def.name {
        "nodedev-create" => {
            let (path, xml) = read_file(cmd, "file")?;
            let d = conn
                .node_device_create_xml(&xml, flags)
                .await
                .map_err(|e| {
                    Failure::ctx(format!("Failed to create node device from {path}"), e)
                })?;
            ctl.print_extra(&format!("Node device {} created from {path}\n", d.name));
        }
        "nodedev-define" => {
            let (path, xml) = read_file(cmd, "file")?;
            let d = conn
                .node_device_define_xml(&xml, flags)
                .await
                .map_err(|e| {
                    Failure::ctx(format!("Failed to define node device from '{path}'"), e)
                })?;
            ctl.print_extra(&format!("Node device '{}' defined from '{path}'\n", d.name));
        }
        "nodedev-destroy" => {
            let d = device(conn, cmd).await?;
            conn.node_device_destroy(&d).await.map_err(|e| {
                Failure::ctx(format!("Failed to destroy node device '{}'", d.name), e)
            })?;
            ctl.print_extra(&format!("Destroyed node device '{}'\n", d.name));
        }
        "nodedev-undefine" => {
            let d = device(conn, cmd).await?;
            conn.node_device_undefine(&d, 0).await.map_err(|e| {
                Failure::ctx(format!("Failed to undefine node device '{}'", d.name), e)
            })?;
            ctl.print_extra(&format!("Undefined node device '{}'\n", d.name));
        }
        "nodedev-start" => {
            let d = device(conn, cmd).await?;
            conn.node_device_create(&d, 0)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to start device {}", d.name), e))?;
            ctl.print_extra(&format!("Device {} started\n", d.name));
        }
        "nodedev-autostart" => {
            let d = device(conn, cmd).await?;
            let on = !cmd.has("disable");
            let verb = if on { "mark" } else { "unmark" };
            conn.node_device_set_autostart(&d, on).await.map_err(|e| {
                Failure::ctx(
                    format!("failed to {verb} device {} as autostarted", d.name),
                    e,
                )
            })?;
            ctl.print_extra(&format!("Device {} {verb}ed as autostarted\n", d.name));
        }
        "nodedev-info" => {
            let d = device(conn, cmd).await?;
            let parent = conn.node_device_get_parent(&d).await.ok().flatten();
            let yes = |b: bool| if b { "yes" } else { "no" };
            ctl.print(&format!("{:<15} {}\n", "Name:", d.name));
            ctl.print(&format!(
                "{:<15} {}\n",
                "Parent:",
                parent.unwrap_or_default()
            ));
            if let Ok(a) = conn.node_device_is_active(&d).await {
                ctl.print(&format!("{:<15} {}\n", "Active:", yes(a)));
            }
            if let Ok(p) = conn.node_device_is_persistent(&d).await {
                ctl.print(&format!("{:<15} {}\n", "Persistent:", yes(p)));
            }
            let auto = match conn.node_device_get_autostart(&d).await {
                Ok(a) => yes(a),
                Err(_) => "no autostart",
            };
            ctl.print(&format!("{:<15} {auto}\n", "Autostart:"));
        }
        "nodedev-detach" => {
            let d = device(conn, cmd).await?;
            conn.node_device_detach(&d, cmd.get("driver").map(str::to_string), 0)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to detach device {}", d.name), e))?;
            ctl.print_extra(&format!("Device {} detached\n", d.name));
        }
        "nodedev-reattach" => {
            let d = device(conn, cmd).await?;
            conn.node_device_reattach(&d)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to re-attach device {}", d.name), e))?;
            ctl.print_extra(&format!("Device {} re-attached\n", d.name));
        }
        "nodedev-reset" => {
            let d = device(conn, cmd).await?;
            conn.node_device_reset(&d)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to reset device {}", d.name), e))?;
            ctl.print_extra(&format!("Device {} reset\n", d.name));
        }
        _ => return super::unhandled(cmd),
    }
    Ok(())
}
