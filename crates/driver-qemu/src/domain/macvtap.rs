//! `<interface type='direct'>` (`qemuInterfaceDirectConnect` / `virNetDevMacVLanCreate`):
//! a macvtap device (`macvtapN`) on the `<source dev>` parent carrying the guest's MAC,
//! whose character device `/dev/tapIFINDEX` is opened by the driver and inherited by QEMU
//! as `-netdev tap,fd=N`.

use super::nics::run_ip;
use rvirt_conf::domain::DomainDef;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use std::os::fd::{AsRawFd, OwnedFd, RawFd};

/// The fd number QEMU inherits the macvtap of interface `index` on (`-netdev
/// tap,fd=TAP_FD_BASE+index`).
pub const TAP_FD_BASE: i32 = 100;

fn err(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::InternalError, ErrorDomain::Qemu, detail)
}

/// libvirt's `<source mode>` → the kernel's macvtap mode (default `vepa`).
pub(crate) fn kernel_mode(mode: Option<&str>) -> VirResult<&'static str> {
    Ok(match mode.unwrap_or("vepa") {
        "vepa" => "vepa",
        "bridge" => "bridge",
        "private" => "private",
        "passthrough" => "passthru",
        other => {
            return Err(VirError::new(
                ErrorCode::ConfigUnsupported,
                ErrorDomain::Domain,
                format!("Unknown source mode '{other}'"),
            ))
        }
    })
}

fn exists(name: &str) -> bool {
    std::path::Path::new("/sys/class/net").join(name).exists()
}

/// Creates and brings up a macvtap on `parent` with the guest's `mac`; returns its name
/// (`wanted` when the user named it, else the first free `macvtapN`).
pub(crate) fn create_macvtap(
    wanted: Option<&str>,
    parent: &str,
    mac: &str,
    mode: &str,
    mtu: Option<u32>,
) -> VirResult<String> {
    if !exists(parent) {
        return Err(err(format!(
            "Unable to create macvtap device on '{parent}': no such device"
        )));
    }
    let mut last = None;
    let candidates: Vec<String> = match wanted {
        Some(w) => vec![w.to_string()],
        None => (0..4096).map(|i| format!("macvtap{i}")).collect(),
    };
    for name in candidates {
        if exists(&name) {
            continue;
        }
        let r = run_ip(&[
            "link", "add", "link", parent, "name", &name, "address", mac, "type", "macvtap",
            "mode", mode,
        ]);
        match r {
            Ok(()) => {
                let mut up = vec!["link", "set", "dev", &name];
                let m = mtu.map(|m| m.to_string());
                if let Some(m) = &m {
                    up.extend(["mtu", m.as_str()]);
                }
                up.push("up");
                if let Err(e) = run_ip(&up) {
                    delete_macvtap(&name);
                    return Err(e);
                }
                return Ok(name);
            }
            // lost a race for the name: try the next one
            Err(_) if exists(&name) && wanted.is_none() => continue,
            Err(e) => last = Some(e),
        }
        break;
    }
    Err(last.unwrap_or_else(|| err("cannot find a free macvtap name")))
}

/// Deletes a macvtap (best effort).
pub(crate) fn delete_macvtap(name: &str) {
    if exists(name) {
        let _ = run_ip(&["link", "del", "dev", name]);
    }
}

/// Opens the macvtap's character device `/dev/tapIFINDEX` for reading and writing.
pub(crate) fn open_macvtap(name: &str) -> VirResult<OwnedFd> {
    let idx = std::fs::read_to_string(format!("/sys/class/net/{name}/ifindex"))
        .map_err(|e| err(format!("cannot read ifindex of {name}: {e}")))?;
    let path = format!("/dev/tap{}", idx.trim());
    // devtmpfs creates the node as the device appears; give a slow udev a moment
    let mut tries = 0;
    loop {
        match std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&path)
        {
            Ok(f) => return Ok(OwnedFd::from(f)),
            Err(e) if tries < 50 && e.kind() == std::io::ErrorKind::NotFound => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => return Err(err(format!("cannot open macvtap tap device '{path}': {e}"))),
        }
    }
}

/// The macvtap fds a domain's QEMU inherits: (fd number in QEMU, open fd) for each
/// `type='direct'` NIC of the (plugged) live definition, numbered as the command line
/// numbers interfaces.
pub(crate) fn direct_fds(live: &DomainDef) -> VirResult<Vec<(RawFd, OwnedFd)>> {
    let mut out = Vec::new();
    for (i, d) in live
        .devices
        .iter()
        .filter(|d| d.name == "interface")
        .enumerate()
    {
        if !crate::command::net::is_macvtap(d) {
            continue;
        }
        let name = d
            .child("target")
            .and_then(|t| t.attr("dev"))
            .ok_or_else(|| err("direct interface has no macvtap"))?;
        out.push((TAP_FD_BASE + i as i32, open_macvtap(name)?));
    }
    Ok(out)
}

/// Makes the spawned child inherit each fd of `fds` under its chosen number (dup2 in a
/// `pre_exec` hook; the new descriptors lose close-on-exec). The fds must stay open
/// until the child is spawned.
pub(crate) fn inherit_fds(cmd: &mut tokio::process::Command, fds: &[(RawFd, OwnedFd)]) {
    if fds.is_empty() {
        return;
    }
    let pairs: Vec<(RawFd, RawFd)> = fds.iter().map(|(n, f)| (*n, f.as_raw_fd())).collect();
    // SAFETY: the closure runs in the forked child before exec and only makes the
    // async-signal-safe fcntl and dup2 system calls on descriptors the parent keeps open
    // across the spawn; it allocates nothing and takes no locks.
    unsafe {
        cmd.pre_exec(move || {
            // first move every source above all targets so no dup2 clobbers a source
            let mut moved = [(-1 as RawFd, -1 as RawFd); 64];
            for (slot, (target, src)) in moved.iter_mut().zip(pairs.iter()) {
                let tmp = libc::fcntl(*src, libc::F_DUPFD_CLOEXEC, 1024);
                if tmp < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                *slot = (*target, tmp);
            }
            for (target, tmp) in moved.iter().take(pairs.len().min(64)) {
                if libc::dup2(*tmp, *target) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                libc::close(*tmp);
            }
            Ok(())
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_map_to_the_kernel_names() {
        assert_eq!(kernel_mode(None).unwrap(), "vepa");
        assert_eq!(kernel_mode(Some("passthrough")).unwrap(), "passthru");
        assert_eq!(kernel_mode(Some("bridge")).unwrap(), "bridge");
        assert!(kernel_mode(Some("bogus")).is_err());
    }

    #[test]
    fn fds_follow_the_interface_numbering() {
        let def = DomainDef::parse(
            "<domain type='qemu'><name>d</name><memory>1024</memory><os><type>hvm</type></os>\
             <devices><interface type='user'><mac address='52:54:00:00:00:01'/></interface>\
             <interface type='direct'><mac address='52:54:00:00:00:02'/>\
             <source dev='nonexistent0' mode='bridge'/></interface></devices></domain>",
            &rvirt_conf::domain::ParseOptions::default(),
        )
        .unwrap();
        // no <target dev>: the NIC was never plugged
        assert!(direct_fds(&def).is_err());
    }
}
