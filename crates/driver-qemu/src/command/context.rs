//! Inputs and outputs of the command-line builder.

use crate::caps::QemuCaps;
use std::path::PathBuf;

/// What the builder needs besides the domain definition.
#[derive(Debug, Clone)]
pub struct BuildContext {
    pub caps: QemuCaps,
    /// The live domain id (`-name`, per-domain directory names).
    pub id: i32,
    /// The domain's private run directory (monitor and channel sockets).
    pub domain_dir: PathBuf,
    /// VNC display ports already taken, for `autoport='yes'` (5900 + n).
    pub vnc_ports_in_use: Vec<u16>,
    /// Checks whether a TCP port can be bound (runtime); `None` in goldens (first free in list).
    pub probe_ports: bool,
    /// qemu.conf `seccomp_sandbox`: 0 turns QEMU's sandbox off, anything else (libvirt's
    /// default -1 included) turns it on with libvirt's deny list.
    pub seccomp_sandbox: i32,
}

/// The built command line and the paths the driver talks to afterwards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QemuCommand {
    pub binary: String,
    pub args: Vec<String>,
    /// QMP monitor socket.
    pub monitor_path: PathBuf,
    /// Guest-agent channel socket, if the domain has one.
    pub agent_path: Option<PathBuf>,
}

impl QemuCommand {
    /// The command line as libvirt logs it: one argument per line after the binary
    /// (the format of the golden `.args` files).
    pub fn to_args_text(&self) -> String {
        let mut s = self.binary.clone();
        for a in &self.args {
            if a.starts_with('-') {
                s.push_str(" \\\n");
            } else {
                s.push(' ');
            }
            s.push_str(a);
        }
        s.push('\n');
        s
    }
}
