//! iface-bridge and iface-unbridge: wrap a host interface in a new bridge, or take the
//! device back out, redefining the interfaces (virsh's cmdInterfaceBridge/Unbridge).

use rvirt::Connect;

use super::iface::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\'', "&apos;")
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    if cmd.def.name == "iface-bridge" {
        bridge(ctl, conn, cmd).await
    } else {
        unbridge(ctl, conn, cmd).await
    }
}

async fn bridge(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let name = cmd.get("interface").unwrap_or("");
    let br = cmd.get("bridge").unwrap_or("");
    let delay = cmd.int("delay").map_err(Failure::msg)?;
    let iface = lookup(conn, name).await?;
    // VIR_INTERFACE_XML_INACTIVE
    let xml = conn.interface_get_xml_desc(&iface, 1).await?;
    let doc = roxmltree::Document::parse(&xml)
        .map_err(|_| Failure::msg(format!("Failed to parse configuration of {name}")))?;
    let root = doc.root_element();
    let ty = root.attribute("type").unwrap_or("");
    if ty == "bridge" {
        return Err(Failure::msg(format!(
            "Interface '{name}' is already a bridge"
        )));
    }
    if ty != "ethernet" && ty != "bond" && ty != "vlan" {
        return Err(Failure::msg(format!(
            "Cannot bridge interface {name} of type {ty}"
        )));
    }
    if conn.interface_lookup_by_name(br).await.is_ok() {
        return Err(Failure::msg(format!(
            "Bridge interface '{br}' already exists"
        )));
    }
    // the bridge takes over start mode and IP configuration; the device keeps the rest
    let mut inner = String::new();
    let mut outer = String::new();
    for c in root.children().filter(|c| c.is_element()) {
        let text = &xml[c.range()];
        if c.has_tag_name("start") || c.has_tag_name("protocol") {
            outer.push_str(&format!("  {text}\n"));
        } else {
            inner.push_str(&format!("      {text}\n"));
        }
    }
    let stp = if cmd.has("no-stp") { "off" } else { "on" };
    let delay = delay.map(|d| format!(" delay='{d}'")).unwrap_or_default();
    let new = format!(
        "<interface type='bridge' name='{}'>\n{outer}  <bridge stp='{stp}'{delay}>\n    \
         <interface type='{ty}' name='{}'>\n{inner}    </interface>\n  </bridge>\n</interface>\n",
        esc(br),
        esc(&iface.name)
    );
    conn.interface_undefine(&iface)
        .await
        .map_err(|e| Failure::ctx(format!("Failed to undefine interface {}", iface.name), e))?;
    let b = conn
        .interface_define_xml(&new, 0)
        .await
        .map_err(|e| Failure::ctx(format!("Failed to define new bridge interface {br}"), e))?;
    ctl.print_extra(&format!(
        "Created bridge {} with attached device {}\n",
        b.name, iface.name
    ));
    if !cmd.has("no-start") {
        conn.interface_create(&b, 0)
            .await
            .map_err(|e| Failure::ctx(format!("Failed to start bridge interface {br}"), e))?;
        ctl.print_extra(&format!("Bridge interface {br} started\n"));
    }
    Ok(())
}

async fn unbridge(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let br = cmd.get("bridge").unwrap_or("");
    let bridge = lookup(conn, br).await?;
    let xml = conn.interface_get_xml_desc(&bridge, 1).await?;
    let doc = roxmltree::Document::parse(&xml)
        .map_err(|_| Failure::msg(format!("Failed to parse configuration of {br}")))?;
    let root = doc.root_element();
    if root.attribute("type") != Some("bridge") {
        return Err(Failure::msg(format!("Interface '{br}' is not a bridge")));
    }
    let devs: Vec<_> = root
        .children()
        .filter(|c| c.has_tag_name("bridge"))
        .flat_map(|b| b.children())
        .filter(|c| c.has_tag_name("interface"))
        .collect();
    let Some(dev) = devs.first() else {
        return Err(Failure::msg(format!(
            "No interface attached to bridge {br}"
        )));
    };
    if devs.len() > 1 {
        return Err(Failure::msg(format!(
            "Multiple interfaces attached to bridge {br}"
        )));
    }
    let dev_name = dev.attribute("name").unwrap_or("").to_string();
    // the device gets the bridge's start mode and IP configuration back
    let mut body = String::new();
    for c in root
        .children()
        .filter(|c| c.has_tag_name("start") || c.has_tag_name("protocol"))
    {
        body.push_str(&format!("  {}\n", &xml[c.range()]));
    }
    for c in dev.children().filter(|c| c.is_element()) {
        body.push_str(&format!("  {}\n", &xml[c.range()]));
    }
    let new = format!(
        "<interface type='{}' name='{}'>\n{body}</interface>\n",
        esc(dev.attribute("type").unwrap_or("ethernet")),
        esc(&dev_name)
    );
    let _ = conn.interface_destroy(&bridge, 0).await;
    conn.interface_undefine(&bridge)
        .await
        .map_err(|e| Failure::ctx(format!("Failed to undefine bridge interface {br}"), e))?;
    let d = conn
        .interface_define_xml(&new, 0)
        .await
        .map_err(|e| Failure::ctx(format!("Failed to define new interface {dev_name}"), e))?;
    ctl.print_extra(&format!("Device {} un-attached from bridge {br}\n", d.name));
    if !cmd.has("no-start") {
        conn.interface_create(&d, 0)
            .await
            .map_err(|e| Failure::ctx(format!("Failed to start interface {dev_name}"), e))?;
        ctl.print_extra(&format!("Interface {dev_name} started\n"));
    }
    Ok(())
}
