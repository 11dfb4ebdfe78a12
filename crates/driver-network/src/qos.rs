//! QoS on a network device (`virNetDevBandwidthSet`/`Clear` in libvirt): an htb root qdisc
//! with one class (and an sfq leaf) shaping what the device sends, and an ingress qdisc
//! with a policing filter for what it receives. The command lines are a pure function of
//! the `<bandwidth>` element and are golden-tested; [`apply`] and [`clear`] run them.
//!
//! Guest taps are "swapped" (the guest's inbound is the tap's transmit side); a network's
//! bridge is shaped hierarchically (class 1:1 caps the whole network, 1:2 takes the
//! traffic without a guaranteed floor).

use rvirt_conf::network::{Bandwidth, BandwidthRate};
use rvirt_core::error::VirResult;

use crate::runner::run;

/// `tc` command lines (arguments after `tc`).
pub type TcCommands = Vec<Vec<String>>;

fn argv(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// htb's per-class quantum for `rate` (libvirt: rate in bytes over a 1500-byte MTU, ≥ 1).
fn quantum(rate: &BandwidthRate) -> String {
    let q = rate.average.unwrap_or(0).saturating_mul(1024) / 8 / 1500;
    q.max(1).to_string()
}

/// The commands that remove any QoS from `ifname` (failures are expected and ignored).
pub fn clear_commands(ifname: &str) -> TcCommands {
    vec![
        argv(&["qdisc", "del", "dev", ifname, "root"]),
        argv(&["qdisc", "del", "dev", ifname, "ingress"]),
    ]
}

/// The commands that set `bw` on `ifname` (after [`clear_commands`]).
pub fn set_commands(ifname: &str, bw: &Bandwidth, hierarchical: bool, swapped: bool) -> TcCommands {
    let (rx, tx) = if swapped {
        (bw.outbound.as_ref(), bw.inbound.as_ref())
    } else {
        (bw.inbound.as_ref(), bw.outbound.as_ref())
    };
    let mut cmds = Vec::new();
    if let Some(tx) = tx.filter(|t| t.average.unwrap_or(0) != 0) {
        let average = format!("{}kbps", tx.average.unwrap_or(0));
        let peak = tx.peak.map(|p| format!("{p}kbps"));
        let burst = tx.burst.map(|b| format!("{b}kb"));
        let default = if hierarchical { "2" } else { "1" };
        cmds.push(argv(&[
            "qdisc", "add", "dev", ifname, "root", "handle", "1:", "htb", "default", default,
        ]));
        if hierarchical {
            let ceil = peak.clone().unwrap_or_else(|| average.clone());
            let mut c = argv(&[
                "class", "add", "dev", ifname, "parent", "1:", "classid", "1:1", "htb", "rate",
                &average, "ceil", &ceil,
            ]);
            c.extend(["quantum".to_string(), quantum(tx)]);
            cmds.push(c);
        }
        let (parent, class) = if hierarchical {
            ("1:1", "1:2")
        } else {
            ("1:", "1:1")
        };
        let mut c = argv(&[
            "class", "add", "dev", ifname, "parent", parent, "classid", class, "htb", "rate",
            &average,
        ]);
        if let Some(p) = &peak {
            c.extend(["ceil".to_string(), p.clone()]);
        }
        if let Some(b) = &burst {
            c.extend(["burst".to_string(), b.clone()]);
        }
        c.extend(["quantum".to_string(), quantum(tx)]);
        cmds.push(c);
        cmds.push(argv(&[
            "qdisc", "add", "dev", ifname, "parent", class, "handle", "2:", "sfq", "perturb", "10",
        ]));
        cmds.push(argv(&[
            "filter", "add", "dev", ifname, "parent", "1:0", "protocol", "all", "prio", "1",
            "handle", "1", "fw", "flowid", "1",
        ]));
    }
    if let Some(rx) = rx {
        let avg = rx.average.unwrap_or(0);
        let average = format!("{avg}kbps");
        let burst = match rx.burst {
            Some(b) if b != 0 => format!("{b}kb"),
            _ => format!("{}kb", avg.min(u64::from(u32::MAX) / 1024)),
        };
        cmds.push(argv(&["qdisc", "add", "dev", ifname, "ingress"]));
        cmds.push(argv(&[
            "filter", "add", "dev", ifname, "parent", "ffff:", "protocol", "all", "u32", "match",
            "u32", "0", "0", "police", "rate", &average, "burst", &burst, "mtu", "64kb", "drop",
            "flowid", ":1",
        ]));
    }
    cmds
}

/// Removes QoS from `ifname` (`virNetDevBandwidthClear`).
pub async fn clear(ifname: &str) {
    for c in clear_commands(ifname) {
        let args: Vec<&str> = c.iter().map(String::as_str).collect();
        let _ = run("tc", &args, None).await;
    }
}

/// Replaces the QoS of `ifname` with `bw` (`virNetDevBandwidthSet`); `None` or an empty
/// `<bandwidth>` only clears.
pub async fn apply(
    ifname: &str,
    bw: Option<&Bandwidth>,
    hierarchical: bool,
    swapped: bool,
) -> VirResult<()> {
    clear(ifname).await;
    let Some(bw) = bw else {
        return Ok(());
    };
    for c in set_commands(ifname, bw, hierarchical, swapped) {
        let args: Vec<&str> = c.iter().map(String::as_str).collect();
        match run("tc", &args, None).await {
            Ok(_) => {}
            // The sfq leaf and the fw filter refine an htb class that already shapes:
            // a kernel without sch_sfq / cls_fw keeps the shaping (logged, not fatal).
            Err(e) if best_effort(&c) => {
                tracing::warn!("QoS on {ifname}: {}", e.message);
            }
            Err(e) => {
                clear(ifname).await;
                return Err(e);
            }
        }
    }
    Ok(())
}

/// Reads a `<bandwidth>` element given as XML text.
pub fn parse_bandwidth(xml: &str) -> VirResult<Bandwidth> {
    let doc = rvirt_conf::xml::parse_document(xml, "bandwidth", crate::errors::NET)?;
    Ok(Bandwidth::parse(doc.root_element()))
}

/// [`apply`] for a guest NIC's host device (flat class) with the NIC's `<bandwidth>` as
/// XML text: what the QEMU driver asks for through its port seam. Taps are `swapped` (the
/// guest's inbound is the tap's transmit side); macvtaps are not.
pub async fn apply_to_tap(
    ifname: &str,
    bandwidth_xml: Option<&str>,
    swapped: bool,
) -> VirResult<()> {
    let bw = bandwidth_xml.map(parse_bandwidth).transpose()?;
    apply(ifname, bw.as_ref(), false, swapped).await
}

fn best_effort(cmd: &[String]) -> bool {
    cmd.iter().any(|a| a == "sfq") || cmd.iter().any(|a| a == "fw")
}
