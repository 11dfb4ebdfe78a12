//! Storage volume commands: vol-list, vol-info, vol-dumpxml, vol-create-as, vol-create,
//! vol-delete, vol-path, vol-key, vol-name, vol-upload, vol-download, vol-resize, vol-wipe.

use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};

use rvirt::{Connect, StreamChunk};

use super::util::{read_file, scaled_as, strerror, uint_opt};
use crate::lookup;
use crate::output::{fmt_capacity, InfoLines, Table};
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// `virStorageVolType` names.
fn vol_type_str(t: i32) -> &'static str {
    match t {
        0 => "file",
        1 => "block",
        2 => "dir",
        3 => "network",
        4 => "netdir",
        5 => "ploop",
        _ => "unknown",
    }
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "vol-list" => list(ctl, conn, cmd).await,
        "vol-info" => {
            let v = lookup::vol(conn, cmd, "vol").await?;
            let i = conn.vol_get_info(&v, 0).await?;
            let mut info = InfoLines::new(ctl);
            info.line("Name:", &v.name);
            info.line("Type:", vol_type_str(i.vol_type));
            info.line("Capacity:", fmt_capacity(i.capacity));
            info.line("Allocation:", fmt_capacity(i.allocation));
            info.finish();
            Ok(())
        }
        "vol-dumpxml" => {
            let v = lookup::vol(conn, cmd, "vol").await?;
            let x = conn.vol_get_xml_desc(&v, 0).await?;
            super::domain::print_xml(ctl, cmd, &x)
        }
        "vol-path" => {
            let v = lookup::vol(conn, cmd, "vol").await?;
            let p = conn.vol_get_path(&v).await?;
            ctl.print(&format!("{p}\n"));
            Ok(())
        }
        "vol-key" => {
            let v = lookup::vol(conn, cmd, "vol").await?;
            ctl.print(&format!("{}\n", v.key));
            Ok(())
        }
        "vol-name" => {
            let v = lookup::vol(conn, cmd, "vol").await?;
            ctl.print(&format!("{}\n", v.name));
            Ok(())
        }
        "vol-delete" => {
            let v = lookup::vol(conn, cmd, "vol").await?;
            let mut f = 0;
            if cmd.has("delete-snapshots") {
                f |= 2;
            }
            conn.vol_delete(&v, f)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to delete vol {}", v.name), e))?;
            ctl.print_extra(&format!("Vol {} deleted\n", v.name));
            Ok(())
        }
        "vol-wipe" => {
            let v = lookup::vol(conn, cmd, "vol").await?;
            const ALGS: [&str; 10] = [
                "zero",
                "nnsa",
                "dod",
                "bsi",
                "gutmann",
                "schneier",
                "pfitzner7",
                "pfitzner33",
                "random",
                "trim",
            ];
            let alg = match cmd.get("algorithm") {
                None => 0,
                Some(a) => ALGS
                    .iter()
                    .position(|x| *x == a)
                    .ok_or_else(|| Failure::msg(format!("Unsupported algorithm '{a}'")))?,
            };
            conn.vol_wipe(&v, alg as u32, 0)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to wipe vol {}", v.name), e))?;
            ctl.print_extra(&format!("Vol {} wiped\n", v.name));
            Ok(())
        }
        "vol-resize" => {
            let v = lookup::vol(conn, cmd, "vol").await?;
            let cap_s = cmd.get("capacity").unwrap_or("");
            let mut f = 0;
            for (o, b) in [("allocate", 1), ("delta", 2), ("shrink", 4)] {
                if cmd.has(o) {
                    f |= b;
                }
            }
            let s = cap_s.strip_prefix('-').unwrap_or(cap_s);
            let (n, suf) = crate::output::split_scaled(s)
                .ok_or_else(|| Failure::msg(format!("Malformed size {cap_s}")))?;
            let cap = crate::output::scale_integer(n, suf, 1)
                .map_err(|_| Failure::msg(format!("Malformed size {cap_s}")))?;
            conn.vol_resize(&v, cap, f).await.map_err(|e| {
                Failure::ctx(
                    format!("Failed to change size of volume '{}' to {cap_s}", v.name),
                    e,
                )
            })?;
            ctl.print_extra(&format!(
                "Size of volume '{}' successfully changed to {cap_s}\n",
                v.name
            ));
            Ok(())
        }
        "vol-create-as" => create_as(ctl, conn, cmd).await,
        "vol-create" => {
            let p = lookup::pool(conn, cmd, "pool").await?;
            let (path, xml) = read_file(cmd, "file")?;
            let mut f = 0;
            if cmd.has("prealloc-metadata") {
                f |= 1;
            }
            let v = conn
                .vol_create_xml(&p, &xml, f)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to create vol from {path}"), e))?;
            ctl.print_extra(&format!("Vol {} created from {path}\n", v.name));
            Ok(())
        }
        "vol-upload" => upload(ctl, conn, cmd).await,
        "vol-download" => download(ctl, conn, cmd).await,
        _ => super::unhandled(cmd),
    }
}

async fn list(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let p = lookup::pool(conn, cmd, "pool").await?;
    let mut vols = conn
        .pool_list_all_volumes(&p, 0)
        .await
        .map_err(|e| Failure::ctx("Failed to list storage volumes", e))?;
    vols.sort_by(|a, b| a.name.cmp(&b.name));
    let details = cmd.has("details");
    let mut t = if details {
        Table::new(&["Name", "Path", "Type", "Capacity", "Allocation"])
    } else {
        Table::new(&["Name", "Path"])
    };
    for v in &vols {
        let path = conn.vol_get_path(v).await.unwrap_or_default();
        if details {
            let i = conn.vol_get_info(v, 0).await.unwrap_or_default();
            t.row(vec![
                v.name.clone(),
                path,
                vol_type_str(i.vol_type).into(),
                fmt_capacity(i.capacity),
                fmt_capacity(i.allocation),
            ]);
        } else {
            t.row(vec![v.name.clone(), path]);
        }
    }
    crate::output::emit(ctl, &t);
    Ok(())
}

async fn create_as(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let name = cmd.req("name").map_err(Failure::msg)?.unwrap_or("");
    cmd.req("capacity").map_err(Failure::msg)?;
    cmd.req("format").map_err(Failure::msg)?;
    let malformed = |opt: &str| format!("Malformed size {}", cmd.get(opt).unwrap_or(""));
    let cap = scaled_as(cmd, "capacity", 1, &malformed("capacity"))?;
    let alloc = scaled_as(cmd, "allocation", 1, &malformed("allocation"))?;
    let mut x = format!("<volume>\n  <name>{name}</name>\n");
    x.push_str(&format!("  <capacity>{}</capacity>\n", cap.unwrap_or(0)));
    if let Some(a) = alloc {
        x.push_str(&format!("  <allocation>{a}</allocation>\n"));
    }
    if let Some(f) = cmd.get("format") {
        x.push_str(&format!(
            "  <target>\n    <format type='{f}'/>\n  </target>\n"
        ));
    }
    if let Some(b) = cmd.get("backing-vol") {
        x.push_str(&format!("  <backingStore>\n    <path>{b}</path>\n"));
        if let Some(bf) = cmd.get("backing-vol-format") {
            x.push_str(&format!("    <format type='{bf}'/>\n"));
        }
        x.push_str("  </backingStore>\n");
    }
    x.push_str("</volume>\n");
    if cmd.has("print-xml") {
        ctl.print(&x);
        return Ok(());
    }
    let p = lookup::pool(conn, cmd, "pool").await?;
    let f = if cmd.has("prealloc-metadata") { 1 } else { 0 };
    let v = conn
        .vol_create_xml(&p, &x, f)
        .await
        .map_err(|e| Failure::ctx(format!("Failed to create vol {name}"), e))?;
    ctl.print_extra(&format!("Vol {} created\n", v.name));
    Ok(())
}

fn progress(total: u64, done: u64) {
    if total == 0 || !std::io::stderr().is_terminal() {
        return;
    }
    let pct = (done.saturating_mul(100) / total).min(100);
    let bar = "=".repeat((pct / 4) as usize);
    let _ = write!(std::io::stderr(), "\r[{bar:<25}] {pct:>3}%");
    if done >= total {
        let _ = writeln!(std::io::stderr());
    }
}

async fn upload(_ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let v = lookup::vol(conn, cmd, "vol").await?;
    let file = cmd.get("file").unwrap_or("");
    let offset = uint_opt(cmd, "offset")?.unwrap_or(0);
    let length = uint_opt(cmd, "length")?.unwrap_or(0);
    let sparse = cmd.has("sparse");
    let mut f = std::fs::File::open(file)
        .map_err(|e| Failure::msg(format!("cannot read {file}: {}", strerror(&e))))?;
    let total = f.metadata().map(|m| m.len()).unwrap_or(0);
    let ds = conn
        .vol_upload(&v, offset, length, if sparse { 1 } else { 0 })
        .await
        .map_err(|e| Failure::ctx(format!("cannot upload to volume {}", v.name), e))?;
    let mut st = rvirt::Stream::new(ds);
    let mut buf = vec![0u8; 256 * 1024];
    let mut done = 0u64;
    let fail = |e| Failure::ctx(format!("cannot upload to volume {}", v.name), e);
    loop {
        let n = f
            .read(&mut buf)
            .map_err(|e| Failure::msg(format!("cannot read {file}: {}", strerror(&e))))?;
        if n == 0 {
            break;
        }
        let chunk = &buf[..n];
        if sparse && chunk.iter().all(|&b| b == 0) {
            st.send_hole(n as u64).await.map_err(fail)?;
        } else {
            st.send(bytes::Bytes::copy_from_slice(chunk))
                .await
                .map_err(fail)?;
        }
        done += n as u64;
        progress(total, done);
    }
    st.finish().await.map_err(fail)?;
    Ok(())
}

async fn download(_ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let v = lookup::vol(conn, cmd, "vol").await?;
    let file = cmd.get("file").unwrap_or("");
    let offset = uint_opt(cmd, "offset")?.unwrap_or(0);
    let length = uint_opt(cmd, "length")?.unwrap_or(0);
    let sparse = cmd.has("sparse");
    let total = if length > 0 {
        length
    } else {
        conn.vol_get_info(&v, 0)
            .await
            .map(|i| i.capacity.saturating_sub(offset))
            .unwrap_or(0)
    };
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(file)
        .map_err(|e| Failure::msg(format!("cannot create {file}: {}", strerror(&e))))?;
    let ds = conn
        .vol_download(&v, offset, length, if sparse { 1 } else { 0 })
        .await
        .map_err(|e| Failure::ctx(format!("cannot download from volume {}", v.name), e))?;
    let mut st = rvirt::Stream::new(ds);
    let werr = |e: std::io::Error| Failure::msg(format!("cannot write {file}: {}", strerror(&e)));
    let mut pos = 0u64;
    loop {
        let c = st
            .recv()
            .await
            .map_err(|e| Failure::ctx(format!("cannot receive data from volume {}", v.name), e))?;
        match c {
            None => break,
            Some(StreamChunk::Data(b)) => {
                f.write_all(&b).map_err(werr)?;
                pos += b.len() as u64;
            }
            Some(StreamChunk::Hole(n)) => {
                if sparse {
                    f.seek(SeekFrom::Current(n as i64)).map_err(werr)?;
                } else {
                    let zeros = vec![0u8; 64 * 1024];
                    let mut left = n;
                    while left > 0 {
                        let k = left.min(zeros.len() as u64) as usize;
                        f.write_all(&zeros[..k]).map_err(werr)?;
                        left -= k as u64;
                    }
                }
                pos += n;
            }
        }
        progress(total, pos);
    }
    f.set_len(pos).map_err(werr)?;
    let _ = st.finish().await;
    Ok(())
}
