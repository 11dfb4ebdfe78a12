//! Node-device lifecycle events for network interfaces (`VIR_NODE_DEVICE_EVENT_CREATED` /
//! `_DELETED`, which libvirt's udev backend raises on udev "add"/"remove"): an rtnetlink
//! socket subscribed to link notifications. Interfaces present when the watch starts are
//! learned from an `RTM_GETLINK` dump and raise nothing.

use std::collections::HashMap;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

use rvirt_core::event::{Event, EventBus, NodeDeviceEventKind};
use rvirt_core::handle::NodeDeviceRef;
use tokio::io::unix::AsyncFd;

use super::scan::gen_name;

const RTM_NEWLINK: u16 = 16;
const RTM_DELLINK: u16 = 17;
const RTM_GETLINK: u16 = 18;
const NLMSG_DONE: u16 = 3;
const RTMGRP_LINK: u32 = 1;
const IFLA_ADDRESS: u16 = 1;
const IFLA_IFNAME: u16 = 3;
const DUMP_SEQ: u32 = 0x7276_6972;
const NLMSG_HDR: usize = 16;
const IFINFO: usize = 16;

/// `VIR_NODE_DEVICE_EVENT_CREATED` / `_DELETED`.
const CREATED: i32 = 0;
const DELETED: i32 = 1;

/// One link message: kind, ifindex, name and MAC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkMsg {
    pub kind: u16,
    pub seq: u32,
    pub port: u32,
    pub index: i32,
    pub name: Option<String>,
    pub mac: Option<String>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_ne_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_ne_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn align4(n: usize) -> usize {
    (n + 3) & !3
}

/// Splits a datagram into link messages (others, and malformed tails, are skipped).
pub fn parse_messages(buf: &[u8]) -> Vec<LinkMsg> {
    let mut out = Vec::new();
    let mut off = 0;
    while off + NLMSG_HDR <= buf.len() {
        let Some(len) = u32_at(buf, off).map(|l| l as usize) else {
            break;
        };
        if len < NLMSG_HDR || off + len > buf.len() {
            break;
        }
        let msg = &buf[off..off + len];
        let kind = u16_at(msg, 4).unwrap_or(0);
        if (kind == RTM_NEWLINK || kind == RTM_DELLINK) && len >= NLMSG_HDR + IFINFO {
            let index = u32_at(msg, NLMSG_HDR + 4).unwrap_or(0) as i32;
            let mut m = LinkMsg {
                kind,
                seq: u32_at(msg, 8).unwrap_or(0),
                port: u32_at(msg, 12).unwrap_or(0),
                index,
                name: None,
                mac: None,
            };
            let mut a = NLMSG_HDR + IFINFO;
            while a + 4 <= msg.len() {
                let alen = u16_at(msg, a).unwrap_or(0) as usize;
                let atype = u16_at(msg, a + 2).unwrap_or(0) & 0x3fff;
                if alen < 4 || a + alen > msg.len() {
                    break;
                }
                let data = &msg[a + 4..a + alen];
                match atype {
                    IFLA_IFNAME => {
                        let s = data.split(|c| *c == 0).next().unwrap_or(&[]);
                        m.name = Some(String::from_utf8_lossy(s).into_owned());
                    }
                    IFLA_ADDRESS => {
                        m.mac = Some(
                            data.iter()
                                .map(|b| format!("{b:02x}"))
                                .collect::<Vec<_>>()
                                .join(":"),
                        );
                    }
                    _ => {}
                }
                a += align4(alen);
            }
            out.push(m);
        }
        off += align4(len);
    }
    out
}

/// The node-device name of a link (`net_IFNAME_MAC`, as the udev backend names it).
pub fn device_name(name: &str, mac: Option<&str>) -> String {
    gen_name("net", name, mac)
}

fn open_socket() -> io::Result<OwnedFd> {
    // SAFETY: plain socket(2); the fd is owned right away.
    let fd = unsafe {
        libc::socket(
            libc::AF_NETLINK,
            libc::SOCK_RAW | libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK,
            libc::NETLINK_ROUTE,
        )
    };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: fd is a fresh, valid descriptor that nothing else owns.
    let fd = unsafe { OwnedFd::from_raw_fd(fd) };
    // SAFETY: sockaddr_nl is plain data; zeroed is a valid value.
    let mut sa: libc::sockaddr_nl = unsafe { std::mem::zeroed() };
    sa.nl_family = libc::AF_NETLINK as libc::sa_family_t;
    sa.nl_groups = RTMGRP_LINK;
    // SAFETY: sa is a valid sockaddr_nl of the given size.
    let rc = unsafe {
        libc::bind(
            fd.as_raw_fd(),
            std::ptr::addr_of!(sa).cast(),
            std::mem::size_of::<libc::sockaddr_nl>() as libc::socklen_t,
        )
    };
    if rc < 0 {
        return Err(io::Error::last_os_error());
    }
    // RTM_GETLINK dump request: nlmsghdr + ifinfomsg (all zero: every family).
    let mut req = [0u8; NLMSG_HDR + IFINFO];
    let len = req.len() as u32;
    req[0..4].copy_from_slice(&len.to_ne_bytes());
    req[4..6].copy_from_slice(&RTM_GETLINK.to_ne_bytes());
    let flags = (libc::NLM_F_REQUEST | libc::NLM_F_DUMP) as u16;
    req[6..8].copy_from_slice(&flags.to_ne_bytes());
    req[8..12].copy_from_slice(&DUMP_SEQ.to_ne_bytes());
    // SAFETY: req is a valid buffer of req.len() bytes.
    let n = unsafe { libc::send(fd.as_raw_fd(), req.as_ptr().cast(), req.len(), 0) };
    if n < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(fd)
}

/// What a message means for the table of known links: an event to raise, if any.
pub fn track(known: &mut HashMap<i32, String>, m: &LinkMsg) -> Option<(String, i32)> {
    let from_dump = m.seq == DUMP_SEQ && m.port != 0;
    match m.kind {
        RTM_NEWLINK => {
            let name = device_name(m.name.as_deref()?, m.mac.as_deref());
            // A known link that changes (state, MAC, name) is the same device, as for
            // udev; its latest name is the one its deletion reports.
            let prev = known.insert(m.index, name.clone());
            (prev.is_none() && !from_dump).then_some((name, CREATED))
        }
        RTM_DELLINK => {
            let name = known
                .remove(&m.index)
                .or_else(|| Some(device_name(m.name.as_deref()?, m.mac.as_deref())))?;
            Some((name, DELETED))
        }
        _ => None,
    }
}

/// Starts watching links in the calling thread's network namespace; events go to `events`
/// until the returned task is aborted (or the runtime stops).
pub fn spawn_link_watch(events: EventBus) -> io::Result<tokio::task::JoinHandle<()>> {
    // SAFETY: the OwnedFd is the only owner of the socket and lives inside the AsyncFd.
    let fd = unsafe { AsyncFd::register(open_socket()?) }
        .map_err(|e| io::Error::other(e.to_string()))?;
    Ok(tokio::spawn(async move {
        let mut known: HashMap<i32, String> = HashMap::new();
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let Ok(mut guard) = fd.readable().await else {
                return;
            };
            let res = guard.try_io(|inner| {
                // SAFETY: buf is valid for buf.len() bytes.
                let n =
                    unsafe { libc::recv(inner.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len(), 0) };
                if n < 0 {
                    Err(io::Error::last_os_error())
                } else {
                    Ok(n as usize)
                }
            });
            let n = match res {
                Ok(Ok(n)) => n,
                Ok(Err(e)) if e.raw_os_error() == Some(libc::ENOBUFS) => continue,
                Ok(Err(e)) => {
                    tracing::warn!("node device link watch stopped: {e}");
                    return;
                }
                Err(_would_block) => continue,
            };
            let data = buf.get(..n).unwrap_or(&[]);
            if u16_at(data, 4) == Some(NLMSG_DONE) {
                continue;
            }
            for m in parse_messages(data) {
                if let Some((name, event)) = track(&mut known, &m) {
                    events.publish(Event::NodeDevice {
                        dev: NodeDeviceRef { name },
                        kind: NodeDeviceEventKind::Lifecycle { event, detail: 0 },
                    });
                }
            }
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(kind: u16, seq: u32, port: u32, index: i32, name: &str, mac: &[u8]) -> Vec<u8> {
        let mut attrs = Vec::new();
        let mut put = |t: u16, d: &[u8]| {
            let l = (4 + d.len()) as u16;
            attrs.extend_from_slice(&l.to_ne_bytes());
            attrs.extend_from_slice(&t.to_ne_bytes());
            attrs.extend_from_slice(d);
            while attrs.len() % 4 != 0 {
                attrs.push(0);
            }
        };
        let mut n = name.as_bytes().to_vec();
        n.push(0);
        put(IFLA_IFNAME, &n);
        put(IFLA_ADDRESS, mac);
        let len = (NLMSG_HDR + IFINFO + attrs.len()) as u32;
        let mut b = Vec::new();
        b.extend_from_slice(&len.to_ne_bytes());
        b.extend_from_slice(&kind.to_ne_bytes());
        b.extend_from_slice(&0u16.to_ne_bytes());
        b.extend_from_slice(&seq.to_ne_bytes());
        b.extend_from_slice(&port.to_ne_bytes());
        b.extend_from_slice(&[0, 0, 1, 0]);
        b.extend_from_slice(&index.to_ne_bytes());
        b.extend_from_slice(&[0; 8]);
        b.extend_from_slice(&attrs);
        b
    }

    const MAC: [u8; 6] = [0x52, 0x54, 0, 0xab, 0xcd, 0xef];

    #[test]
    fn parses_link_messages() {
        let mut d = msg(RTM_NEWLINK, 0, 0, 7, "vnet3", &MAC);
        d.extend(msg(RTM_DELLINK, 0, 0, 8, "tap1", &MAC));
        let m = parse_messages(&d);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].index, 7);
        assert_eq!(m[0].name.as_deref(), Some("vnet3"));
        assert_eq!(m[0].mac.as_deref(), Some("52:54:00:ab:cd:ef"));
        assert_eq!(m[1].kind, RTM_DELLINK);
        assert!(parse_messages(&d[..20]).is_empty());
    }

    #[test]
    fn dump_is_silent_new_and_gone_raise_events() {
        let mut known = HashMap::new();
        let dump = &parse_messages(&msg(RTM_NEWLINK, DUMP_SEQ, 99, 1, "lo", &[0; 6]))[0];
        assert_eq!(track(&mut known, dump), None);
        let new = &parse_messages(&msg(RTM_NEWLINK, 0, 0, 7, "vnet3", &MAC))[0];
        let name = "net_vnet3_52_54_00_ab_cd_ef".to_string();
        assert_eq!(track(&mut known, new), Some((name.clone(), CREATED)));
        // A state change of a known link is not a new device.
        assert_eq!(track(&mut known, new), None);
        // Nor is a MAC change; the deletion reports the latest name.
        let moved = &parse_messages(&msg(RTM_NEWLINK, 0, 0, 7, "vnet3", &[0xfe; 6]))[0];
        assert_eq!(track(&mut known, moved), None);
        let gone = &parse_messages(&msg(RTM_DELLINK, 0, 0, 7, "vnet3", &MAC))[0];
        let fe = "net_vnet3_fe_fe_fe_fe_fe_fe".to_string();
        assert_eq!(track(&mut known, gone), Some((fe, DELETED)));
        assert_eq!(name, "net_vnet3_52_54_00_ab_cd_ef");
    }
}
