//! Guest-agent APIs (`virDomainInterfaceAddresses` source=agent, `virDomainGetHostname`,
//! `virDomainGetTime`/`SetTime`, `virDomainFSFreeze`/`Thaw`). Each call is bounded by a
//! timeout and holds no domain lock, so a hung agent never blocks other calls.

use super::driver::QemuDriver;
use super::object::VmProcess;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::info::{DomainInterface, GuestTime, IpAddress};
use rvirt_qmp::{AgentClient, QmpError};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

/// Default agent command timeout (libvirt's `VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_DEFAULT` is 5 s).
const AGENT_TIMEOUT: Duration = Duration::from_secs(5);

/// Maps an agent failure to libvirt's errors.
pub fn agent_err(e: QmpError) -> VirError {
    match e {
        QmpError::Timeout(_) => VirError::new(
            ErrorCode::AgentUnresponsive,
            ErrorDomain::Qemu,
            "QEMU guest agent is not connected",
        ),
        QmpError::Connect { .. } | QmpError::Closed | QmpError::Io(_) => VirError::new(
            ErrorCode::AgentUnresponsive,
            ErrorDomain::Qemu,
            "QEMU guest agent is not connected",
        ),
        QmpError::Command { desc, .. } => VirError::internal(
            ErrorDomain::Qemu,
            format!("unable to execute QEMU agent command: {desc}"),
        ),
        other => VirError::internal(ErrorDomain::Qemu, other.to_string()),
    }
}

impl QemuDriver {
    /// The agent client of a running guest, or libvirt's "not configured" error.
    pub(crate) fn agent_of(&self, vm: &Arc<VmProcess>) -> VirResult<Arc<AgentClient>> {
        vm.agent.clone().ok_or_else(|| {
            VirError::new(
                ErrorCode::ArgumentUnsupported,
                ErrorDomain::Qemu,
                "QEMU guest agent is not configured",
            )
        })
    }

    /// Runs one agent command on a domain, bounded by the agent timeout.
    pub(crate) async fn agent_call(
        &self,
        dom: &DomainRef,
        cmd: &str,
        args: Option<Value>,
    ) -> VirResult<Value> {
        let vm = self.vm_of(dom)?;
        let agent = self.agent_of(&vm)?;
        match tokio::time::timeout(AGENT_TIMEOUT, agent.execute(cmd, args, AGENT_TIMEOUT)).await {
            Ok(r) => r.map_err(agent_err),
            Err(_) => Err(agent_err(QmpError::Timeout(cmd.to_string()))),
        }
    }

    /// `virDomainQemuAgentCommand`: sends a raw `{"execute": …}` command to the guest agent
    /// and returns the reply document (`{"return": …}`). `timeout_s` follows libvirt:
    /// -2 block, -1 default, 0 no wait, > 0 seconds.
    pub async fn agent_command(
        &self,
        dom: &DomainRef,
        cmd: &str,
        timeout_s: i32,
    ) -> VirResult<String> {
        let v: Value = serde_json::from_str(cmd).map_err(|e| {
            VirError::invalid_arg(ErrorDomain::Qemu, format!("invalid agent command: {e}"))
        })?;
        let name = v["execute"].as_str().ok_or_else(|| {
            VirError::invalid_arg(ErrorDomain::Qemu, "agent command has no 'execute'")
        })?;
        let t = match timeout_s {
            t if t > 0 => Duration::from_secs(t as u64),
            0 => Duration::from_millis(1),
            -2 => Duration::from_secs(3600),
            _ => AGENT_TIMEOUT,
        };
        let vm = self.vm_of(dom)?;
        let agent = self.agent_of(&vm)?;
        let args = v.get("arguments").cloned();
        let r = match tokio::time::timeout(t, agent.execute(name, args, t)).await {
            Ok(r) => r.map_err(agent_err)?,
            Err(_) => return Err(agent_err(QmpError::Timeout(name.to_string()))),
        };
        Ok(json!({ "return": r }).to_string())
    }

    /// `virDomainInterfaceAddresses` with `VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT`.
    pub(crate) async fn agent_interfaces(
        &self,
        dom: &DomainRef,
    ) -> VirResult<Vec<DomainInterface>> {
        let v = self
            .agent_call(dom, "guest-network-get-interfaces", None)
            .await?;
        Ok(parse_interfaces(&v))
    }

    /// `virDomainGetHostname` (agent source).
    pub(crate) async fn agent_hostname(&self, dom: &DomainRef) -> VirResult<String> {
        let v = self.agent_call(dom, "guest-get-host-name", None).await?;
        v["host-name"].as_str().map(str::to_string).ok_or_else(|| {
            VirError::internal(
                ErrorDomain::Qemu,
                "malformed return value from guest-get-host-name",
            )
        })
    }

    /// `virDomainGetTime`.
    pub(crate) async fn agent_get_time(&self, dom: &DomainRef) -> VirResult<GuestTime> {
        let v = self.agent_call(dom, "guest-get-time", None).await?;
        let ns = v.as_i64().ok_or_else(|| {
            VirError::internal(
                ErrorDomain::Qemu,
                "malformed return value from guest-get-time",
            )
        })?;
        Ok(GuestTime {
            seconds: ns.div_euclid(1_000_000_000),
            nseconds: ns.rem_euclid(1_000_000_000) as u32,
        })
    }

    /// `virDomainSetTime` (`VIR_DOMAIN_TIME_SYNC` = 1 lets the guest read its RTC).
    pub(crate) async fn agent_set_time(
        &self,
        dom: &DomainRef,
        t: GuestTime,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 1, "virDomainSetTime")?;
        let args = if flags & 1 != 0 {
            None
        } else {
            Some(json!({"time": t.seconds * 1_000_000_000 + i64::from(t.nseconds)}))
        };
        self.agent_call(dom, "guest-set-time", args)
            .await
            .map(|_| ())
    }

    /// `virDomainFSFreeze` / `virDomainFSThaw`: number of filesystems affected.
    pub(crate) async fn agent_fs(
        &self,
        dom: &DomainRef,
        freeze: bool,
        mounts: Vec<String>,
    ) -> VirResult<i32> {
        let (cmd, args) = match (freeze, mounts.is_empty()) {
            (true, true) => ("guest-fsfreeze-freeze", None),
            (true, false) => (
                "guest-fsfreeze-freeze-list",
                Some(json!({"mountpoints": mounts})),
            ),
            (false, _) => ("guest-fsfreeze-thaw", None),
        };
        let v = self.agent_call(dom, cmd, args).await?;
        Ok(v.as_i64().unwrap_or(0) as i32)
    }
}

/// `guest-network-get-interfaces` → `virDomainInterface` records.
pub fn parse_interfaces(v: &Value) -> Vec<DomainInterface> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| {
            Some(DomainInterface {
                name: i["name"].as_str()?.to_string(),
                hwaddr: i["hardware-address"].as_str().map(str::to_string),
                addrs: i["ip-addresses"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|a| {
                        Some(IpAddress {
                            addr_type: match a["ip-address-type"].as_str()? {
                                "ipv4" => 0,
                                "ipv6" => 1,
                                _ => return None,
                            },
                            addr: a["ip-address"].as_str()?.to_string(),
                            prefix: a["prefix"].as_u64().unwrap_or(0) as u32,
                        })
                    })
                    .collect(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interfaces_from_agent_reply() {
        let v = json!([{"name": "eth0", "hardware-address": "52:54:00:12:34:56",
            "ip-addresses": [{"ip-address-type": "ipv4", "ip-address": "10.0.2.15", "prefix": 24},
                             {"ip-address-type": "ipv6", "ip-address": "fe80::1", "prefix": 64}]}]);
        let r = parse_interfaces(&v);
        assert_eq!(r[0].name, "eth0");
        assert_eq!(r[0].addrs[0].addr, "10.0.2.15");
        assert_eq!(r[0].addrs[1].addr_type, 1);
    }
}
