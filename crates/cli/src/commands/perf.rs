//! perf, domlaunchsecinfo, domsetlaunchsecstate and nodesevinfo.

use rvirt::Connect;
use rvirt_core::typed_param::{TypedParam, TypedValue, TYPED_PARAM_STRING_OKAY};

use super::domain_monitor::param_str;
use super::util::{affect_flags, strerror, uint_opt};
use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// `VIR_DOMAIN_LAUNCH_SECURITY_SEV_SECRET_HEADER` and friends.
const SEV_SECRET_HEADER: &str = "sev-secret-header";
const SEV_SECRET: &str = "sev-secret";
const SEV_SECRET_SET_ADDRESS: &str = "sev-secret-set-address";

/// The most `virFileReadAll` reads for the secret files.
const SECRET_FILE_MAX: u64 = 64 * 1024;

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "perf" => perf(ctl, conn, cmd).await,
        "domlaunchsecinfo" => {
            let d = lookup::domain(conn, cmd, "domain").await?;
            // virDomainGetLaunchSecurityInfo adds VIR_TYPED_PARAM_STRING_OKAY
            let params = conn
                .domain_get_launch_security_info(&d, TYPED_PARAM_STRING_OKAY)
                .await
                .map_err(|e| Failure::ctx("Unable to get launch security parameters", e))?;
            print_params(ctl, &params, 15);
            Ok(())
        }
        "domsetlaunchsecstate" => set_launch_state(conn, cmd).await,
        "nodesevinfo" => {
            let params = conn
                .node_get_sev_info(0)
                .await
                .map_err(|e| Failure::ctx("Unable to get host SEV information", e))?;
            print_params(ctl, &params, 18);
            Ok(())
        }
        _ => super::unhandled(cmd),
    }
}

/// `vshCommandOptStringReq`: an empty value is refused.
pub(crate) fn req_str<'a>(cmd: &'a Cmd, opt: &str) -> Result<Option<&'a str>, Failure> {
    match cmd.get(opt) {
        Some("") => Err(Failure::msg(format!(
            "Failed to get option '{opt}': Option argument is empty"
        ))),
        v => Ok(v),
    }
}

/// `field: value` lines, the field padded to `width` (`vshGetTypedParamValue`).
fn print_params(ctl: &mut Ctl, params: &[TypedParam], width: usize) {
    for p in params {
        ctl.print(&format!("{:<width$}: {}\n", p.field, param_str(&p.value)));
    }
}

/// `virshParseEventStr`: comma-separated names, empty items skipped.
fn events(list: &str, state: bool, out: &mut Vec<TypedParam>) {
    for name in list.split(',').filter(|s| !s.is_empty()) {
        out.push(TypedParam::new(name, TypedValue::Boolean(state)));
    }
}

fn enabled_str(v: &TypedValue) -> &'static str {
    if matches!(v, TypedValue::Boolean(true)) {
        "enabled"
    } else {
        "disabled"
    }
}

/// perf: virDomainGetPerfEvents, or virDomainSetPerfEvents with `--enable`/`--disable`.
async fn perf(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let flags = affect_flags(cmd)?;
    let d = lookup::domain(conn, cmd, "domain").await?;
    let enable = req_str(cmd, "enable")?;
    let disable = req_str(cmd, "disable")?;
    let mut params = Vec::new();
    if let Some(e) = enable {
        events(e, true, &mut params);
    }
    if let Some(e) = disable {
        events(e, false, &mut params);
    }
    if params.is_empty() {
        let got = conn
            .domain_get_perf_events(&d, flags)
            .await
            .map_err(|e| Failure::ctx("Unable to get perf events", e))?;
        for p in &got {
            ctl.print(&format!("{:<15}: {}\n", p.field, enabled_str(&p.value)));
        }
        return Ok(());
    }
    conn.domain_set_perf_events(&d, params.clone(), flags)
        .await
        .map_err(|e| Failure::ctx("Unable to enable/disable perf events", e))?;
    for p in &params {
        ctl.print(&format!("{:<15}: {}\n", p.field, enabled_str(&p.value)));
    }
    Ok(())
}

/// `virFileReadAll` of a secret file, with its error wording.
fn read_secret(path: &str) -> Result<String, Failure> {
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::msg(format!("Failed to open file '{path}': {}", strerror(&e))))?;
    if bytes.len() as u64 > SECRET_FILE_MAX {
        return Err(Failure::msg(format!("File '{path}' is too large")));
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// domsetlaunchsecstate: virDomainSetLaunchSecurityState with the SEV secret and header
/// read from files.
async fn set_launch_state(conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let hdr = req_str(cmd, "secrethdr")?;
    let sec = req_str(cmd, "secret")?;
    let (Some(hdr), Some(sec)) = (hdr, sec) else {
        return Err(Failure::msg(
            "Both secret and the secret header are required",
        ));
    };
    let mut params = vec![
        TypedParam::new(SEV_SECRET_HEADER, TypedValue::String(read_secret(hdr)?)),
        TypedParam::new(SEV_SECRET, TypedValue::String(read_secret(sec)?)),
    ];
    if let Some(addr) = uint_opt(cmd, "set-address")? {
        params.push(TypedParam::new(
            SEV_SECRET_SET_ADDRESS,
            TypedValue::ULLong(addr),
        ));
    }
    conn.domain_set_launch_security_state(&d, params, 0)
        .await
        .map_err(|e| Failure::ctx("Unable to set launch security state", e))?;
    Ok(())
}
