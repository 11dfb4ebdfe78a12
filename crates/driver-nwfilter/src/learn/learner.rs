//! `learnIPAddressThread`: one thread per port watching the port device until the guest's
//! address shows up (`CTRL_IP_LEARNING='any'`: its first ARP or IPv4 packet; `'dhcp'`: a
//! DHCPACK it receives), the binding goes away, or the device disappears.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rvirt_core::error::{ErrorCode, VirError, VirResult};

use super::frame::{learn_any, learn_dhcp};
use super::socket::{enter_netns, ifindex, PacketSocket, PACKET_OUTGOING};
use crate::errors::DOM;

/// How the address is learned (`CTRL_IP_LEARNING`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LearnMode {
    /// `any` (the default): ARP or IPv4 sent by the guest.
    Any,
    /// `dhcp`: the address a DHCP server acknowledges, from one of `servers`
    /// (`DHCPSERVER`) when not empty.
    Dhcp { servers: Vec<Ipv4Addr> },
}

/// `CTRL_IP_LEARNING` / `DHCPSERVER` of a binding's variables: `None` for `none`, libvirt's
/// error for an unknown value (`filter` names the binding's filter).
pub(crate) fn learning_mode(
    vars: &BTreeMap<String, Vec<String>>,
    filter: &str,
) -> VirResult<Option<LearnMode>> {
    let value = vars
        .get("CTRL_IP_LEARNING")
        .and_then(|v| v.first())
        .map(String::as_str)
        .unwrap_or("any");
    if value.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    if value.eq_ignore_ascii_case("any") {
        return Ok(Some(LearnMode::Any));
    }
    if value.eq_ignore_ascii_case("dhcp") {
        let mut servers = Vec::new();
        for s in vars
            .get("DHCPSERVER")
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            match s.parse::<Ipv4Addr>() {
                Ok(a) => servers.push(a),
                Err(_) => {
                    return Err(VirError::new(
                        ErrorCode::InvalidArg,
                        DOM,
                        format!("invalid DHCPSERVER address '{s}'"),
                    ))
                }
            }
        }
        return Ok(Some(LearnMode::Dhcp { servers }));
    }
    Err(VirError::new(
        ErrorCode::ParseFailed,
        DOM,
        format!("filter '{filter}' learning value '{value}' invalid."),
    ))
}

/// How long one wait for a frame lasts (the cancellation latency).
const POLL_MS: i32 = 200;
/// How often the device's existence is checked.
const DEVICE_CHECK: Duration = Duration::from_secs(1);
/// How long starting a learner waits for its socket to listen.
const READY_WAIT: Duration = Duration::from_secs(2);

/// Called once with the learned address and the learner's cancellation flag.
pub(crate) type OnLearned = Box<dyn FnOnce(Ipv4Addr, &AtomicBool) + Send>;

/// Decrements the active-learner counter when the thread ends, however it ends.
struct ActiveGuard(Arc<AtomicUsize>);

impl Drop for ActiveGuard {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A running learner; cancelling it makes its thread end within [`POLL_MS`].
pub(crate) struct Learner {
    cancel: Arc<AtomicBool>,
}

impl Learner {
    /// Starts learning on `portdev` (entered in network namespace `netns` when given, as
    /// `ip netns` names them). `on_learned` runs once on the learner's thread with the
    /// address and the cancellation flag (check it under the caller's lock). `active`
    /// counts running learner threads.
    pub(crate) fn start(
        portdev: &str,
        mac: [u8; 6],
        mode: LearnMode,
        netns: Option<&str>,
        active: &Arc<AtomicUsize>,
        on_learned: OnLearned,
    ) -> std::io::Result<Learner> {
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = cancel.clone();
        let port = portdev.to_string();
        let netns = netns.map(str::to_string);
        active.fetch_add(1, Ordering::SeqCst);
        let guard = ActiveGuard(active.clone());
        let (ready, listening) = std::sync::mpsc::channel::<()>();
        std::thread::Builder::new()
            .name(format!("nwfilter-learn-{portdev}"))
            .spawn(move || {
                let _guard = guard;
                let res = open_port(&port, netns.as_deref()).and_then(|opened| {
                    let Some((sock, index)) = opened else {
                        return Ok(None);
                    };
                    let _ = ready.send(());
                    watch(&sock, index, &port, mac, &mode, &flag)
                });
                match res {
                    Ok(Some(ip)) => on_learned(ip, &flag),
                    Ok(None) => tracing::debug!(portdev = %port, "IP address learning ended"),
                    Err(e) => {
                        tracing::warn!(portdev = %port, error = %e, "IP address learning failed")
                    }
                }
            })?;
        // listen before the caller goes on, so that no early frame of the guest is missed
        let _ = listening.recv_timeout(READY_WAIT);
        Ok(Learner { cancel })
    }

    /// Stops the learner (`virNWFilterTerminateLearnReq`).
    pub(crate) fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }
}

/// The packet socket on the port (`None` when the device does not exist).
fn open_port(port: &str, netns: Option<&str>) -> std::io::Result<Option<(PacketSocket, u32)>> {
    if let Some(ns) = netns {
        enter_netns(ns)?;
    }
    let Some(index) = ifindex(port) else {
        tracing::debug!(portdev = %port, "port device does not exist; no IP address learning");
        return Ok(None);
    };
    Ok(Some((PacketSocket::open(index)?, index)))
}

/// The capture loop: the learned address, or `None` when cancelled or the device is gone.
fn watch(
    sock: &PacketSocket,
    index: u32,
    port: &str,
    mac: [u8; 6],
    mode: &LearnMode,
    cancel: &AtomicBool,
) -> std::io::Result<Option<Ipv4Addr>> {
    let mut buf = vec![0u8; 2048];
    let mut checked = Instant::now();
    while !cancel.load(Ordering::SeqCst) {
        if checked.elapsed() >= DEVICE_CHECK {
            if ifindex(port) != Some(index) {
                return Ok(None);
            }
            checked = Instant::now();
        }
        let (len, pkttype) = match sock.recv(&mut buf, POLL_MS) {
            Ok(Some(x)) => x,
            Ok(None) => continue,
            Err(e) => {
                // ENETDOWN while the device is down, or the device went away
                tracing::debug!(portdev = %port, error = %e, "packet socket error");
                if ifindex(port) != Some(index) {
                    return Ok(None);
                }
                std::thread::sleep(Duration::from_millis(u64::from(POLL_MS.unsigned_abs())));
                continue;
            }
        };
        let frame = buf.get(..len).unwrap_or_default();
        let found = match mode {
            LearnMode::Any if pkttype != PACKET_OUTGOING => learn_any(frame, mac),
            LearnMode::Dhcp { servers } if pkttype == PACKET_OUTGOING => {
                learn_dhcp(frame, mac, servers)
            }
            _ => None,
        };
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(list: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    #[test]
    fn modes() {
        assert_eq!(
            learning_mode(&vars(&[]), "f").unwrap(),
            Some(LearnMode::Any)
        );
        let v = vars(&[("CTRL_IP_LEARNING", &["NONE"])]);
        assert_eq!(learning_mode(&v, "f").unwrap(), None);
        let v = vars(&[
            ("CTRL_IP_LEARNING", &["dhcp"]),
            ("DHCPSERVER", &["10.0.0.1", "10.0.0.2"]),
        ]);
        assert_eq!(
            learning_mode(&v, "f").unwrap(),
            Some(LearnMode::Dhcp {
                servers: vec![Ipv4Addr::new(10, 0, 0, 1), Ipv4Addr::new(10, 0, 0, 2)]
            })
        );
        let v = vars(&[
            ("CTRL_IP_LEARNING", &["dhcp"]),
            ("DHCPSERVER", &["x; drop"]),
        ]);
        assert!(learning_mode(&v, "f").is_err());
        let v = vars(&[("CTRL_IP_LEARNING", &["sometimes"])]);
        assert!(learning_mode(&v, "clean")
            .unwrap_err()
            .message
            .contains("filter 'clean' learning value 'sometimes' invalid."));
    }

    #[test]
    fn a_learner_on_a_missing_device_ends_by_itself() {
        let active = Arc::new(AtomicUsize::new(0));
        let l = Learner::start(
            "rvirt-nodev0",
            [2, 0, 0, 0, 0, 1],
            LearnMode::Any,
            None,
            &active,
            Box::new(|_, _| {}),
        )
        .unwrap();
        let start = Instant::now();
        while active.load(Ordering::SeqCst) != 0 && start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(active.load(Ordering::SeqCst), 0);
        l.cancel();
    }
}
