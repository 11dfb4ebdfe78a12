//! Object lookup from a command argument, with virsh's fallback order
//! (`virshLookupDomainBy`, `virshCommandOptNetworkBy`, `virshCommandOptPoolBy`, `…VolBy`).

use rvirt::{Connect, DomainRef, NetworkRef, SecretRef, StoragePoolRef, StorageVolRef, Uuid};

use crate::parser::{parse_i64, Cmd};
use crate::vsh::Failure;

const UUID_STRLEN: usize = 36;

fn required<'a>(cmd: &'a Cmd, opt: &str) -> Result<&'a str, Failure> {
    cmd.req(opt).map_err(Failure::msg)?.ok_or_else(|| {
        Failure::msg(format!(
            "command '{}' requires <{opt}> option",
            cmd.def.name
        ))
    })
}

/// Looks a domain up by id (numeric), then UUID (36 characters), then name.
/// On failure virsh prints only "failed to get domain 'x'".
pub async fn domain_by(conn: &Connect, name: &str) -> Result<DomainRef, Failure> {
    if let Some(id) = parse_i64(name).filter(|&i| i >= 0 && i <= i64::from(i32::MAX)) {
        if let Ok(d) = conn.domain_lookup_by_id(id as i32).await {
            return Ok(d);
        }
    }
    if name.len() == UUID_STRLEN {
        if let Some(u) = Uuid::parse(name) {
            if let Ok(d) = conn.domain_lookup_by_uuid(u).await {
                return Ok(d);
            }
        }
    }
    conn.domain_lookup_by_name(name)
        .await
        .map_err(|_| Failure::msg(format!("failed to get domain '{name}'")))
}

/// The domain named by option `opt` (usually `domain`).
pub async fn domain(conn: &Connect, cmd: &Cmd, opt: &str) -> Result<DomainRef, Failure> {
    let name = required(cmd, opt)?;
    domain_by(conn, name).await
}

/// Looks a network up by UUID, then name; prints both virsh's line and the libvirt error.
pub async fn network_by(conn: &Connect, name: &str) -> Result<NetworkRef, Failure> {
    if name.len() == UUID_STRLEN {
        if let Some(u) = Uuid::parse(name) {
            if let Ok(n) = conn.network_lookup_by_uuid(u).await {
                return Ok(n);
            }
        }
    }
    conn.network_lookup_by_name(name)
        .await
        .map_err(|e| Failure::ctx(format!("failed to get network '{name}'"), e))
}

/// The network named by option `opt`.
pub async fn network(conn: &Connect, cmd: &Cmd, opt: &str) -> Result<NetworkRef, Failure> {
    let name = required(cmd, opt)?;
    network_by(conn, name).await
}

/// Looks a storage pool up by UUID, then name.
pub async fn pool_by(conn: &Connect, name: &str) -> Result<StoragePoolRef, Failure> {
    if name.len() == UUID_STRLEN {
        if let Some(u) = Uuid::parse(name) {
            if let Ok(p) = conn.pool_lookup_by_uuid(u).await {
                return Ok(p);
            }
        }
    }
    conn.pool_lookup_by_name(name)
        .await
        .map_err(|e| Failure::ctx(format!("failed to get pool '{name}'"), e))
}

/// The pool named by option `opt`.
pub async fn pool(conn: &Connect, cmd: &Cmd, opt: &str) -> Result<StoragePoolRef, Failure> {
    let name = required(cmd, opt)?;
    pool_by(conn, name).await
}

/// The volume named by option `opt`, optionally inside the pool given by `--pool`.
pub async fn vol(conn: &Connect, cmd: &Cmd, opt: &str) -> Result<StorageVolRef, Failure> {
    vol_in(conn, cmd, opt, "pool").await
}

/// The volume named by option `opt`, optionally inside the pool given by option `pool_opt`.
pub async fn vol_in(
    conn: &Connect,
    cmd: &Cmd,
    opt: &str,
    pool_opt: &str,
) -> Result<StorageVolRef, Failure> {
    let name = required(cmd, opt)?;
    let mut pool = None;
    if let Some(p) = cmd.req(pool_opt).map_err(Failure::msg)? {
        let pr = pool_by(conn, p).await?;
        if !conn.pool_is_active(&pr).await.unwrap_or(false) {
            return Err(Failure::msg(format!("pool '{p}' is not active")));
        }
        pool = Some(pr);
    }
    if let Some(p) = &pool {
        if let Ok(v) = conn.vol_lookup_by_name(p, name).await {
            return Ok(v);
        }
    }
    if let Ok(v) = conn.vol_lookup_by_key(name).await {
        return check_pool(v, pool.as_ref(), name);
    }
    let last = match conn.vol_lookup_by_path(name).await {
        Ok(v) => return check_pool(v, pool.as_ref(), name),
        Err(e) => Some(e),
    };
    let line = if pool.is_some() {
        format!("failed to get vol '{name}'")
    } else {
        format!("failed to get vol '{name}', specifying --{pool_opt} might help")
    };
    Err(match last {
        Some(e) => Failure::ctx(line, e),
        None => Failure::msg(line),
    })
}

fn check_pool(
    v: StorageVolRef,
    pool: Option<&StoragePoolRef>,
    name: &str,
) -> Result<StorageVolRef, Failure> {
    if let Some(p) = pool {
        if p.name != v.pool {
            return Err(Failure::msg(format!(
                "Requested volume '{name}' is not in pool '{}'",
                p.name
            )));
        }
    }
    Ok(v)
}

/// The secret named by option `opt` (a UUID).
pub async fn secret(conn: &Connect, cmd: &Cmd, opt: &str) -> Result<SecretRef, Failure> {
    let name = required(cmd, opt)?;
    let res = match Uuid::parse(name).filter(|_| name.len() == UUID_STRLEN) {
        Some(u) => conn.secret_lookup_by_uuid(u).await,
        None => Err(rvirt::VirError::raw(
            rvirt::ErrorCode::InvalidArg,
            rvirt::ErrorDomain::None,
            "uuidstr in virSecretLookupByUUIDString must be a valid UUID",
        )),
    };
    res.map_err(|e| Failure::ctx(format!("failed to get secret '{name}'"), e))
}
