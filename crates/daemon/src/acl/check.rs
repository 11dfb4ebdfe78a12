//! The access check run in dispatch before a REMOTE call's arguments are decoded:
//! the read-only rule, then the ACL rules.
//!
//! libvirt refuses a read-only client in the public API entry point, i.e. after the
//! arguments were decoded; rvirtd refuses it before decoding (table-driven), so that no
//! argument — valid or not — can reach a handler, and the same error comes back.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError};
use rvirt_proto::remote::ProcedureInfo;
use rvirt_rpc::server::ClientInfo;
use rvirt_xdr::{Decode, Decoder};

use super::perms::permissions;
use super::rules::{groups_of, AclRules, Identity, Verdict};

/// The public API name libvirt names in errors, e.g. `DOMAIN_CREATE_XML` → `virDomainCreateXML`.
pub fn api_name(proc_name: &str) -> String {
    let mut out = String::from("vir");
    let words: Vec<&str> = proc_name.split('_').collect();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let word = match w {
            "XML" | "UUID" | "ID" | "CPU" | "NMI" | "PM" | "MAC" | "SCSI" | "WWN" | "FD"
            | "SEV" | "SSH" | "URI" => w.to_string(),
            "IOTHREAD" => "IOThread".into(),
            "FSTRIM" => "FSTrim".into(),
            "FSFREEZE" => "FSFreeze".into(),
            "FSTHAW" => "FSThaw".into(),
            "FSINFO" => "FSInfo".into(),
            "NWFILTER" => "NWFilter".into(),
            _ => {
                let mut c = w.chars();
                match c.next() {
                    Some(f) => format!("{f}{}", c.as_str().to_ascii_lowercase()),
                    None => String::new(),
                }
            }
        };
        out.push_str(&word);
        i += 1;
    }
    out
}

/// The caller as the ACL sees it.
pub fn identity(info: &ClientInfo) -> Identity {
    Identity {
        uid: info.uid,
        gids: groups_of(info.uid, info.gid),
        x509_dname: info.x509_dname.clone(),
        sasl_user: super::sasl_users::get(info.id),
    }
}

/// Which XDR string of the arguments names the object (1-based), if any.
fn name_position(name: &str) -> Option<usize> {
    const UNNAMED: [&str; 10] = [
        "LOOKUP_BY_UUID",
        "LOOKUP_BY_ID",
        "LOOKUP_BY_KEY",
        "LOOKUP_BY_PATH",
        "LOOKUP_BY_MAC",
        "LOOKUP_BY_TARGET",
        "LOOKUP_SCSI",
        "_XML",
        "MIGRATE_",
        "SAVE_IMAGE",
    ];
    if name.starts_with("CONNECT_")
        || name.starts_with("NODE_GET")
        || name.starts_with("NODE_SUSPEND")
        || name.starts_with("NODE_ALLOC")
        || name.starts_with("NODE_SET")
        || name.starts_with("NODE_NUM")
        || name.starts_with("NODE_LIST")
        || name.starts_with("SECRET_")
        || name.starts_with("NETWORK_PORT_")
        || name.starts_with("AUTH_")
        || name.starts_with("INTERFACE_CHANGE")
        || name.starts_with("DOMAIN_RESTORE")
        || UNNAMED.iter().any(|u| name.contains(u))
    {
        return None;
    }
    let snapshot = name.starts_with("DOMAIN_SNAPSHOT_") || name.starts_with("DOMAIN_CHECKPOINT_");
    let dom_first = matches!(
        name,
        "DOMAIN_SNAPSHOT_NUM"
            | "DOMAIN_SNAPSHOT_LIST_NAMES"
            | "DOMAIN_SNAPSHOT_LOOKUP_BY_NAME"
            | "DOMAIN_SNAPSHOT_CURRENT"
            | "DOMAIN_CHECKPOINT_LOOKUP_BY_NAME"
    );
    if (snapshot && !dom_first) || name.starts_with("STORAGE_VOL_") {
        // snapshot/checkpoint {name, domain{name…}}; volume {pool, name, key}
        return Some(2);
    }
    Some(1)
}

/// The object name a call acts on, read from the start of its arguments.
pub fn object_name(proc_name: &str, body: &[u8]) -> Option<String> {
    let pos = name_position(proc_name)?;
    let mut d = Decoder::new(body);
    let mut s = String::decode(&mut d).ok()?;
    for _ in 1..pos {
        s = String::decode(&mut d).ok()?;
    }
    Some(s)
}

/// Refuses a call before its arguments are decoded: libvirt's read-only error (code 29)
/// for a state-changing procedure on a read-only connection, then the ACL's access denied
/// (code 88, domain 55, "access denied: '<driver>' denied access").
pub fn check_call(
    info: &ProcedureInfo,
    client: &ClientInfo,
    read_only: bool,
    acl: &AclRules,
    driver: &str,
    body: &[u8],
) -> Result<(), VirError> {
    if info.event {
        return Ok(());
    }
    if read_only && info.writes {
        return Err(VirError::read_only(&api_name(info.name)));
    }
    if acl.rules.is_empty() && acl.default_allow {
        return Ok(());
    }
    let Some(perms) = permissions(info.name) else {
        return Err(denied(driver));
    };
    if perms.is_empty() {
        return Ok(());
    }
    let who = identity(client);
    let name = object_name(info.name, body);
    for perm in perms {
        let object = perm.split(':').next().unwrap_or("");
        let name = if object == "connect" {
            None
        } else {
            name.as_deref()
        };
        if let Verdict::Deny(line) = acl.check(&who, perm, name) {
            tracing::info!(
                client = client.id,
                uid = ?client.uid,
                permission = perm,
                object = ?name,
                rule_line = line,
                "{} denied by ACL",
                api_name(info.name)
            );
            return Err(denied(driver));
        }
    }
    Ok(())
}

/// libvirt's sanitized access error.
pub fn denied(driver: &str) -> VirError {
    VirError::new(
        ErrorCode::AccessDenied,
        ErrorDomain::Access,
        format!("'{driver}' denied access"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rvirt_proto::remote::procedure_by_name;
    use rvirt_rpc::server::Transport;

    fn client(uid: u32) -> ClientInfo {
        ClientInfo {
            id: 1,
            transport: Transport::Unix,
            read_only: false,
            uid: Some(uid),
            gid: Some(uid),
            pid: None,
            x509_dname: None,
        }
    }

    fn body_with_names(names: &[&str]) -> Vec<u8> {
        let mut v = Vec::new();
        for n in names {
            v.extend_from_slice(&rvirt_xdr::to_bytes(&n.to_string()).unwrap());
        }
        v
    }

    #[test]
    fn api_names() {
        assert_eq!(api_name("DOMAIN_CREATE_XML"), "virDomainCreateXML");
        assert_eq!(api_name("DOMAIN_CREATE"), "virDomainCreate");
        assert_eq!(api_name("DOMAIN_PIN_IOTHREAD"), "virDomainPinIOThread");
        assert_eq!(api_name("NWFILTER_DEFINE_XML"), "virNWFilterDefineXML");
        assert_eq!(api_name("NODE_DEVICE_RE_ATTACH"), "virNodeDeviceReAttach");
        assert_eq!(
            api_name("DOMAIN_SET_BLOCK_IO_TUNE"),
            "virDomainSetBlockIoTune"
        );
        assert_eq!(api_name("DOMAIN_FSFREEZE"), "virDomainFSFreeze");
        assert_eq!(api_name("DOMAIN_PM_WAKEUP"), "virDomainPMWakeup");
    }

    #[test]
    fn object_names_from_handles() {
        let b = body_with_names(&["vm1"]);
        assert_eq!(object_name("DOMAIN_CREATE", &b).as_deref(), Some("vm1"));
        assert_eq!(
            object_name("DOMAIN_LOOKUP_BY_NAME", &b).as_deref(),
            Some("vm1")
        );
        assert_eq!(object_name("DOMAIN_CREATE_XML", &b), None);
        assert_eq!(object_name("DOMAIN_LOOKUP_BY_UUID", &b), None);
        let snap = body_with_names(&["s1", "vm1"]);
        assert_eq!(
            object_name("DOMAIN_SNAPSHOT_DELETE", &snap).as_deref(),
            Some("vm1")
        );
        assert_eq!(
            object_name("DOMAIN_SNAPSHOT_NUM", &snap).as_deref(),
            Some("s1")
        );
        let vol = body_with_names(&["pool", "disk.img"]);
        assert_eq!(
            object_name("STORAGE_VOL_DELETE", &vol).as_deref(),
            Some("disk.img")
        );
    }

    #[test]
    fn read_only_refused_before_anything_else() {
        let p = procedure_by_name("DOMAIN_CREATE").unwrap();
        let e = check_call(p, &client(0), true, &AclRules::default(), "QEMU", b"").unwrap_err();
        assert_eq!(e.code, ErrorCode::OperationDenied);
        assert_eq!(
            e.message,
            "operation forbidden: read only access prevents virDomainCreate"
        );
        let list = procedure_by_name("CONNECT_LIST_ALL_DOMAINS").unwrap();
        assert!(check_call(list, &client(0), true, &AclRules::default(), "QEMU", b"").is_ok());
    }

    #[test]
    fn acl_denial_is_access_denied() {
        let acl = AclRules::parse("deny uid:0 domain:start\n").unwrap();
        let start = procedure_by_name("DOMAIN_CREATE").unwrap();
        let b = body_with_names(&["vm1"]);
        let e = check_call(start, &client(0), false, &acl, "QEMU", &b).unwrap_err();
        assert_eq!(e.code, ErrorCode::AccessDenied);
        assert_eq!(e.domain, ErrorDomain::Access);
        assert_eq!(e.message, "access denied: 'QEMU' denied access");
        assert!(check_call(start, &client(1000), false, &acl, "QEMU", &b).is_ok());
        let list = procedure_by_name("CONNECT_LIST_ALL_DOMAINS").unwrap();
        assert!(check_call(list, &client(0), false, &acl, "QEMU", b"").is_ok());
    }
}
