//! Network port commands: net-port-list, net-port-create, net-port-dumpxml, net-port-delete
//! (`virNetworkListAllPorts`, `virNetworkPortCreateXML`, `virNetworkPortGetXMLDesc`,
//! `virNetworkPortDelete`).

use std::io::Write;

use rvirt::{Connect, Uuid};
use rvirt_core::NetworkPortRef;

use super::util::read_file;
use crate::lookup;
use crate::output::Table;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// `VIR_NETWORK_PORT_CREATE_VALIDATE`.
const PORT_CREATE_VALIDATE: u32 = 1 << 1;

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "net-port-list" => list(ctl, conn, cmd).await,
        "net-port-create" => create(ctl, conn, cmd).await,
        "net-port-dumpxml" => dumpxml(ctl, conn, cmd).await,
        "net-port-delete" => delete(ctl, conn, cmd).await,
        _ => super::unhandled(cmd),
    }
}

async fn list(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let uuid_only = cmd.has("uuid");
    if uuid_only && cmd.has("table") {
        return Err(Failure::msg(
            "Only one argument from --table and --uuid may be specified.",
        ));
    }
    let net = lookup::network(conn, cmd, "network").await?;
    let mut ports = conn.network_list_all_ports(&net, 0).await?;
    ports.sort_by_key(|p| p.uuid.0);
    if uuid_only {
        for p in &ports {
            ctl.print(&format!("{}\n", p.uuid));
        }
        return Ok(());
    }
    let mut t = Table::new(&["UUID"]);
    for p in &ports {
        t.row(vec![p.uuid.to_string()]);
    }
    crate::output::emit(ctl, &t);
    Ok(())
}

async fn create(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let net = lookup::network(conn, cmd, "network").await?;
    let (path, xml) = read_file(cmd, "file")?;
    let flags = if cmd.has("validate") {
        PORT_CREATE_VALIDATE
    } else {
        0
    };
    let port = conn
        .network_port_create_xml(&net, &xml, flags)
        .await
        .map_err(|e| Failure::ctx(format!("Failed to create network from {path}"), e))?;
    ctl.print_extra(&format!("Network port {} created from {path}\n", port.uuid));
    Ok(())
}

/// Prints virsh's first error line only: net-port-dumpxml and net-port-delete report a failed
/// lookup but still succeed (virsh 9.0 starts them with `ret = true`).
fn soft_fail(ctl: &mut Ctl, f: &Failure) -> CmdResult {
    ctl.flush();
    if let Some(l) = f.lines.first() {
        let _ = writeln!(std::io::stderr().lock(), "error: {l}");
    }
    Ok(())
}

/// The network and port named by the `network` and `port` options
/// (`virshCommandOptNetworkPort`).
async fn port(conn: &Connect, cmd: &Cmd) -> Result<NetworkPortRef, Failure> {
    let net = lookup::network(conn, cmd, "network").await?;
    let name = cmd.get("port").ok_or_else(|| {
        Failure::msg(format!("command '{}' requires <port> option", cmd.def.name))
    })?;
    let fail = || Failure::msg(format!("failed to get network port '{name}'"));
    let uuid = Uuid::parse(name).ok_or_else(fail)?;
    conn.network_port_lookup_by_uuid(&net, uuid)
        .await
        .map_err(|_| fail())
}

async fn dumpxml(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let p = match port(conn, cmd).await {
        Ok(p) => p,
        Err(f) => return soft_fail(ctl, &f),
    };
    let xml = conn.network_port_get_xml_desc(&p, 0).await?;
    super::domain::print_xml(ctl, cmd, &xml)
}

async fn delete(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let p = match port(conn, cmd).await {
        Ok(p) => p,
        Err(f) => return soft_fail(ctl, &f),
    };
    if let Err(e) = conn.network_port_delete(&p, 0).await {
        return soft_fail(
            ctl,
            &Failure::ctx(format!("Failed to delete network port {}", p.uuid), e),
        );
    }
    ctl.print_extra(&format!("Network port {} deleted\n", p.uuid));
    Ok(())
}
