//! External commands (`virCommand`): an argv that tests can compare as a golden, run
//! with a timeout and libvirt's "Child process (…) unexpected exit status" error.

use std::time::Duration;

use rvirt_core::error::VirResult;
use tokio::process::Command;

use crate::errors::{internal, system};

/// The default time limit for a storage helper command.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(600);

/// One command line: program and arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cmd {
    pub argv: Vec<String>,
    pub timeout: Duration,
}

impl Cmd {
    /// A command running `program`.
    pub fn new(program: &str) -> Self {
        Cmd {
            argv: vec![program.to_string()],
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// Appends one argument.
    pub fn arg(mut self, a: impl Into<String>) -> Self {
        self.argv.push(a.into());
        self
    }

    /// Appends arguments.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.argv.extend(args.into_iter().map(Into::into));
        self
    }

    /// The command line as one string (for goldens and error messages).
    pub fn line(&self) -> String {
        self.argv.join(" ")
    }

    /// Runs the command; returns its stdout, or libvirt's error on failure.
    pub async fn run(&self) -> VirResult<String> {
        let (status, out, err) = self.run_raw().await?;
        if status != 0 {
            let err = err.trim_end();
            let tail = if err.is_empty() {
                String::new()
            } else {
                format!(": {err}")
            };
            return Err(internal(format!(
                "Child process ({}) unexpected exit status {status}{tail}",
                self.line()
            )));
        }
        Ok(out)
    }

    /// Runs the command and returns (exit status, stdout, stderr) without judging the status.
    pub async fn run_raw(&self) -> VirResult<(i32, String, String)> {
        let Some((prog, rest)) = self.argv.split_first() else {
            return Err(internal("empty command"));
        };
        let mut c = Command::new(prog);
        c.args(rest)
            .env("LC_ALL", "C")
            .stdin(std::process::Stdio::null())
            .kill_on_drop(true);
        let fut = c.output();
        let out = match tokio::time::timeout(self.timeout, fut).await {
            Err(_) => {
                return Err(internal(format!(
                    "Child process ({}) timed out after {}s",
                    self.line(),
                    self.timeout.as_secs()
                )))
            }
            Ok(Err(e)) => return Err(system(&e, format_args!("Cannot run program '{prog}'"))),
            Ok(Ok(o)) => o,
        };
        Ok((
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn reports_exit_status_like_libvirt() {
        let e = Cmd::new("sh")
            .args(["-c", "echo bad >&2; exit 3"])
            .run()
            .await
            .unwrap_err();
        assert_eq!(
            e.message,
            "internal error: Child process (sh -c echo bad >&2; exit 3) unexpected exit status 3: bad"
        );
        let out = Cmd::new("echo").arg("hi").run().await.unwrap();
        assert_eq!(out, "hi\n");
    }
}
