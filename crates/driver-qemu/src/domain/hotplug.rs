//! Live and persistent device changes (`virDomainAttachDeviceFlags`,
//! `virDomainDetachDeviceFlags`, `virDomainDetachDeviceAlias`, `virDomainUpdateDeviceFlags`):
//! file-backed virtio-blk disks (`blockdev-add` + `device_add`), CD-ROM media
//! (`blockdev-change-medium`), and `user`/`ethernet`/`network`/`bridge` interfaces (`netdev_add`).
//! Live detach completes when QEMU reports `DEVICE_DELETED`.

use super::config::save_config;
use super::driver::{not_running, qmp_err, QemuDriver};
use super::status::save_status;
use crate::command::{assign_pci, pci_device_args, set_alias, util_alias};
use crate::conf_adapt::{is_q35, parse_domain};
use rvirt_conf::domain::{DomainDef, Element};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use serde_json::{json, Map, Value};
use std::time::Duration;

/// `virDomainModificationImpact` / `virDomainDeviceModifyFlags`.
pub const AFFECT_LIVE: u32 = 1;
pub const AFFECT_CONFIG: u32 = 2;
pub const DEVICE_MODIFY_FORCE: u32 = 4;

const T: Duration = Duration::from_secs(30);
/// How long a detach waits for the guest to release the device (libvirt: 5 s).
const UNPLUG_WAIT: Duration = Duration::from_secs(5);

fn unsupported(detail: impl Into<String>) -> VirError {
    VirError::new(
        ErrorCode::OperationUnsupported,
        ErrorDomain::Qemu,
        detail.into(),
    )
}

fn invalid(detail: impl Into<String>) -> VirError {
    VirError::operation_invalid(ErrorDomain::Qemu, detail)
}

/// Parses one `<disk>`/`<interface>`/… element with the driver's defaults.
pub fn parse_device(xml: &str) -> VirResult<Element> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| {
        VirError::new(
            ErrorCode::XmlError,
            ErrorDomain::Domain,
            format!("(device_definition):{e}"),
        )
    })?;
    let kind = doc.root_element().tag_name().name().to_string();
    let wrapped = format!(
        "<domain type='qemu'><name>device-parse</name><memory unit='GiB'>1024</memory>\
         <os><type arch='x86_64' machine='pc'>hvm</type></os><devices>{}</devices></domain>",
        xml.get(doc.root_element().range()).unwrap_or(xml)
    );
    let def = parse_domain(&wrapped, None)?;
    def.devices
        .into_iter()
        .find(|d| d.name == kind)
        .ok_or_else(|| unsupported(format!("unsupported device type '{kind}'")))
}

fn target_dev(d: &Element) -> Option<&str> {
    d.child("target").and_then(|t| t.attr("dev"))
}

fn mac(d: &Element) -> Option<&str> {
    d.child("mac").and_then(|t| t.attr("address"))
}

/// Finds the device in `devs` that `want` designates (disk by target, NIC by MAC, or alias).
fn find_device(devs: &[Element], want: &Element) -> Option<usize> {
    devs.iter().position(|d| {
        d.name == want.name
            && match want.name.as_str() {
                "disk" => target_dev(d).is_some() && target_dev(d) == target_dev(want),
                "memory" => super::memhotplug::same_dimm(d, want),
                "interface" => match mac(want) {
                    Some(m) => mac(d).is_some_and(|x| x.eq_ignore_ascii_case(m)),
                    None => util_alias(want).is_some() && util_alias(d) == util_alias(want),
                },
                _ => util_alias(want).is_some() && util_alias(d) == util_alias(want),
            }
    })
}

/// Inserts `dev` after the last device of its kind (keeps libvirt's device order).
fn insert_device(devs: &mut Vec<Element>, dev: Element) {
    match devs.iter().rposition(|d| d.name == dev.name) {
        Some(p) => devs.insert(p + 1, dev),
        None => devs.push(dev),
    }
}

/// `bus=pci.0,addr=0x5` → `{"bus": "pci.0", "addr": "0x5"}` entries.
fn pci_props(d: &Element, q35: bool, m: &mut Map<String, Value>) {
    if let Some(a) = pci_device_args(d, q35) {
        for kv in a.split(',') {
            if let Some((k, v)) = kv.split_once('=') {
                m.insert(k.to_string(), json!(v));
            }
        }
    }
}

/// Which definitions a call changes: (live, config).
fn impact(flags: u32, active: bool, persistent: bool) -> VirResult<(bool, bool)> {
    let (mut live, mut config) = (flags & AFFECT_LIVE != 0, flags & AFFECT_CONFIG != 0);
    if !live && !config {
        if active {
            live = true;
        } else {
            config = true;
        }
    }
    if live && !active {
        return Err(invalid("domain is not running"));
    }
    if config && !persistent {
        return Err(invalid(
            "transient domains do not have any persistent config",
        ));
    }
    Ok((live, config))
}

impl QemuDriver {
    pub(super) fn impact_of(&self, dom: &DomainRef, flags: u32) -> VirResult<(bool, bool)> {
        self.with_dom(dom, |o| impact(flags, o.state.is_active(), o.persistent))
    }

    pub(super) fn change_config(
        &self,
        dom: &DomainRef,
        f: impl FnOnce(&mut DomainDef) -> VirResult<()>,
    ) -> VirResult<()> {
        self.with_dom(dom, |o| {
            let mut def = o.def.clone();
            f(&mut def)?;
            save_config(&self.opts.paths, &def)?;
            o.def = def;
            Ok(())
        })
    }

    /// `virDomainAttachDeviceFlags`.
    pub(crate) async fn attach_device(
        &self,
        dom: &DomainRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            AFFECT_LIVE | AFFECT_CONFIG,
            "virDomainAttachDeviceFlags",
        )?;
        let dev = parse_device(xml)?;
        let job = self.job_of(dom)?;
        let _g = job.lock().await;
        let (live, config) = self.impact_of(dom, flags)?;
        if config {
            let d = dev.clone();
            self.change_config(dom, |def| {
                if d.name == "disk" && find_device(&def.devices, &d).is_some() {
                    return Err(invalid(format!(
                        "target {} already exists",
                        target_dev(&d).unwrap_or("?")
                    )));
                }
                insert_device(&mut def.devices, d);
                Ok(())
            })?;
        }
        if live {
            self.hotplug(dom, dev).await?;
        }
        Ok(())
    }

    async fn hotplug(&self, dom: &DomainRef, mut dev: Element) -> VirResult<()> {
        let (vm, mut live) = self.with_dom(dom, |o| {
            Ok((
                o.vm.clone().ok_or_else(not_running)?,
                o.live.clone().ok_or_else(not_running)?,
            ))
        })?;
        let q35 = is_q35(&live);
        match dev.name.as_str() {
            "memory" => return Box::pin(self.plug_memory(dom, dev)).await,
            "disk" => {
                if find_device(&live.devices, &dev).is_some() {
                    return Err(invalid(format!(
                        "target {} already exists",
                        target_dev(&dev).unwrap_or("?")
                    )));
                }
                let bus = dev
                    .child("target")
                    .and_then(|t| t.attr("bus"))
                    .unwrap_or("");
                if bus != "virtio" || dev.attr("device").unwrap_or("disk") != "disk" {
                    return Err(unsupported(format!(
                        "disk bus '{bus}' cannot be hotplugged."
                    )));
                }
                let idx = target_dev(&dev)
                    .and_then(crate::command::disk_index)
                    .ok_or_else(|| invalid("disk has no valid target"))?;
                set_alias(&mut dev, &format!("virtio-disk{idx}"));
            }
            "interface" => {
                let n = (0..)
                    .find(|n| {
                        !live
                            .devices
                            .iter()
                            .any(|d| util_alias(d) == Some(&format!("net{n}")))
                    })
                    .unwrap_or(0);
                set_alias(&mut dev, &format!("net{n}"));
            }
            other => {
                return Err(unsupported(format!(
                    "live attach of device '{other}' is not supported"
                )))
            }
        }
        // a volume disk plugs as the file/block disk it resolves to
        let volume = self.translate_volume_disk(&mut dev).await?;
        // a PCI slot from the same allocator as start-up
        let alias = util_alias(&dev).unwrap_or_default().to_string();
        insert_device(&mut live.devices, dev);
        assign_pci(&mut live, q35)?;
        let Some(dev) = live
            .devices
            .iter()
            .find(|d| util_alias(d) == Some(alias.as_str()))
            .cloned()
        else {
            return Err(VirError::internal(ErrorDomain::Qemu, "device vanished"));
        };
        let mut dev = dev;
        match dev.name.as_str() {
            "disk" => self.plug_disk(dom, &vm.qmp, &dev, &alias, q35).await?,
            _ => {
                self.plug_host_side_for(&mut dev, &live.name, live.uuid)
                    .await?;
                if let Err(e) = self.plug_nic(&vm.qmp, &dev, &alias, q35).await {
                    self.unplug_host_side(&dev);
                    return Err(e);
                }
            }
        }
        if let Some(v) = volume {
            super::volumes::restore_volume_disk(&mut dev, v);
        }
        self.with_dom(dom, |o| {
            if let Some(l) = o.live.as_mut() {
                insert_device(&mut l.devices, dev);
            }
            let _ = save_status(&self.opts.paths, o);
            Ok(())
        })
    }

    async fn plug_disk(
        &self,
        dom: &DomainRef,
        qmp: &rvirt_qmp::QmpClient,
        dev: &Element,
        alias: &str,
        q35: bool,
    ) -> VirResult<()> {
        let src = dev
            .child("source")
            .and_then(|s| s.attr("file"))
            .filter(|_| dev.attr("type").unwrap_or("file") == "file")
            .ok_or_else(|| unsupported("only file-backed disks can be hotplugged"))?;
        let fmt = dev
            .child("driver")
            .and_then(|d| d.attr("type"))
            .unwrap_or("raw");
        let readonly = dev.child("readonly").is_some();
        let n = next_node(qmp).await?;
        let (storage, format) = (
            format!("libvirt-{n}-storage"),
            format!("libvirt-{n}-format"),
        );
        // `<source fdgroup>`: the group's fds go to a new fd set (QMP `add-fd`)
        let fdset = match super::fd_associate::disk_fdgroup(dev) {
            Some(group) => Some(
                self.add_fdset(dom.uuid, qmp, group, &storage, readonly)
                    .await?,
            ),
            None => None,
        };
        let mut props = json!({"driver": "file", "filename": src, "node-name": storage,
            "auto-read-only": true, "discard": "unmap"});
        if let Some((set, ro)) = fdset {
            props["filename"] = json!(format!("/dev/fdset/{set}"));
            if let (Some(ro), Some(m)) = (ro, props.as_object_mut()) {
                m.remove("auto-read-only");
                m.insert("read-only".into(), json!(ro));
            }
        }
        let r = qmp.execute("blockdev-add", Some(props), T).await;
        if let Err(e) = r {
            if let Some((set, _)) = fdset {
                let _ = qmp
                    .execute("remove-fd", Some(json!({"fdset-id": set})), T)
                    .await;
            }
            return Err(qmp_err(e));
        }
        let r = qmp
            .execute(
                "blockdev-add",
                Some(
                    json!({"node-name": format, "read-only": readonly, "driver": fmt,
                    "file": storage}),
                ),
                T,
            )
            .await;
        if let Err(e) = r {
            let _ = qmp
                .execute("blockdev-del", Some(json!({"node-name": storage})), T)
                .await;
            return Err(qmp_err(e));
        }
        let mut m = Map::new();
        m.insert("driver".into(), json!("virtio-blk-pci"));
        pci_props(dev, q35, &mut m);
        m.insert("drive".into(), json!(format));
        m.insert("id".into(), json!(alias));
        if let Err(e) = qmp.execute("device_add", Some(Value::Object(m)), T).await {
            for node in [&format, &storage] {
                let _ = qmp
                    .execute("blockdev-del", Some(json!({"node-name": node})), T)
                    .await;
            }
            return Err(qmp_err(e));
        }
        Ok(())
    }

    async fn plug_nic(
        &self,
        qmp: &rvirt_qmp::QmpClient,
        dev: &Element,
        alias: &str,
        q35: bool,
    ) -> VirResult<()> {
        let netdev = format!("host{alias}");
        let mut nd = Map::new();
        nd.insert("id".into(), json!(netdev));
        match dev.attr("type").unwrap_or("") {
            "user" => {
                nd.insert("type".into(), json!("user"));
            }
            _ if crate::command::net::is_macvtap(dev) => {
                // the macvtap's /dev/tapN, handed over the monitor (`qemuInterfaceDirectConnect`
                // + `getfd`, as libvirt hot-plugs it); netdev_add consumes the named fd
                let fdname = format!("fd-{netdev}");
                let name =
                    target_dev(dev).ok_or_else(|| invalid("direct interface has no macvtap"))?;
                let fd = super::macvtap::open_macvtap(name)?;
                qmp.getfd(&fdname, std::os::fd::AsFd::as_fd(&fd), T)
                    .await
                    .map_err(qmp_err)?;
                nd.insert("type".into(), json!("tap"));
                nd.insert("fd".into(), json!(fdname));
            }
            "ethernet" | "network" | "bridge" => {
                nd.insert("type".into(), json!("tap"));
                if let Some(t) = target_dev(dev) {
                    nd.insert("ifname".into(), json!(t));
                }
                nd.insert("script".into(), json!("no"));
                nd.insert("downscript".into(), json!("no"));
            }
            other => {
                return Err(unsupported(format!(
                    "interface type '{other}' cannot be hotplugged"
                )))
            }
        }
        let fdname = nd.get("fd").and_then(Value::as_str).map(str::to_string);
        if let Err(e) = qmp.execute("netdev_add", Some(Value::Object(nd)), T).await {
            if let Some(f) = fdname {
                let _ = qmp.closefd(&f, T).await;
            }
            return Err(qmp_err(e));
        }
        let model = dev
            .child("model")
            .and_then(|m| m.attr("type"))
            .unwrap_or(if q35 { "e1000e" } else { "rtl8139" });
        let driver = match model {
            "virtio" => "virtio-net-pci",
            other => other,
        };
        let mut m = Map::new();
        m.insert("driver".into(), json!(driver));
        m.insert("netdev".into(), json!(netdev));
        m.insert("id".into(), json!(alias));
        if let Some(mac) = mac(dev) {
            m.insert("mac".into(), json!(mac));
        }
        pci_props(dev, q35, &mut m);
        if let Err(e) = qmp.execute("device_add", Some(Value::Object(m)), T).await {
            let _ = qmp
                .execute("netdev_del", Some(json!({"id": netdev})), T)
                .await;
            return Err(qmp_err(e));
        }
        Ok(())
    }

    /// `virDomainDetachDeviceFlags`.
    pub(crate) async fn detach_device(
        &self,
        dom: &DomainRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            AFFECT_LIVE | AFFECT_CONFIG,
            "virDomainDetachDeviceFlags",
        )?;
        let want = parse_device(xml)?;
        self.detach_matching(dom, flags, &want).await
    }

    /// `virDomainDetachDeviceAlias`.
    pub(crate) async fn detach_alias(
        &self,
        dom: &DomainRef,
        alias: &str,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            AFFECT_LIVE | AFFECT_CONFIG,
            "virDomainDetachDeviceAlias",
        )?;
        let want = self.with_dom(dom, |o| {
            o.current_def()
                .devices
                .iter()
                .find(|d| util_alias(d) == Some(alias))
                .cloned()
                .ok_or_else(|| {
                    VirError::new(
                        ErrorCode::DeviceMissing,
                        ErrorDomain::Qemu,
                        format!("no device found with alias {alias}"),
                    )
                })
        })?;
        self.detach_matching(dom, flags, &want).await
    }

    async fn detach_matching(&self, dom: &DomainRef, flags: u32, want: &Element) -> VirResult<()> {
        let job = self.job_of(dom)?;
        let _g = job.lock().await;
        let (live, config) = self.impact_of(dom, flags)?;
        let missing = || {
            VirError::new(
                ErrorCode::DeviceMissing,
                ErrorDomain::Qemu,
                match want.name.as_str() {
                    "disk" => format!("disk {} not found", target_dev(want).unwrap_or("?")),
                    other => format!("matching {other} device not found"),
                },
            )
        };
        if live && want.name == "memory" {
            Box::pin(self.unplug_memory(dom, want)).await?;
        } else if live {
            let (vm, dev) = self.with_dom(dom, |o| {
                let l = o.live.as_ref().ok_or_else(not_running)?;
                let i = find_device(&l.devices, want).ok_or_else(missing)?;
                Ok((o.vm.clone().ok_or_else(not_running)?, l.devices[i].clone()))
            })?;
            let alias = util_alias(&dev)
                .ok_or_else(|| invalid("device has no alias"))?
                .to_string();
            if !matches!(dev.name.as_str(), "disk" | "interface")
                || (dev.name == "disk"
                    && dev.child("target").and_then(|t| t.attr("bus")) != Some("virtio"))
            {
                return Err(unsupported(format!(
                    "live detach of this {} is not supported",
                    dev.name
                )));
            }
            let node = if dev.name == "disk" {
                format_node_of(&vm.qmp, &alias).await
            } else {
                None
            };
            let gone = device_del_and_wait(&vm.qmp, &alias, UNPLUG_WAIT).await?;
            if gone {
                // the monitor handler drops it from the live XML and emits DEVICE_REMOVED;
                // release the backend here
                match node {
                    Some(fmt) => {
                        let storage = fmt.replace("-format", "-storage");
                        for n in [fmt, storage.clone()] {
                            let _ = vm
                                .qmp
                                .execute("blockdev-del", Some(json!({"node-name": n})), T)
                                .await;
                        }
                        if super::fd_associate::disk_fdgroup(&dev).is_some() {
                            super::fd_associate::remove_fdsets_of(&vm.qmp, &storage).await;
                        }
                    }
                    None if dev.name == "interface" => {
                        let _ = vm
                            .qmp
                            .execute("netdev_del", Some(json!({"id": format!("host{alias}")})), T)
                            .await;
                        self.unplug_host_side(&dev);
                    }
                    None => {}
                }
                self.with_dom(dom, |o| {
                    if let Some(l) = o.live.as_mut() {
                        l.devices.retain(|d| util_alias(d) != Some(alias.as_str()));
                    }
                    let _ = save_status(&self.opts.paths, o);
                    Ok(())
                })?;
            }
        }
        if config {
            self.change_config(dom, |def| {
                let i = find_device(&def.devices, want).ok_or_else(missing)?;
                def.devices.remove(i);
                Ok(())
            })?;
        }
        Ok(())
    }

    /// `virDomainUpdateDeviceFlags`: CD-ROM/floppy media change (insert or eject), and VNC
    /// passwords (`<graphics>`, see `graphics.rs`).
    pub(crate) async fn update_device(
        &self,
        dom: &DomainRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            AFFECT_LIVE | AFFECT_CONFIG | DEVICE_MODIFY_FORCE,
            "virDomainUpdateDeviceFlags",
        )?;
        let dev = parse_device(xml)?;
        if dev.name == "graphics" {
            return self.update_graphics(dom, dev, flags).await;
        }
        let removable =
            dev.name == "disk" && matches!(dev.attr("device"), Some("cdrom") | Some("floppy"));
        if !removable {
            return Err(unsupported(format!(
                "unable to change config on '{}' device",
                dev.name
            )));
        }
        let job = self.job_of(dom)?;
        let _g = job.lock().await;
        let (live, config) = self.impact_of(dom, flags)?;
        let missing = || {
            VirError::new(
                ErrorCode::DeviceMissing,
                ErrorDomain::Qemu,
                format!("disk '{}' not found", target_dev(&dev).unwrap_or("?")),
            )
        };
        let new_src = dev.child("source").cloned();
        if live {
            let (vm, alias) = self.with_dom(dom, |o| {
                let l = o.live.as_ref().ok_or_else(not_running)?;
                let i = find_device(&l.devices, &dev).ok_or_else(missing)?;
                Ok((
                    o.vm.clone().ok_or_else(not_running)?,
                    util_alias(&l.devices[i]).unwrap_or_default().to_string(),
                ))
            })?;
            match new_src.as_ref().and_then(|s| s.attr("file")) {
                Some(file) => {
                    let fmt = dev
                        .child("driver")
                        .and_then(|d| d.attr("type"))
                        .unwrap_or("raw");
                    vm.qmp
                        .execute(
                            "blockdev-change-medium",
                            Some(json!({"id": alias, "filename": file, "format": fmt,
                                "read-only-mode": "read-only"})),
                            T,
                        )
                        .await
                        .map_err(qmp_err)?;
                }
                None => {
                    vm.qmp
                        .execute("eject", Some(json!({"id": alias, "force": true})), T)
                        .await
                        .map_err(qmp_err)?;
                }
            }
            self.with_dom(dom, |o| {
                if let Some(l) = o.live.as_mut() {
                    if let Some(i) = find_device(&l.devices, &dev) {
                        set_source(&mut l.devices[i], new_src.clone());
                    }
                }
                let _ = save_status(&self.opts.paths, o);
                Ok(())
            })?;
        }
        if config {
            self.change_config(dom, |def| {
                let i = find_device(&def.devices, &dev).ok_or_else(missing)?;
                set_source(&mut def.devices[i], new_src.clone());
                Ok(())
            })?;
        }
        Ok(())
    }
}

fn set_source(d: &mut Element, src: Option<Element>) {
    let pos = d.children.iter().position(|c| c.name == "source");
    match (pos, src) {
        (Some(p), Some(s)) => d.children[p] = s,
        (Some(p), None) => {
            d.children.remove(p);
        }
        (None, Some(s)) => {
            let at = d
                .children
                .iter()
                .position(|c| c.name == "driver")
                .map_or(0, |p| p + 1);
            d.children.insert(at, s);
        }
        (None, None) => {}
    }
}

/// A node number not used by any `libvirt-N-*` node yet.
async fn next_node(qmp: &rvirt_qmp::QmpClient) -> VirResult<u64> {
    let v = qmp
        .execute("query-named-block-nodes", None, T)
        .await
        .map_err(qmp_err)?;
    let max = v
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| n["node-name"].as_str())
        .filter_map(|n| {
            n.strip_prefix("libvirt-")?
                .split('-')
                .next()?
                .parse::<u64>()
                .ok()
        })
        .max()
        .unwrap_or(0);
    Ok(max + 1)
}

/// The format node behind the block device with qdev id `alias` (`query-block`).
async fn format_node_of(qmp: &rvirt_qmp::QmpClient, alias: &str) -> Option<String> {
    let v = qmp.execute("query-block", None, T).await.ok()?;
    v.as_array()?
        .iter()
        .find(|b| {
            b["qdev"]
                .as_str()
                .is_some_and(|q| q == alias || q.contains(&format!("/{alias}/")))
        })
        .and_then(|b| b["inserted"]["node-name"].as_str())
        .map(str::to_string)
}

/// `device_del` of `alias`, then up to `wait` for QEMU's `DEVICE_DELETED` for it
/// (`qemuDomainWaitForDeviceRemoval`): whether the guest let the device go in time.
pub(super) async fn device_del_and_wait(
    qmp: &rvirt_qmp::QmpClient,
    alias: &str,
    wait: Duration,
) -> VirResult<bool> {
    let mut events = qmp.events();
    qmp.execute("device_del", Some(json!({"id": alias})), T)
        .await
        .map_err(qmp_err)?;
    let deleted = tokio::time::timeout(wait, async {
        loop {
            match events.recv().await {
                Ok(ev)
                    if ev.event == "DEVICE_DELETED"
                        && ev.data["device"].as_str() == Some(alias) =>
                {
                    return true
                }
                Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(_) => return false,
            }
        }
    })
    .await;
    Ok(deleted.unwrap_or(false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_disk_and_finds_it_by_target() {
        let d = parse_device(
            "<disk type='file' device='disk'><source file='/x.img'/><target dev='vdb' bus='virtio'/></disk>",
        )
        .unwrap();
        assert_eq!(d.name, "disk");
        assert_eq!(target_dev(&d), Some("vdb"));
        let devs = vec![Element::new("interface"), d.clone()];
        assert_eq!(find_device(&devs, &d), Some(1));
        assert!(parse_device("<bogus/>").is_err());
    }

    #[test]
    fn impact_rules() {
        assert_eq!(impact(0, true, true).unwrap(), (true, false));
        assert_eq!(impact(0, false, true).unwrap(), (false, true));
        assert_eq!(impact(3, true, true).unwrap(), (true, true));
        assert!(impact(AFFECT_LIVE, false, true).is_err());
        assert!(impact(AFFECT_CONFIG, true, false).is_err());
    }
}
