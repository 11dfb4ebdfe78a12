//! Peer-to-peer migration (`qemuMigrationSrcPerformPeer2Peer3`): the source daemon opens
//! the destination itself and drives Prepare/Finish there, optionally tunnelling the
//! migration data through the Prepare stream.

use super::cookie::Cookie;
use super::perform::{perform_local, stats_cookie};
use super::state::peer_connector;
use super::{begin, finish, op_failed, tunnel};
use crate::domain::QemuDriver;
use rvirt_core::driver::{
    migrate_flags as mf, migrate_param, param_str, set_param_str, Connection,
};
use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::typed_param::TypedParam;
use std::sync::Arc;

/// `virDomainMigratePerform3Params` with a destination URI (`VIR_MIGRATE_PEER2PEER`).
pub(crate) async fn perform_p2p(
    drv: &Arc<QemuDriver>,
    dom: &DomainRef,
    dconnuri: &str,
    params: &[TypedParam],
    flags: u32,
) -> VirResult<Vec<u8>> {
    let peer = peer_connector()
        .ok_or_else(|| VirError::no_support_in(ErrorDomain::Qemu, "peer-to-peer migration"))?;
    let dconn = peer.connect(dconnuri).await.map_err(|e| {
        op_failed(format!(
            "Failed to connect to remote libvirt URI {dconnuri}: {}",
            e.message
        ))
    })?;
    let r = run(drv, dom, dconn.as_ref(), params, flags).await;
    let _ = dconn.close().await;
    r.map(|_| Vec::new())
}

async fn run(
    drv: &Arc<QemuDriver>,
    dom: &DomainRef,
    dconn: &dyn Connection,
    params: &[TypedParam],
    flags: u32,
) -> VirResult<()> {
    let (bcookie, xml) = begin::begin(drv, dom, params, flags).await?;
    let mut p = params.to_vec();
    set_param_str(&mut p, migrate_param::DEST_XML, &xml);
    if param_str(&p, migrate_param::DEST_NAME).is_none() {
        set_param_str(&mut p, migrate_param::DEST_NAME, &dom.name);
    }
    let dflags = flags & !(mf::ABORT_ON_ERROR | mf::AUTO_CONVERGE);
    if flags & mf::OFFLINE != 0 {
        let (pc, _) = dconn.migrate_prepare3_params(&p, &bcookie, dflags).await?;
        dconn.migrate_finish3_params(&p, &pc, dflags, false).await?;
        return finish::confirm(drv, dom, &[], flags, false).await;
    }
    let performed = if flags & mf::TUNNELLED != 0 {
        let (pc, stream) = dconn
            .migrate_prepare_tunnel3_params(&p, &bcookie, dflags)
            .await?;
        let dest = Cookie::decode(&pc)?;
        let sink = stream
            .sink
            .ok_or_else(|| op_failed("tunnel stream cannot be written"))?;
        let vm = drv.vm_of(dom)?;
        let path = vm.domain_dir.join("migrate-out.sock");
        let pump = tunnel::outgoing_pump(path.clone(), sink)?;
        let uri = format!("unix:{}", path.display());
        perform_local(drv, dom, &uri, &p, &dest, flags, Some(pump)).await
    } else {
        let (pc, uri) = dconn.migrate_prepare3_params(&p, &bcookie, dflags).await?;
        let dest = Cookie::decode(&pc)?;
        let uri = uri
            .or_else(|| param_str(&p, migrate_param::URI).map(str::to_string))
            .ok_or_else(|| op_failed("destination did not return a migration URI"))?;
        perform_local(drv, dom, &uri, &p, &dest, flags, None).await
    };
    match performed {
        Ok(stats) => {
            let c = stats_cookie(dom, stats).encode();
            match dconn.migrate_finish3_params(&p, &c, dflags, false).await {
                Ok(_) => finish::confirm(drv, dom, &c, flags, false).await,
                Err(e) => {
                    let _ = finish::confirm(drv, dom, &[], flags, true).await;
                    Err(e)
                }
            }
        }
        Err(e) => {
            let _ = dconn.migrate_finish3_params(&p, &[], dflags, true).await;
            let _ = finish::confirm(drv, dom, &[], flags, true).await;
            Err(e)
        }
    }
}
