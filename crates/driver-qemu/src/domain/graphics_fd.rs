//! `virDomainOpenGraphicsFD` / `virDomainOpenGraphics` (`qemuDomainOpenGraphics*`): a client
//! socket QEMU gets with QMP `getfd` and serves with `add_client` — one end of a new
//! socketpair whose other end goes to the caller, or the caller's own socket.

use super::driver::{not_running, qmp_err, QemuDriver};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use serde_json::json;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::time::Duration;

const T: Duration = Duration::from_secs(30);
/// `VIR_DOMAIN_OPEN_GRAPHICS_SKIPAUTH`.
pub const OPEN_GRAPHICS_SKIPAUTH: u32 = 1;
/// The name libvirt gives the fd in QEMU (`qemuMonitorOpenGraphics`).
const FDNAME: &str = "graphicsfd";

/// The QMP `add_client` protocol for the `<graphics type=…>` of a domain, or libvirt's
/// error for types QEMU cannot hand a client to.
pub fn graphics_protocol(kind: Option<&str>) -> VirResult<&'static str> {
    match kind {
        Some("vnc") => Ok("vnc"),
        Some("spice") => Ok("spice"),
        other => Err(VirError::new(
            ErrorCode::OperationUnsupported,
            ErrorDomain::Qemu,
            format!(
                "Can only open VNC or SPICE graphics backends, not {}",
                other.unwrap_or("")
            ),
        )),
    }
}

impl QemuDriver {
    /// `virDomainOpenGraphicsFD`: connects a new client to graphics device `idx` and
    /// returns the client's end of the socket.
    pub(crate) async fn open_graphics_fd(
        &self,
        dom: &DomainRef,
        idx: u32,
        flags: u32,
    ) -> VirResult<OwnedFd> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            OPEN_GRAPHICS_SKIPAUTH,
            "qemuDomainOpenGraphicsFD",
        )?;
        let protocol = self.graphics_protocol_of(dom, idx)?;
        let (ours, theirs) = std::os::unix::net::UnixStream::pair().map_err(|e| {
            VirError::new(
                ErrorCode::SystemError,
                ErrorDomain::Qemu,
                format!("Failed to create socket pair: {e}"),
            )
        })?;
        self.add_graphics_client(dom, protocol, theirs.as_fd(), flags)
            .await?;
        drop(theirs);
        Ok(OwnedFd::from(ours))
    }

    /// `virDomainOpenGraphics`: connects the caller's socket `fd` to graphics device `idx`.
    pub(crate) async fn open_graphics(
        &self,
        dom: &DomainRef,
        idx: u32,
        fd: OwnedFd,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            OPEN_GRAPHICS_SKIPAUTH,
            "qemuDomainOpenGraphics",
        )?;
        let protocol = self.graphics_protocol_of(dom, idx)?;
        self.add_graphics_client(dom, protocol, fd.as_fd(), flags)
            .await
    }

    /// The `add_client` protocol of graphics device `idx` of a running domain.
    fn graphics_protocol_of(&self, dom: &DomainRef, idx: u32) -> VirResult<&'static str> {
        self.with_dom(dom, |o| {
            let live = o.live.as_ref().ok_or_else(not_running)?;
            if o.vm.is_none() {
                return Err(not_running());
            }
            let g = live
                .devices
                .iter()
                .filter(|d| d.name == "graphics")
                .nth(idx as usize)
                .ok_or_else(|| {
                    VirError::internal(
                        ErrorDomain::Qemu,
                        format!("No graphics backend with index {idx}"),
                    )
                })?;
            graphics_protocol(g.attr("type"))
        })
    }

    /// `qemuMonitorOpenGraphics`: `getfd` the client socket, then `add_client`.
    async fn add_graphics_client(
        &self,
        dom: &DomainRef,
        protocol: &str,
        fd: BorrowedFd<'_>,
        flags: u32,
    ) -> VirResult<()> {
        let job = self.job_of(dom)?;
        let _g = job.lock().await;
        let vm = self.vm_of(dom)?;
        vm.qmp.getfd(FDNAME, fd, T).await.map_err(qmp_err)?;
        let args = json!({
            "protocol": protocol,
            "fdname": FDNAME,
            "skipauth": flags & OPEN_GRAPHICS_SKIPAUTH != 0,
        });
        if let Err(e) = vm.qmp.execute("add_client", Some(args), T).await {
            let _ = vm.qmp.closefd(FDNAME, T).await;
            return Err(qmp_err(e));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_vnc_and_spice_can_be_opened() {
        assert_eq!(graphics_protocol(Some("vnc")).unwrap(), "vnc");
        assert_eq!(graphics_protocol(Some("spice")).unwrap(), "spice");
        let e = graphics_protocol(Some("sdl")).unwrap_err();
        assert_eq!(e.code, ErrorCode::OperationUnsupported);
        assert_eq!(
            e.message,
            "Operation not supported: Can only open VNC or SPICE graphics backends, not sdl"
        );
    }
}
