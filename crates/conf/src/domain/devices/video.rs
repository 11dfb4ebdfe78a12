//! `<video>`: model defaults (`virDomainVideoDefaultRAM`), primary flag, implicit video.

use rvirt_core::error::VirResult;

use crate::domain::def::DomainDef;
use crate::domain::element::Element;

fn default_vram(model: &str) -> Option<u64> {
    match model {
        "vga" | "cirrus" | "vmvga" | "bochs" | "qxl" => {
            Some(if model == "qxl" { 65536 } else { 16384 })
        }
        "xen" => Some(65536),
        "vbox" => Some(8192),
        _ => None,
    }
}

/// Normalises one `<video>` (the model element gets type, ram, vram, vgamem, heads in order).
pub(crate) fn parse_video(d: &mut Element, default_model: &str) -> VirResult<()> {
    let m = d.child_or_insert("model");
    if m.attr("type").is_none() {
        m.set_attr("type", default_model);
    }
    let ty = m.attr("type").unwrap_or("").to_string();
    if ty != "none" {
        if m.attr("vram").is_none() {
            if let Some(v) = default_vram(&ty) {
                m.set_attr("vram", v.to_string());
            }
        }
        if ty == "qxl" && m.attr("ram").is_none() {
            m.set_attr("ram", "65536");
        }
        if m.attr("heads").is_none() {
            m.set_attr("heads", "1");
        }
    }
    if m.attr("primary") != Some("yes") {
        m.remove_attr("primary");
    }
    m.order_attrs(&[
        "type", "ram", "vram", "vram64", "vgamem", "heads", "primary",
    ]);
    let pos = d.children.iter().position(|c| c.name == "model");
    if let Some(p) = pos {
        let m = d.children.remove(p);
        let at = d
            .children
            .iter()
            .position(|c| c.name == "driver")
            .map_or(0, |p| p + 1);
        d.children.insert(at, m);
    }
    Ok(())
}

/// Marks the primary video (`primary='yes'` moves it first) and adds a video for graphics.
pub(crate) fn add_implicit_video(def: &mut DomainDef, hooks: &dyn crate::domain::DriverHooks) {
    let has_graphics = def.devices.iter().any(|d| d.name == "graphics");
    let has_video = def.devices.iter().any(|d| d.name == "video");
    if has_graphics && !has_video {
        let mut v = Element::new("video");
        let _ = parse_video(&mut v, &hooks.default_video_model(def));
        def.devices.push(v);
    }
    let primary = def.devices.iter().position(|d| {
        d.name == "video" && d.child("model").and_then(|m| m.attr("primary")) == Some("yes")
    });
    let first = def.devices.iter().position(|d| d.name == "video");
    if let (Some(p), Some(f)) = (primary, first) {
        if p != f {
            let v = def.devices.remove(p);
            def.devices.insert(f, v);
        }
    }
    if let Some(f) = def.devices.iter().position(|d| d.name == "video") {
        if let Some(m) = def.devices[f].child_mut("model") {
            if m.attr("type") != Some("none") {
                m.set_attr("primary", "yes");
            }
        }
    }
}
