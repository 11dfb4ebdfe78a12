//! Shared helpers: the test guest and its XML, the driver on a temporary root, kill-on-drop
//! guards, polling, the console and the guest agent.

use rvirt_core::driver::{Connection, DomainDriver};
use rvirt_core::handle::DomainRef;
use rvirt_driver_qemu::{QemuConnection, QemuDriver, QemuOptions, QemuPaths};
use rvirt_testkit::guest::GuestImage;
use std::path::{Path, PathBuf};
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

    /// Records the QEMU PID of the running domain `dom`.
    pub fn track(&self, drv: &QemuDriver, dom: &DomainRef) {
        self.add(drv.domain_pid(dom).unwrap());
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
pub fn guest_available() -> Option<GuestImage> {
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

/// Whether real-guest tests with stock virsh can run here: [`guest_available`] and virsh.
pub fn stock_virsh_guest() -> Option<GuestImage> {
    let guest = guest_available()?;
    if std::process::Command::new("virsh")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipping: virsh not installed");
        return None;
    }
    Some(guest)
}

/// The test guest's domain XML with `devices` first in `<devices>`, then its serial
/// console and guest-agent channel.
pub fn guest_xml_devices(name: &str, g: &GuestImage, devices: &str) -> String {
    format!(
        "<domain type='qemu'><name>{name}</name><memory unit='MiB'>256</memory><vcpu>1</vcpu>\
         <os><type arch='x86_64' machine='pc'>hvm</type><kernel>{}</kernel><initrd>{}</initrd>\
         <cmdline>console=ttyS0 quiet</cmdline></os>\
         <devices>{devices}\
         <serial type='pty'><target port='0'/></serial>\
         <console type='pty'><target type='serial' port='0'/></console>\
         <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>\
         </devices></domain>",
        g.kernel.display(),
        g.initrd.display()
    )
}

/// The test guest's domain XML (one user-mode virtio NIC).
pub fn guest_xml(name: &str, g: &GuestImage) -> String {
    guest_xml_devices(
        name,
        g,
        "<interface type='user'><model type='virtio'/></interface>",
    )
}

/// [`guest_xml`] with a file disk `vda` of `format` (raw, qcow2) on `path`.
pub fn guest_xml_with_disk(name: &str, g: &GuestImage, format: &str, path: &str) -> String {
    guest_xml(name, g).replace(
        "<devices>",
        &format!(
            "<devices><disk type='file' device='disk'><driver name='qemu' type='{format}'/>\
             <source file='{path}'/><target dev='vda' bus='virtio'/></disk>"
        ),
    )
}

/// Creates a sparse file of `len` bytes.
pub fn sparse_file(path: &Path, len: u64) {
    std::fs::File::create(path).unwrap().set_len(len).unwrap();
}

/// A driver instance on its own root.
pub async fn driver_on(root: &std::path::Path) -> Arc<QemuDriver> {
    let mut o = QemuOptions::new(QemuPaths::under(root));
    o.uri = format!("qemu:///embed?root={}", root.display());
    QemuDriver::start(o).await.unwrap()
}

/// A read-write connection to `drv`.
pub fn connection(drv: &Arc<QemuDriver>) -> QemuConnection {
    QemuConnection {
        driver: drv.clone(),
        read_only: false,
    }
}

/// Everything a real-guest test of the in-process driver starts from. Fields drop in
/// order: connection, driver, QEMU processes, temporary root.
pub struct GuestEnv {
    pub conn: QemuConnection,
    pub drv: Arc<QemuDriver>,
    pub pids: PidGuard,
    pub root: tempfile::TempDir,
    pub guest: GuestImage,
}

impl GuestEnv {
    /// The test guest, a temporary root and a driver on it; None (skip) without a guest.
    pub async fn start() -> Option<GuestEnv> {
        let guest = guest_available()?;
        let root = tempfile::tempdir().unwrap();
        let pids = PidGuard::default();
        let drv = driver_on(root.path()).await;
        Some(GuestEnv {
            conn: connection(&drv),
            drv,
            pids,
            root,
            guest,
        })
    }

    /// (guest, root, QEMU guard, driver, connection) for tests that name them directly; the
    /// driver and connection are further handles on this environment's driver.
    pub fn parts(
        &self,
    ) -> (
        GuestImage,
        &tempfile::TempDir,
        &PidGuard,
        Arc<QemuDriver>,
        QemuConnection,
    ) {
        (
            self.guest.clone(),
            &self.root,
            &self.pids,
            self.drv.clone(),
            connection(&self.drv),
        )
    }

    /// Defines and starts `xml`, records its QEMU and waits for the readiness line.
    pub async fn boot(&self, xml: &str) -> DomainRef {
        let dom = self.conn.domain_define_xml(xml, 0).await.unwrap();
        let dom = self.conn.domain_create(&dom, 0).await.unwrap();
        self.pids.track(&self.drv, &dom);
        read_console_until(
            &self.conn,
            &dom,
            rvirt_testkit::guest::READY_LINE,
            Duration::from_secs(90),
        )
        .await
        .unwrap();
        dom
    }
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

/// The guest-agent socket path in a live domain XML.
pub fn agent_socket(live_xml: &str) -> PathBuf {
    let i = live_xml.find("<source mode='bind' path='").unwrap() + 26;
    PathBuf::from(live_xml[i..].split('\'').next().unwrap())
}

/// `guest-exec` of `/bin/busybox ARGV…` through the agent socket; its exit status.
pub fn agent_exec(sock: &Path, argv: &[&str]) -> i64 {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let a = rvirt_qmp::AgentClient::new(sock);
        let t = Duration::from_secs(20);
        let r = a
            .execute(
                "guest-exec",
                Some(serde_json::json!({"path": "/bin/busybox",
                    "arg": argv, "capture-output": true})),
                t,
            )
            .await
            .unwrap();
        let pid = r["pid"].as_i64().unwrap();
        let start = Instant::now();
        loop {
            let s = a
                .execute(
                    "guest-exec-status",
                    Some(serde_json::json!({ "pid": pid })),
                    t,
                )
                .await
                .unwrap();
            if s["exited"].as_bool() == Some(true) {
                return s["exitcode"].as_i64().unwrap_or(-1);
            }
            assert!(start.elapsed() < Duration::from_secs(30), "{argv:?} hangs");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    })
}

/// Debian's python3 with the libvirt module (python3-libvirt).
pub const PY: &str = "/usr/bin/python3";

/// Whether stock python3-libvirt and virsh are both installed (tests that use them as
/// clients skip, saying so, otherwise).
pub fn python_libvirt_and_virsh() -> bool {
    let py = std::process::Command::new(PY)
        .args(["-c", "import libvirt"])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !py || !std::path::Path::new("/usr/bin/virsh").exists() {
        eprintln!("skipping: {PY} with the libvirt module (python3-libvirt) or virsh missing");
        return false;
    }
    true
}
