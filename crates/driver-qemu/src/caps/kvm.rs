//! Whether KVM really runs guests here: `/dev/kvm` may exist yet refuse ordinary guests
//! (a paravirtual KVM boots only specially built kernels), so we run a few real-mode
//! instructions under `accel=kvm` and look for their effect instead of trusting `query-kvm`.

use crate::process::ChildGuard;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

/// Exit status QEMU reports when the test code writes 0x2a to `isa-debug-exit`: (0x2a << 1) | 1.
const EXPECTED_EXIT: i32 = 85;

/// A 64 KiB firmware image whose reset vector writes 0x2a to port 0xf4 and halts.
fn test_firmware() -> Vec<u8> {
    let mut img = vec![0xf4u8; 64 * 1024];
    // mov al, 0x2a ; out 0xf4, al ; hlt ; jmp $-1
    let code = [0xb0, 0x2a, 0xe6, 0xf4, 0xf4, 0xeb, 0xfd];
    let at = img.len() - 16;
    img[at..at + code.len()].copy_from_slice(&code);
    img
}

/// A paravirtual KVM (`kvm_pvm`) runs the real-mode test below but hangs stock kernels,
/// so its presence rules KVM out for ordinary guests.
fn paravirtual_kvm() -> bool {
    Path::new("/sys/module/kvm_pvm").exists()
}

/// Runs the test firmware under KVM; true only if it ran to the expected exit and the
/// host KVM is not the paravirtual kind.
pub async fn probe_kvm_usable(binary: &Path, scratch: &Path) -> bool {
    if paravirtual_kvm() {
        return false;
    }
    let fw = scratch.join(format!("kvm-probe-{}.bin", std::process::id()));
    if std::fs::write(&fw, test_firmware()).is_err() {
        return false;
    }
    let mut cmd = tokio::process::Command::new(binary);
    cmd.args([
        "-no-user-config",
        "-nodefaults",
        "-display",
        "none",
        "-m",
        "16",
    ])
    .args(["-machine", "pc,accel=kvm"])
    .arg("-bios")
    .arg(&fw)
    .args(["-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"])
    .stdin(Stdio::null())
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .process_group(0);
    crate::process::die_with_parent(&mut cmd);
    let ok = match cmd.spawn() {
        Ok(child) => {
            let mut guard = ChildGuard::new(child);
            let status = guard.wait_timeout(Duration::from_secs(3)).await;
            guard.kill_and_reap().await;
            status.and_then(|s| s.code()) == Some(EXPECTED_EXIT)
        }
        Err(_) => false,
    };
    let _ = std::fs::remove_file(&fw);
    ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn firmware_has_reset_vector_code() {
        let fw = test_firmware();
        assert_eq!(fw.len(), 65536);
        assert_eq!(&fw[65520..65524], &[0xb0, 0x2a, 0xe6, 0xf4]);
    }

    #[tokio::test]
    async fn tcg_probe_is_honest_about_kvm() {
        let bin = Path::new("/usr/bin/qemu-system-x86_64");
        if !bin.exists() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        // The same firmware under TCG must pass: proves the test itself is sound.
        let fw = dir.path().join("fw.bin");
        std::fs::write(&fw, test_firmware()).unwrap();
        let status = tokio::process::Command::new(bin)
            .args([
                "-no-user-config",
                "-nodefaults",
                "-display",
                "none",
                "-m",
                "16",
            ])
            .args(["-machine", "pc,accel=tcg", "-bios"])
            .arg(&fw)
            .args(["-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"])
            .status()
            .await
            .unwrap();
        assert_eq!(status.code(), Some(EXPECTED_EXIT));
    }
}
