//! `<controller>`: index assignment and implicit controllers (`virDomainDefAddImplicitControllers`).

use rvirt_core::error::VirResult;

use crate::domain::def::DomainDef;
use crate::domain::element::Element;

const USB_ICH9: &[&str] = &["ich9-ehci1", "ich9-uhci1", "ich9-uhci2", "ich9-uhci3"];

/// Normalises one `<controller>`.
pub(crate) fn parse_controller(d: &mut Element) -> VirResult<()> {
    if let Some(i) = d.attr("index") {
        if i.trim().parse::<u32>().is_err() {
            return Err(crate::domain::parse::prop_err(format!(
                "Invalid value for attribute 'index' in element 'controller': '{i}'. Expected non-negative value"
            )));
        }
    }
    if d.attr("model") == Some("default") {
        d.remove_attr("model");
    }
    d.order_attrs(&[
        "type",
        "index",
        "model",
        "ports",
        "vectors",
        "maxGrantFrames",
        "maxEventChannels",
    ]);
    let start = match d.attr("model") {
        Some("ich9-uhci1") => Some("0"),
        Some("ich9-uhci2") => Some("2"),
        Some("ich9-uhci3") => Some("4"),
        _ => None,
    };
    if let (Some(start), true) = (start, d.child("master").is_none()) {
        let mut m = Element::new("master");
        m.attrs.push(("startport".into(), start.into()));
        let pos = d
            .children
            .iter()
            .position(|c| c.name == "address")
            .unwrap_or(d.children.len());
        d.children.insert(pos, m);
    }
    Ok(())
}

/// Whether a controller is a USB companion (`<master>`, explicit or implied by an ICH9 UHCI
/// model, which libvirt sets while parsing, before it orders the controllers).
fn is_companion(e: &Element) -> bool {
    e.child("master").is_some()
        || (e.attr("type") == Some("usb")
            && matches!(
                e.attr("model"),
                Some("ich9-uhci1" | "ich9-uhci2" | "ich9-uhci3")
            ))
}

/// `virDomainControllerInsertPreAlloced`: the order libvirt stores parsed controllers in —
/// each one goes before the first same-type controller with a higher index (a master before
/// its companions), unindexed ones after the last of their type.
pub(crate) fn order_parsed_controllers(devs: &mut [Element]) {
    let slots: Vec<usize> = (0..devs.len())
        .filter(|&i| devs[i].name == "controller")
        .collect();
    let mut placed: Vec<Element> = Vec::with_capacity(slots.len());
    for &i in &slots {
        let new = std::mem::take(&mut devs[i]);
        let ty = new.attr("type").map(str::to_string);
        let idx = new.attr("index").and_then(|v| v.trim().parse::<i64>().ok());
        let master = is_companion(&new);
        let mut insert_at: Option<usize> = None;
        for (j, cur) in placed.iter().enumerate().rev() {
            if cur.attr("type").map(str::to_string) != ty {
                continue;
            }
            let Some(idx) = idx else {
                insert_at = Some(j + 1);
                break;
            };
            let cur_idx = cur
                .attr("index")
                .and_then(|v| v.trim().parse::<i64>().ok())
                .unwrap_or(-1);
            if cur_idx > idx || (!master && is_companion(cur) && cur_idx == idx) {
                insert_at = Some(j);
            } else if insert_at.is_none() {
                insert_at = Some(j + 1);
            }
        }
        match insert_at {
            Some(p) => placed.insert(p, new),
            None => placed.push(new),
        }
    }
    for (slot, e) in slots.into_iter().zip(placed) {
        devs[slot] = e;
    }
}

fn ctrl_index(e: &Element) -> Option<i64> {
    e.attr("index").and_then(|v| v.parse().ok())
}

/// Gives every controller without `index` the first free index of its type.
pub(crate) fn assign_controller_indexes(def: &mut DomainDef) {
    for i in 0..def.devices.len() {
        let d = &def.devices[i];
        if d.name != "controller" || d.attr("index").is_some() {
            continue;
        }
        let ty = d.attr("type").unwrap_or("").to_string();
        let used: Vec<i64> = def
            .devices
            .iter()
            .filter(|c| c.name == "controller" && c.attr("type") == Some(ty.as_str()))
            .filter_map(ctrl_index)
            .collect();
        let model = d.attr("model").unwrap_or("").to_string();
        let mut idx = 0;
        while used.contains(&idx) {
            idx += 1;
        }
        if ty == "usb" && USB_ICH9.contains(&model.as_str()) {
            // companions share the index of the ICH9 controller set just before them
            let prev = def.devices[..i]
                .iter()
                .rev()
                .find(|c| c.name == "controller" && c.attr("type") == Some("usb"));
            if let Some(p) = prev {
                let pidx = ctrl_index(p);
                let pmodel = p.attr("model").unwrap_or("");
                let taken = def.devices.iter().any(|c| {
                    c.name == "controller"
                        && c.attr("type") == Some("usb")
                        && c.attr("model") == Some(model.as_str())
                        && ctrl_index(c) == pidx
                });
                if let (true, Some(pidx), false) = (USB_ICH9.contains(&pmodel), pidx, taken) {
                    idx = pidx;
                }
            }
        }
        let d = &mut def.devices[i];
        d.set_attr("index", idx.to_string());
        d.order_attrs(&["type", "index"]);
    }
}

/// `virDomainDefMaybeAddController`: appends `<controller type=ty index=idx/>` if missing.
pub(crate) fn maybe_add_controller(def: &mut DomainDef, ty: &str, idx: i64) {
    let same = |c: &Element| c.name == "controller" && c.attr("type") == Some(ty);
    if def
        .devices
        .iter()
        .any(|c| same(c) && ctrl_index(c) == Some(idx))
    {
        return;
    }
    let mut e = Element::new("controller");
    e.attrs = vec![
        ("type".into(), ty.into()),
        ("index".into(), idx.to_string()),
    ];
    def.devices.push(e);
}

/// [`maybe_add_controller`] for indexes `0..=max` with one scan of the device list.
fn add_controller_range(def: &mut DomainDef, ty: &str, max: i64) {
    let have: Vec<i64> = def
        .devices
        .iter()
        .filter(|c| c.name == "controller" && c.attr("type") == Some(ty))
        .filter_map(ctrl_index)
        .collect();
    for i in 0..=max {
        if !have.contains(&i) {
            maybe_add_controller(def, ty, i);
        }
    }
}

fn drive_controller(d: &Element) -> Option<i64> {
    let a = d.child("address")?;
    if a.attr("type") != Some("drive") {
        return None;
    }
    a.attr("controller").and_then(|v| v.parse().ok())
}

/// Adds controllers that disks, channels and hostdevs refer to.
pub(crate) fn add_implicit_controllers(def: &mut DomainDef) {
    for (ty, bus) in [
        ("ide", "ide"),
        ("fdc", "fdc"),
        ("scsi", "scsi"),
        ("sata", "sata"),
    ] {
        let max = def
            .devices
            .iter()
            .filter(|d| {
                d.name == "disk" && d.child("target").and_then(|t| t.attr("bus")) == Some(bus)
            })
            .map(|d| drive_controller(d).unwrap_or(0))
            .max();
        if let Some(max) = max {
            add_controller_range(def, ty, max.min(64));
        }
    }
    // virtio-serial for virtio channels/consoles
    let mut vs_used: Vec<i64> = Vec::new();
    for d in &def.devices {
        let virtio = match d.name.as_str() {
            "channel" | "console" => {
                d.child("target").and_then(|t| t.attr("type")) == Some("virtio")
            }
            _ => false,
        };
        if virtio {
            let c = d
                .child("address")
                .filter(|a| a.attr("type") == Some("virtio-serial"))
                .and_then(|a| a.attr("controller"))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            if !vs_used.contains(&c) {
                vs_used.push(c);
            }
        }
    }
    for i in vs_used {
        maybe_add_controller(def, "virtio-serial", i);
    }
    // ccid for smartcards, each on its own slot
    for (slot, d) in def
        .devices
        .iter_mut()
        .filter(|d| d.name == "smartcard")
        .enumerate()
    {
        if d.child("address").is_none() {
            let mut a = Element::new("address");
            a.attrs = vec![
                ("type".into(), "ccid".into()),
                ("controller".into(), "0".into()),
                ("slot".into(), slot.to_string()),
            ];
            d.children.push(a);
        }
    }
    if def.devices.iter().any(|d| d.name == "smartcard") {
        maybe_add_controller(def, "ccid", 0);
    }
    // scsi for scsi hostdevs
    let max = def
        .devices
        .iter()
        .filter(|d| d.name == "hostdev" && d.attr("type") == Some("scsi"))
        .map(|d| drive_controller(d).unwrap_or(0))
        .max();
    if let Some(max) = max {
        add_controller_range(def, "scsi", max.min(64));
    }
}
