//! nft rules for rvirt's `<rvirt:portforward>` extension: DNAT from a host port to a guest.
//!
//! Only forward modes `nat` and `route` get them. Three places in the network's table:
//! - `guest_forward` (filter): accept the DNATed flow towards the guest, before the rejects;
//! - `guest_portfwd` (nat prerouting, dstnat): traffic arriving for one of the host's own
//!   addresses (`fib daddr type local`) on the host port is rewritten to guest `address:port`;
//! - `guest_portfwd_local` (nat output, -100): the same for connections made on the host
//!   itself (not to 127.0.0.0/8, which the kernel will not route to a guest);
//! - `guest_portfwd_hairpin` (nat postrouting, srcnat): a guest reaching a forward through the
//!   host's address is masqueraded, so the reply comes back through the host. Matched on
//!   addresses, not interfaces: with `br_netfilter` the DNATed frame may be bridged.

use std::fmt::Write as _;
use std::net::IpAddr;

use rvirt_conf::network::{ForwardMode, NetworkDef, PortForward};
use rvirt_core::error::VirResult;

use crate::addr::IpNet;
use crate::errors::unsupported;

/// The port forwards that get rules (none unless the mode is `nat` or `route`), checked again
/// here because a definition can be built without the XML parser.
pub fn active(def: &NetworkDef, nets: &[IpNet]) -> VirResult<Vec<PortForward>> {
    if !matches!(def.forward.mode, ForwardMode::Nat | ForwardMode::Route) {
        return Ok(Vec::new());
    }
    for f in &def.port_forwards {
        if f.host_port == 0 || f.port == 0 {
            return Err(unsupported(format!(
                "invalid port forward port 0 in network '{}'",
                def.name
            )));
        }
        let inside = nets.iter().any(|n| {
            n.is_v4()
                && IpNet {
                    addr: IpAddr::V4(f.address),
                    prefix: n.prefix,
                }
                .network()
                    == n.network()
        });
        if !inside {
            return Err(unsupported(format!(
                "port forward address '{}' is not within an IPv4 subnet of network '{}'",
                f.address, def.name
            )));
        }
    }
    Ok(def.port_forwards.clone())
}

/// Accept rules for `guest_forward` (one per forward).
pub fn forward_accepts(o: &mut String, bridge: &str, fwds: &[PortForward]) {
    for f in fwds {
        let _ = writeln!(
            o,
            "\t\toifname \"{bridge}\" ip daddr {} {} dport {} ct status dnat accept",
            f.address,
            f.proto.as_str(),
            f.port
        );
    }
}

fn dnat(f: &PortForward) -> String {
    format!(
        "{} dport {} dnat ip to {}:{}",
        f.proto.as_str(),
        f.host_port,
        f.address,
        f.port
    )
}

/// The DNAT chains (empty when there are no forwards).
pub fn chains(o: &mut String, nets: &[IpNet], fwds: &[PortForward]) {
    if fwds.is_empty() {
        return;
    }
    o.push_str(
        "\tchain guest_portfwd {\n\t\ttype nat hook prerouting priority dstnat; policy accept;\n",
    );
    for f in fwds {
        let _ = writeln!(o, "\t\tfib daddr type local {}", dnat(f));
    }
    o.push_str("\t}\n");
    o.push_str(
        "\tchain guest_portfwd_local {\n\t\ttype nat hook output priority -100; policy accept;\n",
    );
    for f in fwds {
        let _ = writeln!(
            o,
            "\t\tip daddr != 127.0.0.0/8 fib daddr type local {}",
            dnat(f)
        );
    }
    o.push_str("\t}\n");
    o.push_str(
        "\tchain guest_portfwd_hairpin {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n",
    );
    for n in nets.iter().filter(|n| n.is_v4()) {
        let c = n.cidr();
        let _ = writeln!(o, "\t\tip saddr {c} ip daddr {c} ct status dnat masquerade");
    }
    o.push_str("\t}\n");
}
