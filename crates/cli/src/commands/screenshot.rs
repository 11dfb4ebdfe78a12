//! screenshot: virDomainScreenshot into a file (a generated name unless `--file` is given).

use std::io::Write;

use rvirt::{Connect, StreamChunk};

use super::perf::req_str;
use super::util::uint_opt;
use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// `virshGenFileName`: `<domain>-<local time>.<ext for the MIME type>`.
fn gen_file_name(dom: &str, mime: &str) -> String {
    let ext = match mime {
        "image/x-portable-pixmap" => ".ppm",
        "image/png" => ".png",
        _ => "",
    };
    format!("{dom}-{}{ext}", local_timestamp())
}

/// The local time as `%Y-%m-%d-%H:%M:%S`.
fn local_timestamp() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let t = libc::time_t::try_from(now).unwrap_or(0);
    // SAFETY: `tm` is plain old data that localtime_r fills; both pointers are valid for the
    // duration of the call.
    let tm = unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&t, &mut tm).is_null() {
            return "1970-01-01-00:00:00".into();
        }
        tm
    };
    format!(
        "{:04}-{:02}-{:02}-{:02}:{:02}:{:02}",
        tm.tm_year + 1900,
        tm.tm_mon + 1,
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec
    )
}

/// Opens the target as virsh does: create it new, else truncate an existing file.
/// Returns the file and whether it was created (so a failure removes it again).
fn open_target(path: &str) -> Option<(std::fs::File, bool)> {
    let mut create = std::fs::OpenOptions::new();
    create.write(true).create_new(true);
    match create.open(path) {
        Ok(f) => Some((f, true)),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(path)
            .ok()
            .map(|f| (f, false)),
        Err(_) => None,
    }
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let file = req_str(cmd, "file")?.map(str::to_string);
    let screen = match uint_opt(cmd, "screen")? {
        Some(s) => u32::try_from(s).map_err(|_| {
            Failure::msg(format!(
                "Numeric value '{s}' for <screen> option is malformed or out of range"
            ))
        })?,
        None => 0,
    };
    let d = lookup::domain(conn, cmd, "domain").await?;
    let (mime, stream) = conn
        .domain_screenshot(&d, screen, 0)
        .await
        .map_err(|e| Failure::ctx(format!("could not take a screenshot of {}", d.name), e))?;
    let mime = mime.unwrap_or_default();
    let file = file.unwrap_or_else(|| gen_file_name(&d.name, &mime));
    let Some((mut out, created)) = open_target(&file) else {
        return Err(Failure::msg(format!("cannot create file {file}")));
    };
    let mut stream = rvirt::Stream::new(stream);
    let received = async {
        while let Some(chunk) = stream.recv().await? {
            let written = match chunk {
                StreamChunk::Data(b) => out.write_all(&b),
                StreamChunk::Hole(n) => {
                    let zeros = vec![0u8; usize::try_from(n).unwrap_or(0)];
                    out.write_all(&zeros)
                }
            };
            if written.is_err() {
                return Ok(false);
            }
        }
        Ok::<bool, rvirt::VirError>(true)
    }
    .await;
    let fail = |msg: String| {
        if created {
            let _ = std::fs::remove_file(&file);
        }
        Failure::msg(msg)
    };
    match received {
        Ok(true) => {}
        _ => {
            return Err(fail(format!(
                "could not receive data from domain {}",
                d.name
            )))
        }
    }
    if out.sync_all().is_err() {
        return Err(fail(format!("cannot close file {file}")));
    }
    if stream.finish().await.is_err() {
        return Err(fail(format!("cannot close stream on domain {}", d.name)));
    }
    ctl.print_extra(&format!("Screenshot saved to {file}, with type of {mime}"));
    Ok(())
}
