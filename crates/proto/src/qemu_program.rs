//! The QEMU program (`0x20008087`, `qemu_protocol.x`): monitor and guest-agent pass-through
//! and QEMU monitor events (`wire-protocol.md` §12).
//!
//! Names follow libvirt's structs: `qemu_domain_monitor_command_args` →
//! [`QemuDomainMonitorCommandArgs`]; procedure markers drop the `Args`/`Ret` suffix
//! ([`QemuDomainMonitorCommand`]).

use bytes::BytesMut;
use rvirt_core::DomainRef;
use rvirt_xdr::{Decode, Encode, Xdr, XdrError};

use crate::remote::procs::{BodyPart, Procedure};
use crate::remote::{ProcedureInfo, StreamDir};
use crate::QEMU_PROGRAM;

/// `QEMU_PROC_DOMAIN_MONITOR_COMMAND`.
pub const QEMU_PROC_DOMAIN_MONITOR_COMMAND: i32 = 1;
/// `QEMU_PROC_DOMAIN_ATTACH`.
pub const QEMU_PROC_DOMAIN_ATTACH: i32 = 2;
/// `QEMU_PROC_DOMAIN_AGENT_COMMAND`.
pub const QEMU_PROC_DOMAIN_AGENT_COMMAND: i32 = 3;
/// `QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_REGISTER`.
pub const QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_REGISTER: i32 = 4;
/// `QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER`.
pub const QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER: i32 = 5;
/// `QEMU_PROC_DOMAIN_MONITOR_EVENT` (a MESSAGE sent by the server).
pub const QEMU_PROC_DOMAIN_MONITOR_EVENT: i32 = 6;
/// `QEMU_PROC_DOMAIN_MONITOR_COMMAND_WITH_FILES` (REPLY_WITH_FDS).
pub const QEMU_PROC_DOMAIN_MONITOR_COMMAND_WITH_FILES: i32 = 7;

/// QEMU_PROC_DOMAIN_MONITOR_COMMAND (1) call arguments (`qemu_domain_monitor_command_args`).
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct QemuDomainMonitorCommandArgs {
    pub dom: DomainRef,
    /// QMP JSON (or HMP text with `VIR_DOMAIN_QEMU_MONITOR_COMMAND_HMP`).
    pub cmd: String,
    pub flags: u32,
}

/// QEMU_PROC_DOMAIN_MONITOR_COMMAND (1) reply (`qemu_domain_monitor_command_ret`).
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct QemuDomainMonitorCommandRet {
    pub result: String,
}

/// QEMU_PROC_DOMAIN_ATTACH (2) call arguments (`qemu_domain_attach_args`).
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct QemuDomainAttachArgs {
    pub pid_value: u32,
    pub flags: u32,
}

/// QEMU_PROC_DOMAIN_ATTACH (2) reply (`qemu_domain_attach_ret`).
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct QemuDomainAttachRet {
    pub dom: DomainRef,
}

/// QEMU_PROC_DOMAIN_AGENT_COMMAND (3) call arguments (`qemu_domain_agent_command_args`).
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct QemuDomainAgentCommandArgs {
    pub dom: DomainRef,
    pub cmd: String,
    /// Seconds, or −2 (block), −1 (default), 0 (no wait).
    pub timeout: i32,
    pub flags: u32,
}

/// QEMU_PROC_DOMAIN_AGENT_COMMAND (3) reply (`qemu_domain_agent_command_ret`).
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct QemuDomainAgentCommandRet {
    pub result: Option<String>,
}

/// QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_REGISTER (4) call arguments
/// (`qemu_connect_domain_monitor_event_register_args`).
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct QemuConnectDomainMonitorEventRegisterArgs {
    /// Only events of this domain; `None` = all domains.
    pub dom: Option<DomainRef>,
    /// Only this QMP event name (or pattern with the REGEX flag); `None` = all.
    pub event: Option<String>,
    pub flags: u32,
}

/// QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_REGISTER (4) reply
/// (`qemu_connect_domain_monitor_event_register_ret`).
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct QemuConnectDomainMonitorEventRegisterRet {
    pub callback_id: i32,
}

/// QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER (5) call arguments
/// (`qemu_connect_domain_monitor_event_deregister_args`).
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct QemuConnectDomainMonitorEventDeregisterArgs {
    pub callback_id: i32,
}

/// QEMU_PROC_DOMAIN_MONITOR_EVENT (6) event message (`qemu_domain_monitor_event_msg`).
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct QemuDomainMonitorEventMsg {
    pub callback_id: i32,
    pub dom: DomainRef,
    /// QMP event name, e.g. `"STOP"`.
    pub event: String,
    /// Event timestamp: seconds and microseconds since the epoch (−1/0 when unknown).
    pub seconds: i64,
    pub micros: u32,
    /// The event's `data` member as JSON, if any.
    pub details: Option<String>,
}

/// QEMU_PROC_DOMAIN_MONITOR_COMMAND_WITH_FILES (7) call arguments
/// (`qemu_domain_monitor_command_with_files_args`); fds travel with the message.
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct QemuDomainMonitorCommandWithFilesArgs {
    pub dom: DomainRef,
    pub cmd: String,
    pub flags: u32,
}

/// QEMU_PROC_DOMAIN_MONITOR_COMMAND_WITH_FILES (7) reply
/// (`qemu_domain_monitor_command_with_files_ret`).
#[derive(Debug, Clone, PartialEq, Eq, Xdr)]
pub struct QemuDomainMonitorCommandWithFilesRet {
    pub result: String,
}

macro_rules! qemu_procedures {
    ($($num:literal $marker:ident $name:literal: $args:ty => $ret:ty;)*) => {
        $(
            #[doc = concat!("`QEMU_PROC_", $name, "` (", stringify!($num), ").")]
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
            pub struct $marker;

            impl Procedure for $marker {
                const PROGRAM: u32 = QEMU_PROGRAM;
                const NUMBER: i32 = $num;
                const NAME: &'static str = $name;
                type Args = $args;
                type Ret = $ret;
            }
        )*

        /// Decodes `body` as the given body of QEMU procedure `num` and encodes it again;
        /// `None` for unknown procedures (see [`crate::remote::reencode_body`]).
        pub fn qemu_reencode_body(
            num: i32,
            part: BodyPart,
            body: &[u8],
        ) -> Option<Result<BytesMut, XdrError>> {
            Some(match (num, part) {
                $(
                    ($num, BodyPart::Args) => reencode::<$args>(body),
                    ($num, BodyPart::Ret) => reencode::<$ret>(body),
                )*
                _ => return None,
            })
        }
    };
}

fn reencode<T: Encode + Decode>(body: &[u8]) -> Result<BytesMut, XdrError> {
    rvirt_xdr::to_bytes(&rvirt_xdr::from_bytes::<T>(body)?)
}

qemu_procedures! {
    1 QemuDomainMonitorCommand "DOMAIN_MONITOR_COMMAND":
        QemuDomainMonitorCommandArgs => QemuDomainMonitorCommandRet;
    2 QemuDomainAttach "DOMAIN_ATTACH": QemuDomainAttachArgs => QemuDomainAttachRet;
    3 QemuDomainAgentCommand "DOMAIN_AGENT_COMMAND":
        QemuDomainAgentCommandArgs => QemuDomainAgentCommandRet;
    4 QemuConnectDomainMonitorEventRegister "CONNECT_DOMAIN_MONITOR_EVENT_REGISTER":
        QemuConnectDomainMonitorEventRegisterArgs => QemuConnectDomainMonitorEventRegisterRet;
    5 QemuConnectDomainMonitorEventDeregister "CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER":
        QemuConnectDomainMonitorEventDeregisterArgs => ();
    6 QemuDomainMonitorEvent "DOMAIN_MONITOR_EVENT": QemuDomainMonitorEventMsg => ();
    7 QemuDomainMonitorCommandWithFiles "DOMAIN_MONITOR_COMMAND_WITH_FILES":
        QemuDomainMonitorCommandWithFilesArgs => QemuDomainMonitorCommandWithFilesRet;
}

const fn qinfo(number: i32, name: &'static str, priority: bool, writes: bool) -> ProcedureInfo {
    ProcedureInfo {
        number,
        name,
        priority,
        stream: StreamDir::None,
        writes,
        fds: number == QEMU_PROC_DOMAIN_MONITOR_COMMAND_WITH_FILES,
        event: number == QEMU_PROC_DOMAIN_MONITOR_EVENT,
    }
}

/// The QEMU program's procedure table, index = number − 1 (names without `QEMU_PROC_`).
pub static QEMU_PROCEDURES: [ProcedureInfo; 7] = [
    qinfo(1, "DOMAIN_MONITOR_COMMAND", false, true),
    qinfo(2, "DOMAIN_ATTACH", false, true),
    qinfo(3, "DOMAIN_AGENT_COMMAND", false, true),
    qinfo(4, "CONNECT_DOMAIN_MONITOR_EVENT_REGISTER", true, false),
    qinfo(5, "CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER", true, false),
    qinfo(6, "DOMAIN_MONITOR_EVENT", false, false),
    qinfo(7, "DOMAIN_MONITOR_COMMAND_WITH_FILES", false, true),
];

/// Looks up QEMU procedure `num`; `None` for unknown numbers.
pub fn qemu_procedure_info(num: i32) -> Option<&'static ProcedureInfo> {
    let idx = usize::try_from(num).ok()?.checked_sub(1)?;
    QEMU_PROCEDURES.get(idx)
}
