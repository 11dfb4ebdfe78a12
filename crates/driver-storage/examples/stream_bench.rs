//! Volume upload/download throughput through the driver's stream traits, against `cp`.
//!
//! `cargo run --release -p rvirt-driver-storage --example stream_bench [SIZE_MIB]`
//! (`BENCH_DIR` picks the filesystem, default /var/tmp; `BENCH_REPS` runs per phase, best
//! kept, default 3). Every phase starts after `sync`.

use std::io::Write;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::time::{Duration, Instant};

use bytes::Bytes;
use rvirt_core::driver::StorageDriver;
use rvirt_core::event::EventBus;
use rvirt_core::stream::StreamChunk;
use rvirt_driver_storage::{StorageDriverImpl, StoragePaths, STREAM_CHUNK};

const MIB: u64 = 1 << 20;

fn make_file(path: &Path, size: u64, sparse: bool) -> anyhow::Result<()> {
    let mut f = std::fs::File::create(path)?;
    let block: Vec<u8> = (0..MIB).map(|i| (i * 7 + 3) as u8).collect();
    if sparse {
        // 1 MiB of data every 16 MiB
        f.set_len(size)?;
        let mut off = 0;
        while off < size {
            f.write_all_at(&block, off)?;
            off += 16 * MIB;
        }
    } else {
        for _ in 0..size / MIB {
            f.write_all(&block)?;
        }
    }
    f.sync_all()?;
    Ok(())
}

/// Flushes dirty pages so each timed phase starts from the same state: without this,
/// whichever phase runs second pays for the earlier phases' writeback (dirty throttling).
fn settle() {
    rustix::fs::sync();
}

fn cp(src: &Path, dst: &Path) -> anyhow::Result<Duration> {
    let _ = std::fs::remove_file(dst);
    settle();
    let t = Instant::now();
    let st = std::process::Command::new("cp")
        .arg("--sparse=auto")
        .arg(src)
        .arg(dst)
        .status()?;
    anyhow::ensure!(st.success(), "cp failed");
    Ok(t.elapsed())
}

/// Upload chunk size: `BENCH_UPLOAD_KIB` (virsh sends 256 KiB stream packets), default
/// `STREAM_CHUNK`.
fn upload_chunk() -> u64 {
    std::env::var("BENCH_UPLOAD_KIB")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .map_or(STREAM_CHUNK as u64, |k| k.max(4) * 1024)
}

/// Client side of an upload: read `src` (holes as Hole chunks when sparse) into the sink.
async fn upload(
    drv: &StorageDriverImpl,
    vol: &rvirt_core::handle::StorageVolRef,
    src: &Path,
    sparse: bool,
) -> anyhow::Result<Duration> {
    settle();
    let t = Instant::now();
    let mut s = drv.vol_upload(vol, 0, 0, u32::from(sparse)).await?;
    let sink = s.sink.as_mut().ok_or_else(|| anyhow::anyhow!("no sink"))?;
    let f = std::sync::Arc::new(std::fs::File::open(src)?);
    let size = f.metadata()?.len();
    let mut pos = 0;
    while pos < size {
        let (f2, p) = (f.clone(), pos);
        let chunk = tokio::task::spawn_blocking(move || -> std::io::Result<StreamChunk> {
            use rustix::fs::{seek, SeekFrom};
            let mut stop = (p + upload_chunk()).min(size);
            if sparse {
                match seek(&*f2, SeekFrom::Data(p)) {
                    Err(_) => return Ok(StreamChunk::Hole(size - p)),
                    Ok(d) if d > p => return Ok(StreamChunk::Hole(d.min(size) - p)),
                    Ok(_) => stop = stop.min(seek(&*f2, SeekFrom::Hole(p)).unwrap_or(size)),
                }
            }
            let mut buf = vec![0u8; (stop - p) as usize];
            f2.read_exact_at(&mut buf, p)?;
            Ok(StreamChunk::Data(Bytes::from(buf)))
        })
        .await??;
        pos += match &chunk {
            StreamChunk::Data(d) => d.len() as u64,
            StreamChunk::Hole(n) => *n,
        };
        sink.send_chunk(chunk).await?;
    }
    sink.finish().await?;
    Ok(t.elapsed())
}

/// Client side of a download: write chunks to `dst`, holes by seeking.
async fn download(
    drv: &StorageDriverImpl,
    vol: &rvirt_core::handle::StorageVolRef,
    dst: &Path,
    sparse: bool,
) -> anyhow::Result<Duration> {
    let _ = std::fs::remove_file(dst);
    settle();
    let t = Instant::now();
    let mut s = drv.vol_download(vol, 0, 0, u32::from(sparse)).await?;
    let src = s
        .source
        .as_mut()
        .ok_or_else(|| anyhow::anyhow!("no source"))?;
    let f = std::sync::Arc::new(std::fs::File::create(dst)?);
    let mut pos = 0u64;
    while let Some(c) = src.next_chunk().await? {
        match c {
            StreamChunk::Data(d) => {
                let (f2, p, n) = (f.clone(), pos, d.len() as u64);
                tokio::task::spawn_blocking(move || f2.write_all_at(&d, p)).await??;
                pos += n;
            }
            StreamChunk::Hole(n) => pos += n,
        }
    }
    f.set_len(pos)?;
    Ok(t.elapsed())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let size_mib: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1024);
    let size = size_mib * MIB;
    let tmp =
        tempfile::tempdir_in(std::env::var("BENCH_DIR").unwrap_or_else(|_| "/var/tmp".into()))?;
    let pool_dir = tmp.path().join("pool");
    let drv = StorageDriverImpl::open(
        StoragePaths::system(&tmp.path().join("root")),
        EventBus::new(),
    )?;
    let p = drv
        .pool_define_xml(
            &format!(
                "<pool type='dir'><name>bench</name><target><path>{}</path></target></pool>",
                pool_dir.display()
            ),
            0,
        )
        .await?;
    drv.pool_create(&p, 1).await?;
    println!("size: {size_mib} MiB, chunk {} KiB", STREAM_CHUNK / 1024);
    for sparse in [true, false] {
        let kind = if sparse { "sparse" } else { "dense" };
        let src = tmp.path().join(format!("{kind}.src"));
        make_file(&src, size, sparse)?;
        let vol = drv
            .vol_create_xml(&p, &format!("<volume><name>{kind}.img</name><capacity>{size}</capacity><allocation>0</allocation></volume>"), 0)
            .await?;
        // Best of BENCH_REPS runs per phase: page-cache writeback on this kind of host
        // makes single runs vary several-fold.
        let reps: u32 = std::env::var("BENCH_REPS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(3);
        let (mut cp_t, mut up, mut down) = (Duration::MAX, Duration::MAX, Duration::MAX);
        for _ in 0..reps.max(1) {
            cp_t = cp_t.min(cp(&src, &tmp.path().join("cp.out"))?);
            up = up.min(upload(&drv, &vol, &src, sparse).await?);
            down = down.min(download(&drv, &vol, &tmp.path().join("down.out"), sparse).await?);
        }
        anyhow::ensure!(
            std::fs::read(&src)? == std::fs::read(tmp.path().join("down.out"))?,
            "round trip differs"
        );
        let mbps = |d: Duration| size as f64 / MIB as f64 / d.as_secs_f64();
        println!(
            "{kind:6}: cp {:.3}s ({:.0} MiB/s) | upload {:.3}s ({:.0} MiB/s, ratio {:.2}) | download {:.3}s ({:.0} MiB/s, ratio {:.2})",
            cp_t.as_secs_f64(), mbps(cp_t),
            up.as_secs_f64(), mbps(up), cp_t.as_secs_f64() / up.as_secs_f64(),
            down.as_secs_f64(), mbps(down), cp_t.as_secs_f64() / down.as_secs_f64(),
        );
        drv.vol_delete(&vol, 0).await?;
        std::fs::remove_file(&src)?;
    }
    drv.pool_destroy(&p).await?;
    drv.pool_delete(&p, 0).await.ok();
    drv.pool_undefine(&p).await?;
    Ok(())
}
