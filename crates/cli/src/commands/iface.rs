//! Host interface commands: iface-list, iface-dumpxml, iface-mac, iface-name.

use rvirt::{Connect, InterfaceRef};

use crate::output::Table;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

pub(crate) async fn lookup(conn: &Connect, name: &str) -> Result<InterfaceRef, Failure> {
    match conn.interface_lookup_by_name(name).await {
        Ok(i) => Ok(i),
        Err(e) => match conn.interface_lookup_by_mac(name).await {
            Ok(i) => Ok(i),
            Err(_) => Err(Failure::ctx(format!("failed to get interface '{name}'"), e)),
        },
    }
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "iface-list" => {
            // VIR_CONNECT_LIST_INTERFACES_INACTIVE 1, _ACTIVE 2.
            let mut flags = 2;
            if cmd.has("inactive") {
                flags = 1;
            }
            if cmd.has("all") {
                flags = 3;
            }
            let mut ifs = conn
                .list_all_interfaces(flags)
                .await
                .map_err(|e| Failure::ctx("Failed to list interfaces", e))?;
            ifs.sort_by(|a, b| a.name.cmp(&b.name));
            let mut t = Table::new(&["Name", "State", "MAC Address"]);
            for i in &ifs {
                let st = if conn.interface_is_active(i).await.unwrap_or(false) {
                    "active"
                } else {
                    "inactive"
                };
                t.row(vec![i.name.clone(), st.into(), i.mac.clone()]);
            }
            crate::output::emit(ctl, &t);
            Ok(())
        }
        "iface-dumpxml" => {
            let name = cmd.req("interface").map_err(Failure::msg)?.unwrap_or("");
            let i = lookup(conn, name).await?;
            let flags = if cmd.has("inactive") { 1 } else { 0 };
            let x = conn.interface_get_xml_desc(&i, flags).await?;
            super::domain::print_xml(ctl, cmd, &x)
        }
        "iface-mac" => {
            let name = cmd.req("interface").map_err(Failure::msg)?.unwrap_or("");
            let i = conn
                .interface_lookup_by_name(name)
                .await
                .map_err(|e| Failure::ctx(format!("failed to get interface '{name}'"), e))?;
            ctl.print(&format!("{}\n", i.mac));
            Ok(())
        }
        "iface-name" => {
            let mac = cmd.req("interface").map_err(Failure::msg)?.unwrap_or("");
            let i = conn
                .interface_lookup_by_mac(mac)
                .await
                .map_err(|_| Failure::msg(format!("failed to get interface '{mac}'")))?;
            ctl.print(&format!("{}\n", i.name));
            Ok(())
        }
        _ => super::unhandled(cmd),
    }
}
