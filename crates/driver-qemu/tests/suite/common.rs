//! Shared helpers: the test guest's XML, kill-on-drop guards, polling.

use rvirt_core::driver::Connection;
use rvirt_core::handle::DomainRef;
use rvirt_driver_qemu::{QemuDriver, QemuOptions, QemuPaths};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub const QEMU: &str = "/usr/bin/qemu-system-x86_64";

/// Kills every recorded QEMU PID when dropped, so a failing test leaves nothing behind.
#[derive(Default)]
pub struct PidGuard(pub std::sync::Mutex<Vec<i32>>);

impl PidGuard {
    pub fn add(&self, pid: i32) {
        self.0.lock().unwrap().push(pid);
    }
}

impl Drop for PidGuard {
    fn drop(&mut self) {
        for pid in self.0.lock().unwrap().iter() {
            let _ = std::process::Command::new("kill")
                .args(["-9", &pid.to_string()])
                .stderr(std::process::Stdio::null())
                .status();
        }
    }
}

/// Whether real-guest tests can run here (QEMU and the test guest are available).
pub fn guest_available() -> Option<rvirt_testkit::guest::GuestImage> {
    if !std::path::Path::new(QEMU).exists() {
        eprintln!("skipping: {QEMU} not installed");
        return None;
    }
    match rvirt_testkit::guest::ensure_guest() {
        Ok(g) => Some(g),
        Err(e) => {
            eprintln!("skipping: test guest unavailable: {e}");
            None
        }
    }
}

/// The test guest's domain XML.
pub fn guest_xml(name: &str, g: &rvirt_testkit::guest::GuestImage) -> String {
    format!(
        "<domain type='qemu'><name>{name}</name><memory unit='MiB'>256</memory><vcpu>1</vcpu>\
         <os><type arch='x86_64' machine='pc'>hvm</type><kernel>{}</kernel><initrd>{}</initrd>\
         <cmdline>console=ttyS0 quiet</cmdline></os>\
         <devices><interface type='user'><model type='virtio'/></interface>\
         <serial type='pty'><target port='0'/></serial>\
         <console type='pty'><target type='serial' port='0'/></console>\
         <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>\
         </devices></domain>",
        g.kernel.display(),
        g.initrd.display()
    )
}

/// A driver instance on its own root.
pub async fn driver_on(root: &std::path::Path) -> Arc<QemuDriver> {
    let mut o = QemuOptions::new(QemuPaths::under(root));
    o.uri = format!("qemu:///embed?root={}", root.display());
    QemuDriver::start(o).await.unwrap()
}

/// Polls `f` until it returns Some or the timeout passes.
pub async fn wait_for<T, F, Fut>(timeout: Duration, mut f: F) -> Option<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let end = Instant::now() + timeout;
    loop {
        if let Some(v) = f().await {
            return Some(v);
        }
        if Instant::now() > end {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Reads the console stream until `needle` shows up (or times out); returns all output.
pub async fn read_console_until(
    conn: &dyn Connection,
    dom: &DomainRef,
    needle: &str,
    timeout: Duration,
) -> Result<String, String> {
    let mut st = conn
        .domain_open_console(dom, None, 0)
        .await
        .map_err(|e| e.message)?;
    let src = st.source.as_mut().ok_or("no source")?;
    let mut seen = String::new();
    let r = tokio::time::timeout(timeout, async {
        loop {
            match src.next_chunk().await {
                Ok(Some(rvirt_core::stream::StreamChunk::Data(b))) => {
                    seen.push_str(&String::from_utf8_lossy(&b));
                    if seen.contains(needle) {
                        return Ok(());
                    }
                }
                Ok(_) => return Err("console closed".to_string()),
                Err(e) => return Err(e.message),
            }
        }
    })
    .await;
    match r {
        Ok(Ok(())) => Ok(seen),
        Ok(Err(e)) => Err(format!("{e}; output so far: {seen}")),
        Err(_) => Err(format!("timed out; output so far: {seen}")),
    }
}
