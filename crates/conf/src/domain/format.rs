//! `virDomainDefFormat`: writing a [`DomainDef`] back in libvirt's exact layout.

use super::def::{DomainDef, FormatOptions};
use super::devices::sort_devices;
use super::element::Element;
use super::uuid::format_uuid;
use crate::xml::{Attrs, XmlWriter};

fn extras(def: &DomainDef, w: &mut XmlWriter, names: &[&str]) {
    for e in def
        .extra
        .iter()
        .filter(|e| names.contains(&e.name.as_str()))
    {
        e.write(w);
    }
}

/// Formats the definition (see [`DomainDef::format`]).
pub fn format_domain(def: &DomainDef, opts: &FormatOptions) -> String {
    let mut w = XmlWriter::new();
    let id = if opts.inactive { None } else { opts.id };
    w.open(
        "domain",
        Attrs::new().add("type", &def.virt_type).opt("id", id),
    );
    w.text("name", Attrs::new(), &def.name);
    w.text("uuid", Attrs::new(), &format_uuid(&def.uuid));
    extras(def, &mut w, &["genid"]);
    w.opt_text("title", def.title.as_deref());
    w.opt_text("description", def.description.as_deref());
    if !def.metadata.is_empty() {
        w.open("metadata", Attrs::new());
        for m in &def.metadata {
            m.write_libxml(&mut w, true);
        }
        w.close("metadata");
    }
    if let Some((kib, slots)) = def.hotplug_memory {
        w.text(
            "maxMemory",
            Attrs::new().add("slots", slots).add("unit", "KiB"),
            &kib.to_string(),
        );
    }
    w.text(
        "memory",
        Attrs::new()
            .opt("dumpCore", def.memory_dump_core.as_deref())
            .add("unit", "KiB"),
        &def.max_memory_kib.to_string(),
    );
    w.text(
        "currentMemory",
        Attrs::new().add("unit", "KiB"),
        &def.current_memory_kib.to_string(),
    );
    extras(def, &mut w, &["blkiotune", "memtune", "memoryBacking"]);
    let current = (def.vcpus_current != def.vcpus_max).then_some(def.vcpus_current);
    w.text(
        "vcpu",
        Attrs::new()
            .add("placement", &def.vcpu_placement)
            .opt("cpuset", def.vcpu_cpuset.as_deref())
            .opt("current", current),
        &def.vcpus_max.to_string(),
    );
    extras(
        def,
        &mut w,
        &[
            "vcpus",
            "iothreads",
            "iothreadids",
            "cputune",
            "numatune",
            "resource",
            "sysinfo",
            "bootloader",
            "bootloader_args",
        ],
    );
    let mut os_attrs = Attrs::new();
    for (k, v) in &def.os_attrs {
        os_attrs = os_attrs.add(k, v);
    }
    w.open("os", os_attrs);
    w.text(
        "type",
        Attrs::new()
            .opt("arch", def.os_arch.as_deref())
            .opt("machine", def.os_machine.as_deref()),
        &def.os_type,
    );
    for c in &def.os_children {
        c.write(&mut w);
    }
    w.close("os");
    extras(def, &mut w, &["idmap", "features", "cpu"]);
    def.clock.write(&mut w);
    w.text("on_poweroff", Attrs::new(), &def.on_poweroff);
    w.text("on_reboot", Attrs::new(), &def.on_reboot);
    w.text("on_crash", Attrs::new(), &def.on_crash);
    w.opt_text("on_lockfailure", def.on_lockfailure.as_deref());
    extras(def, &mut w, &["pm", "perf"]);
    w.open("devices", Attrs::new());
    let mut order: Vec<&Element> = def.devices.iter().collect();
    sort_devices(&mut order);
    for d in order {
        if !opts.secure && has_secrets(d) {
            let mut d = d.clone();
            d.remove_attr("passwd");
            strip_secrets(&mut d);
            d.write(&mut w);
        } else {
            d.write(&mut w);
        }
    }
    w.close("devices");
    for e in def.extra.iter().filter(|e| e.name == "seclabel") {
        let mut e = e.clone();
        if opts.inactive {
            e.remove_children("imagelabel");
        }
        e.write(&mut w);
    }
    extras(def, &mut w, &["keywrap", "launchSecurity"]);
    w.close("domain");
    w.finish()
}

/// Whether the device carries data only printed with `VIR_DOMAIN_XML_SECURE`.
fn has_secrets(d: &Element) -> bool {
    fn cookies(e: &Element) -> bool {
        e.children.iter().any(|c| c.name == "cookies" || cookies(c))
    }
    (d.name == "graphics" && d.attr("passwd").is_some()) || cookies(d)
}

/// `<cookies>` of network disk sources are secret: only printed with `VIR_DOMAIN_XML_SECURE`.
fn strip_secrets(e: &mut Element) {
    e.remove_children("cookies");
    for c in e.children.iter_mut() {
        strip_secrets(c);
    }
}
