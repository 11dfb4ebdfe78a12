//! Per-vCPU states (`<vcpus><vcpu id enabled hotpluggable/>`, libvirt's
//! `individualvcpus`) and how many vCPUs QEMU boots with (`-smp N`).

use rvirt_conf::domain::{DomainDef, Element};

/// One `<vcpus><vcpu>` entry: whether it is online and whether it may be unplugged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VcpuState {
    pub online: bool,
    pub hotpluggable: bool,
}

/// The per-vCPU states of a definition: its `<vcpus>` element, or libvirt's defaults
/// (the first `current` vCPUs online and fixed, the others offline and hotpluggable).
pub fn vcpu_states(def: &DomainDef) -> Vec<VcpuState> {
    let max = def.vcpus_max.max(1) as usize;
    let cur = if def.vcpus_current == 0 {
        max
    } else {
        def.vcpus_current as usize
    };
    let mut out: Vec<VcpuState> = (0..max)
        .map(|i| VcpuState {
            online: i < cur,
            hotpluggable: i >= cur,
        })
        .collect();
    if let Some(v) = def.extra.iter().find(|e| e.name == "vcpus") {
        for c in v.children.iter().filter(|c| c.name == "vcpu") {
            let Some(id) = c.attr("id").and_then(|i| i.parse::<usize>().ok()) else {
                continue;
            };
            if let Some(s) = out.get_mut(id) {
                s.online = c.attr("enabled") == Some("yes");
                s.hotpluggable = c.attr("hotpluggable") == Some("yes");
            }
        }
    }
    out
}

/// Writes `states` as the definition's `<vcpus>` (libvirt's `individualvcpus`, ordering
/// dropped) and sets `<vcpu current>` to the online count.
pub fn set_vcpu_states(def: &mut DomainDef, states: &[VcpuState]) {
    let yn = |b: bool| if b { "yes" } else { "no" };
    let mut v = Element::new("vcpus");
    for (i, s) in states.iter().enumerate() {
        let mut c = Element::new("vcpu");
        c.set_attr("id", i.to_string());
        c.set_attr("enabled", yn(s.online));
        c.set_attr("hotpluggable", yn(s.hotpluggable));
        v.children.push(c);
    }
    match def.extra.iter_mut().find(|e| e.name == "vcpus") {
        Some(e) => *e = v,
        None => def.extra.push(v),
    }
    let online = states.iter().filter(|s| s.online).count() as u32;
    def.vcpus_current = online;
}

/// The vCPUs QEMU starts with (`-smp N`): with `<vcpus>`, the online ones that are not
/// hotpluggable (the hotpluggable online ones are `device_add`ed before the guest runs).
pub fn boot_vcpus(def: &DomainDef) -> u32 {
    if !def.extra.iter().any(|e| e.name == "vcpus") {
        return def.vcpus_current;
    }
    let n = vcpu_states(def)
        .iter()
        .take_while(|s| s.online && !s.hotpluggable)
        .count() as u32;
    n.max(1)
}

/// With a `<vcpus>` list, marks the vCPUs QEMU has (`plugged`, by index) online and the
/// others offline (after `virDomainSetVcpusFlags` plugged or unplugged some); a vCPU that
/// came online this way is hotpluggable.
pub fn sync_vcpu_states(def: &mut DomainDef, plugged: &[bool]) {
    if !def.extra.iter().any(|e| e.name == "vcpus") {
        return;
    }
    let mut states = vcpu_states(def);
    for (s, p) in states.iter_mut().zip(plugged) {
        if *p && !s.online {
            s.hotpluggable = true;
        }
        s.online = *p;
    }
    set_vcpu_states(def, &states);
}

/// With a `<vcpus>` list, the first `n` vCPUs online and the rest offline
/// (`virDomainDefSetVcpus`).
pub fn set_online_count(def: &mut DomainDef, n: u32) {
    if !def.extra.iter().any(|e| e.name == "vcpus") {
        return;
    }
    let mut states = vcpu_states(def);
    for (i, s) in states.iter_mut().enumerate() {
        s.online = (i as u32) < n;
    }
    set_vcpu_states(def, &states);
}

/// Marks every online vCPU of a `<vcpus>` list non-hotpluggable, so that QEMU boots them
/// all (`-smp` counts the online prefix; a gap in it cannot be expressed on the command
/// line).
pub fn boot_all_online(def: &mut DomainDef) {
    if !def.extra.iter().any(|e| e.name == "vcpus") {
        return;
    }
    let mut states = vcpu_states(def);
    for s in states.iter_mut().filter(|s| s.online) {
        s.hotpluggable = false;
    }
    set_vcpu_states(def, &states);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_follow_the_list() {
        let mut d = DomainDef {
            vcpus_max: 3,
            vcpus_current: 1,
            ..Default::default()
        };
        sync_vcpu_states(&mut d, &[true, true, false]);
        assert!(d.extra.is_empty(), "no list, nothing to sync");
        let states = vcpu_states(&d);
        set_vcpu_states(&mut d, &states);
        sync_vcpu_states(&mut d, &[true, false, true]);
        let st = vcpu_states(&d);
        assert!(st[2].online && st[2].hotpluggable && !st[1].online);
        assert_eq!(d.vcpus_current, 2);
        boot_all_online(&mut d);
        assert_eq!(boot_vcpus(&d), 1, "vCPU 1 is offline: only vCPU 0 boots");
        set_online_count(&mut d, 2);
        boot_all_online(&mut d);
        assert_eq!(boot_vcpus(&d), 2);
        let st = vcpu_states(&d);
        assert!(st[1].online && !st[2].online);
        assert_eq!(d.vcpus_current, 2);
    }
}
