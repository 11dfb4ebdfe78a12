//! Controllers, memballoon, rng and input devices.

use super::pci::pci_device_args;
use super::util::{alias, child_attr, unsupported};
use rvirt_conf::domain::Element;
use rvirt_core::error::VirResult;

/// `-device` for a controller that QEMU needs explicitly (implicit ones yield nothing).
pub fn controller_args(d: &Element, q35: bool) -> VirResult<Vec<String>> {
    let al = alias(d).unwrap_or("ctrl").to_string();
    let addr = pci_device_args(d, q35).map_or(String::new(), |p| format!(",{p}"));
    let dev = match (d.attr("type").unwrap_or(""), d.attr("model")) {
        ("pci", _) | ("ide", _) | ("fdc", _) => return Ok(Vec::new()),
        ("sata", _) if q35 => return Ok(Vec::new()),
        ("virtio-serial", _) => format!("virtio-serial-pci,id={al}{addr}"),
        ("scsi", None) | ("scsi", Some("virtio-scsi")) => format!("virtio-scsi-pci,id={al}{addr}"),
        ("usb", Some("none")) => return Ok(Vec::new()),
        ("usb", None) | ("usb", Some("piix3-uhci")) if !q35 => {
            format!("piix3-usb-uhci,id={al}{addr}")
        }
        ("usb", None) | ("usb", Some("qemu-xhci")) => format!("qemu-xhci,id={al}{addr}"),
        (t, m) => {
            return Err(unsupported(format!(
                "controller type '{t}' model '{}' is not supported",
                m.unwrap_or("default")
            )))
        }
    };
    Ok(vec!["-device".into(), dev])
}

/// `-device virtio-balloon-pci` for `<memballoon model='virtio'>`.
pub fn balloon_args(d: &Element, q35: bool) -> VirResult<Vec<String>> {
    match d.attr("model") {
        Some("none") => Ok(Vec::new()),
        Some("virtio") | None => {
            let addr = pci_device_args(d, q35).map_or(String::new(), |p| format!(",{p}"));
            Ok(vec![
                "-device".into(),
                format!(
                    "virtio-balloon-pci,id={}{addr}",
                    alias(d).unwrap_or("balloon0")
                ),
            ])
        }
        Some(m) => Err(unsupported(format!(
            "memballoon model '{m}' is not supported"
        ))),
    }
}

/// `-object rng-random` + `-device virtio-rng-pci` for `<rng model='virtio'>`.
pub fn rng_args(d: &Element, q35: bool) -> VirResult<Vec<String>> {
    let al = alias(d).unwrap_or("rng0").to_string();
    let file = d
        .child("backend")
        .and_then(|b| b.text.clone())
        .unwrap_or_else(|| "/dev/urandom".into());
    if child_attr(d, "backend", "model").unwrap_or("random") != "random" {
        return Err(unsupported("only the 'random' rng backend is supported"));
    }
    let addr = pci_device_args(d, q35).map_or(String::new(), |p| format!(",{p}"));
    Ok(vec![
        "-object".into(),
        format!(
            "{{\"qom-type\":\"rng-random\",\"id\":\"obj{al}\",\"filename\":{}}}",
            super::util::json_str(&file)
        ),
        "-device".into(),
        format!("virtio-rng-pci,rng=obj{al},id={al}{addr}"),
    ])
}

/// `<input>`: PS/2 devices are built in; a USB tablet becomes `usb-tablet`.
pub fn input_args(d: &Element) -> VirResult<Vec<String>> {
    match (d.attr("type"), d.attr("bus")) {
        (_, Some("ps2")) | (_, None) => Ok(Vec::new()),
        (Some("tablet"), Some("usb")) => Ok(vec![
            "-device".into(),
            format!(
                "usb-tablet,id={},bus=usb.0,port=1",
                alias(d).unwrap_or("input0")
            ),
        ]),
        (t, b) => Err(unsupported(format!(
            "input type '{}' on bus '{}' is not supported",
            t.unwrap_or(""),
            b.unwrap_or("")
        ))),
    }
}
