//! Typed parameters of the admin API (`VIR_THREADPOOL_*`, `VIR_SERVER_CLIENTS_*`,
//! `VIR_CLIENT_INFO_*` field names).

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::typed_param::{TypedParam, TypedValue};
use rvirt_rpc::server::{ClientInfo, ClientLimits, ThreadPoolInfo, Transport};

fn uint(name: &str, v: usize) -> TypedParam {
    TypedParam::new(name, TypedValue::UInt(u32::try_from(v).unwrap_or(u32::MAX)))
}

/// `virAdmServerGetThreadPoolParameters`.
pub fn threadpool(t: &ThreadPoolInfo) -> Vec<TypedParam> {
    vec![
        uint("minWorkers", t.min_workers),
        uint("maxWorkers", t.max_workers),
        uint("nWorkers", t.n_workers),
        uint("freeWorkers", t.free_workers),
        uint("prioWorkers", t.prio_workers),
        uint("jobQueueDepth", t.job_queue_depth),
    ]
}

/// `virAdmServerGetClientLimits`.
pub fn client_limits(l: &ClientLimits) -> Vec<TypedParam> {
    vec![
        uint("nclients_max", l.max_clients),
        uint("nclients", l.clients),
        uint("nclients_unauth_max", l.max_anonymous),
        uint("nclients_unauth", l.anonymous),
    ]
}

/// A UINT parameter named `name` among `params`, refusing other types and unknown names.
pub fn take_uint(params: &[TypedParam], allowed: &[&str], name: &str) -> VirResult<Option<usize>> {
    for p in params {
        if !allowed.contains(&p.field.as_str()) {
            return Err(VirError::new(
                ErrorCode::InvalidArg,
                ErrorDomain::Admin,
                format!("parameter '{}' not supported", p.field),
            ));
        }
    }
    match params.iter().rev().find(|p| p.field == name) {
        None => Ok(None),
        Some(TypedParam {
            value: TypedValue::UInt(v),
            ..
        }) => Ok(Some(usize::try_from(*v).unwrap_or(usize::MAX))),
        Some(_) => Err(VirError::new(
            ErrorCode::InvalidArg,
            ErrorDomain::Admin,
            format!("invalid type for parameter '{name}', expected 'uint'"),
        )),
    }
}

/// libvirt's `virClientTransport`: 0 unix, 1 tcp, 2 tls.
pub fn transport(t: &Transport) -> u32 {
    match t {
        Transport::Tcp(_) => 1,
        Transport::Tls(_) => 2,
        Transport::Unix | Transport::Other => 0,
    }
}

/// `virAdmClientGetInfo`: the identity of one connection.
pub fn client_info(info: &ClientInfo) -> Vec<TypedParam> {
    let mut v = vec![TypedParam::new(
        "readonly",
        TypedValue::Boolean(info.read_only),
    )];
    match &info.transport {
        Transport::Tcp(a) | Transport::Tls(a) => {
            v.push(TypedParam::new("sock_addr", TypedValue::String(a.clone())));
        }
        Transport::Unix | Transport::Other => {}
    }
    if let Some(dn) = &info.x509_dname {
        v.push(TypedParam::new(
            "x509_dname",
            TypedValue::String(dn.clone()),
        ));
    }
    if let Some(uid) = info.uid {
        v.push(TypedParam::new(
            "unix_user_id",
            TypedValue::Int(i32::try_from(uid).unwrap_or(-1)),
        ));
        if let Some(n) = user_name(uid) {
            v.push(TypedParam::new("unix_user_name", TypedValue::String(n)));
        }
    }
    if let Some(gid) = info.gid {
        v.push(TypedParam::new(
            "unix_group_id",
            TypedValue::Int(i32::try_from(gid).unwrap_or(-1)),
        ));
        if let Some(n) = group_name(gid) {
            v.push(TypedParam::new("unix_group_name", TypedValue::String(n)));
        }
    }
    if let Some(pid) = info.pid {
        v.push(TypedParam::new("unix_process_id", TypedValue::Int(pid)));
    }
    v
}

fn user_name(uid: u32) -> Option<String> {
    let text = std::fs::read_to_string("/etc/passwd").ok()?;
    name_from_db(&text, uid)
}

fn group_name(gid: u32) -> Option<String> {
    let text = std::fs::read_to_string("/etc/group").ok()?;
    name_from_db(&text, gid)
}

/// The name of id `id` in a passwd/group style file (`name:x:id:…`).
fn name_from_db(text: &str, id: u32) -> Option<String> {
    text.lines().find_map(|l| {
        let mut f = l.split(':');
        let name = f.next()?;
        let _ = f.next()?;
        (f.next()?.parse::<u32>().ok()? == id).then(|| name.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_client_info() {
        let info = ClientInfo {
            id: 3,
            transport: Transport::Unix,
            read_only: true,
            uid: Some(0),
            gid: Some(0),
            pid: Some(42),
            x509_dname: None,
        };
        let p = client_info(&info);
        let names: Vec<&str> = p.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            names,
            [
                "readonly",
                "unix_user_id",
                "unix_user_name",
                "unix_group_id",
                "unix_group_name",
                "unix_process_id"
            ]
        );
        assert_eq!(p[0].value, TypedValue::Boolean(true));
        assert_eq!(p[2].value, TypedValue::String("root".into()));
        assert_eq!(name_from_db("a:x:1:\nb:x:2:", 2).as_deref(), Some("b"));
    }

    #[test]
    fn uint_params() {
        let ps = vec![TypedParam::new("maxWorkers", TypedValue::UInt(7))];
        assert_eq!(
            take_uint(&ps, &["maxWorkers"], "maxWorkers").unwrap(),
            Some(7)
        );
        assert!(take_uint(&ps, &["minWorkers"], "minWorkers").is_err());
        let bad = vec![TypedParam::new("maxWorkers", TypedValue::Int(7))];
        assert!(take_uint(&bad, &["maxWorkers"], "maxWorkers").is_err());
    }
}
