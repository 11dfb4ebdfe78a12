//! Lifetime of `virDomainFDAssociate` groups: closed when the domain is undefined, and for
//! a transient domain when it stops (its object goes away), as in libvirt.

use crate::common::{guest_xml, GuestEnv};
use rvirt_core::driver::DomainDriver;
use rvirt_core::handle::Uuid;
use std::io::Read;
use std::os::unix::net::UnixStream;
use std::time::Duration;

/// A socket pair: the end to associate, and a peer that reads EOF once every copy of the
/// associated end is closed.
fn watched() -> (std::os::fd::OwnedFd, UnixStream) {
    let (a, b) = UnixStream::pair().unwrap();
    b.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    (a.into(), b)
}

fn closed(peer: &mut UnixStream) -> bool {
    let mut buf = [0u8; 1];
    matches!(peer.read(&mut buf), Ok(0))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn groups_close_on_undefine_and_when_a_transient_domain_stops() {
    let Some(env) = GuestEnv::start().await else {
        return;
    };
    let (guest, _root, pids, drv, conn) = env.parts();

    // persistent, inactive: undefine closes the group
    let dom = conn
        .domain_define_xml(&guest_xml("fdlife", &guest), 0)
        .await
        .unwrap();
    let (fd, mut peer) = watched();
    conn.domain_fd_associate(&dom, "g", vec![fd], 0)
        .await
        .unwrap();
    assert_eq!(drv.fd_groups().names(Uuid(dom.uuid.0)), ["g"]);
    conn.domain_undefine(&dom, 0).await.unwrap();
    assert!(drv.fd_groups().names(Uuid(dom.uuid.0)).is_empty());
    assert!(closed(&mut peer), "the associated fd is still open");

    // transient: the group lives while it runs and closes when it is destroyed
    let dom = conn
        .domain_create_xml(&guest_xml("fdlife2", &guest), 0)
        .await
        .unwrap();
    pids.track(&drv, &dom);
    let (fd, mut peer) = watched();
    conn.domain_fd_associate(&dom, "t", vec![fd], 0)
        .await
        .unwrap();
    assert_eq!(drv.fd_groups().names(Uuid(dom.uuid.0)), ["t"]);
    peer.set_nonblocking(true).unwrap();
    let mut buf = [0u8; 1];
    assert!(peer.read(&mut buf).is_err(), "closed while running");
    peer.set_nonblocking(false).unwrap();
    conn.domain_destroy(&dom, 0).await.unwrap();
    assert!(drv.fd_groups().names(Uuid(dom.uuid.0)).is_empty());
    assert!(closed(&mut peer), "the transient domain's fd is still open");
}
