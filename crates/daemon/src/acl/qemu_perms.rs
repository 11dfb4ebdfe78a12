//! The permission each QEMU-program procedure needs (libvirt's `@acl:` annotations of the
//! `libvirt-qemu` procedures) and the access check of that program.

use rvirt_core::error::VirError;
use rvirt_proto::remote::ProcedureInfo;
use rvirt_rpc::server::ClientInfo;
use rvirt_xdr::{Decode, Decoder};

use super::check::{denied, identity};
use super::rules::{AclRules, Verdict};

/// Permissions of QEMU procedure `name` (without `QEMU_PROC_`), `None` if unknown.
pub fn qemu_permissions(name: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        "DOMAIN_MONITOR_COMMAND" | "DOMAIN_AGENT_COMMAND" | "DOMAIN_MONITOR_COMMAND_WITH_FILES" => {
            &["domain:write"]
        }
        "DOMAIN_ATTACH" => &["domain:write", "domain:start"],
        "CONNECT_DOMAIN_MONITOR_EVENT_REGISTER" => &["connect:search_domains", "connect:write"],
        "CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER" => &["connect:write"],
        "DOMAIN_MONITOR_EVENT" => &[],
        _ => return None,
    })
}

/// The domain name a QEMU call acts on: the leading `remote_nonnull_domain` of the calls
/// that take one.
fn object_name(name: &str, body: &[u8]) -> Option<String> {
    match name {
        "DOMAIN_MONITOR_COMMAND" | "DOMAIN_AGENT_COMMAND" | "DOMAIN_MONITOR_COMMAND_WITH_FILES" => {
            String::decode(&mut Decoder::new(body)).ok()
        }
        _ => None,
    }
}

/// The QEMU program's access check before decoding: read-only refusal (as libvirt-qemu.c
/// checks first), then the ACL rules.
pub fn check_qemu_call(
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
        let api = match info.name {
            "DOMAIN_MONITOR_COMMAND" => "virDomainQemuMonitorCommand",
            "DOMAIN_MONITOR_COMMAND_WITH_FILES" => "virDomainQemuMonitorCommandWithFiles",
            "DOMAIN_AGENT_COMMAND" => "virDomainQemuAgentCommand",
            _ => "virDomainQemuAttach",
        };
        return Err(VirError::read_only(api));
    }
    if acl.rules.is_empty() && acl.default_allow {
        return Ok(());
    }
    let Some(perms) = qemu_permissions(info.name) else {
        return Err(denied(driver));
    };
    let who = identity(client);
    let name = object_name(info.name, body);
    for perm in perms {
        let name = if perm.starts_with("connect:") {
            None
        } else {
            name.as_deref()
        };
        if let Verdict::Deny(_) = acl.check(&who, perm, name) {
            return Err(denied(driver));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rvirt_proto::qemu_program::QEMU_PROCEDURES;

    #[test]
    fn every_qemu_procedure_has_a_permission_entry() {
        let missing: Vec<&str> = QEMU_PROCEDURES
            .iter()
            .filter(|p| qemu_permissions(p.name).is_none())
            .map(|p| p.name)
            .collect();
        assert!(
            missing.is_empty(),
            "QEMU procedures without an ACL entry: {missing:?}"
        );
        for p in QEMU_PROCEDURES.iter() {
            let perms = qemu_permissions(p.name).unwrap_or(&[]);
            assert_eq!(perms.is_empty(), p.event, "{}", p.name);
            if p.writes {
                assert!(perms.iter().any(|x| x.ends_with(":write")), "{}", p.name);
            }
        }
    }

    #[test]
    fn monitor_command_names_its_domain() {
        let mut body = vec![0, 0, 0, 3];
        body.extend(b"vm1\0");
        assert_eq!(
            object_name("DOMAIN_MONITOR_COMMAND", &body).as_deref(),
            Some("vm1")
        );
        assert_eq!(object_name("DOMAIN_ATTACH", &body), None);
    }
}
