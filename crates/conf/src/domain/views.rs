//! Typed read-only views of `<devices>` families over the element trees, for drivers that build
//! command lines from a [`DomainDef`] (each view keeps the device [`Element`] for the rest).

use super::def::DomainDef;
use super::element::Element;

fn attr(e: Option<&Element>, name: &str) -> Option<String> {
    e.and_then(|e| e.attr(name)).map(str::to_string)
}

/// The `<address>` of a device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressView {
    /// `type` (`pci`, `drive`, `virtio-serial`, `usb`, `ccw`, `spapr-vio`, …).
    pub addr_type: String,
    /// Every other attribute in document order (`domain`, `bus`, `slot`, `function`, …).
    pub attrs: Vec<(String, String)>,
}

/// `<disk>` with the attributes a command-line builder needs.
#[derive(Debug, Clone)]
pub struct DiskView<'a> {
    pub disk_type: String,
    pub device: String,
    /// `<driver name>` / `<driver type>` (image format) / `<driver cache>`.
    pub driver_name: Option<String>,
    pub format: Option<String>,
    pub cache: Option<String>,
    /// `<source file|dev|dir|name>`; `<source protocol>` for network disks.
    pub source: Option<String>,
    pub protocol: Option<String>,
    pub target: String,
    pub bus: Option<String>,
    pub readonly: bool,
    pub shareable: bool,
    /// `<boot order>`.
    pub boot_order: Option<u32>,
    pub serial: Option<String>,
    pub alias: Option<String>,
    pub address: Option<AddressView>,
    pub element: &'a Element,
}

/// `<interface>`.
#[derive(Debug, Clone)]
pub struct InterfaceView<'a> {
    pub net_type: String,
    pub mac: Option<String>,
    /// `<source network|bridge|dev>` (whichever is set).
    pub source: Option<String>,
    pub target_dev: Option<String>,
    pub model: Option<String>,
    pub boot_order: Option<u32>,
    pub alias: Option<String>,
    pub address: Option<AddressView>,
    pub element: &'a Element,
}

/// `<serial>`, `<parallel>`, `<console>`, `<channel>`.
#[derive(Debug, Clone)]
pub struct ChardevView<'a> {
    /// Element name: `serial`, `parallel`, `console` or `channel`.
    pub kind: String,
    /// Source type (`pty`, `file`, `unix`, `tcp`, …).
    pub source_type: String,
    /// `<source path>`, `<source mode>`, `<source host>`, `<source service>`.
    pub path: Option<String>,
    pub mode: Option<String>,
    pub host: Option<String>,
    pub service: Option<String>,
    /// `<target type>` (`isa-serial`, `virtio`, `serial`, `guestfwd`, …), `name`, `port`.
    pub target_type: Option<String>,
    pub target_name: Option<String>,
    pub target_port: Option<u32>,
    pub alias: Option<String>,
    pub element: &'a Element,
}

/// `<graphics>`.
#[derive(Debug, Clone)]
pub struct GraphicsView<'a> {
    pub graphics_type: String,
    pub port: Option<i32>,
    pub autoport: bool,
    /// First `<listen>`: type and address/socket.
    pub listen_type: Option<String>,
    pub listen_address: Option<String>,
    pub socket: Option<String>,
    pub passwd: Option<String>,
    pub element: &'a Element,
}

/// `<video>`.
#[derive(Debug, Clone)]
pub struct VideoView<'a> {
    pub model: String,
    pub vram: Option<u64>,
    pub heads: Option<u32>,
    pub primary: bool,
    pub address: Option<AddressView>,
    pub element: &'a Element,
}

/// `<controller>`.
#[derive(Debug, Clone)]
pub struct ControllerView<'a> {
    pub controller_type: String,
    pub index: u32,
    pub model: Option<String>,
    pub address: Option<AddressView>,
    pub element: &'a Element,
}

/// Devices with a `model`/`type` and an address: `<memballoon>`, `<input>`, `<rng>`,
/// `<hostdev>`, `<watchdog>`, `<sound>`, … (see [`DomainDef::simple_devices`]).
#[derive(Debug, Clone)]
pub struct SimpleDeviceView<'a> {
    /// Element name.
    pub kind: String,
    /// `type` attribute (input type, hostdev type, …).
    pub dev_type: Option<String>,
    /// `model` attribute (memballoon/rng/watchdog model, …).
    pub model: Option<String>,
    /// `bus` attribute (inputs).
    pub bus: Option<String>,
    pub alias: Option<String>,
    pub address: Option<AddressView>,
    pub element: &'a Element,
}

fn address(e: &Element) -> Option<AddressView> {
    let a = e.child("address")?;
    Some(AddressView {
        addr_type: a.attr("type").unwrap_or("").to_string(),
        attrs: a
            .attrs
            .iter()
            .filter(|(k, _)| k != "type")
            .cloned()
            .collect(),
    })
}

fn alias(e: &Element) -> Option<String> {
    attr(e.child("alias"), "name")
}

fn boot_order(e: &Element) -> Option<u32> {
    e.child("boot")
        .and_then(|b| b.attr("order"))
        .and_then(|o| o.parse().ok())
}

impl DomainDef {
    fn family<'a>(&'a self, names: &'a [&'a str]) -> impl Iterator<Item = &'a Element> + 'a {
        self.devices
            .iter()
            .filter(move |d| names.contains(&d.name.as_str()))
    }

    /// `<devices><disk>` as typed views.
    pub fn disk_views(&self) -> Vec<DiskView<'_>> {
        self.family(&["disk"])
            .map(|d| {
                let src = d.child("source");
                let drv = d.child("driver");
                DiskView {
                    disk_type: d.attr("type").unwrap_or("file").to_string(),
                    device: d.attr("device").unwrap_or("disk").to_string(),
                    driver_name: attr(drv, "name"),
                    format: attr(drv, "type"),
                    cache: attr(drv, "cache"),
                    source: src
                        .and_then(|s| {
                            s.attr("file")
                                .or(s.attr("dev"))
                                .or(s.attr("dir"))
                                .or(s.attr("name"))
                        })
                        .map(str::to_string),
                    protocol: attr(src, "protocol"),
                    target: attr(d.child("target"), "dev").unwrap_or_default(),
                    bus: attr(d.child("target"), "bus"),
                    readonly: d.child("readonly").is_some(),
                    shareable: d.child("shareable").is_some(),
                    boot_order: boot_order(d),
                    serial: d.child("serial").and_then(|s| s.text.clone()),
                    alias: alias(d),
                    address: address(d),
                    element: d,
                }
            })
            .collect()
    }

    /// `<devices><interface>` as typed views.
    pub fn interface_views(&self) -> Vec<InterfaceView<'_>> {
        self.family(&["interface"])
            .map(|d| {
                let src = d.child("source");
                InterfaceView {
                    net_type: d.attr("type").unwrap_or("").to_string(),
                    mac: attr(d.child("mac"), "address"),
                    source: src
                        .and_then(|s| s.attr("network").or(s.attr("bridge")).or(s.attr("dev")))
                        .map(str::to_string),
                    target_dev: attr(d.child("target"), "dev"),
                    model: attr(d.child("model"), "type"),
                    boot_order: boot_order(d),
                    alias: alias(d),
                    address: address(d),
                    element: d,
                }
            })
            .collect()
    }

    /// `<serial>`, `<parallel>`, `<console>` and `<channel>` devices, in document order.
    pub fn chardev_views(&self) -> Vec<ChardevView<'_>> {
        self.family(&["serial", "parallel", "console", "channel"])
            .map(|d| {
                let src = d.child("source");
                let tgt = d.child("target");
                ChardevView {
                    kind: d.name.clone(),
                    source_type: d.attr("type").unwrap_or("pty").to_string(),
                    path: attr(src, "path"),
                    mode: attr(src, "mode"),
                    host: attr(src, "host"),
                    service: attr(src, "service"),
                    target_type: attr(tgt, "type"),
                    target_name: attr(tgt, "name"),
                    target_port: tgt
                        .and_then(|t| t.attr("port"))
                        .and_then(|p| p.parse().ok()),
                    alias: alias(d),
                    element: d,
                }
            })
            .collect()
    }

    /// `<devices><graphics>` as typed views.
    pub fn graphics_views(&self) -> Vec<GraphicsView<'_>> {
        self.family(&["graphics"])
            .map(|d| {
                let l = d.child("listen");
                GraphicsView {
                    graphics_type: d.attr("type").unwrap_or("").to_string(),
                    port: d.attr("port").and_then(|p| p.parse().ok()),
                    autoport: d.attr("autoport") == Some("yes"),
                    listen_type: attr(l, "type"),
                    listen_address: attr(l, "address").or_else(|| attr(Some(d), "listen")),
                    socket: attr(l, "socket").or_else(|| attr(Some(d), "socket")),
                    passwd: attr(Some(d), "passwd"),
                    element: d,
                }
            })
            .collect()
    }

    /// `<devices><video>` as typed views.
    pub fn video_views(&self) -> Vec<VideoView<'_>> {
        self.family(&["video"])
            .map(|d| {
                let m = d.child("model");
                VideoView {
                    model: attr(m, "type").unwrap_or_default(),
                    vram: m.and_then(|m| m.attr("vram")).and_then(|v| v.parse().ok()),
                    heads: m.and_then(|m| m.attr("heads")).and_then(|v| v.parse().ok()),
                    primary: m.and_then(|m| m.attr("primary")) == Some("yes"),
                    address: address(d),
                    element: d,
                }
            })
            .collect()
    }

    /// `<devices><controller>` as typed views.
    pub fn controller_views(&self) -> Vec<ControllerView<'_>> {
        self.family(&["controller"])
            .map(|d| ControllerView {
                controller_type: d.attr("type").unwrap_or("").to_string(),
                index: d.attr("index").and_then(|i| i.parse().ok()).unwrap_or(0),
                model: attr(Some(d), "model"),
                address: address(d),
                element: d,
            })
            .collect()
    }

    /// Devices of one simple family (`memballoon`, `input`, `rng`, `hostdev`, `watchdog`,
    /// `sound`, `tpm`, `panic`, …) as typed views.
    pub fn simple_devices(&self, kind: &str) -> Vec<SimpleDeviceView<'_>> {
        self.devices
            .iter()
            .filter(|d| d.name == kind)
            .map(|d| SimpleDeviceView {
                kind: d.name.clone(),
                dev_type: attr(Some(d), "type"),
                model: attr(Some(d), "model"),
                bus: attr(Some(d), "bus"),
                alias: alias(d),
                address: address(d),
                element: d,
            })
            .collect()
    }

    /// `<devices><memballoon>` (libvirt keeps at most one).
    pub fn memballoon(&self) -> Option<SimpleDeviceView<'_>> {
        self.simple_devices("memballoon").into_iter().next()
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::{DomainDef, ParseOptions};

    #[test]
    fn typed_views() {
        let xml = "<domain type='kvm'><name>v</name><memory>1024</memory><os><type>hvm</type></os>\
            <devices><disk type='file' device='disk'><driver name='qemu' type='qcow2'/>\
            <source file='/i.qcow2'/><target dev='vda' bus='virtio'/><boot order='1'/></disk>\
            <interface type='network'><source network='default'/><model type='virtio'/></interface>\
            <serial type='pty'><target port='0'/></serial><graphics type='vnc' port='5901'/>\
            <controller type='pci' index='0' model='pci-root'/><memballoon model='virtio'/>\
            <input type='tablet' bus='usb'/><rng model='virtio'><backend model='random'/></rng>\
            </devices></domain>";
        let d = DomainDef::parse(xml, &ParseOptions::default()).unwrap();
        let disk = &d.disk_views()[0];
        assert_eq!(disk.format.as_deref(), Some("qcow2"));
        assert_eq!(
            (disk.boot_order, disk.bus.as_deref()),
            (Some(1), Some("virtio"))
        );
        assert_eq!(d.interface_views()[0].source.as_deref(), Some("default"));
        let ch = d.chardev_views();
        assert!(ch
            .iter()
            .any(|c| c.kind == "serial" && c.target_port == Some(0)));
        assert!(ch.iter().any(|c| c.kind == "console"));
        assert_eq!(d.graphics_views()[0].port, Some(5901));
        assert_eq!(d.video_views()[0].model, "cirrus");
        assert!(d
            .controller_views()
            .iter()
            .any(|c| c.model.as_deref() == Some("pci-root")));
        assert_eq!(d.memballoon().unwrap().model.as_deref(), Some("virtio"));
        assert_eq!(d.simple_devices("input")[0].bus.as_deref(), Some("usb"));
        assert_eq!(d.simple_devices("rng").len(), 1);
    }
}
