//! update-memory-device: virsh edits one `<memory>` device of the domain XML (selected by
//! `--alias` or `--node`), optionally setting its virtio-mem `<requested/>` size, and hands
//! it to virDomainUpdateDeviceFlags (or prints it with `--print-xml`).

use roxmltree::{Document, Node};
use rvirt::Connect;

use super::perf::req_str;
use super::util::{affect_flags, exclusive, scaled, uint_opt, AFFECT_CONFIG};
use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// `VIR_DOMAIN_XML_INACTIVE`.
const XML_INACTIVE: u32 = 2;

fn esc_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn esc_attr(s: &str) -> String {
    esc_text(s).replace('"', "&quot;")
}

/// Serialises a node as libxml2's `xmlNodeDump` (format 0) does: whitespace kept as parsed,
/// attributes double-quoted, childless elements self-closed. `replace` swaps the text of
/// one element (by node id) for a new value.
fn serialise(n: Node, replace: Option<(roxmltree::NodeId, &str)>, out: &mut String) {
    if n.is_text() {
        out.push_str(&esc_text(n.text().unwrap_or("")));
        return;
    }
    if n.is_comment() {
        out.push_str(&format!("<!--{}-->", n.text().unwrap_or("")));
        return;
    }
    if !n.is_element() {
        return;
    }
    let name = n.tag_name().name();
    out.push('<');
    out.push_str(name);
    for a in n.attributes() {
        out.push_str(&format!(" {}=\"{}\"", a.name(), esc_attr(a.value())));
    }
    if let Some((_, text)) = replace.filter(|(id, _)| *id == n.id()) {
        out.push_str(&format!(">{}</{name}>", esc_text(text)));
        return;
    }
    if !n.has_children() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for c in n.children() {
        serialise(c, replace, out);
    }
    out.push_str(&format!("</{name}>"));
}

fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

/// The `/domain/devices/memory` elements the selection matches.
fn select<'a, 'i>(
    doc: &'a Document<'i>,
    alias: Option<&str>,
    node: Option<u64>,
) -> Vec<Node<'a, 'i>> {
    let root = doc.root_element();
    if root.tag_name().name() != "domain" {
        return Vec::new();
    }
    root.children()
        .filter(|c| c.is_element() && c.tag_name().name() == "devices")
        .flat_map(|d| d.children())
        .filter(|m| m.is_element() && m.tag_name().name() == "memory")
        .filter(|m| match (alias, node) {
            (Some(a), _) => m
                .children()
                .filter(|c| c.is_element() && c.tag_name().name() == "alias")
                .any(|c| c.attribute("name") == Some(a)),
            (None, Some(n)) => m
                .children()
                .filter(|c| c.is_element() && c.tag_name().name() == "target")
                .flat_map(|t| t.children())
                .filter(|c| c.is_element() && c.tag_name().name() == "node")
                .any(|c| {
                    c.text()
                        .and_then(|t| t.trim().parse::<f64>().ok())
                        .is_some_and(|v| v == n as f64)
                }),
            (None, None) => true,
        })
        .collect()
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let flags = affect_flags(cmd)?;
    exclusive(cmd, "node", "alias")?;
    let d = lookup::domain(conn, cmd, "domain").await?;
    let alias = req_str(cmd, "alias")?;
    let node = match uint_opt(cmd, "node")? {
        Some(n) if n > u64::from(u32::MAX) => {
            return Err(Failure::msg(format!(
                "Numeric value '{n}' for <node> option is malformed or out of range"
            )))
        }
        n => n,
    };
    let xml_flags = if flags & AFFECT_CONFIG != 0 {
        XML_INACTIVE
    } else {
        0
    };
    let xml = conn.domain_get_xml_desc(&d, xml_flags).await?;
    let doc = Document::parse(&xml)
        .map_err(|e| Failure::msg(format!("failed to parse domain XML: {e}")))?;
    let mems = select(&doc, alias, node);
    let mem = match mems.as_slice() {
        [] => return Err(Failure::msg("no memory device found")),
        [m] => *m,
        _ => {
            return Err(Failure::msg(
                "multiple memory devices found, use --alias or --node to select one",
            ))
        }
    };
    let mut replace = None;
    let new_size;
    if let Some(bytes) = scaled(cmd, "requested-size", 1024)? {
        let Some(req) = child(mem, "target").and_then(|t| child(t, "requested")) else {
            return Err(Failure::msg("virtio-mem device is missing <requested/>"));
        };
        new_size = (bytes / 1024).to_string();
        replace = Some((req.id(), new_size.as_str()));
    }
    let mut dev = String::new();
    serialise(mem, replace, &mut dev);
    if cmd.has("print-xml") {
        ctl.print(&dev);
        return Ok(());
    }
    conn.domain_update_device(&d, &dev, flags).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = "<domain><devices>\n    <memory model='virtio-mem'>\n      <target>\n        \
<size unit='KiB'>1048576</size>\n        <node>0</node>\n        \
<requested unit='KiB'>524288</requested>\n      </target>\n      <alias name='m0'/>\n    \
</memory>\n    <memory model='dimm'><target><size unit='KiB'>1</size><node>1</node></target></memory>\n\
</devices></domain>";

    #[test]
    fn selects_by_alias_and_node() {
        let doc = Document::parse(XML).unwrap();
        assert_eq!(select(&doc, None, None).len(), 2);
        assert_eq!(select(&doc, Some("m0"), None).len(), 1);
        assert_eq!(select(&doc, None, Some(1)).len(), 1);
        assert!(select(&doc, None, Some(7)).is_empty());
        assert!(select(&doc, Some("x"), None).is_empty());
    }

    #[test]
    fn serialises_like_libxml_with_replacement() {
        let doc = Document::parse(XML).unwrap();
        let m = select(&doc, Some("m0"), None)[0];
        let req = child(child(m, "target").unwrap(), "requested").unwrap();
        let mut s = String::new();
        serialise(m, Some((req.id(), "1024")), &mut s);
        assert_eq!(
            s,
            "<memory model=\"virtio-mem\">\n      <target>\n        \
<size unit=\"KiB\">1048576</size>\n        <node>0</node>\n        \
<requested unit=\"KiB\">1024</requested>\n      </target>\n      <alias name=\"m0\"/>\n    \
</memory>"
        );
    }
}
