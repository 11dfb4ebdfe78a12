//! The Prepare phase on the destination (`qemuMigrationDstPrepare*`): start QEMU with
//! `-incoming defer`, export disks over NBD when storage is copied, and open the incoming
//! side with `migrate-incoming` (TCP, or a UNIX socket fed by a tunnel stream).

use super::cookie::Cookie;
use super::{op_failed, operation, reason, storage};
use crate::domain::jobs::JobProgress;
use crate::domain::{qmp_err, DomainObj, QemuDriver, VmProcess};
use rvirt_core::driver::{migrate_flags as mf, migrate_param, param_str};
use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::handle::Uuid;
use rvirt_core::typed_param::TypedParam;
use serde_json::json;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

const T: Duration = Duration::from_secs(30);

/// A TCP port free on `host` right now.
pub(crate) fn free_port(host: &str) -> VirResult<u16> {
    std::net::TcpListener::bind((host, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| op_failed(format!("cannot find a free port on {host}: {e}")))
}

/// Host and port of a `tcp:host:port` / `tcp://host:port` migration URI.
pub(crate) fn parse_tcp_uri(uri: &str) -> Option<(String, Option<u16>)> {
    let rest = uri
        .strip_prefix("tcp://")
        .or_else(|| uri.strip_prefix("tcp:"))?;
    let rest = rest.trim_end_matches('/');
    match rest.rsplit_once(':') {
        Some((h, p)) => Some((h.trim_matches(['[', ']']).to_string(), p.parse().ok())),
        None => Some((rest.to_string(), None)),
    }
}

/// What Prepare set up.
pub(crate) struct Prepared {
    pub cookie: Cookie,
    /// `tcp:host:port` for a direct migration.
    pub uri: Option<String>,
    /// The UNIX socket QEMU listens on for a tunnelled migration.
    pub socket: Option<PathBuf>,
}

/// `virDomainMigratePrepare3Params` / `…PrepareTunnel3Params`.
pub(crate) async fn prepare(
    drv: &Arc<QemuDriver>,
    params: &[TypedParam],
    cookie_in: &[u8],
    flags: u32,
    tunnelled: bool,
) -> VirResult<Prepared> {
    let xml = param_str(params, migrate_param::DEST_XML)
        .ok_or_else(|| VirError::invalid_arg(ErrorDomain::Qemu, "no domain XML passed"))?;
    let src = Cookie::decode(cookie_in)?;
    let mut def = drv.parse_xml(xml).await?;
    if let Some(n) = param_str(params, migrate_param::DEST_NAME) {
        def.name = n.to_string();
    }
    let def = drv.filter_hook(def, "migrate").await?;
    let mut cookie = Cookie {
        name: def.name.clone(),
        uuid: def.uuid_string(),
        hostname: super::begin::hostname(),
        ..Default::default()
    };
    let exists = drv.check_clash(&def)?;
    let uuid = Uuid(def.uuid);
    if flags & mf::OFFLINE != 0 {
        // libvirt's client insists on a URI even though nothing is sent
        return Ok(Prepared {
            cookie,
            uri: Some(format!("tcp:127.0.0.1:{}", free_port("127.0.0.1")?)),
            socket: None,
        });
    }
    {
        let mut doms = drv.lock();
        if doms.get(&uuid).is_some_and(|o| o.state.is_active()) {
            return Err(super::invalid(format!(
                "domain '{}' is already active",
                def.name
            )));
        }
        doms.entry(uuid)
            .or_insert_with(|| DomainObj::new(def.clone(), false));
    }
    let copy_storage = flags & (mf::NON_SHARED_DISK | mf::NON_SHARED_INC) != 0;
    let r = async {
        if copy_storage {
            storage::precreate(&def, &src.disks).await?;
        }
        drv.start_incoming(uuid, def.clone()).await
    }
    .await;
    let handle = match r {
        Ok(h) => h,
        Err(e) => {
            forget_new(drv, uuid, exists);
            return Err(e);
        }
    };
    let vm = drv.vm_of(&handle)?;
    let postcopy = flags & mf::POSTCOPY != 0;
    match open_incoming(drv, &vm, params, &src, copy_storage, tunnelled, postcopy).await {
        Ok((uri, socket, nbd_port)) => {
            cookie.nbd_port = nbd_port;
            let _ = drv.with_dom(&handle, |o| {
                o.job_progress = Some(JobProgress::start(operation::MIGRATION_IN));
                Ok(())
            });
            Ok(Prepared {
                cookie,
                uri,
                socket,
            })
        }
        Err(e) => {
            abort_incoming(drv, &vm).await;
            Err(e)
        }
    }
}

/// Removes a domain object Prepare added when it failed before QEMU ran.
fn forget_new(drv: &QemuDriver, uuid: Uuid, existed: bool) {
    if existed {
        return;
    }
    let mut doms = drv.lock();
    if doms
        .get(&uuid)
        .is_some_and(|o| !o.persistent && !o.state.is_active())
    {
        doms.remove(&uuid);
    }
}

type Opened = (Option<String>, Option<PathBuf>, Option<u16>);

async fn open_incoming(
    drv: &QemuDriver,
    vm: &VmProcess,
    params: &[TypedParam],
    src: &Cookie,
    copy_storage: bool,
    tunnelled: bool,
    postcopy: bool,
) -> VirResult<Opened> {
    let _ = drv;
    let _ = vm
        .qmp
        .execute(
            "migrate-set-capabilities",
            Some(json!({"capabilities": [{"capability": "events", "state": true}]})),
            T,
        )
        .await;
    if postcopy {
        *vm.incoming_events.lock().unwrap_or_else(|p| p.into_inner()) = Some(vm.qmp.events());
        // post-copy needs the capability on both sides before the stream starts
        vm.qmp
            .execute(
                "migrate-set-capabilities",
                Some(json!({"capabilities": [{"capability": "postcopy-ram", "state": true}]})),
                T,
            )
            .await
            .map_err(qmp_err)?;
    }
    let given = param_str(params, migrate_param::URI).and_then(parse_tcp_uri);
    let host = param_str(params, migrate_param::LISTEN_ADDRESS)
        .map(str::to_string)
        .or_else(|| given.as_ref().map(|g| g.0.clone()))
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "127.0.0.1".to_string());
    let nbd_port = if copy_storage && !src.disks.is_empty() {
        Some(storage::export(vm, &src.disks, &host).await?)
    } else {
        None
    };
    if tunnelled {
        let sock = vm.domain_dir.join("migrate-in.sock");
        let _ = std::fs::remove_file(&sock);
        vm.qmp
            .execute(
                "migrate-incoming",
                Some(json!({"uri": format!("unix:{}", sock.display())})),
                T,
            )
            .await
            .map_err(qmp_err)?;
        return Ok((None, Some(sock), nbd_port));
    }
    let port = match given.and_then(|g| g.1) {
        Some(p) => p,
        None => free_port(&host)?,
    };
    vm.qmp
        .execute(
            "migrate-incoming",
            Some(json!({"uri": format!("tcp:{host}:{port}")})),
            T,
        )
        .await
        .map_err(qmp_err)?;
    Ok((Some(format!("tcp:{host}:{port}")), None, nbd_port))
}

/// Kills the incoming QEMU of a failed or cancelled migration.
pub(crate) async fn abort_incoming(drv: &QemuDriver, vm: &Arc<VmProcess>) {
    *vm.stop_reason.lock().unwrap_or_else(|p| p.into_inner()) =
        Some((reason::SHUTOFF_FAILED, reason::STOPPED_FAILED));
    let _ = drv.kill_vm(vm, true).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcp_uris() {
        assert_eq!(
            parse_tcp_uri("tcp:127.0.0.1:4444"),
            Some(("127.0.0.1".into(), Some(4444)))
        );
        assert_eq!(parse_tcp_uri("tcp://host1"), Some(("host1".into(), None)));
        assert_eq!(parse_tcp_uri("unix:/x"), None);
        assert!(free_port("127.0.0.1").unwrap() > 0);
    }
}
