//! The fd-passing calls on [`Domain`] (unix-socket connections only).

use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::fs::FileTypeExt;

use rvirt_core::error::{ErrorDomain, VirError, VirResult};

use super::domain::Domain;
use crate::connect::Connect;

impl Domain {
    /// virDomainOpenGraphicsFD: a socket connected to graphics device `idx` (VNC or
    /// SPICE), speaking that protocol from its first byte.
    pub async fn open_graphics_fd(&self, idx: u32, flags: u32) -> VirResult<OwnedFd> {
        self.connect()
            .domain_open_graphics_fd(self.handle(), idx, flags)
            .await
    }
    /// virDomainOpenGraphics: connects the caller's socket `fd` to graphics device `idx`;
    /// `fd` must be a socket ("fd N must be a socket" otherwise, as libvirt checks).
    pub async fn open_graphics(&self, idx: u32, fd: OwnedFd, flags: u32) -> VirResult<()> {
        let (fd, is_socket) = is_socket(fd);
        if !is_socket {
            return Err(VirError::invalid_arg(
                ErrorDomain::Domain,
                format!("fd {} must be a socket", fd.as_raw_fd()),
            ));
        }
        self.connect()
            .domain_open_graphics(self.handle(), idx, fd, flags)
            .await
    }
    /// virDomainFDAssociate: hands `fds` to the domain under `name`, for disks with
    /// `<source fdgroup='name'/>`.
    pub async fn fd_associate(&self, name: &str, fds: Vec<OwnedFd>, flags: u32) -> VirResult<()> {
        self.connect()
            .domain_fd_associate(self.handle(), name, fds, flags)
            .await
    }
    /// virDomainCreateWithFiles: starts the domain passing `fds` to it.
    pub async fn create_with_files(&mut self, fds: Vec<OwnedFd>, flags: u32) -> VirResult<()> {
        let h = self
            .connect()
            .domain_create_with_files(self.handle(), fds, flags)
            .await?;
        *self = Domain::new(&self.connect().clone(), h);
        Ok(())
    }
}

impl Connect {
    /// virDomainCreateXMLWithFiles: creates and starts a transient domain passing it `fds`
    /// (the QEMU driver does not offer it, as in libvirt).
    pub async fn create_domain_xml_with_files(
        &self,
        xml: &str,
        fds: Vec<OwnedFd>,
        flags: u32,
    ) -> VirResult<Domain> {
        let h = self.domain_create_xml_with_files(xml, fds, flags).await?;
        Ok(Domain::new(self, h))
    }
}

/// Whether `fd` is a socket (`fstat`), handing the fd back.
fn is_socket(fd: OwnedFd) -> (OwnedFd, bool) {
    let f = std::fs::File::from(fd);
    let sock = f.metadata().is_ok_and(|m| m.file_type().is_socket());
    (OwnedFd::from(f), sock)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sockets_are_graphics_clients() {
        let (a, _b) = std::os::unix::net::UnixStream::pair().unwrap();
        assert!(is_socket(a.into()).1);
        let f = tempfile::tempfile().unwrap();
        assert!(!is_socket(f.into()).1);
    }
}
