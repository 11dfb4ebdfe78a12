//! `virDomainOpenConsole`: a stream bridging the guest's serial pty.

use super::driver::QemuDriver;
use crate::command::util_alias;
use async_trait::async_trait;
use bytes::Bytes;
use rustix::fs::{Mode, OFlags};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::stream::{DataStream, StreamChunk, StreamSink, StreamSource};
use std::os::fd::OwnedFd;
use std::sync::Arc;
use tokio::io::unix::AsyncFd;

fn io_err(e: std::io::Error) -> VirError {
    VirError::new(ErrorCode::SystemError, ErrorDomain::Streams, e.to_string())
}

/// Opens a pty in raw, non-blocking mode.
fn open_pty(path: &str) -> std::io::Result<OwnedFd> {
    let fd = rustix::fs::open(
        path,
        OFlags::RDWR | OFlags::NOCTTY | OFlags::NONBLOCK | OFlags::CLOEXEC,
        Mode::empty(),
    )?;
    let mut t = rustix::termios::tcgetattr(&fd)?;
    t.make_raw();
    rustix::termios::tcsetattr(&fd, rustix::termios::OptionalActions::Now, &t)?;
    Ok(fd)
}

struct PtySource(Arc<AsyncFd<OwnedFd>>);
struct PtySink(Arc<AsyncFd<OwnedFd>>);

#[async_trait]
impl StreamSource for PtySource {
    async fn next_chunk(&mut self) -> VirResult<Option<StreamChunk>> {
        let mut buf = vec![0u8; 4096];
        loop {
            let mut g = self.0.readable().await.map_err(io_err)?;
            match g
                .try_io(|fd| rustix::io::read(fd.get_ref(), &mut buf).map_err(std::io::Error::from))
            {
                Ok(Ok(0)) => return Ok(None),
                Ok(Ok(n)) => {
                    buf.truncate(n);
                    return Ok(Some(StreamChunk::Data(Bytes::from(buf))));
                }
                // EIO: QEMU closed its side (guest gone)
                Ok(Err(e)) if e.raw_os_error() == Some(libc_eio()) => return Ok(None),
                Ok(Err(e)) => return Err(io_err(e)),
                Err(_would_block) => continue,
            }
        }
    }
}

fn libc_eio() -> i32 {
    rustix::io::Errno::IO.raw_os_error()
}

#[async_trait]
impl StreamSink for PtySink {
    async fn send_chunk(&mut self, chunk: StreamChunk) -> VirResult<()> {
        let StreamChunk::Data(mut data) = chunk else {
            return Ok(());
        };
        while !data.is_empty() {
            let mut g = self.0.writable().await.map_err(io_err)?;
            match g
                .try_io(|fd| rustix::io::write(fd.get_ref(), &data).map_err(std::io::Error::from))
            {
                Ok(Ok(n)) => {
                    let _ = data.split_to(n);
                }
                Ok(Err(e)) => return Err(io_err(e)),
                Err(_would_block) => continue,
            }
        }
        Ok(())
    }
    async fn finish(&mut self) -> VirResult<()> {
        Ok(())
    }
    async fn abort(&mut self) -> VirResult<()> {
        Ok(())
    }
}

impl QemuDriver {
    /// `virDomainOpenConsole`: `dev_name` is an alias (`serial0`, `console0`) or the first
    /// console/serial.
    pub(crate) fn open_console(
        &self,
        dom: &DomainRef,
        dev_name: Option<String>,
    ) -> VirResult<DataStream> {
        let pty = self.with_dom(dom, |o| {
            let live = o.live.as_ref().ok_or_else(super::driver::not_running)?;
            let dev = live.devices.iter().find(|d| {
                matches!(d.name.as_str(), "console" | "serial")
                    && match &dev_name {
                        Some(n) => util_alias(d) == Some(n.as_str()),
                        None => true,
                    }
            });
            let dev = dev.ok_or_else(|| {
                VirError::internal(
                    ErrorDomain::Qemu,
                    format!(
                        "cannot find character device {}",
                        dev_name.clone().unwrap_or_default()
                    ),
                )
            })?;
            if dev.attr("type") != Some("pty") {
                return Err(VirError::new(
                    ErrorCode::OperationUnsupported,
                    ErrorDomain::Qemu,
                    format!(
                        "character device {} is not using a PTY",
                        dev_name
                            .clone()
                            .unwrap_or_else(|| util_alias(dev).unwrap_or("").to_string())
                    ),
                ));
            }
            dev.child("source")
                .and_then(|s| s.attr("path"))
                .map(str::to_string)
                .ok_or_else(|| VirError::internal(ErrorDomain::Qemu, "console pty path is unknown"))
        })?;
        let fd = open_pty(&pty).map_err(io_err)?;
        // We own the fd (OwnedFd) for the AsyncFd's whole life: the I/O-safety concern
        // behind the deprecation does not apply.
        #[allow(deprecated)]
        let fd = AsyncFd::new(fd).map_err(io_err)?;
        let fd = Arc::new(fd);
        Ok(DataStream {
            source: Some(Box::new(PtySource(fd.clone()))),
            sink: Some(Box::new(PtySink(fd))),
            sparse: false,
        })
    }
}
