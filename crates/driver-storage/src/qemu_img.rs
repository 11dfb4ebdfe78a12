//! `qemu-img`: the authority on image formats and sizes (`info --output=json`), and the
//! tool that creates, converts and resizes non-raw images.

use rvirt_core::error::{ErrorCode, VirError, VirResult};
use serde::Deserialize;

use crate::cmd::Cmd;
use crate::errors::{internal, DOM};

/// The program name (found through `PATH`).
pub const QEMU_IMG: &str = "qemu-img";

/// What `qemu-img info --output=json` says about an image.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImageInfo {
    pub format: String,
    /// Guest-visible size in bytes.
    pub virtual_size: u64,
    /// Bytes allocated on the host.
    pub actual_size: u64,
    pub backing_file: Option<String>,
    pub backing_format: Option<String>,
    pub cluster_size: Option<u64>,
    pub compat: Option<String>,
    pub lazy_refcounts: bool,
    pub extended_l2: bool,
}

#[derive(Deserialize)]
struct RawInfo {
    format: String,
    #[serde(rename = "virtual-size")]
    virtual_size: u64,
    #[serde(rename = "actual-size", default)]
    actual_size: Option<u64>,
    #[serde(rename = "backing-filename", default)]
    backing_filename: Option<String>,
    #[serde(rename = "backing-filename-format", default)]
    backing_format: Option<String>,
    #[serde(rename = "cluster-size", default)]
    cluster_size: Option<u64>,
    #[serde(rename = "format-specific", default)]
    format_specific: Option<FormatSpecific>,
}

#[derive(Deserialize)]
struct FormatSpecific {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    data: serde_json::Value,
}

/// Parses `qemu-img info --output=json` (one image, not `--backing-chain`).
pub fn parse_info(json: &str) -> VirResult<ImageInfo> {
    let raw: RawInfo = serde_json::from_str(json)
        .map_err(|e| internal(format!("cannot parse qemu-img info output: {e}")))?;
    let mut info = ImageInfo {
        format: raw.format,
        virtual_size: raw.virtual_size,
        actual_size: raw.actual_size.unwrap_or(0),
        backing_file: raw.backing_filename,
        backing_format: raw.backing_format,
        cluster_size: raw.cluster_size,
        ..ImageInfo::default()
    };
    if let Some(fs) = raw.format_specific {
        if fs.kind == "qcow2" {
            info.compat = fs
                .data
                .get("compat")
                .and_then(|v| v.as_str())
                .map(str::to_string);
            info.lazy_refcounts = fs
                .data
                .get("lazy-refcounts")
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            info.extended_l2 = fs
                .data
                .get("extended-l2")
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
        }
    }
    Ok(info)
}

/// `qemu-img info --output=json -U [-f FMT] PATH`: never follows the backing chain; with a
/// known format, the image's own header cannot change what it is taken for.
pub fn info_cmd(path: &str, format: Option<&str>) -> Cmd {
    let mut c = Cmd::new(QEMU_IMG).args(["info", "--output=json", "-U"]);
    if let Some(f) = format {
        c = c.args(["-f", f]);
    }
    c.arg(path)
}

/// Runs `qemu-img info` on `path`.
pub async fn info(path: &str, format: Option<&str>) -> VirResult<ImageInfo> {
    parse_info(&info_cmd(path, format).run().await?)
}

/// Image creation options (`virStorageBackendCreateQemuImgOpts`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CreateOpts {
    pub format: String,
    pub capacity: u64,
    pub backing: Option<(String, String)>,
    /// `metadata`, `falloc` or `full`.
    pub preallocation: Option<String>,
    pub compat: Option<String>,
    pub lazy_refcounts: bool,
    pub extended_l2: bool,
    pub cluster_size: Option<u64>,
    pub nocow: bool,
}

/// The formats `qemu-img` can create here, with the name it uses.
pub fn creatable_format(format: &str) -> Option<&'static str> {
    Some(match format {
        "raw" | "none" | "iso" => "raw",
        "qcow2" => "qcow2",
        "qcow" => "qcow",
        "qed" => "qed",
        "vmdk" => "vmdk",
        "vdi" => "vdi",
        "vpc" | "vhd" => "vpc",
        _ => return None,
    })
}

fn o_options(o: &CreateOpts) -> Vec<String> {
    let mut opts = Vec::new();
    if let Some(p) = &o.preallocation {
        opts.push(format!("preallocation={p}"));
    }
    if o.format == "qcow2" {
        if let Some(c) = &o.compat {
            opts.push(format!("compat={c}"));
        }
        if o.lazy_refcounts {
            opts.push("lazy_refcounts=on".to_string());
        }
        if o.extended_l2 {
            opts.push("extended_l2=on".to_string());
        }
        if let Some(c) = o.cluster_size {
            opts.push(format!("cluster_size={c}"));
        }
    }
    if o.nocow {
        opts.push("nocow=on".to_string());
    }
    opts
}

/// Checks option combinations qemu-img would reject with a less helpful message.
pub fn validate(o: &CreateOpts) -> VirResult<()> {
    if o.lazy_refcounts && o.compat.as_deref() == Some("0.10") {
        return Err(VirError::new(
            ErrorCode::ConfigUnsupported,
            DOM,
            "lazy refcounts are only supported with compat level 1.1",
        ));
    }
    if o.backing.is_some() && o.preallocation.as_deref().is_some_and(|p| p != "metadata") {
        return Err(VirError::new(
            ErrorCode::ConfigUnsupported,
            DOM,
            "metadata preallocation only available with qcow2",
        ));
    }
    Ok(())
}

/// `qemu-img create -f FMT [-b BACKING -F BFMT] [-o OPTS] PATH SIZE`.
pub fn create_cmd(path: &str, o: &CreateOpts) -> Cmd {
    let mut c = Cmd::new(QEMU_IMG).args(["create", "-f", &o.format]);
    if let Some((b, bf)) = &o.backing {
        c = c.args(["-b", b.as_str(), "-F", bf.as_str()]);
    }
    let opts = o_options(o);
    if !opts.is_empty() {
        c = c.args(["-o".to_string(), opts.join(",")]);
    }
    c.args([path.to_string(), o.capacity.to_string()])
}

/// `qemu-img convert -f SRCFMT -O FMT [-o OPTS] SRC DST` (the target file already exists
/// with mode 0600; qemu-img keeps an existing file's mode).
pub fn convert_cmd(src: &str, src_format: &str, dst: &str, o: &CreateOpts) -> Cmd {
    let mut c = Cmd::new(QEMU_IMG).args(["convert", "-f", src_format, "-O", &o.format]);
    let opts = o_options(o);
    if !opts.is_empty() {
        c = c.args(["-o".to_string(), opts.join(",")]);
    }
    c.args([src, dst])
}

/// `qemu-img resize [--shrink] [--preallocation=falloc] -f FMT PATH SIZE`.
pub fn resize_cmd(path: &str, format: &str, capacity: u64, shrink: bool, allocate: bool) -> Cmd {
    let mut c = Cmd::new(QEMU_IMG).arg("resize");
    if shrink {
        c = c.arg("--shrink");
    }
    if allocate {
        c = c.arg("--preallocation=falloc");
    }
    c.args(["-f", format, path, &capacity.to_string()])
}

#[cfg(test)]
mod tests {
    use super::*;

    const QCOW2: &str = r#"{
    "children": [],
    "virtual-size": 1073741824,
    "filename": "/p/a.qcow2",
    "cluster-size": 65536,
    "format": "qcow2",
    "actual-size": 200704,
    "format-specific": {
        "type": "qcow2",
        "data": {
            "compat": "1.1",
            "compression-type": "zlib",
            "lazy-refcounts": true,
            "refcount-bits": 16,
            "corrupt": false,
            "extended-l2": false
        }
    },
    "backing-filename": "/p/base.raw",
    "backing-filename-format": "raw",
    "dirty-flag": false
}"#;

    #[test]
    fn parses_recorded_qcow2_info() {
        let i = parse_info(QCOW2).unwrap();
        assert_eq!(i.format, "qcow2");
        assert_eq!(i.virtual_size, 1 << 30);
        assert_eq!(i.actual_size, 200704);
        assert_eq!(i.cluster_size, Some(65536));
        assert_eq!(i.compat.as_deref(), Some("1.1"));
        assert!(i.lazy_refcounts);
        assert_eq!(i.backing_file.as_deref(), Some("/p/base.raw"));
        assert_eq!(i.backing_format.as_deref(), Some("raw"));
        assert!(parse_info("{").is_err());
    }

    #[test]
    fn command_goldens() {
        let o = CreateOpts {
            format: "qcow2".into(),
            capacity: 1 << 30,
            backing: Some(("/p/base.raw".into(), "raw".into())),
            preallocation: Some("metadata".into()),
            compat: Some("1.1".into()),
            lazy_refcounts: true,
            cluster_size: Some(65536),
            ..CreateOpts::default()
        };
        assert_eq!(
            create_cmd("/p/a.qcow2", &o).line(),
            "qemu-img create -f qcow2 -b /p/base.raw -F raw -o preallocation=metadata,compat=1.1,lazy_refcounts=on,cluster_size=65536 /p/a.qcow2 1073741824"
        );
        assert_eq!(
            convert_cmd(
                "/p/a",
                "raw",
                "/p/b",
                &CreateOpts {
                    format: "qcow2".into(),
                    ..CreateOpts::default()
                }
            )
            .line(),
            "qemu-img convert -f raw -O qcow2 /p/a /p/b"
        );
        assert_eq!(
            resize_cmd("/p/a", "qcow2", 2048, true, false).line(),
            "qemu-img resize --shrink -f qcow2 /p/a 2048"
        );
        assert_eq!(
            info_cmd("/p/a", Some("raw")).line(),
            "qemu-img info --output=json -U -f raw /p/a"
        );
        assert!(validate(&CreateOpts {
            lazy_refcounts: true,
            compat: Some("0.10".into()),
            ..CreateOpts::default()
        })
        .is_err());
    }
}
