//! Per-device block I/O tuning (`<blkiotune><device>`, `virsh blkiotune --device-*`): the
//! API's `path,value,…` strings, the XML entries, and the cgroup file lines
//! (`MAJ:MIN value` in v1's `blkio.*_device`, `MAJ:MIN rbps=…` in v2's `io.max`).

use rvirt_conf::domain::Element;
use std::io;
use std::path::Path;

/// One per-device setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DevKnob {
    /// `device_weight` / `<weight>`.
    Weight,
    /// `device_read_iops_sec` / `<read_iops_sec>`.
    ReadIops,
    /// `device_write_iops_sec` / `<write_iops_sec>`.
    WriteIops,
    /// `device_read_bytes_sec` / `<read_bytes_sec>`.
    ReadBps,
    /// `device_write_bytes_sec` / `<write_bytes_sec>`.
    WriteBps,
}

impl DevKnob {
    /// All settings, in libvirt's parameter and XML order.
    pub const ALL: [DevKnob; 5] = [
        DevKnob::Weight,
        DevKnob::ReadIops,
        DevKnob::WriteIops,
        DevKnob::ReadBps,
        DevKnob::WriteBps,
    ];

    /// The typed-parameter name (`device_read_bytes_sec`).
    pub fn param(self) -> &'static str {
        match self {
            DevKnob::Weight => "device_weight",
            DevKnob::ReadIops => "device_read_iops_sec",
            DevKnob::WriteIops => "device_write_iops_sec",
            DevKnob::ReadBps => "device_read_bytes_sec",
            DevKnob::WriteBps => "device_write_bytes_sec",
        }
    }

    /// The setting a typed-parameter name designates.
    pub fn from_param(name: &str) -> Option<DevKnob> {
        DevKnob::ALL.into_iter().find(|k| k.param() == name)
    }

    /// The child of `<blkiotune><device>` (`read_bytes_sec`).
    pub fn element(self) -> &'static str {
        &self.param()["device_".len()..]
    }

    /// The v1 `blkio` files, preferred first.
    pub fn v1_files(self) -> &'static [&'static str] {
        match self {
            DevKnob::Weight => &["blkio.bfq.weight_device", "blkio.weight_device"],
            DevKnob::ReadIops => &["blkio.throttle.read_iops_device"],
            DevKnob::WriteIops => &["blkio.throttle.write_iops_device"],
            DevKnob::ReadBps => &["blkio.throttle.read_bps_device"],
            DevKnob::WriteBps => &["blkio.throttle.write_bps_device"],
        }
    }

    /// The v2 key in `io.max` (`None` for the weight, which has its own files).
    pub fn v2_key(self) -> Option<&'static str> {
        match self {
            DevKnob::Weight => None,
            DevKnob::ReadIops => Some("riops"),
            DevKnob::WriteIops => Some("wiops"),
            DevKnob::ReadBps => Some("rbps"),
            DevKnob::WriteBps => Some("wbps"),
        }
    }
}

/// `MAJ:MIN` of a block device node (`virCgroupGetBlockDevString`).
pub fn block_dev(path: &str) -> Result<String, String> {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let m = std::fs::metadata(Path::new(path)).map_err(|e| {
        let msg = e.to_string();
        let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
        format!("Unable to stat {path}: {msg}")
    })?;
    if !m.file_type().is_block_device() {
        return Err(format!("Path '{path}' must be a block device"));
    }
    let rdev = m.rdev();
    Ok(format!(
        "{}:{}",
        libc::major(rdev as libc::dev_t),
        libc::minor(rdev as libc::dev_t)
    ))
}

/// Parses a `path,value[,path,value…]` parameter (`qemuDomainParseBlkioDeviceStr`).
pub fn parse_device_param(s: &str, param: &str) -> Result<Vec<(String, u64)>, String> {
    if s.is_empty() {
        return Ok(Vec::new());
    }
    let toks: Vec<&str> = s.split(',').collect();
    if !toks.len().is_multiple_of(2) || toks.iter().step_by(2).any(|p| p.is_empty()) {
        return Err(format!("unable to parse blkio device '{s}' '{param}'"));
    }
    toks.chunks(2)
        .map(|c| {
            let v = c[1].parse::<u64>().map_err(|_| {
                format!(
                    "invalid value '{}' for parameter '{param}' of device '{}'",
                    c[1], c[0]
                )
            })?;
            Ok((c[0].to_string(), v))
        })
        .collect()
}

/// The value of `knob` for device `path` in a `<blkiotune>` element (0 when unset).
pub fn xml_value(blkiotune: Option<&Element>, path: &str, knob: DevKnob) -> u64 {
    blkiotune
        .into_iter()
        .flat_map(|b| b.children.iter())
        .filter(|d| d.name == "device")
        .find(|d| d.child("path").and_then(|p| p.text.as_deref()) == Some(path))
        .and_then(|d| {
            d.child(knob.element())?
                .text
                .as_deref()?
                .trim()
                .parse()
                .ok()
        })
        .unwrap_or(0)
}

/// The `path,value,…` parameter string of `knob` (devices with a non-zero value).
pub fn param_string(blkiotune: Option<&Element>, knob: DevKnob) -> String {
    let mut parts = Vec::new();
    for d in blkiotune
        .into_iter()
        .flat_map(|b| b.children.iter())
        .filter(|d| d.name == "device")
    {
        let Some(path) = d.child("path").and_then(|p| p.text.as_deref()) else {
            continue;
        };
        let v = xml_value(blkiotune, path, knob);
        if v != 0 {
            parts.push(format!("{path},{v}"));
        }
    }
    parts.join(",")
}

/// Sets `knob` of device `path` in `<blkiotune>` (`qemuDomainMergeBlkioDevice`): a new
/// `<device>` is appended, 0 removes the setting, and a device with nothing set goes.
pub fn set_xml_value(blkiotune: &mut Element, path: &str, knob: DevKnob, value: u64) {
    let pos = blkiotune.children.iter().position(|d| {
        d.name == "device" && d.child("path").and_then(|p| p.text.as_deref()) == Some(path)
    });
    let idx = match pos {
        Some(i) => i,
        None => {
            let mut d = Element::new("device");
            let mut p = Element::new("path");
            p.text = Some(path.to_string());
            d.children.push(p);
            blkiotune.children.push(d);
            blkiotune.children.len() - 1
        }
    };
    let dev = &mut blkiotune.children[idx];
    dev.remove_children(knob.element());
    if value != 0 {
        let mut c = Element::new(knob.element());
        c.text = Some(value.to_string());
        dev.children.push(c);
    }
    let mut order = vec!["path"];
    order.extend(DevKnob::ALL.iter().map(|k| k.element()));
    dev.order_children(&order);
    if dev.children.iter().all(|c| c.name == "path") {
        blkiotune.children.remove(idx);
    }
}

/// Every `(path, knob, value)` with a non-zero value in `<blkiotune>`.
pub fn xml_settings(blkiotune: Option<&Element>) -> Vec<(String, DevKnob, u64)> {
    let mut out = Vec::new();
    for d in blkiotune
        .into_iter()
        .flat_map(|b| b.children.iter())
        .filter(|d| d.name == "device")
    {
        let Some(path) = d.child("path").and_then(|p| p.text.clone()) else {
            continue;
        };
        for k in DevKnob::ALL {
            let v = xml_value(blkiotune, &path, k);
            if v != 0 {
                out.push((path.clone(), k, v));
            }
        }
    }
    out
}

/// The value for `dev` in a v1 `MAJ:MIN value` file (0 when absent).
pub fn v1_read(text: &str, dev: &str) -> u64 {
    text.lines()
        .filter_map(|l| l.split_once(char::is_whitespace))
        .find(|(d, _)| *d == dev)
        .and_then(|(_, v)| v.trim().parse().ok())
        .unwrap_or(0)
}

/// The value of `key` for `dev` in v2's `io.max` (`max` and absent are 0).
pub fn v2_read_max(text: &str, dev: &str, key: &str) -> u64 {
    text.lines()
        .find(|l| l.split_whitespace().next() == Some(dev))
        .and_then(|l| {
            l.split_whitespace()
                .filter_map(|kv| kv.split_once('='))
                .find(|(k, _)| *k == key)
                .and_then(|(_, v)| v.parse().ok())
        })
        .unwrap_or(0)
}

/// The `io.max` line setting `key` of `dev` (0 → `max`, no limit).
pub fn v2_max_line(dev: &str, key: &str, value: u64) -> String {
    if value == 0 {
        format!("{dev} {key}=max")
    } else {
        format!("{dev} {key}={value}")
    }
}

/// The `io.weight`/`io.bfq.weight` line setting the weight of `dev` (0 → `default`).
pub fn v2_weight_line(dev: &str, value: u64) -> String {
    if value == 0 {
        format!("{dev} default")
    } else {
        format!("{dev} {value}")
    }
}

/// An `Unsupported` error naming the missing cgroup file.
pub(crate) fn missing(knob: DevKnob) -> io::Error {
    io::Error::new(
        io::ErrorKind::Unsupported,
        format!("{} is not supported by this host's cgroups", knob.param()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_parse_like_libvirt() {
        assert_eq!(
            parse_device_param("/dev/sda,1000,/dev/sdb,0", "device_weight").unwrap(),
            [("/dev/sda".to_string(), 1000), ("/dev/sdb".to_string(), 0)]
        );
        assert_eq!(
            parse_device_param("/dev/sda", "device_weight").unwrap_err(),
            "unable to parse blkio device '/dev/sda' 'device_weight'"
        );
        assert_eq!(
            parse_device_param("/dev/sda,x", "device_read_bytes_sec").unwrap_err(),
            "invalid value 'x' for parameter 'device_read_bytes_sec' of device '/dev/sda'"
        );
    }

    #[test]
    fn xml_merge_and_param_strings() {
        let mut b = Element::new("blkiotune");
        set_xml_value(&mut b, "/dev/vda", DevKnob::WriteBps, 2048);
        set_xml_value(&mut b, "/dev/vda", DevKnob::Weight, 500);
        set_xml_value(&mut b, "/dev/sdb", DevKnob::ReadIops, 10);
        let names: Vec<&str> = b.children[0]
            .children
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(names, ["path", "weight", "write_bytes_sec"]);
        assert_eq!(param_string(Some(&b), DevKnob::Weight), "/dev/vda,500");
        assert_eq!(param_string(Some(&b), DevKnob::ReadIops), "/dev/sdb,10");
        assert_eq!(xml_settings(Some(&b)).len(), 3);
        set_xml_value(&mut b, "/dev/sdb", DevKnob::ReadIops, 0);
        assert_eq!(b.children.len(), 1);
        assert_eq!(param_string(Some(&b), DevKnob::ReadIops), "");
    }

    #[test]
    fn cgroup_lines() {
        assert_eq!(v1_read("8:0 100\n254:0 2048\n", "254:0"), 2048);
        assert_eq!(v1_read("", "254:0"), 0);
        let io_max = "254:0 rbps=1048576 wbps=max riops=max wiops=50\n";
        assert_eq!(v2_read_max(io_max, "254:0", "rbps"), 1_048_576);
        assert_eq!(v2_read_max(io_max, "254:0", "wbps"), 0);
        assert_eq!(v2_read_max(io_max, "254:0", "wiops"), 50);
        assert_eq!(v2_max_line("8:0", "wbps", 0), "8:0 wbps=max");
        assert_eq!(v2_weight_line("8:0", 0), "8:0 default");
    }

    #[test]
    fn block_devices_only() {
        assert_eq!(
            block_dev("/nonexistent/dev").unwrap_err(),
            "Unable to stat /nonexistent/dev: No such file or directory"
        );
        assert_eq!(
            block_dev("/dev/null").unwrap_err(),
            "Path '/dev/null' must be a block device"
        );
    }
}
