//! Procedures that pass file descriptors (`CALL_WITH_FDS` / `REPLY_WITH_FDS`, unix sockets
//! only); the `DomainDriver` methods in `domain.rs` forward here.

use std::os::fd::OwnedFd;

use bytes::Bytes;
use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::DomainRef;
use rvirt_proto::REMOTE_PROGRAM;

use super::conn::RemoteConnection;
use super::procs as p;
use super::wire::{args, Ret};

impl RemoteConnection {
    /// Calls a REMOTE procedure passing `fds`; returns the reply and the fds it carried.
    pub(crate) async fn call_fds(
        &self,
        proc_: i32,
        body: Bytes,
        fds: Vec<OwnedFd>,
    ) -> VirResult<(Ret, Vec<OwnedFd>)> {
        let (reply, fds) = self
            .client
            .call_raw_with_fds(REMOTE_PROGRAM, proc_, body, fds)
            .await?;
        Ok((Ret::new(reply), fds))
    }

    /// virDomainOpenGraphicsFD (DOMAIN_OPEN_GRAPHICS_FD 343): the reply carries one fd.
    pub(super) async fn open_graphics_fd(
        &self,
        dom: &DomainRef,
        idx: u32,
        flags: u32,
    ) -> VirResult<OwnedFd> {
        let (_, fds) = self
            .call_fds(
                p::DOMAIN_OPEN_GRAPHICS_FD,
                args!(dom, idx, flags),
                Vec::new(),
            )
            .await?;
        single_fd(fds)
    }

    /// virDomainOpenGraphics (DOMAIN_OPEN_GRAPHICS 249): the call carries the client socket.
    pub(super) async fn open_graphics(
        &self,
        dom: &DomainRef,
        idx: u32,
        fd: OwnedFd,
        flags: u32,
    ) -> VirResult<()> {
        self.call_fds(p::DOMAIN_OPEN_GRAPHICS, args!(dom, idx, flags), vec![fd])
            .await
            .map(|_| ())
    }

    /// virDomainFDAssociate (DOMAIN_FD_ASSOCIATE 443)
    pub(super) async fn fd_associate(
        &self,
        dom: &DomainRef,
        name: &str,
        fds: Vec<OwnedFd>,
        flags: u32,
    ) -> VirResult<()> {
        self.call_fds(p::DOMAIN_FD_ASSOCIATE, args!(dom, name, flags), fds)
            .await
            .map(|_| ())
    }

    /// virDomainCreateXMLWithFiles (DOMAIN_CREATE_XML_WITH_FILES 309)
    pub(super) async fn create_xml_with_files(
        &self,
        xml: &str,
        fds: Vec<OwnedFd>,
        flags: u32,
    ) -> VirResult<DomainRef> {
        let (mut r, _) = self
            .call_fds(p::DOMAIN_CREATE_XML_WITH_FILES, args!(xml, flags), fds)
            .await?;
        r.get()
    }

    /// virDomainCreateWithFiles (DOMAIN_CREATE_WITH_FILES 310)
    pub(super) async fn create_with_files(
        &self,
        dom: &DomainRef,
        fds: Vec<OwnedFd>,
        flags: u32,
    ) -> VirResult<DomainRef> {
        let (mut r, _) = self
            .call_fds(p::DOMAIN_CREATE_WITH_FILES, args!(dom, flags), fds)
            .await?;
        r.get()
    }
}

/// Exactly one fd, or libvirt's "no file descriptor received" (extras are closed).
fn single_fd(fds: Vec<OwnedFd>) -> VirResult<OwnedFd> {
    let mut it = fds.into_iter();
    match (it.next(), it.next()) {
        (Some(fd), None) => Ok(fd),
        _ => Err(VirError::internal(
            ErrorDomain::Rpc,
            "no file descriptor received",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graphics_reply_must_carry_one_fd() {
        let e = single_fd(Vec::new()).unwrap_err();
        assert_eq!(e.message, "internal error: no file descriptor received");
        let (a, b) = std::os::unix::net::UnixStream::pair().unwrap();
        assert!(single_fd(vec![a.into(), b.into()]).is_err());
        let (a, _b) = std::os::unix::net::UnixStream::pair().unwrap();
        assert!(single_fd(vec![a.into()]).is_ok());
    }
}
