//! The host side of guest NICs of `type='network'`, `type='bridge'` and `type='direct'`
//! (`qemuInterfaceBridgeConnect`, `qemuInterfaceDirectConnect`): a network port from the
//! network driver, a tap device (`vnetN`) with the host-side MAC, MTU and bridge — or, for
//! direct NICs and ports of macvtap networks, a macvtap (`macvtapN`) — released again when
//! the NIC goes away.

use super::driver::QemuDriver;
use crate::netport::NetworkPortAllocator;
use crate::sys::create_persistent_tap;
use rvirt_conf::domain::{DomainDef, Element};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::info::{DomainInterface, IpAddress};
use std::sync::Arc;

fn nic_err(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::InternalError, ErrorDomain::Qemu, detail)
}

/// Whether this NIC's host side is a tap the driver creates.
pub(crate) fn managed_tap(dev: &Element) -> bool {
    dev.name == "interface"
        && matches!(
            dev.attr("type"),
            Some("network") | Some("bridge") | Some("direct")
        )
}

fn source_attr<'a>(dev: &'a Element, name: &str) -> Option<&'a str> {
    dev.child("source").and_then(|s| s.attr(name))
}

fn mac_of(dev: &Element) -> Option<&str> {
    dev.child("mac").and_then(|m| m.attr("address"))
}

/// Whether the NIC asks for `<port isolated='yes'/>`.
fn port_isolated(dev: &Element) -> bool {
    dev.child("port").and_then(|p| p.attr("isolated")) == Some("yes")
}

/// The NIC's `<bandwidth>` element as XML (None when absent or empty).
pub(crate) fn bandwidth_xml(dev: &Element) -> Option<String> {
    let bw = dev.child("bandwidth")?;
    let mut s = String::from("<bandwidth>");
    let mut any = false;
    for dir in ["inbound", "outbound"] {
        if let Some(r) = bw.child(dir) {
            any = true;
            s.push('<');
            s.push_str(dir);
            for (k, v) in &r.attrs {
                s.push_str(&format!(" {k}='{}'", rvirt_conf::xml::escape(v)));
            }
            s.push_str("/>");
        }
    }
    s.push_str("</bandwidth>");
    any.then_some(s)
}

/// `virDomainActualNetDefValidate`'s VLAN rule for tap NICs: a `<vlan>` tag needs an Open
/// vSwitch bridge (libvirt 9.0 tags no port of a plain Linux bridge).
fn check_vlan(dev: &Element) -> VirResult<()> {
    let tagged = dev
        .child("vlan")
        .is_some_and(|v| v.children.iter().any(|c| c.name == "tag"));
    let ovs = dev.child("virtualport").and_then(|v| v.attr("type")) == Some("openvswitch");
    if tagged && !ovs {
        return Err(VirError::new(
            ErrorCode::ConfigUnsupported,
            ErrorDomain::Domain,
            format!(
                "interface {} - vlan tag not supported for this connection type",
                mac_of(dev).unwrap_or("")
            ),
        ));
    }
    Ok(())
}

/// The host side of the tap: libvirt replaces the first octet of the guest MAC with 0xFE so
/// the bridge never adopts the guest's address.
pub(crate) fn host_mac(guest: &str) -> String {
    match guest.split_once(':') {
        Some((_, rest)) => format!("fe:{}", rest.to_ascii_lowercase()),
        None => guest.to_string(),
    }
}

fn ip_cmd() -> &'static str {
    ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .unwrap_or("ip")
}

pub(super) fn run_ip(args: &[&str]) -> VirResult<()> {
    let out = std::process::Command::new(ip_cmd())
        .args(args)
        .output()
        .map_err(|e| nic_err(format!("cannot run ip: {e}")))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(nic_err(format!(
            "ip {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        )))
    }
}

/// Deletes a tap device (best effort: it may already be gone).
pub(crate) fn delete_tap(name: &str) {
    if std::path::Path::new("/sys/class/net").join(name).exists() {
        let _ = run_ip(&["link", "del", "dev", name]);
    }
}

/// The tap name to ask for: the user's `<target dev>` unless it uses a reserved prefix.
fn tap_template(dev: &Element) -> String {
    match dev.child("target").and_then(|t| t.attr("dev")) {
        Some(t) if !t.starts_with("vnet") && !t.starts_with("macvtap") && !t.is_empty() => {
            t.to_string()
        }
        _ => "vnet%d".to_string(),
    }
}

impl QemuDriver {
    pub(super) fn port_allocator(&self) -> Option<Arc<dyn NetworkPortAllocator>> {
        self.net_ports
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Gives one NIC of domain `owner` its host side: port (networks; the port's
    /// `<owner>`), tap on the bridge with the NIC's `<bandwidth>` and `<filterref>`
    /// binding; records `<target dev>` and `<source bridge>` in the (live) element.
    /// A hot-plugged macvtap's `/dev/tapN` goes to QEMU over the monitor (`getfd`).
    pub(crate) async fn plug_host_side_for(
        &self,
        dev: &mut Element,
        owner_name: &str,
        owner_uuid: [u8; 16],
    ) -> VirResult<()> {
        self.plug_inner(dev, owner_name, owner_uuid).await
    }

    async fn plug_inner(
        &self,
        dev: &mut Element,
        owner_name: &str,
        owner_uuid: [u8; 16],
    ) -> VirResult<()> {
        if !managed_tap(dev) {
            return Ok(());
        }
        let mac = mac_of(dev)
            .ok_or_else(|| nic_err("interface has no MAC address"))?
            .to_string();
        if dev.attr("type") == Some("direct") {
            let parent = source_attr(dev, "dev")
                .ok_or_else(|| {
                    VirError::new(
                        ErrorCode::XmlError,
                        ErrorDomain::Domain,
                        "Missing source dev for direct interface",
                    )
                })?
                .to_string();
            let mode = source_attr(dev, "mode").map(str::to_string);
            let owner = (owner_name, owner_uuid);
            return self
                .plug_macvtap(dev, &parent, mode.as_deref(), None, owner)
                .await;
        }
        check_vlan(dev)?;
        let network = if dev.attr("type") == Some("network") {
            Some(
                source_attr(dev, "network")
                    .ok_or_else(|| {
                        VirError::new(
                            ErrorCode::XmlError,
                            ErrorDomain::Domain,
                            "Missing source network name",
                        )
                    })?
                    .to_string(),
            )
        } else {
            None
        };
        let (bridge, mtu) = match &network {
            Some(net) => {
                let alloc = self.port_allocator().ok_or_else(|| {
                    VirError::new(
                        ErrorCode::NoSupport,
                        ErrorDomain::Qemu,
                        "this connection has no network driver for interface type 'network'",
                    )
                })?;
                let p = alloc
                    .allocate_port_for(net, &mac, owner_name, owner_uuid)
                    .await?;
                if let Some(direct) = p.direct {
                    let s = dev.child_or_insert("source");
                    s.set_attr("dev", direct.dev.clone());
                    s.set_attr("mode", direct.mode.clone());
                    let owner = (owner_name, owner_uuid);
                    let r = self
                        .plug_macvtap(dev, &direct.dev, Some(&direct.mode), p.mtu, owner)
                        .await;
                    if r.is_err() {
                        if let Some(s) = dev.children.iter_mut().find(|c| c.name == "source") {
                            s.attrs.retain(|(k, _)| k != "dev" && k != "mode");
                        }
                        let _ = alloc.release_port(net, &mac).await;
                    }
                    return r;
                }
                (p.bridge, p.mtu)
            }
            None => (
                source_attr(dev, "bridge")
                    .ok_or_else(|| nic_err("bridge interface has no source bridge"))?
                    .to_string(),
                None,
            ),
        };
        let mtu = dev
            .child("mtu")
            .and_then(|m| m.attr("size"))
            .and_then(|s| s.parse::<u32>().ok())
            .or(mtu);
        let result = (|| {
            let tap = create_persistent_tap(&tap_template(dev))
                .map_err(|e| nic_err(format!("Unable to create tap device: {e}")))?;
            let mut args = vec![
                "link".to_string(),
                "set".into(),
                "dev".into(),
                tap.clone(),
                "address".into(),
                host_mac(&mac),
            ];
            if let Some(m) = mtu {
                args.extend(["mtu".into(), m.to_string()]);
            }
            args.extend(["master".into(), bridge.clone(), "up".into()]);
            let refs: Vec<&str> = args.iter().map(String::as_str).collect();
            if let Err(e) = run_ip(&refs) {
                delete_tap(&tap);
                return Err(e);
            }
            // <port isolated='yes'/> (virNetDevBridgePortSetIsolated): no traffic to
            // other isolated ports of the bridge.
            if port_isolated(dev) {
                let isolate = ["link", "set", "dev", &tap, "type", "bridge_slave"];
                if let Err(e) = run_ip(&[&isolate[..], &["isolated", "on"]].concat()) {
                    delete_tap(&tap);
                    return Err(e);
                }
            }
            Ok(tap)
        })();
        let tap = match result {
            Ok(t) => t,
            Err(e) => {
                if let (Some(net), Some(a)) = (&network, self.port_allocator()) {
                    let _ = a.release_port(net, &mac).await;
                }
                return Err(e);
            }
        };
        if let Some(bw) = bandwidth_xml(dev) {
            let applied = match self.port_allocator() {
                Some(a) => a.set_bandwidth(&tap, Some(&bw), true).await,
                None => Err(nic_err("no network driver to apply <bandwidth>")),
            };
            if let Err(e) = applied {
                delete_tap(&tap);
                if let (Some(net), Some(a)) = (&network, self.port_allocator()) {
                    let _ = a.release_port(net, &mac).await;
                }
                return Err(e);
            }
        }
        if let Err(e) = self
            .bind_nic_filter(dev, &tap, None, owner_name, owner_uuid)
            .await
        {
            delete_tap(&tap);
            if let (Some(net), Some(a)) = (&network, self.port_allocator()) {
                let _ = a.release_port(net, &mac).await;
            }
            return Err(e);
        }
        dev.child_or_insert("target").set_attr("dev", tap);
        if network.is_some() {
            dev.child_or_insert("source").set_attr("bridge", bridge);
        }
        Ok(())
    }

    /// A macvtap on `parent` for the NIC (`qemuInterfaceDirectConnect`): guest MAC, mode,
    /// MTU and `<bandwidth>`; records `<target dev>`.
    async fn plug_macvtap(
        &self,
        dev: &mut Element,
        parent: &str,
        mode: Option<&str>,
        net_mtu: Option<u32>,
        owner: (&str, [u8; 16]),
    ) -> VirResult<()> {
        let mac = mac_of(dev)
            .ok_or_else(|| nic_err("interface has no MAC address"))?
            .to_string();
        let kmode = super::macvtap::kernel_mode(mode)?;
        let mtu = dev
            .child("mtu")
            .and_then(|m| m.attr("size"))
            .and_then(|s| s.parse::<u32>().ok())
            .or(net_mtu);
        let wanted = dev
            .child("target")
            .and_then(|t| t.attr("dev"))
            .filter(|t| !t.is_empty() && !t.starts_with("vnet") && !t.starts_with("macvtap"))
            .map(str::to_string);
        let name = super::macvtap::create_macvtap(wanted.as_deref(), parent, &mac, kmode, mtu)?;
        if let Some(bw) = bandwidth_xml(dev) {
            let applied = match self.port_allocator() {
                Some(a) => a.set_bandwidth(&name, Some(&bw), false).await,
                None => Err(nic_err("no network driver to apply <bandwidth>")),
            };
            if let Err(e) = applied {
                super::macvtap::delete_macvtap(&name);
                return Err(e);
            }
        }
        let bound = self
            .bind_nic_filter(dev, &name, Some(parent), owner.0, owner.1)
            .await;
        if let Err(e) = bound {
            super::macvtap::delete_macvtap(&name);
            return Err(e);
        }
        dev.child_or_insert("target").set_attr("dev", name);
        Ok(())
    }

    /// Host sides for every NIC of a definition being started; undoes them all on failure.
    pub(crate) async fn plug_all_host_sides(&self, live: &mut DomainDef) -> VirResult<()> {
        for i in 0..live.devices.len() {
            if !managed_tap(&live.devices[i]) {
                continue;
            }
            let mut dev = live.devices[i].clone();
            let uuid = live.uuid;
            if let Err(e) = self.plug_host_side_for(&mut dev, &live.name, uuid).await {
                self.unplug_all_host_sides(live);
                return Err(e);
            }
            live.devices[i] = dev;
        }
        Ok(())
    }

    /// Deletes a NIC's tap and releases its port (in the background: callers may hold
    /// the domain lock).
    pub(crate) fn unplug_host_side(&self, dev: &Element) {
        if !managed_tap(dev) {
            return;
        }
        if let Some(t) = dev.child("target").and_then(|t| t.attr("dev")) {
            self.unbind_nic_filter(dev, t);
            delete_tap(t);
        }
        let (Some(net), Some(mac)) = (
            source_attr(dev, "network").filter(|_| dev.attr("type") == Some("network")),
            mac_of(dev),
        ) else {
            return;
        };
        let Some(alloc) = self.port_allocator() else {
            return;
        };
        let (net, mac) = (net.to_string(), mac.to_string());
        if let Ok(h) = tokio::runtime::Handle::try_current() {
            h.spawn(async move {
                let _ = alloc.release_port(&net, &mac).await;
            });
        }
    }

    /// [`QemuDriver::unplug_host_side`] for every NIC of a (live) definition.
    pub(crate) fn unplug_all_host_sides(&self, live: &DomainDef) {
        for d in &live.devices {
            if managed_tap(d) && d.child("target").and_then(|t| t.attr("dev")).is_some() {
                self.unplug_host_side(d);
            }
        }
    }

    /// After a daemon restart the network driver has forgotten the ports of running guests:
    /// takes them again for every active domain's `type='network'` NIC.
    pub async fn reclaim_network_ports(&self) {
        let Some(alloc) = self.port_allocator() else {
            return;
        };
        let wanted: Vec<(String, String)> = self
            .lock()
            .values()
            .filter_map(|o| o.live.as_ref())
            .flat_map(|l| l.devices.iter())
            .filter(|d| d.name == "interface" && d.attr("type") == Some("network"))
            .filter_map(|d| Some((source_attr(d, "network")?.into(), mac_of(d)?.into())))
            .collect();
        for (net, mac) in wanted {
            if let Err(e) = alloc.allocate_port(&net, &mac).await {
                tracing::warn!("cannot re-allocate port on network {net} for {mac}: {e}");
            }
        }
    }

    /// `virDomainInterfaceAddresses` with `VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE`: the
    /// DHCP leases of the networks the domain's NICs are on, matched by MAC.
    pub(crate) async fn lease_interfaces(
        &self,
        dom: &DomainRef,
    ) -> VirResult<Vec<DomainInterface>> {
        let nics: Vec<(String, String, String)> = self.with_dom(dom, |o| {
            let live = o.live.as_ref().ok_or_else(|| {
                VirError::operation_invalid(ErrorDomain::Qemu, "domain is not running")
            })?;
            Ok(live
                .devices
                .iter()
                .filter(|d| d.name == "interface" && d.attr("type") == Some("network"))
                .filter_map(|d| {
                    Some((
                        d.child("target")
                            .and_then(|t| t.attr("dev"))
                            .unwrap_or("")
                            .to_string(),
                        mac_of(d)?.to_ascii_lowercase(),
                        source_attr(d, "network")?.to_string(),
                    ))
                })
                .collect())
        })?;
        let Some(alloc) = self.port_allocator() else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for (ifname, mac, net) in nics {
            let leases = alloc.leases(&net).await?;
            let addrs: Vec<IpAddress> = leases
                .iter()
                .filter(|l| l.mac.as_deref().map(str::to_ascii_lowercase).as_deref() == Some(&mac))
                .map(|l| IpAddress {
                    addr_type: l.addr_type,
                    addr: l.ipaddr.clone(),
                    prefix: l.prefix,
                })
                .collect();
            if !addrs.is_empty() {
                out.push(DomainInterface {
                    name: ifname,
                    hwaddr: Some(mac),
                    addrs,
                });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vlan_tags_need_open_vswitch() {
        let mut nic = Element::new("interface");
        nic.set_attr("type", "bridge");
        nic.child_or_insert("mac")
            .set_attr("address", "52:54:00:00:00:07");
        assert!(check_vlan(&nic).is_ok());
        nic.child_or_insert("vlan")
            .child_or_insert("tag")
            .set_attr("id", "42");
        assert_eq!(
            check_vlan(&nic).unwrap_err().message,
            "unsupported configuration: interface 52:54:00:00:00:07 - vlan tag not supported \
             for this connection type"
        );
        nic.child_or_insert("virtualport")
            .set_attr("type", "openvswitch");
        assert!(check_vlan(&nic).is_ok());
    }

    #[test]
    fn host_mac_replaces_the_first_octet() {
        assert_eq!(host_mac("52:54:00:AB:cd:01"), "fe:54:00:ab:cd:01");
    }

    #[test]
    fn reserved_target_names_are_regenerated() {
        let mut d = Element::new("interface");
        d.set_attr("type", "network");
        assert_eq!(tap_template(&d), "vnet%d");
        d.child_or_insert("target").set_attr("dev", "vnet3");
        assert_eq!(tap_template(&d), "vnet%d");
        d.child_or_insert("target").set_attr("dev", "mytap");
        assert_eq!(tap_template(&d), "mytap");
        assert!(managed_tap(&d));
        d.set_attr("type", "user");
        assert!(!managed_tap(&d));
    }
}
