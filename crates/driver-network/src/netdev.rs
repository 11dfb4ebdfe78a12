//! Bridges and addresses, through `ip` (iproute2) run with timeouts.

use std::ffi::CString;

use rvirt_conf::network::NetworkDef;
use rvirt_core::error::VirResult;

use crate::addr::IpNet;
use crate::errors::system;
use crate::runner::run;
use crate::validate::ifname;

/// Whether a network interface `name` exists in this network namespace.
pub fn exists(name: &str) -> bool {
    let Ok(c) = CString::new(name) else {
        return false;
    };
    // SAFETY: `c` is a valid NUL-terminated string for the duration of the call.
    unsafe { libc::if_nametoindex(c.as_ptr()) != 0 }
}

fn write_sysctl(path: &str, value: &str) -> VirResult<()> {
    std::fs::write(path, value).map_err(|e| system(format!("cannot write {path}: {e}")))
}

/// Creates and configures the bridge for `def` (`networkStartNetworkVirtual`'s host part).
pub async fn create_bridge(def: &NetworkDef, bridge: &str, mac: &str) -> VirResult<()> {
    ifname(bridge)?;
    crate::validate::mac(mac)?;
    let delay = (def.delay.min(30) * 100).to_string();
    let stp = if def.stp { "1" } else { "0" };
    run(
        "ip",
        &[
            "link",
            "add",
            "name",
            bridge,
            "type",
            "bridge",
            "stp_state",
            stp,
            "forward_delay",
            &delay,
        ],
        None,
    )
    .await?;
    run("ip", &["link", "set", "dev", bridge, "address", mac], None).await?;
    if let Some(m) = def.mtu {
        run(
            "ip",
            &["link", "set", "dev", bridge, "mtu", &m.to_string()],
            None,
        )
        .await?;
    }
    let has_v6 = def
        .ips
        .iter()
        .filter_map(|i| IpNet::from_def(i).ok())
        .any(|n| !n.is_v4());
    if has_v6 {
        let base = format!("/proc/sys/net/ipv6/conf/{bridge}");
        write_sysctl(&format!("{base}/disable_ipv6"), "0")?;
        write_sysctl(&format!("{base}/accept_ra"), "0")?;
        write_sysctl(&format!("{base}/autoconf"), "0")?;
    }
    for ip in &def.ips {
        let n = IpNet::from_def(ip)?;
        let a = format!("{}/{}", n.addr, n.prefix);
        let mut args = vec!["addr", "add", a.as_str(), "dev", bridge];
        if !n.is_v4() {
            args.push("nodad");
        }
        run("ip", &args, None).await?;
    }
    run("ip", &["link", "set", "dev", bridge, "up"], None).await?;
    for r in &def.routes {
        let (Some(addr), Some(gw)) = (r.address.as_deref(), r.gateway.as_deref()) else {
            continue;
        };
        let dst = IpNet::from_def(&rvirt_conf::network::IpDef {
            address: Some(addr.to_string()),
            netmask: r.netmask.clone(),
            prefix: r.prefix,
            ..Default::default()
        })?;
        let gw: std::net::IpAddr = gw
            .parse()
            .map_err(|_| crate::errors::unsupported("invalid route gateway"))?;
        let dst = dst.cidr();
        let gw = gw.to_string();
        let metric = r.metric.unwrap_or(1).to_string();
        run(
            "ip",
            &[
                "route", "add", &dst, "via", &gw, "dev", bridge, "metric", &metric,
            ],
            None,
        )
        .await?;
    }
    Ok(())
}

/// Enables IP forwarding for routed/NAT networks (as libvirt does on start).
pub fn enable_forwarding(def: &NetworkDef) -> VirResult<()> {
    let mut v4 = false;
    let mut v6 = false;
    for n in def.ips.iter().filter_map(|i| IpNet::from_def(i).ok()) {
        if n.is_v4() {
            v4 = true;
        } else {
            v6 = true;
        }
    }
    if v4 {
        write_sysctl("/proc/sys/net/ipv4/ip_forward", "1")?;
    }
    if v6 {
        write_sysctl("/proc/sys/net/ipv6/conf/all/forwarding", "1")?;
    }
    Ok(())
}

/// Removes a bridge (`ip link del`); a missing bridge is not an error.
pub async fn delete_bridge(bridge: &str) -> VirResult<()> {
    ifname(bridge)?;
    if !exists(bridge) {
        return Ok(());
    }
    run("ip", &["link", "del", "dev", bridge], None).await?;
    Ok(())
}
