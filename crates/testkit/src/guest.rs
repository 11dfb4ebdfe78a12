//! rvirt's tiny test guest (Debian kernel + busybox initramfs with qemu-ga), built on
//! first use by `guest/build-guest.sh` and cached.
//!
//! Under TCG it prints `RVIRT-GUEST-READY` on ttyS0 a few seconds after boot, runs a shell
//! on ttyS0, answers the guest agent on `org.qemu.guest_agent.0`, takes DHCP on every NIC
//! and powers off on the ACPI power button.

use std::path::PathBuf;
use std::process::Command;
use std::sync::Mutex;

/// The line the guest prints on ttyS0 once userspace is up.
pub const READY_LINE: &str = "RVIRT-GUEST-READY";

/// Kernel and initramfs of the test guest.
#[derive(Debug, Clone)]
pub struct GuestImage {
    pub kernel: PathBuf,
    pub initrd: PathBuf,
}

static BUILD: Mutex<()> = Mutex::new(());

fn cache_dir() -> PathBuf {
    if let Ok(d) = std::env::var("RVIRT_GUEST_CACHE") {
        return PathBuf::from(d);
    }
    let base = std::env::var("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(std::env::var("HOME").unwrap_or_else(|_| "/tmp".into())).join(".cache")
        });
    base.join("rvirt/test-guest")
}

/// Builds the guest if it is not cached yet; returns its files, or why it cannot be built.
pub fn ensure_guest() -> Result<GuestImage, String> {
    let _lock = BUILD.lock().unwrap_or_else(|e| e.into_inner());
    let dir = cache_dir();
    let image = GuestImage {
        kernel: dir.join("vmlinuz"),
        initrd: dir.join("initrd.img"),
    };
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("guest/build-guest.sh");
    let stamp = dir.join("script-stamp");
    let want = std::fs::read(&script).map_err(|e| format!("{}: {e}", script.display()))?;
    let fresh = image.kernel.exists()
        && image.initrd.exists()
        && std::fs::read(&stamp).ok().as_deref() == Some(&want[..]);
    if fresh {
        return Ok(image);
    }
    let out = Command::new("bash")
        .arg(&script)
        .arg(&dir)
        .output()
        .map_err(|e| format!("cannot run build-guest.sh: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "build-guest.sh failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    std::fs::write(&stamp, &want).map_err(|e| e.to_string())?;
    Ok(image)
}
