//! The driver object: object table, start/stop of networks on the host, re-adoption.

use std::path::PathBuf;
use std::sync::Arc;

use rvirt_conf::network::{ForwardMode, NetworkDef, NetworkFormatOptions};
use rvirt_core::error::{ErrorCode, VirError, VirResult};
use rvirt_core::event::{Event, EventBus, NetworkEventKind};
use rvirt_core::handle::NetworkRef;
use tokio::sync::{Mutex, MutexGuard};

use crate::dnsmasq::{self, DnsmasqFiles};
use crate::errors::{internal, invalid_op, no_network_name, no_network_ref, NET};
use crate::files::{self, write_atomic};
use crate::netdev;
use crate::nft;
use crate::objects::NetObj;
use crate::runner::run;

/// Where the driver keeps its files (rvirtd `--root DIR` roots them all under DIR).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkPaths {
    /// Persistent network XML (`/etc/libvirt/qemu/networks`).
    pub config_dir: PathBuf,
    /// Autostart links (`/etc/libvirt/qemu/networks/autostart`).
    pub autostart_dir: PathBuf,
    /// Live state: running XML and dnsmasq pid files (`/run/libvirt/network`).
    pub state_dir: PathBuf,
    /// dnsmasq configs and lease files (`/var/lib/libvirt/dnsmasq`).
    pub lib_dir: PathBuf,
}

/// `virNetworkEventLifecycleType`.
pub(crate) mod ev {
    pub const DEFINED: i32 = 0;
    pub const UNDEFINED: i32 = 1;
    pub const STARTED: i32 = 2;
    pub const STOPPED: i32 = 3;
}

/// libvirt's network driver (`bridge_driver.c`): one per daemon, shared by connections.
pub struct NetworkDriverImpl {
    pub(crate) paths: NetworkPaths,
    pub(crate) events: EventBus,
    pub(crate) nets: Mutex<Vec<NetObj>>,
}

pub(crate) type Nets<'a> = MutexGuard<'a, Vec<NetObj>>;

pub(crate) fn find(nets: &[NetObj], r: &NetworkRef) -> VirResult<usize> {
    nets.iter()
        .position(|n| n.def.uuid == r.uuid.0)
        .ok_or_else(|| no_network_ref(&r.uuid, &r.name))
}

pub(crate) fn find_name(nets: &[NetObj], name: &str) -> VirResult<usize> {
    nets.iter()
        .position(|n| n.def.name == name)
        .ok_or_else(|| no_network_name(name))
}

fn random_mac() -> String {
    let b: [u8; 3] = rand::random();
    format!("52:54:00:{:02x}:{:02x}:{:02x}", b[0], b[1], b[2])
}

fn mac_string(m: &[u8; 6]) -> String {
    m.iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

fn is_alive(pid: i32) -> bool {
    // SAFETY: signal 0 only checks for existence/permission.
    pid > 0 && unsafe { libc::kill(pid, 0) } == 0
}

impl NetworkDriverImpl {
    /// Opens the driver: loads persistent configs, re-adopts running networks recorded in the
    /// state dir (checking their bridge and dnsmasq are alive) and starts autostart networks.
    pub async fn open(paths: NetworkPaths, events: EventBus) -> VirResult<Arc<Self>> {
        for d in [
            &paths.config_dir,
            &paths.autostart_dir,
            &paths.state_dir,
            &paths.lib_dir,
        ] {
            std::fs::create_dir_all(d).map_err(|e| {
                crate::errors::system(format!("cannot create directory '{}': {e}", d.display()))
            })?;
        }
        let drv = Arc::new(NetworkDriverImpl {
            paths,
            events,
            nets: Mutex::new(Vec::new()),
        });
        drv.load().await;
        drv.autostart().await;
        Ok(drv)
    }

    async fn load(&self) {
        let mut nets = self.nets.lock().await;
        for p in files::xml_files(&self.paths.config_dir) {
            let Ok(text) = std::fs::read_to_string(&p) else {
                continue;
            };
            match NetworkDef::parse(&text) {
                Ok(def) => {
                    let mut o = NetObj::new(def);
                    o.persistent = true;
                    o.autostart = self.paths.autostart_link(&o.def.name).exists();
                    nets.push(o);
                }
                Err(e) => tracing::warn!("skipping network config {}: {e}", p.display()),
            }
        }
        for p in files::xml_files(&self.paths.state_dir) {
            let Ok(text) = std::fs::read_to_string(&p) else {
                continue;
            };
            let Ok(live) = NetworkDef::parse(&text) else {
                continue;
            };
            let idx = match nets.iter().position(|n| n.def.uuid == live.uuid) {
                Some(i) => i,
                None => {
                    nets.push(NetObj::new(live.clone()));
                    nets.len() - 1
                }
            };
            let alive = match live.bridge.as_deref() {
                Some(b) if live.forward.mode.uses_libvirt_bridge() => netdev::exists(b),
                _ => true,
            };
            let pid = std::fs::read_to_string(self.paths.pid_file(&live.name))
                .ok()
                .and_then(|s| s.trim().parse::<i32>().ok())
                .filter(|p| is_alive(*p));
            let obj = &mut nets[idx];
            if alive {
                if obj.persistent && *obj.persistent_def() != live {
                    obj.new_def = Some(obj.def.clone());
                }
                obj.def = live;
                obj.active = true;
                obj.dnsmasq_pid = pid;
                obj.ports = self.load_ports(&obj.def.name);
                if pid.is_none() && dnsmasq::wants_dnsmasq(&obj.def) {
                    match self.start_dnsmasq(&obj.def).await {
                        Ok(p) => obj.dnsmasq_pid = Some(p),
                        Err(e) => tracing::warn!("restarting dnsmasq for {}: {e}", obj.def.name),
                    }
                }
            } else {
                let def = live;
                let _ = self.teardown(&def, pid).await;
                self.clear_ports(&def.name);
                if !obj.persistent {
                    nets.remove(idx);
                }
            }
        }
    }

    async fn autostart(&self) {
        let mut nets = self.nets.lock().await;
        for i in 0..nets.len() {
            if nets[i].autostart && !nets[i].active {
                if let Err(e) = self.start_obj(&mut nets, i).await {
                    tracing::warn!("autostart of network {} failed: {e}", nets[i].def.name);
                }
            }
        }
    }

    pub(crate) fn emit(&self, net: NetworkRef, event: i32) {
        self.events.publish(Event::Network {
            net,
            kind: NetworkEventKind::Lifecycle { event, detail: 0 },
        });
    }

    /// Fills in the bridge name and MAC as libvirt does at define time, and checks the
    /// whole definition renders into safe dnsmasq/nft configs.
    pub(crate) fn prepare_def(&self, nets: &[NetObj], def: &mut NetworkDef) -> VirResult<()> {
        files::check_file_name(&def.name)?;
        let mode = def.forward.mode;
        if matches!(mode, ForwardMode::Bridge)
            && def.bridge.is_none()
            && def.forward.dev().is_none()
        {
            return Err(VirError::new(
                ErrorCode::XmlError,
                NET,
                format!(
                    "network '{}' has forward mode '{}' but no forward dev and no bridge name",
                    def.name,
                    mode.as_str()
                ),
            ));
        }
        if mode.uses_libvirt_bridge() {
            let others = |b: &str| {
                nets.iter().any(|n| {
                    n.def.uuid != def.uuid
                        && (n.def.bridge.as_deref() == Some(b)
                            || n.new_def.as_ref().and_then(|d| d.bridge.as_deref()) == Some(b))
                })
            };
            match def.bridge.clone() {
                Some(b) if !b.contains("%d") => {
                    crate::validate::ifname(&b)?;
                    if others(&b) {
                        return Err(internal(format!("bridge name '{b}' already in use.")));
                    }
                }
                tmpl => {
                    let tmpl = tmpl.unwrap_or_else(|| "virbr%d".to_string());
                    let mut found = None;
                    for i in 0..256 {
                        let cand = tmpl.replacen("%d", &i.to_string(), 1);
                        if !others(&cand) && !netdev::exists(&cand) {
                            found = Some(cand);
                            break;
                        }
                    }
                    let b = found.ok_or_else(|| {
                        internal(format!("Bridge generation exceeded max id {}", 256))
                    })?;
                    crate::validate::ifname(&b)?;
                    def.bridge = Some(b);
                }
            }
            if def.mac.is_none() {
                let m = random_mac();
                def.mac = rvirt_conf::xml::values::parse_mac(&m);
            }
            let bridge = def.bridge.clone().unwrap_or_default();
            if dnsmasq::wants_dnsmasq(def) {
                dnsmasq::dnsmasq_conf(def, &bridge, &self.dnsmasq_files(&def.name))?;
            }
            nft::ruleset(def, &bridge)?;
        } else if let Some(b) = &def.bridge {
            crate::validate::ifname(b)?;
        }
        Ok(())
    }

    pub(crate) fn dnsmasq_files(&self, name: &str) -> DnsmasqFiles {
        DnsmasqFiles {
            pid_file: self.paths.pid_file(name),
            lease_file: self.paths.lease_file(name),
        }
    }

    pub(crate) fn save_config(&self, def: &NetworkDef) -> VirResult<()> {
        let xml = def.format(&NetworkFormatOptions { inactive: true });
        write_atomic(&self.paths.config_file(&def.name), &xml)
    }

    pub(crate) fn save_state(&self, def: &NetworkDef) -> VirResult<()> {
        let xml = def.format(&NetworkFormatOptions::default());
        write_atomic(&self.paths.state_file(&def.name), &xml)
    }

    /// Writes the dnsmasq config and starts dnsmasq, returning its pid.
    pub(crate) async fn start_dnsmasq(&self, def: &NetworkDef) -> VirResult<i32> {
        let bridge = def
            .bridge
            .as_deref()
            .ok_or_else(|| internal("network has no bridge"))?;
        let files = self.dnsmasq_files(&def.name);
        let conf = dnsmasq::dnsmasq_conf(def, bridge, &files)?;
        let conf_path = self.paths.dnsmasq_conf(&def.name);
        write_atomic(&conf_path, &conf)?;
        files::remove(&files.pid_file)?;
        let arg = format!("--conf-file={}", conf_path.display());
        run("/usr/sbin/dnsmasq", &[&arg, "--user=root"], None).await?;
        let pid = std::fs::read_to_string(&files.pid_file)
            .ok()
            .and_then(|s| s.trim().parse::<i32>().ok())
            .ok_or_else(|| internal("dnsmasq did not write its pid file"))?;
        Ok(pid)
    }

    pub(crate) async fn stop_dnsmasq(&self, pid: Option<i32>) {
        let Some(pid) = pid.filter(|p| is_alive(*p)) else {
            return;
        };
        let is_dnsmasq = std::fs::read(format!("/proc/{pid}/cmdline"))
            .map(|c| String::from_utf8_lossy(&c).contains("dnsmasq"))
            .unwrap_or(false);
        if !is_dnsmasq {
            return;
        }
        // SAFETY: plain kill(2) on a pid we verified runs dnsmasq.
        unsafe { libc::kill(pid, libc::SIGTERM) };
        for _ in 0..50 {
            if !is_alive(pid) {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        // SAFETY: as above.
        unsafe { libc::kill(pid, libc::SIGKILL) };
    }

    /// Removes everything a running network put on the host (best effort).
    pub(crate) async fn teardown(&self, def: &NetworkDef, pid: Option<i32>) -> VirResult<()> {
        self.stop_dnsmasq(pid).await;
        let mut first_err = None;
        if let Some(b) = def.bridge.as_deref() {
            if def.forward.mode.uses_libvirt_bridge() {
                if nft::wants_rules(def) {
                    if let Err(e) = run("nft", &["-f", "-"], Some(&nft::delete_batch(b))).await {
                        first_err.get_or_insert(e);
                    }
                }
                if let Err(e) = netdev::delete_bridge(b).await {
                    first_err.get_or_insert(e);
                }
            }
        }
        files::remove(&self.paths.state_file(&def.name))?;
        files::remove(&self.paths.pid_file(&def.name))?;
        match first_err {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Brings network `i` up on the host (`networkStartNetwork`).
    pub(crate) async fn start_obj(&self, nets: &mut Nets<'_>, i: usize) -> VirResult<()> {
        if nets[i].active {
            return Err(invalid_op("network is already active"));
        }
        let def = nets[i].def.clone();
        let mode = def.forward.mode;
        let mut pid = None;
        if mode.uses_libvirt_bridge() {
            let bridge = def
                .bridge
                .clone()
                .ok_or_else(|| internal("network has no bridge name"))?;
            let mac = def.mac.as_ref().map(mac_string).unwrap_or_else(random_mac);
            let res = async {
                netdev::create_bridge(&def, &bridge, &mac).await?;
                if def.bandwidth.is_some() {
                    crate::qos::apply(&bridge, def.bandwidth.as_ref(), true, true).await?;
                }
                if matches!(mode, ForwardMode::Nat | ForwardMode::Route) {
                    netdev::enable_forwarding(&def)?;
                }
                if let Some(body) = nft::ruleset(&def, &bridge)? {
                    run("nft", &["-f", "-"], Some(&nft::apply_batch(&bridge, &body))).await?;
                }
                if dnsmasq::wants_dnsmasq(&def) {
                    pid = Some(self.start_dnsmasq(&def).await?);
                }
                self.save_state(&def)
            }
            .await;
            if let Err(e) = res {
                // Do not delete a bridge we did not create.
                if !e.message.contains("ip link add") {
                    let _ = self.teardown(&def, pid).await;
                }
                return Err(e);
            }
        } else {
            if mode == ForwardMode::Bridge && def.forward.dev().is_none() {
                if let Some(b) = &def.bridge {
                    if !netdev::exists(b) {
                        return Err(VirError::new(
                            ErrorCode::SystemError,
                            NET,
                            format!("Cannot get interface MTU on '{b}': No such device"),
                        ));
                    }
                }
            }
            self.save_state(&def)?;
        }
        let o = &mut nets[i];
        o.active = true;
        o.dnsmasq_pid = pid;
        let r = o.nref();
        self.emit(r, ev::STARTED);
        Ok(())
    }

    /// Takes network `i` down (`networkShutdownNetwork`); removes it when transient.
    pub(crate) async fn stop_obj(&self, nets: &mut Nets<'_>, i: usize) -> VirResult<()> {
        if !nets[i].active {
            return Err(invalid_op(format!(
                "network '{}' is not active",
                nets[i].def.name
            )));
        }
        let def = nets[i].def.clone();
        let res = self.teardown(&def, nets[i].dnsmasq_pid).await;
        let o = &mut nets[i];
        o.active = false;
        o.dnsmasq_pid = None;
        o.ports.clear();
        o.def.connections = 0;
        self.clear_ports(&def.name);
        if let Some(nd) = o.new_def.take() {
            o.def = nd;
        }
        let r = o.nref();
        if !o.persistent {
            nets.remove(i);
        }
        self.emit(r, ev::STOPPED);
        res
    }

    /// Re-renders dnsmasq's config and restarts it after a live change.
    pub(crate) async fn reload_dnsmasq(&self, nets: &mut Nets<'_>, i: usize) -> VirResult<()> {
        let def = nets[i].def.clone();
        if !dnsmasq::wants_dnsmasq(&def) {
            return Ok(());
        }
        self.stop_dnsmasq(nets[i].dnsmasq_pid).await;
        nets[i].dnsmasq_pid = None;
        let pid = self.start_dnsmasq(&def).await?;
        nets[i].dnsmasq_pid = Some(pid);
        Ok(())
    }

    /// Looks a network up by name (for callers outside the trait, e.g. the QEMU driver).
    pub async fn lookup(&self, name: &str) -> VirResult<NetworkRef> {
        let nets = self.nets.lock().await;
        let i = find_name(&nets, name)?;
        Ok(nets[i].nref())
    }
}
