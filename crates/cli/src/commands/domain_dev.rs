//! Device shortcuts that build or pick device XML and attach, detach or update it:
//! attach-disk, detach-disk, attach-interface, detach-interface, change-media.

use roxmltree::Node;
use rvirt::Connect;

use super::domain_extra::{device_call, device_flags};
use super::util::{exclusive, AFFECT_CONFIG};
use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "attach-disk" => attach_disk(ctl, conn, cmd).await,
        "attach-interface" => attach_interface(ctl, conn, cmd).await,
        "detach-disk" | "detach-interface" => detach(ctl, conn, cmd).await,
        "change-media" => change_media(ctl, conn, cmd).await,
        _ => super::unhandled(cmd),
    }
}

/// `virBufferEscapeString` for attribute values and text.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\'', "&apos;")
        .replace('"', "&quot;")
}

/// `attr='value'` pairs for the options given.
fn attrs(pairs: &[(&str, Option<&str>)]) -> String {
    pairs
        .iter()
        .filter_map(|(k, v)| v.map(|v| format!(" {k}='{}'", esc(v))))
        .collect()
}

/// Parses virsh's `--address` forms into an `<address/>` element.
fn disk_address(s: &str, multifunction: bool) -> Result<String, Failure> {
    let bad = || Failure::msg("Invalid address.");
    let (kind, rest) = s.split_once(':').ok_or_else(bad)?;
    let nums = |n: usize, radix: u32| -> Result<Vec<u32>, Failure> {
        let v: Vec<u32> = rest
            .split('.')
            .map(|p| u32::from_str_radix(p, radix))
            .collect::<Result<_, _>>()
            .map_err(|_| bad())?;
        if v.len() == n {
            Ok(v)
        } else {
            Err(bad())
        }
    };
    let mf = if multifunction {
        " multifunction='on'"
    } else {
        ""
    };
    Ok(match kind {
        "pci" => {
            let v = nums(4, 16)?;
            format!(
                "<address type='pci' domain='0x{:04x}' bus='0x{:02x}' slot='0x{:02x}' function='0x{:x}'{mf}/>",
                v[0], v[1], v[2], v[3]
            )
        }
        "scsi" | "ide" | "sata" => {
            let v = nums(3, 10)?;
            format!(
                "<address type='drive' controller='{}' bus='{}' unit='{}'/>",
                v[0], v[1], v[2]
            )
        }
        "usb" => {
            let v = nums(2, 10)?;
            format!("<address type='usb' bus='{}' port='{}'/>", v[0], v[1])
        }
        "ccw" => {
            let v = nums(3, 16)?;
            format!(
                "<address type='ccw' cssid='0x{:02x}' ssid='0x{:x}' devno='0x{:04x}'/>",
                v[0], v[1], v[2]
            )
        }
        _ => return Err(bad()),
    })
}

/// The `<disk>` element attach-disk builds.
fn disk_xml(cmd: &Cmd) -> Result<String, Failure> {
    let source = cmd.get("source").unwrap_or("");
    let target = cmd.get("target").unwrap_or("");
    let mode = cmd.get("mode");
    if let Some(m) = mode {
        if m != "readonly" && m != "shareable" {
            return Err(Failure::msg(format!(
                "No support for {m} in command 'attach-disk'"
            )));
        }
    }
    let stype = cmd.get("sourcetype").unwrap_or("file");
    if !matches!(stype, "file" | "block" | "network") {
        return Err(Failure::msg(format!("Unknown source type: '{stype}'")));
    }
    let address = match cmd.get("address") {
        Some(a) => Some(disk_address(a, cmd.has("multifunction"))?),
        None => None,
    };
    let mut x = format!(
        "<disk type='{stype}'{}{}>\n",
        attrs(&[("device", cmd.get("type"))]),
        if cmd.has("rawio") { " rawio='yes'" } else { "" }
    );
    let drv = attrs(&[
        ("name", cmd.get("driver")),
        ("type", cmd.get("subdriver")),
        ("iothread", cmd.get("iothread")),
        ("cache", cmd.get("cache")),
        ("io", cmd.get("io")),
    ]);
    if !drv.is_empty() {
        x.push_str(&format!("  <driver{drv}/>\n"));
    }
    match stype {
        "network" => {
            let head = format!(
                "  <source{}",
                attrs(&[
                    ("protocol", cmd.get("source-protocol")),
                    ("name", Some(source))
                ])
            );
            let host = cmd.get("source-host-name");
            let transport = cmd.get("source-host-transport");
            let socket = cmd.get("source-host-socket");
            if host.is_some() || transport.is_some() || socket.is_some() {
                let (name, port) = match host.map(|h| h.split_once(':')) {
                    Some(Some((n, p))) => (Some(n), Some(p)),
                    Some(None) => (host, None),
                    None => (None, None),
                };
                x.push_str(&format!(
                    "{head}>\n    <host{}/>\n  </source>\n",
                    attrs(&[
                        ("name", name),
                        ("port", port),
                        ("transport", transport),
                        ("socket", socket)
                    ])
                ));
            } else {
                x.push_str(&format!("{head}/>\n"));
            }
        }
        "block" => x.push_str(&format!("  <source dev='{}'/>\n", esc(source))),
        _ => x.push_str(&format!("  <source file='{}'/>\n", esc(source))),
    }
    x.push_str(&format!(
        "  <target dev='{}'{}/>\n",
        esc(target),
        attrs(&[("bus", cmd.get("targetbus"))])
    ));
    if let Some(m) = mode {
        x.push_str(&format!("  <{m}/>\n"));
    }
    if let Some(s) = cmd.get("serial") {
        x.push_str(&format!("  <serial>{}</serial>\n", esc(s)));
    }
    if let Some(a) = cmd.get("alias") {
        x.push_str(&format!("  <alias name='{}'/>\n", esc(a)));
    }
    if let Some(w) = cmd.get("wwn") {
        x.push_str(&format!("  <wwn>{}</wwn>\n", esc(w)));
    }
    if let Some(a) = address {
        x.push_str(&format!("  {a}\n"));
    }
    x.push_str("</disk>\n");
    Ok(x)
}

async fn attach_disk(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    super::util::req_all(
        cmd,
        &[
            "source",
            "target",
            "driver",
            "subdriver",
            "type",
            "mode",
            "iothread",
            "cache",
            "io",
            "serial",
            "wwn",
            "targetbus",
            "alias",
            "address",
            "sourcetype",
        ],
    )?;
    let xml = disk_xml(cmd)?;
    if cmd.has("print-xml") {
        ctl.print(&xml);
        return Ok(());
    }
    let d = lookup::domain(conn, cmd, "domain").await?;
    let flags = device_flags(conn, &d, cmd).await?;
    device_call(conn, &d, &xml, flags, "attach", cmd.has("current"))
        .await
        .map_err(|e| Failure::ctx("Failed to attach disk", e))?;
    ctl.print_extra("Disk attached successfully\n");
    Ok(())
}

/// `average[,peak[,burst[,floor]]]` of `--inbound`/`--outbound` as attributes.
fn rate(s: &str, inbound: bool) -> Result<String, Failure> {
    let names = ["average", "peak", "burst", "floor"];
    let parts: Vec<&str> = s.split(',').collect();
    let max = if inbound { 4 } else { 3 };
    if parts.len() > max {
        return Err(Failure::msg(format!("Invalid rate '{s}'")));
    }
    let mut vals = [0u64; 4];
    for (i, p) in parts.iter().enumerate() {
        if p.is_empty() {
            continue;
        }
        vals[i] = p
            .parse()
            .map_err(|_| Failure::msg(format!("field '{}' is malformed", names[i])))?;
    }
    if vals[0] == 0 && !(inbound && vals[3] != 0) {
        return Err(Failure::msg(if inbound {
            "either inbound average or floor is mandatory"
        } else {
            "outbound average is mandatory"
        }));
    }
    Ok(names
        .iter()
        .zip(vals)
        .filter(|(_, v)| *v != 0)
        .map(|(n, v)| format!(" {n}='{v}'"))
        .collect())
}

/// The `<interface>` element attach-interface builds.
fn interface_xml(cmd: &Cmd) -> Result<String, Failure> {
    let ty = cmd.get("type").unwrap_or("");
    let source = cmd.get("source").unwrap_or("");
    if !matches!(
        ty,
        "network" | "bridge" | "direct" | "hostdev" | "vhostuser"
    ) {
        return Err(Failure::msg(format!(
            "No support for {ty} in command 'attach-interface'"
        )));
    }
    let mode = cmd.get("source-mode");
    if let Some(m) = mode {
        if m != "server" && m != "client" {
            return Err(Failure::msg(format!("Invalid source mode: {m}")));
        }
    }
    let inbound = cmd.get("inbound").map(|s| rate(s, true)).transpose()?;
    let outbound = cmd.get("outbound").map(|s| rate(s, false)).transpose()?;
    let managed = if cmd.has("managed") {
        " managed='yes'"
    } else {
        ""
    };
    let mut x = format!("<interface type='{}'{managed}>\n", esc(ty));
    match ty {
        "network" => x.push_str(&format!("  <source network='{}'/>\n", esc(source))),
        "bridge" => x.push_str(&format!("  <source bridge='{}'/>\n", esc(source))),
        "direct" => x.push_str(&format!("  <source dev='{}'/>\n", esc(source))),
        "hostdev" => {
            let bad = || {
                Failure::msg(format!(
                    "cannot parse pci address '{source}' for network interface"
                ))
            };
            let (dom, rest) = source.split_once(':').ok_or_else(bad)?;
            let (bus, rest) = rest.split_once(':').ok_or_else(bad)?;
            let (slot, func) = rest.split_once('.').ok_or_else(bad)?;
            let h = |s: &str| u32::from_str_radix(s, 16).map_err(|_| bad());
            x.push_str(&format!(
                "  <source>\n    <address type='pci' domain='0x{:04x}' bus='0x{:02x}' slot='0x{:02x}' function='0x{:x}'/>\n  </source>\n",
                h(dom)?, h(bus)?, h(slot)?, h(func)?
            ));
        }
        _ => {
            let Some(m) = mode else {
                return Err(Failure::msg("source-mode is mandatory"));
            };
            x.push_str(&format!(
                "  <source type='unix' path='{}' mode='{m}'/>\n",
                esc(source)
            ));
        }
    }
    if let Some(t) = cmd.get("target") {
        x.push_str(&format!("  <target dev='{}'/>\n", esc(t)));
    }
    if let Some(m) = cmd.get("mac") {
        x.push_str(&format!("  <mac address='{}'/>\n", esc(m)));
    }
    if let Some(s) = cmd.get("script") {
        x.push_str(&format!("  <script path='{}'/>\n", esc(s)));
    }
    if let Some(m) = cmd.get("model") {
        x.push_str(&format!("  <model type='{}'/>\n", esc(m)));
    }
    if let Some(a) = cmd.get("alias") {
        x.push_str(&format!("  <alias name='{}'/>\n", esc(a)));
    }
    if inbound.is_some() || outbound.is_some() {
        x.push_str("  <bandwidth>\n");
        if let Some(i) = inbound {
            x.push_str(&format!("    <inbound{i}/>\n"));
        }
        if let Some(o) = outbound {
            x.push_str(&format!("    <outbound{o}/>\n"));
        }
        x.push_str("  </bandwidth>\n");
    }
    x.push_str("</interface>\n");
    Ok(x)
}

async fn attach_interface(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    exclusive(cmd, "persistent", "current")?;
    super::util::req_all(
        cmd,
        &[
            "type", "source", "target", "mac", "script", "model", "inbound", "outbound", "alias",
        ],
    )?;
    let xml = interface_xml(cmd)?;
    if cmd.has("print-xml") {
        ctl.print(&xml);
        return Ok(());
    }
    let d = lookup::domain(conn, cmd, "domain").await?;
    let flags = device_flags(conn, &d, cmd).await?;
    device_call(conn, &d, &xml, flags, "attach", cmd.has("current"))
        .await
        .map_err(|e| Failure::ctx("Failed to attach interface", e))?;
    ctl.print_extra("Interface attached successfully\n");
    Ok(())
}

fn esc_attr_raw(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
}

/// An edit applied while serialising a device node: drop its `<source>`, and/or put `insert`
/// right before `<target>`.
#[derive(Default)]
pub(super) struct Edit {
    drop_source: bool,
    insert: Option<String>,
}

/// Serialises `n` as libxml2's `xmlNodeDump` does without formatting: whitespace kept,
/// attributes double-quoted.
pub(super) fn raw(n: Node, edit: &Edit, top: bool, out: &mut String) {
    if n.is_text() {
        out.push_str(
            &n.text()
                .unwrap_or("")
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;"),
        );
        return;
    }
    if !n.is_element() {
        return;
    }
    let name = n.tag_name().name();
    out.push('<');
    out.push_str(name);
    for a in n.attributes() {
        out.push_str(&format!(" {}=\"{}\"", a.name(), esc_attr_raw(a.value())));
    }
    if n.children().next().is_none() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    let mut prev_ws = String::new();
    for c in n.children() {
        if top && c.is_element() {
            let cname = c.tag_name().name();
            if cname == "source" && edit.drop_source {
                continue;
            }
            if cname == "target" {
                if let Some(ins) = &edit.insert {
                    out.push_str(ins);
                    out.push_str(&prev_ws);
                }
            }
        }
        if c.is_text() {
            prev_ws = c.text().unwrap_or("").to_string();
        }
        raw(c, edit, false, out);
    }
    out.push_str(&format!("</{name}>"));
}

fn source_of(disk: Node) -> Option<String> {
    let s = disk.children().find(|c| c.has_tag_name("source"))?;
    ["file", "dev", "dir", "name", "volume"]
        .iter()
        .find_map(|a| s.attribute(*a))
        .map(str::to_string)
}

fn target_of<'a>(n: Node<'a, '_>) -> Option<&'a str> {
    n.children()
        .find(|c| c.has_tag_name("target"))
        .and_then(|t| t.attribute("dev"))
}

/// The domain XML detach-*/change-media search (inactive with `--config`).
async fn dom_xml(
    conn: &Connect,
    d: &rvirt_core::handle::DomainRef,
    cmd: &Cmd,
) -> Result<String, Failure> {
    let flags = if cmd.has("config") || cmd.has("persistent") && !conn.domain_is_active(d).await? {
        2
    } else {
        0
    };
    Ok(conn.domain_get_xml_desc(d, flags & AFFECT_CONFIG).await?)
}

async fn detach(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    exclusive(cmd, "persistent", "current")?;
    if cmd.def.name == "detach-disk" {
        super::util::req_all(cmd, &["target"])?;
    }
    let d = lookup::domain(conn, cmd, "domain").await?;
    if cmd.def.name == "detach-interface" {
        super::util::req_all(cmd, &["type", "mac"]).map_err(|mut f| {
            f.lines.push("Failed to detach interface".into());
            f
        })?;
    }
    let flags = device_flags(conn, &d, cmd).await?;
    let xml = dom_xml(conn, &d, cmd).await?;
    let doc =
        roxmltree::Document::parse(&xml).map_err(|_| Failure::msg("Failed to get domain XML"))?;
    let devices: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("devices"))
        .flat_map(|n| n.children())
        .filter(|n| n.is_element())
        .collect();
    let disk = cmd.def.name == "detach-disk";
    let node = if disk {
        let t = cmd.get("target").unwrap_or("");
        devices
            .iter()
            .find(|n| {
                n.has_tag_name("disk")
                    && (target_of(**n) == Some(t) || source_of(**n).as_deref() == Some(t))
            })
            .copied()
            .ok_or_else(|| {
                Failure::msg(format!("No disk found whose source path or target is {t}"))
            })?
    } else {
        let ty = cmd.get("type").unwrap_or("");
        let fail = |m: String| Failure {
            lines: vec![m, "Failed to detach interface".into()],
        };
        let of_type: Vec<Node> = devices
            .iter()
            .filter(|n| n.has_tag_name("interface") && n.attribute("type") == Some(ty))
            .copied()
            .collect();
        if of_type.is_empty() {
            return Err(fail(format!("No interface found whose type is {ty}")));
        }
        match cmd.get("mac") {
            Some(mac) => of_type
                .iter()
                .find(|n| {
                    n.children()
                        .find(|c| c.has_tag_name("mac"))
                        .and_then(|m| m.attribute("address"))
                        .is_some_and(|a| a.eq_ignore_ascii_case(mac))
                })
                .copied()
                .ok_or_else(|| fail(format!("No interface with MAC address {mac} was found")))?,
            None if of_type.len() > 1 => {
                return Err(fail(format!(
                    "Domain has {} interfaces. Please specify which one to detach using --mac",
                    of_type.len()
                )))
            }
            None => of_type[0],
        }
    };
    let mut dev = String::new();
    raw(node, &Edit::default(), true, &mut dev);
    if cmd.has("print-xml") {
        ctl.print(&dev);
        return Ok(());
    }
    let what = if disk { "disk" } else { "interface" };
    device_call(conn, &d, &dev, flags, "detach", cmd.has("current"))
        .await
        .map_err(|e| Failure::ctx(format!("Failed to detach {what}"), e))?;
    ctl.print_extra(&format!(
        "{} detached successfully\n",
        if disk { "Disk" } else { "Interface" }
    ));
    Ok(())
}

async fn change_media(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    for (a, b) in [
        ("eject", "insert"),
        ("eject", "update"),
        ("insert", "update"),
        ("eject", "source"),
        ("eject", "block"),
        ("current", "live"),
        ("current", "config"),
    ] {
        exclusive(cmd, a, b)?;
    }
    let action = if cmd.has("eject") {
        "eject"
    } else if cmd.has("insert") {
        "insert"
    } else {
        "update"
    };
    let d = lookup::domain(conn, cmd, "domain").await?;
    let mut flags = super::util::affect_flags(cmd)?;
    if cmd.has("force") {
        flags |= 4;
    }
    let xml = dom_xml(conn, &d, cmd).await?;
    let doc =
        roxmltree::Document::parse(&xml).map_err(|_| Failure::msg("Failed to get domain XML"))?;
    let path = cmd.get("path").unwrap_or("");
    let disk = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("disk")
                && matches!(n.attribute("device"), Some("cdrom") | Some("floppy"))
        })
        .find(|n| target_of(*n) == Some(path) || source_of(*n).as_deref() == Some(path))
        .ok_or_else(|| {
            Failure::msg(format!(
                "No disk found whose source path or target is {path}"
            ))
        })?;
    let has_media = source_of(disk).is_some();
    let target = target_of(disk).unwrap_or(path);
    if action == "eject" && !has_media {
        return Err(Failure::msg(format!(
            "The disk device '{target}' doesn't have media"
        )));
    }
    if action == "insert" && has_media {
        return Err(Failure::msg(format!(
            "The disk device '{target}' already has media"
        )));
    }
    if action == "insert" && cmd.get("source").is_none() {
        return Err(Failure::msg("New disk media source was not specified"));
    }
    let insert = cmd.get("source").map(|s| {
        let attr = if cmd.has("block") { "dev" } else { "file" };
        format!("<source {attr}=\"{}\"/>", esc_attr_raw(s))
    });
    let edit = Edit {
        drop_source: action != "insert" || has_media,
        insert,
    };
    let mut dev = String::new();
    raw(disk, &edit, true, &mut dev);
    if cmd.has("block") {
        dev = dev.replacen("type=\"file\"", "type=\"block\"", 1);
    }
    if cmd.has("print-xml") {
        ctl.print(&dev);
        return Ok(());
    }
    device_call(conn, &d, &dev, flags, "update", cmd.has("current"))
        .await
        .map_err(|e| Failure::ctx(format!("Failed to complete action {action} on media"), e))?;
    ctl.print_extra(&format!(
        "Successfully {} media.\n",
        match action {
            "eject" => "ejected",
            "insert" => "inserted",
            _ => "updated",
        }
    ));
    Ok(())
}
