//! `virFirewallCmd` for nftables: how the driver runs `nft`, injectable for tests.

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs the `nft` command line tool.
pub trait NftRunner: Send + Sync {
    /// Runs `nft ARGS…`, feeding `stdin` when given; returns standard output, or the error
    /// text (nft's standard error, or why it could not run).
    fn run(&self, args: &[&str], stdin: Option<&str>) -> Result<String, String>;

    /// The network namespace (`ip netns` name) the filtered port devices live in, when not
    /// the daemon's own; IP address learning captures frames there.
    fn netns(&self) -> Option<&str> {
        None
    }
}

/// The real `nft` binary, optionally inside a network namespace (`ip netns exec NS nft …`).
#[derive(Debug, Clone)]
pub struct NftCommand {
    program: String,
    netns: Option<String>,
}

impl Default for NftCommand {
    fn default() -> Self {
        Self::new()
    }
}

impl NftCommand {
    /// `nft` from `PATH`, in the daemon's own network namespace.
    pub fn new() -> NftCommand {
        NftCommand {
            program: "nft".into(),
            netns: None,
        }
    }

    /// A different `nft` binary (absolute path or name).
    pub fn with_program(program: &str) -> NftCommand {
        NftCommand {
            program: program.into(),
            netns: None,
        }
    }

    /// `nft` run through `ip netns exec NETNS`.
    pub fn in_netns(netns: &str) -> NftCommand {
        NftCommand {
            program: "nft".into(),
            netns: Some(netns.into()),
        }
    }
}

impl NftRunner for NftCommand {
    fn netns(&self) -> Option<&str> {
        self.netns.as_deref()
    }

    fn run(&self, args: &[&str], stdin: Option<&str>) -> Result<String, String> {
        let mut cmd = match &self.netns {
            Some(ns) => {
                let mut c = Command::new("ip");
                c.args(["netns", "exec", ns, &self.program]);
                c
            }
            None => Command::new(&self.program),
        };
        cmd.args(args)
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                format!("Cannot find '{}' in path: {e}", self.program)
            }
            _ => format!("cannot execute '{}': {e}", self.program),
        })?;
        if let (Some(text), Some(mut pipe)) = (stdin, child.stdin.take()) {
            pipe.write_all(text.as_bytes())
                .map_err(|e| format!("cannot write to '{}': {e}", self.program))?;
        }
        let out = child
            .wait_with_output()
            .map_err(|e| format!("cannot wait for '{}': {e}", self.program))?;
        if out.status.success() {
            return Ok(String::from_utf8_lossy(&out.stdout).into_owned());
        }
        let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
        Err(if err.is_empty() {
            format!("{}", out.status)
        } else {
            err
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_binary_is_reported() {
        let e = NftCommand::with_program("/nonexistent/nft")
            .run(&["list", "ruleset"], None)
            .unwrap_err();
        assert!(
            e.starts_with("Cannot find '/nonexistent/nft' in path"),
            "{e}"
        );
    }
}
