//! One domain as the driver holds it (`virDomainObj`) and its running QEMU (`qemuDomainObjPrivate`).

use super::state::StateReason;
use rvirt_conf::domain::DomainDef;
use rvirt_core::handle::{DomainRef, Uuid};
use rvirt_qmp::{AgentClient, QmpClient, QmpEvent};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// A running QEMU process of a domain.
pub struct VmProcess {
    pub pid: i32,
    pub qmp: QmpClient,
    pub agent: Option<Arc<AgentClient>>,
    pub monitor_path: PathBuf,
    pub domain_dir: PathBuf,
    /// `destroy` asked the process to go: its exit is DESTROYED.
    pub destroying: AtomicBool,
    /// QEMU reported SHUTDOWN: its exit is a clean SHUTDOWN.
    pub got_shutdown: AtomicBool,
    /// A reboot in progress that powers down and resets instead of quitting.
    pub fake_reboot: AtomicBool,
    /// The guest agent has its port open (VSERPORT_CHANGE).
    pub agent_connected: AtomicBool,
    /// Shut-off reason and STOPPED detail to record when the process exits (save).
    pub stop_reason: std::sync::Mutex<Option<(i32, i32)>>,
    /// Set when the process has exited and the domain has been cleaned up.
    pub exited: tokio::sync::watch::Sender<bool>,
    /// An incoming migration's QMP events, subscribed before `migrate-incoming`, so the
    /// Finish phase learns for sure whether the stream switched to post-copy (even when
    /// post-copy already ended before Finish asked).
    pub incoming_events: std::sync::Mutex<Option<tokio::sync::broadcast::Receiver<QmpEvent>>>,
}

impl VmProcess {
    pub fn flag(&self, f: &AtomicBool) -> bool {
        f.load(Ordering::SeqCst)
    }

    pub fn set(&self, f: &AtomicBool, v: bool) {
        f.store(v, Ordering::SeqCst);
    }

    /// Waits until the process is gone and cleaned up.
    pub async fn wait_exited(&self) {
        let mut rx = self.exited.subscribe();
        let _ = rx.wait_for(|v| *v).await;
    }
}

/// A domain: its definitions, state and, when active, its process.
pub struct DomainObj {
    /// The persistent (or, for transient domains, the only) definition.
    pub def: DomainDef,
    /// The live definition (aliases, addresses, ports) while active.
    pub live: Option<DomainDef>,
    pub persistent: bool,
    pub autostart: bool,
    pub id: i32,
    pub state: StateReason,
    pub vm: Option<Arc<VmProcess>>,
    /// Serialises state-changing jobs on this domain.
    pub job: Arc<tokio::sync::Mutex<()>>,
    /// The async job in progress (save), as `virDomainGetJobInfo` reports it.
    pub job_progress: Option<super::jobs::JobProgress>,
    /// The last completed async job (`VIR_DOMAIN_JOB_STATS_COMPLETED`).
    pub last_job: Option<super::jobs::JobProgress>,
}

impl DomainObj {
    pub fn new(def: DomainDef, persistent: bool) -> Self {
        DomainObj {
            def,
            live: None,
            persistent,
            autostart: false,
            id: -1,
            state: StateReason::SHUTOFF,
            vm: None,
            job: Arc::new(tokio::sync::Mutex::new(())),
            job_progress: None,
            last_job: None,
        }
    }

    pub fn uuid(&self) -> Uuid {
        Uuid(self.def.uuid)
    }

    pub fn name(&self) -> &str {
        &self.def.name
    }

    /// The value handle for this domain.
    pub fn handle(&self) -> DomainRef {
        DomainRef {
            name: self.def.name.clone(),
            uuid: self.uuid(),
            id: if self.state.is_active() { self.id } else { -1 },
        }
    }

    /// The definition currently in force: live when active, else persistent.
    pub fn current_def(&self) -> &DomainDef {
        self.live.as_ref().unwrap_or(&self.def)
    }
}
