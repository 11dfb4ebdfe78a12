//! Devices without a dedicated model (input, memballoon, rng, hostdev, …): generic normalisation.

use rvirt_core::error::VirResult;

use crate::domain::element::Element;

/// Normalises devices kept as generic trees.
pub(crate) fn parse_misc(d: &mut Element) -> VirResult<()> {
    match d.name.as_str() {
        "input" => d.order_attrs(&["type", "bus", "model"]),
        "hostdev" => {
            if d.attr("mode") == Some("subsystem") && d.attr("managed").is_none() {
                d.set_attr("managed", "no");
            }
            d.order_attrs(&[
                "mode", "type", "managed", "sgio", "rawio", "model", "display", "ramfb",
            ]);
        }
        "shmem" if d.child("model").is_none() => {
            let mut m = Element::new("model");
            m.attrs.push(("type".into(), "ivshmem".into()));
            d.children.insert(0, m);
        }
        "filesystem" => {
            if d.attr("type").is_none() {
                d.set_attr("type", "mount");
            }
            let socket = d.child("source").and_then(|s| s.attr("socket")).is_some();
            if d.attr("accessmode").is_none() && !socket {
                d.set_attr("accessmode", "passthrough");
            }
            d.order_attrs(&["type", "accessmode", "model", "multidevs", "fmode", "dmode"]);
        }
        _ => {}
    }
    Ok(())
}
