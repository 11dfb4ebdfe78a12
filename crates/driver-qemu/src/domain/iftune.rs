//! `virDomainGetInterfaceParameters` / `virDomainSetInterfaceParameters` (`virsh
//! domiftune`): a guest NIC's `<bandwidth>`, applied live to its tap or macvtap with the
//! network driver's QoS and kept in the live and persistent definitions.

use super::driver::QemuDriver;
use super::nics::bandwidth_xml;
use rvirt_conf::domain::{DomainDef, Element};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::typed_param::{TypedParam, TypedValue};

/// `VIR_DOMAIN_BANDWIDTH_*` parameter names in libvirt's order (direction, attribute).
const PARAMS: [(&str, &str); 7] = [
    ("inbound", "average"),
    ("inbound", "peak"),
    ("inbound", "burst"),
    ("inbound", "floor"),
    ("outbound", "average"),
    ("outbound", "peak"),
    ("outbound", "burst"),
];

fn invalid(detail: impl Into<String>) -> VirError {
    VirError::invalid_arg(ErrorDomain::Qemu, detail)
}

/// `virDomainNetFind`: a NIC by MAC address or by its (live) target device name.
fn find_nic<'a>(def: &'a mut DomainDef, device: &str) -> VirResult<&'a mut Element> {
    let is_mac = device.len() == 17 && device.matches(':').count() == 5;
    def.devices
        .iter_mut()
        .filter(|d| d.name == "interface")
        .find(|d| {
            if is_mac {
                d.child("mac")
                    .and_then(|m| m.attr("address"))
                    .is_some_and(|m| m.eq_ignore_ascii_case(device))
            } else {
                d.child("target").and_then(|t| t.attr("dev")) == Some(device)
            }
        })
        .ok_or_else(|| invalid(format!("Can't find device {device}")))
}

/// `virNetDevSupportsBandwidth`: only NICs with a host-side device can be shaped.
fn check_supported(nic: &Element, device: &str) -> VirResult<()> {
    match nic.attr("type").unwrap_or("") {
        "network" | "bridge" | "direct" | "ethernet" => Ok(()),
        other => Err(VirError::new(
            ErrorCode::ConfigUnsupported,
            ErrorDomain::Qemu,
            format!(
                "Setting bandwidth on interface '{device}' of type '{other}' is not implemented yet"
            ),
        )),
    }
}

/// The NIC's current value of one `<bandwidth>` attribute (0 when unset).
fn rate(nic: &Element, dir: &str, attr: &str) -> u32 {
    nic.child("bandwidth")
        .and_then(|b| b.child(dir))
        .and_then(|r| r.attr(attr))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Merges the given parameters into the NIC's `<bandwidth>`: a direction whose average
/// and floor end up 0 is removed (libvirt: average or floor is mandatory).
fn merge(nic: &mut Element, changes: &[(&str, &str, u32)]) {
    for dir in ["inbound", "outbound"] {
        if !changes.iter().any(|c| c.0 == dir) {
            continue;
        }
        let mut vals: Vec<(&str, u32)> = PARAMS
            .iter()
            .filter(|(d, _)| *d == dir)
            .map(|(d, a)| (*a, rate(nic, d, a)))
            .collect();
        for (_, a, v) in changes.iter().filter(|c| c.0 == dir) {
            if let Some(slot) = vals.iter_mut().find(|(n, _)| n == a) {
                slot.1 = *v;
            }
        }
        let keep = vals
            .iter()
            .any(|(n, v)| (*n == "average" || *n == "floor") && *v > 0);
        let bw = nic.child_or_insert("bandwidth");
        bw.remove_children(dir);
        if keep {
            let mut r = Element::new(dir);
            for (n, v) in vals.iter().filter(|(_, v)| *v > 0) {
                r.set_attr(n, v.to_string());
            }
            bw.children.push(r);
            bw.order_children(&["inbound", "outbound"]);
        }
    }
    if nic
        .child("bandwidth")
        .is_some_and(|b| b.children.is_empty())
    {
        nic.remove_children("bandwidth");
    }
}

impl QemuDriver {
    /// `virDomainGetInterfaceParameters`: the NIC's `<bandwidth>` as the seven
    /// `inbound.*`/`outbound.*` parameters (0 when unset).
    pub(crate) fn iftune_get(
        &self,
        dom: &DomainRef,
        device: &str,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            7,
            "virDomainGetInterfaceParameters",
        )?;
        let (live, _) = self.impact(dom, flags & 3)?;
        self.with_dom(dom, |o| {
            let mut def = match (live, o.live.as_ref()) {
                (true, Some(l)) => l.clone(),
                _ => o.def.clone(),
            };
            let nic = find_nic(&mut def, device)?;
            Ok(PARAMS
                .iter()
                .map(|(d, a)| {
                    TypedParam::new(format!("{d}.{a}"), TypedValue::UInt(rate(nic, d, a)))
                })
                .collect())
        })
    }

    /// `virDomainSetInterfaceParameters`: merges the parameters into the NIC's
    /// `<bandwidth>`; live, re-applies it to the tap/macvtap.
    pub(crate) async fn iftune_set(
        &self,
        dom: &DomainRef,
        device: &str,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            3,
            "virDomainSetInterfaceParameters",
        )?;
        let (live, config) = self.impact(dom, flags & 3)?;
        let mut changes = Vec::new();
        for p in &params {
            let Some((d, a)) = PARAMS.iter().find(|(d, a)| format!("{d}.{a}") == p.field) else {
                return Err(invalid(format!("parameter '{}' not supported", p.field)));
            };
            let v = match p.value {
                TypedValue::UInt(v) => v,
                _ => {
                    return Err(invalid(format!(
                        "invalid type for parameter '{}', expected 'uint'",
                        p.field
                    )))
                }
            };
            changes.push((*d, *a, v));
        }
        if live {
            let (ifname, direct, new) = self.with_dom(dom, |o| {
                let mut l = o.live.clone().ok_or_else(|| {
                    VirError::operation_invalid(ErrorDomain::Qemu, "domain is not running")
                })?;
                let nic = find_nic(&mut l, device)?;
                check_supported(nic, device)?;
                let ifname = nic
                    .child("target")
                    .and_then(|t| t.attr("dev"))
                    .map(str::to_string)
                    .ok_or_else(|| {
                        VirError::new(
                            ErrorCode::OperationUnsupported,
                            ErrorDomain::Qemu,
                            "Setting bandwidth on interface with no host device is not supported",
                        )
                    })?;
                let direct = crate::command::net::is_macvtap(nic);
                let mut n = nic.clone();
                merge(&mut n, &changes);
                Ok((ifname, direct, n))
            })?;
            let alloc = self.port_allocator().ok_or_else(|| {
                VirError::new(
                    ErrorCode::OperationUnsupported,
                    ErrorDomain::Qemu,
                    "Network bandwidth tuning is not available on this connection",
                )
            })?;
            let xml = bandwidth_xml(&new);
            alloc
                .set_bandwidth(&ifname, xml.as_deref(), !direct)
                .await?;
            let dev = device.to_string();
            self.edit_live(dom, |l| {
                if let Ok(nic) = find_nic(l, &dev) {
                    *nic = new;
                }
            })?;
        }
        if config {
            let mac = self.with_dom(dom, |o| {
                let mut src = match o.live.as_ref() {
                    Some(l) => l.clone(),
                    None => o.def.clone(),
                };
                Ok(find_nic(&mut src, device)
                    .ok()
                    .and_then(|n| n.child("mac").and_then(|m| m.attr("address")))
                    .map(str::to_string))
            })?;
            self.edit_config(dom, |d| {
                let key = mac.as_deref().unwrap_or(device);
                let nic = find_nic(d, key)?;
                check_supported(nic, device)?;
                merge(nic, &changes);
                Ok(())
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nic() -> Element {
        let mut n = Element::new("interface");
        n.set_attr("type", "bridge");
        n
    }

    #[test]
    fn user_nics_cannot_be_shaped() {
        let mut n = nic();
        assert!(check_supported(&n, "vnet0").is_ok());
        n.set_attr("type", "user");
        assert_eq!(
            check_supported(&n, "52:54:00:00:00:01")
                .unwrap_err()
                .message,
            "unsupported configuration: Setting bandwidth on interface '52:54:00:00:00:01' of \
             type 'user' is not implemented yet"
        );
    }

    #[test]
    fn merge_sets_and_clears_directions() {
        let mut n = nic();
        merge(
            &mut n,
            &[("inbound", "average", 1000), ("inbound", "peak", 2000)],
        );
        assert_eq!(rate(&n, "inbound", "average"), 1000);
        assert_eq!(rate(&n, "inbound", "peak"), 2000);
        assert!(n
            .child("bandwidth")
            .and_then(|b| b.child("outbound"))
            .is_none());
        merge(&mut n, &[("outbound", "average", 300)]);
        assert_eq!(rate(&n, "inbound", "average"), 1000);
        assert_eq!(rate(&n, "outbound", "average"), 300);
        merge(&mut n, &[("inbound", "average", 0)]);
        assert!(n
            .child("bandwidth")
            .and_then(|b| b.child("inbound"))
            .is_none());
        merge(&mut n, &[("outbound", "average", 0)]);
        assert!(n.child("bandwidth").is_none());
    }
}
