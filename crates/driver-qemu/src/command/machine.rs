//! Machine-level arguments: `-name`, `-machine`, `-accel`, `-cpu`, `-m`, `-smp`, `-uuid`,
//! the monitor, `-rtc`, `-boot`, direct kernel boot.

use super::context::BuildContext;
use super::util::{qemu_escape, unsupported};
use rvirt_conf::domain::DomainDef;
use rvirt_core::error::VirResult;

/// Arguments up to and including the monitor.
pub fn head_args(def: &DomainDef, ctx: &BuildContext, monitor: &str) -> VirResult<Vec<String>> {
    let mut a = Vec::new();
    let mut push = |k: &str, v: String| {
        a.push(k.to_string());
        a.push(v);
    };
    push(
        "-name",
        format!("guest={},debug-threads=on", qemu_escape(&def.name)),
    );
    let machine = def
        .os_machine
        .clone()
        .or_else(|| ctx.caps.canonical_machine(None))
        .unwrap_or_else(|| "pc".into());
    push("-machine", format!("{machine},usb=off,dump-guest-core=off"));
    let accel = match def.virt_type.as_str() {
        "qemu" => "tcg",
        "kvm" if ctx.caps.kvm_usable => "kvm",
        "kvm" => {
            return Err(unsupported(
                "domain type 'kvm' is not supported by this host (KVM is not usable)",
            ))
        }
        other => {
            return Err(unsupported(format!(
                "emulator '{}' does not support virt type '{other}'",
                ctx.caps.binary
            )))
        }
    };
    push("-accel", accel.into());
    if let Some(cpu) = cpu_arg(def, accel) {
        push("-cpu", cpu);
    }
    push(
        "-m",
        match def.hotplug_memory {
            Some((max, slots)) => format!(
                "size={}k,slots={slots},maxmem={max}k",
                super::memory::initial_memory_kib(def)
            ),
            None => format!("size={}k", super::memory::initial_memory_kib(def)),
        },
    );
    push("-overcommit", "mem-lock=off".into());
    let max = def.vcpus_max.max(1);
    let cur = match super::vcpus::boot_vcpus(def) {
        0 => max,
        n => n.min(max),
    };
    let smp = if cur < max {
        format!("{cur},maxcpus={max},sockets={max},dies=1,cores=1,threads=1")
    } else {
        format!("{max},sockets={max},dies=1,cores=1,threads=1")
    };
    push("-smp", smp);
    let mut mem = super::memory::numa_args(def);
    mem.extend(super::memory::memory_device_args(def));
    for kv in mem.chunks(2) {
        if let [k, v] = kv {
            push(k, v.clone());
        }
    }
    push("-uuid", def.uuid_string());
    a.push("-no-user-config".into());
    a.push("-nodefaults".into());
    a.push("-chardev".into());
    a.push(format!(
        "socket,id=charmonitor,path={},server=on,wait=off",
        qemu_escape(monitor)
    ));
    a.push("-mon".into());
    a.push("chardev=charmonitor,id=monitor,mode=control".into());
    let offset = def.clock.attr("offset").unwrap_or("utc");
    a.push("-rtc".into());
    a.push(match offset {
        "localtime" => "base=localtime".into(),
        _ => "base=utc".into(),
    });
    if def.on_reboot == "destroy" {
        a.push("-no-reboot".into());
    }
    a.push("-boot".into());
    a.push("strict=on".into());
    for c in &def.os_children {
        let text = c.text.clone().unwrap_or_default();
        match c.name.as_str() {
            "kernel" => {
                a.push("-kernel".into());
                a.push(text);
            }
            "initrd" => {
                a.push("-initrd".into());
                a.push(text);
            }
            "cmdline" => {
                a.push("-append".into());
                a.push(text);
            }
            _ => {}
        }
    }
    Ok(a)
}

fn cpu_arg(def: &DomainDef, accel: &str) -> Option<String> {
    let cpu = def.extra.iter().find(|e| e.name == "cpu")?;
    match cpu.attr("mode") {
        Some("host-passthrough") | Some("host-model") if accel == "kvm" => Some("host".into()),
        Some("maximum") => Some("max".into()),
        _ => cpu.child("model").and_then(|m| m.text.clone()),
    }
}

/// The boot devices in order (`<os><boot dev>`).
pub fn boot_devs(def: &DomainDef) -> Vec<String> {
    def.os_children
        .iter()
        .filter(|c| c.name == "boot")
        .filter_map(|c| c.attr("dev").map(str::to_string))
        .collect()
}
