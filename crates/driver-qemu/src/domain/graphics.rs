//! Graphics at run time: VNC passwords over QMP (`qemuDomainChangeGraphicsPasswords`) and
//! `virDomainScreenshot` (`screendump` into the domain's run directory).

use super::driver::{qmp_err, QemuDriver};
use async_trait::async_trait;
use bytes::Bytes;
use rvirt_conf::domain::{DomainDef, Element};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::stream::{DataStream, StreamChunk, StreamSource};
use rvirt_qmp::QmpClient;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::io::AsyncReadExt;

const T: Duration = Duration::from_secs(30);
/// The MIME type `virDomainScreenshot` reports for QEMU's dumps.
pub const SCREENSHOT_MIME: &str = "image/x-portable-pixmap";
const CHUNK: usize = 256 * 1024;

/// Seconds since the epoch of `passwdValidTo` (`YYYY-MM-DDTHH:MM:SS`, UTC).
fn valid_to_epoch(s: &str) -> Option<i64> {
    let (date, time) = s.split_once('T')?;
    let mut d = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, m, day) = (d.next()??, d.next()??, d.next()??);
    let mut t = time
        .trim_end_matches('Z')
        .splitn(3, ':')
        .map(|p| p.parse::<i64>().ok());
    let (hh, mm, ss) = (t.next()??, t.next()??, t.next().flatten().unwrap_or(0));
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    // days-from-civil (Howard Hinnant)
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86400 + hh * 3600 + mm * 60 + ss)
}

/// The QMP commands that apply one `<graphics type='vnc' passwd=…>`: `set_password`, then
/// `expire_password` (`never`, or `passwdValidTo` as epoch seconds).
pub fn vnc_password_commands(g: &Element) -> Vec<(&'static str, Value)> {
    let Some(pw) = g.attr("passwd").filter(|_| g.attr("type") == Some("vnc")) else {
        return Vec::new();
    };
    let time = g
        .attr("passwdValidTo")
        .and_then(valid_to_epoch)
        .map_or_else(|| "never".to_string(), |t| t.to_string());
    vec![
        ("set_password", json!({"protocol": "vnc", "password": pw})),
        ("expire_password", json!({"protocol": "vnc", "time": time})),
    ]
}

/// Sets the VNC passwords of a freshly started domain (before its CPUs run).
pub(crate) async fn apply_graphics_passwords(qmp: &QmpClient, live: &DomainDef) -> VirResult<()> {
    for g in live.devices.iter().filter(|d| d.name == "graphics") {
        for (cmd, args) in vnc_password_commands(g) {
            qmp.execute(cmd, Some(args), T).await.map_err(qmp_err)?;
        }
    }
    Ok(())
}

/// `virDomainScreenshot`'s screen index → where it lives: the index of its `<video>` and its head on that device.
/// Errors as libvirt words them when there is no display or the index is too big.
pub fn screen_video(def: &DomainDef, screen: u32) -> VirResult<(usize, u32)> {
    let videos: Vec<(usize, &Element)> = def
        .devices
        .iter()
        .filter(|d| d.name == "video")
        .filter(|d| d.child("model").and_then(|m| m.attr("type")) != Some("none"))
        .enumerate()
        .collect();
    if videos.is_empty() {
        return Err(VirError::operation_invalid(
            ErrorDomain::Qemu,
            "no screens to take screenshot from",
        ));
    }
    let mut first = 0u32;
    for (i, v) in &videos {
        let heads = v
            .child("model")
            .and_then(|m| m.attr("heads"))
            .and_then(|h| h.parse::<u32>().ok())
            .unwrap_or(1)
            .max(1);
        if screen < first + heads {
            return Ok((*i, screen - first));
        }
        first += heads;
    }
    Err(VirError::invalid_arg(
        ErrorDomain::Qemu,
        format!("Screen ID {screen} too big. The domain has {first} screens."),
    ))
}

/// Reads an open (already unlinked) screendump file in chunks.
struct DumpSource(tokio::fs::File);

#[async_trait]
impl StreamSource for DumpSource {
    async fn next_chunk(&mut self) -> VirResult<Option<StreamChunk>> {
        let mut buf = vec![0u8; CHUNK];
        let n = self.0.read(&mut buf).await.map_err(|e| {
            VirError::new(ErrorCode::SystemError, ErrorDomain::Streams, e.to_string())
        })?;
        if n == 0 {
            return Ok(None);
        }
        buf.truncate(n);
        Ok(Some(StreamChunk::Data(Bytes::from(buf))))
    }
}

static DUMP_SEQ: AtomicU64 = AtomicU64::new(0);

impl QemuDriver {
    /// `virDomainScreenshot`: QMP `screendump` to a file in the domain's run directory,
    /// handed back as a stream source (the file is unlinked once open).
    pub(crate) async fn screenshot(
        &self,
        dom: &DomainRef,
        screen: u32,
    ) -> VirResult<(Option<String>, DataStream)> {
        let vm = self.vm_of(dom)?;
        let (device, head) = self.with_dom(dom, |o| {
            let live = o.live.as_ref().ok_or_else(super::driver::not_running)?;
            let (vi, head) = screen_video(live, screen)?;
            let alias = live
                .devices
                .iter()
                .filter(|d| d.name == "video")
                .filter(|d| d.child("model").and_then(|m| m.attr("type")) != Some("none"))
                .nth(vi)
                .and_then(|d| crate::command::util_alias(d).map(str::to_string));
            Ok((alias, head))
        })?;
        let path = vm.domain_dir.join(format!(
            "qemu.screendump.{}.{}",
            std::process::id(),
            DUMP_SEQ.fetch_add(1, Ordering::SeqCst)
        ));
        let mut args = json!({ "filename": path.display().to_string() });
        if screen != 0 {
            if let Some(dev) = device {
                args["device"] = json!(dev);
                args["head"] = json!(head);
            }
        }
        let r = vm.qmp.execute("screendump", Some(args), T).await;
        if let Err(e) = r {
            let _ = std::fs::remove_file(&path);
            return Err(qmp_err(e));
        }
        let file = tokio::fs::File::open(&path).await;
        let _ = std::fs::remove_file(&path);
        let file = file.map_err(|e| {
            VirError::new(
                ErrorCode::SystemError,
                ErrorDomain::Qemu,
                format!("unable to open {}: {e}", path.display()),
            )
        })?;
        Ok((
            Some(SCREENSHOT_MIME.to_string()),
            DataStream {
                source: Some(Box::new(DumpSource(file))),
                sink: None,
                sparse: false,
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn el(xml: &str) -> Element {
        let doc = roxmltree::Document::parse(xml).unwrap();
        Element::from_node(doc.root_element())
    }

    #[test]
    fn valid_to_parses_as_utc_epoch() {
        assert_eq!(valid_to_epoch("1970-01-01T00:00:00"), Some(0));
        assert_eq!(valid_to_epoch("2010-04-09T15:51:00"), Some(1_270_828_260));
        assert_eq!(valid_to_epoch("2010-13-09T15:51:00"), None);
        assert_eq!(valid_to_epoch("junk"), None);
    }

    #[test]
    fn password_commands() {
        let g = el("<graphics type='vnc' passwd='s3cret'/>");
        let c = vnc_password_commands(&g);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].0, "set_password");
        assert_eq!(c[0].1, json!({"protocol": "vnc", "password": "s3cret"}));
        assert_eq!(c[1].1, json!({"protocol": "vnc", "time": "never"}));
        let g = el("<graphics type='vnc' passwd='x' passwdValidTo='1970-01-02T00:00:00'/>");
        assert_eq!(vnc_password_commands(&g)[1].1["time"], "86400");
        assert!(vnc_password_commands(&el("<graphics type='vnc'/>")).is_empty());
    }

    fn def_with(devices: &str) -> DomainDef {
        let mut d = DomainDef::default();
        let text = format!("<devices>{devices}</devices>");
        let doc = roxmltree::Document::parse(&text).unwrap();
        d.devices = doc
            .root_element()
            .children()
            .filter(|n| n.is_element())
            .map(Element::from_node)
            .collect();
        d
    }

    #[test]
    fn screens_map_to_video_heads() {
        let e = screen_video(&def_with("<graphics type='vnc'/>"), 0).unwrap_err();
        assert_eq!(
            e.message,
            "Requested operation is not valid: no screens to take screenshot from"
        );
        let d = def_with(
            "<video><model type='none'/></video><video><model type='qxl' heads='2'/></video>\
             <video><model type='vga'/></video>",
        );
        assert_eq!(screen_video(&d, 0).unwrap(), (0, 0));
        assert_eq!(screen_video(&d, 1).unwrap(), (0, 1));
        assert_eq!(screen_video(&d, 2).unwrap(), (1, 0));
        let e = screen_video(&d, 3).unwrap_err();
        assert_eq!(
            e.message,
            "invalid argument: Screen ID 3 too big. The domain has 3 screens."
        );
    }
}
