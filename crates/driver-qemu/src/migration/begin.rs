//! The Begin phase on the source (`qemuMigrationSrcBegin`): the domain XML the destination
//! starts and the cookie describing the domain (and the disks to copy).

use super::cookie::Cookie;
use super::{invalid, storage};
use crate::domain::{image_xml, QemuDriver};
use rvirt_conf::domain::FormatOptions;
use rvirt_core::driver::{migrate_flags as mf, migrate_param, param_str};
use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::typed_param::TypedParam;
use std::sync::Arc;

/// The host name put into cookies.
pub(crate) fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|_| "localhost".into())
}

/// `virDomainMigrateBegin3Params`: (cookie, XML for the destination).
pub(crate) async fn begin(
    drv: &Arc<QemuDriver>,
    dom: &DomainRef,
    params: &[TypedParam],
    flags: u32,
) -> VirResult<(Vec<u8>, String)> {
    let (def, live, vm, persistent) = drv.with_dom(dom, |o| {
        Ok((o.def.clone(), o.live.clone(), o.vm.clone(), o.persistent))
    })?;
    let mut cookie = Cookie {
        name: def.name.clone(),
        uuid: def.uuid_string(),
        hostname: hostname(),
        ..Default::default()
    };
    if flags & mf::POSTCOPY != 0 && flags & mf::TUNNELLED != 0 {
        // post-copy needs QEMU's return path, which a one-way tunnel stream lacks
        return Err(VirError::new(
            rvirt_core::error::ErrorCode::ArgumentUnsupported,
            ErrorDomain::Qemu,
            "post-copy is not supported with tunnelled migration".to_string(),
        ));
    }
    if flags & mf::OFFLINE != 0 {
        if flags & mf::PERSIST_DEST == 0 {
            return Err(VirError::invalid_arg(
                ErrorDomain::Qemu,
                "offline migration requires persistent flag",
            ));
        }
        if flags & (mf::NON_SHARED_DISK | mf::NON_SHARED_INC) != 0 {
            return Err(invalid(
                "offline migration cannot handle non-shared storage",
            ));
        }
        if !persistent {
            return Err(invalid("cannot migrate a transient domain offline"));
        }
        let xml = match param_str(params, migrate_param::DEST_XML) {
            Some(x) => checked_xml(drv, def.uuid, x, None).await?,
            None => def.format(&FormatOptions {
                inactive: true,
                secure: true,
                migratable: true,
                ..Default::default()
            }),
        };
        return Ok((cookie.encode(), xml));
    }
    let (Some(live), Some(vm)) = (live, vm) else {
        return Err(invalid("domain is not running"));
    };
    super::state::update_tuning(super::state::key(drv, dom.uuid), |t| {
        t.postcopy_begun = flags & mf::POSTCOPY != 0;
        t.postcopy_requested = false;
    });
    if flags & (mf::NON_SHARED_DISK | mf::NON_SHARED_INC) != 0 {
        cookie.disks = storage::disks_to_copy(&vm, &live, params).await?;
    }
    let xml = match param_str(params, migrate_param::DEST_XML) {
        Some(x) => checked_xml(drv, def.uuid, x, Some(&vm.domain_dir)).await?,
        None => image_xml(&live, &vm.domain_dir),
    };
    Ok((cookie.encode(), xml))
}

/// A user-supplied destination XML (`--xml`) must describe the same domain; socket paths
/// generated under the source's domain directory are dropped (the destination makes its own).
async fn checked_xml(
    drv: &QemuDriver,
    uuid: [u8; 16],
    xml: &str,
    domain_dir: Option<&std::path::Path>,
) -> VirResult<String> {
    let d = drv.parse_xml(xml).await?;
    if d.uuid != uuid {
        return Err(VirError::invalid_arg(
            ErrorDomain::Qemu,
            format!(
                "Target domain uuid {} does not match source",
                d.uuid_string()
            ),
        ));
    }
    if let Some(dir) = domain_dir {
        return Ok(image_xml(&d, dir));
    }
    Ok(d.format(&FormatOptions {
        inactive: true,
        secure: true,
        migratable: true,
        ..Default::default()
    }))
}
