//! `<blkiotune><device>` lists as libvirt's test driver keeps them: the `device_*` blkio
//! parameters ("path,value[,path,value…]") merge into the per-device entries and read back
//! in the same form.

use rvirt_conf::domain::{DomainDef, Element};
use rvirt_core::error::VirResult;

use crate::errors::invalid_arg;

/// A parameter name and the `<device>` child element holding its value.
pub const FIELDS: [(&str, &str); 5] = [
    ("device_weight", "weight"),
    ("device_read_iops_sec", "read_iops_sec"),
    ("device_write_iops_sec", "write_iops_sec"),
    ("device_read_bytes_sec", "read_bytes_sec"),
    ("device_write_bytes_sec", "write_bytes_sec"),
];

fn child_text<'a>(e: &'a Element, name: &str) -> Option<&'a str> {
    e.child(name).and_then(|c| c.text.as_deref()).map(str::trim)
}

/// The parameter value for `param` ("" when no device sets it).
pub fn get(def: &DomainDef, param: &str) -> String {
    let Some((_, elem)) = FIELDS.iter().find(|(p, _)| *p == param) else {
        return String::new();
    };
    let Some(bt) = def.extra.iter().find(|e| e.name == "blkiotune") else {
        return String::new();
    };
    bt.children
        .iter()
        .filter(|c| c.name == "device")
        .filter_map(|d| {
            let path = child_text(d, "path")?;
            let v = child_text(d, elem).filter(|v| *v != "0")?;
            Some(format!("{path},{v}"))
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Merges "path,value,…" for `param` into the definition (`virDomainDriverMergeBlkioDevice`).
pub fn set(def: &mut DomainDef, param: &str, list: &str) -> VirResult<()> {
    let Some((_, elem)) = FIELDS.iter().find(|(p, _)| *p == param) else {
        return Ok(());
    };
    if list.is_empty() {
        return Ok(());
    }
    let parts: Vec<&str> = list.split(',').collect();
    if !parts.len().is_multiple_of(2) {
        return Err(invalid_arg(format!(
            "unable to parse blkio device '{param}' '{list}'"
        )));
    }
    let mut pairs = Vec::new();
    for p in parts.chunks(2) {
        let v: u64 = p[1].parse().map_err(|_| {
            invalid_arg(format!(
                "invalid value '{}' for parameter '{param}' of device '{}'",
                p[1], p[0]
            ))
        })?;
        pairs.push((p[0].to_string(), v));
    }
    let pos = match def.extra.iter().position(|e| e.name == "blkiotune") {
        Some(p) => p,
        None => {
            def.extra.push(Element::new("blkiotune"));
            def.extra.len() - 1
        }
    };
    let bt = &mut def.extra[pos];
    for (path, v) in pairs {
        let idx = bt
            .children
            .iter()
            .position(|c| c.name == "device" && child_text(c, "path") == Some(path.as_str()));
        let dev = match idx {
            Some(i) => &mut bt.children[i],
            None => {
                let mut d = Element::new("device");
                let mut p = Element::new("path");
                p.text = Some(path.clone());
                d.children.push(p);
                bt.children.push(d);
                let last = bt.children.len() - 1;
                &mut bt.children[last]
            }
        };
        dev.remove_children(elem);
        if v != 0 {
            let mut e = Element::new(elem);
            e.text = Some(v.to_string());
            dev.children.push(e);
        }
        dev.order_children(&[
            "path",
            "weight",
            "read_iops_sec",
            "write_iops_sec",
            "read_bytes_sec",
            "write_bytes_sec",
        ]);
    }
    bt.children
        .retain(|c| c.name != "device" || c.children.iter().any(|k| k.name != "path"));
    def.extra
        .retain(|e| e.name != "blkiotune" || !e.children.is_empty());
    def.sort_extras();
    Ok(())
}
