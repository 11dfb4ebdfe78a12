//! Launch security: `virDomainGetLaunchSecurityInfo` (`virsh domlaunchsecinfo`),
//! `virDomainSetLaunchSecurityState` (`virsh domsetlaunchsecstate`) and
//! `virNodeGetSEVInfo` (`virsh nodesevinfo`) for AMD SEV guests.

use std::time::Duration;

use super::driver::{not_running, qmp_err, QemuDriver};
use rvirt_conf::domain::DomainDef;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::typed_param::{kind, validate, TypedParam, TypedValue, TYPED_PARAM_STRING_OKAY};
use serde_json::json;

const T: Duration = Duration::from_secs(30);

/// `VIR_DOMAIN_LAUNCH_SECURITY_SEV_*` parameter names.
const SEV_MEASUREMENT: &str = "sev-measurement";
const SEV_API_MAJOR: &str = "sev-api-major";
const SEV_API_MINOR: &str = "sev-api-minor";
const SEV_BUILD_ID: &str = "sev-build-id";
const SEV_POLICY: &str = "sev-policy";
const SEV_SECRET_HEADER: &str = "sev-secret-header";
const SEV_SECRET: &str = "sev-secret";
const SEV_SECRET_SET_ADDRESS: &str = "sev-secret-set-address";

fn unsupported(detail: &str) -> VirError {
    VirError::new(ErrorCode::OperationUnsupported, ErrorDomain::Qemu, detail)
}

/// Whether the definition asks for `<launchSecurity type='sev'>`.
fn is_sev(def: &DomainDef) -> bool {
    def.extra
        .iter()
        .any(|e| e.name == "launchSecurity" && e.attr("type") == Some("sev"))
}

fn string_param(params: &[TypedParam], name: &str) -> Option<String> {
    params
        .iter()
        .find(|p| p.field == name)
        .and_then(|p| match &p.value {
            TypedValue::String(s) => Some(s.clone()),
            _ => None,
        })
}

impl QemuDriver {
    /// `virDomainGetLaunchSecurityInfo`: nothing for guests without launch security; for a
    /// running SEV guest the launch measurement and the firmware's API version, build id
    /// and guest policy.
    pub(crate) async fn launch_security_info(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            TYPED_PARAM_STRING_OKAY,
            "qemuDomainGetLaunchSecurityInfo",
        )?;
        let (sev, vm) = self.with_dom(dom, |o| Ok((is_sev(o.current_def()), o.vm.clone())))?;
        if !sev {
            return Ok(Vec::new());
        }
        let vm = vm.ok_or_else(not_running)?;
        let m = vm
            .qmp
            .execute("query-sev-launch-measure", None, T)
            .await
            .map_err(qmp_err)?;
        let info = vm
            .qmp
            .execute("query-sev", None, T)
            .await
            .map_err(qmp_err)?;
        let num = |k: &str| u32::try_from(info[k].as_u64().unwrap_or(0)).unwrap_or(0);
        Ok(vec![
            TypedParam::new(
                SEV_MEASUREMENT,
                TypedValue::String(m["data"].as_str().unwrap_or("").to_string()),
            ),
            TypedParam::new(SEV_API_MAJOR, TypedValue::UInt(num("api-major"))),
            TypedParam::new(SEV_API_MINOR, TypedValue::UInt(num("api-minor"))),
            TypedParam::new(SEV_BUILD_ID, TypedValue::UInt(num("build-id"))),
            TypedParam::new(SEV_POLICY, TypedValue::UInt(num("policy"))),
        ])
    }

    /// `virDomainSetLaunchSecurityState`: injects a launch secret into a running SEV guest
    /// (`sev-inject-launch-secret`).
    pub(crate) async fn set_launch_security_state(
        &self,
        dom: &DomainRef,
        params: &[TypedParam],
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            0,
            "qemuDomainSetLaunchSecurityState",
        )?;
        validate(
            params,
            &[
                (SEV_SECRET_HEADER, kind::STRING),
                (SEV_SECRET, kind::STRING),
                (SEV_SECRET_SET_ADDRESS, kind::ULLONG),
            ],
        )?;
        let sev = self.with_dom(dom, |o| Ok(is_sev(o.current_def())))?;
        if !sev {
            return Err(unsupported(
                "setting a launch secret is only supported in SEV-enabled domains",
            ));
        }
        let hdr = string_param(params, SEV_SECRET_HEADER);
        let secret = string_param(params, SEV_SECRET);
        let addr = params
            .iter()
            .find(|p| p.field == SEV_SECRET_SET_ADDRESS)
            .and_then(|p| p.value.as_u64());
        let (Some(hdr), Some(secret)) = (hdr, secret) else {
            return Err(VirError::invalid_arg(
                ErrorDomain::Qemu,
                "Both secret and the secret header are required",
            ));
        };
        let vm = self.vm_of(dom)?;
        let job = self.job_of(dom)?;
        let _guard = job.lock().await;
        let mut args = json!({ "packet-header": hdr, "secret": secret });
        if let Some(a) = addr {
            args["gpa"] = json!(a);
        }
        vm.qmp
            .execute("sev-inject-launch-secret", Some(args), T)
            .await
            .map_err(qmp_err)?;
        Ok(())
    }
}

/// `virNodeGetSEVInfo`: rvirt does not probe the host's SEV platform, so QEMU is reported
/// as lacking SEV guest support, as libvirt does on hosts without SEV.
pub(crate) fn node_sev_info(flags: u32) -> VirResult<Vec<TypedParam>> {
    VirError::check_flags(
        ErrorDomain::Qemu,
        flags,
        TYPED_PARAM_STRING_OKAY,
        "qemuNodeGetSEVInfo",
    )?;
    Err(unsupported("QEMU does not support SEV guest"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_sev_info_reports_missing_support() {
        let e = node_sev_info(0).unwrap_err();
        assert_eq!(
            e.message,
            "Operation not supported: QEMU does not support SEV guest"
        );
        assert!(node_sev_info(1)
            .unwrap_err()
            .message
            .contains("unsupported flags"));
    }

    #[test]
    fn secret_parameters_are_validated() {
        let keys = [
            (SEV_SECRET_HEADER, kind::STRING),
            (SEV_SECRET, kind::STRING),
        ];
        let bad = [TypedParam::new(SEV_SECRET, TypedValue::UInt(1))];
        assert_eq!(
            validate(&bad, &keys).unwrap_err().message,
            "invalid argument: invalid type 'uint' for parameter 'sev-secret', expected 'string'"
        );
    }
}
