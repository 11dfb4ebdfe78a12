//! The shell itself: global options, the connection, running commands and the interactive loop
//! (virsh's `vshControl` and `vshCommandRun`).

use std::io::{BufRead, IsTerminal, Write};

use rvirt::{Connect, VirError};

use crate::commands;
use crate::parser::{self, Cmd};

/// A failed command: the lines to print as `error: <line>` to stderr.
#[derive(Debug, Clone, Default)]
pub struct Failure {
    pub lines: Vec<String>,
}

impl Failure {
    /// A failure with one message line.
    pub fn msg(s: impl Into<String>) -> Self {
        Failure {
            lines: vec![s.into()],
        }
    }

    /// virsh's own line followed by the libvirt error (`vshError` + `vshReportError`).
    pub fn ctx(s: impl Into<String>, e: VirError) -> Self {
        Failure {
            lines: vec![s.into(), e.message],
        }
    }
}

impl From<VirError> for Failure {
    fn from(e: VirError) -> Self {
        Failure {
            lines: vec![e.message],
        }
    }
}

/// Result of one command.
pub type CmdResult = Result<(), Failure>;

/// Shell state (`vshControl`).
pub struct Ctl {
    /// The URI to (re)connect to; empty means the default.
    pub uri: String,
    pub readonly: bool,
    pub quiet: bool,
    /// `--json`: structured output where a command supports it (rvirsh extra).
    pub json: bool,
    conn: Option<Connect>,
    /// Whether a connection attempt already failed (virsh then reports "no valid connection").
    connect_failed: bool,
    /// Text written to stdout (flushed after each command).
    pub out: String,
    /// Whether the start-up connection attempt (virsh connects before the first command) ran.
    started: bool,
    /// Whether commands come from the interactive shell (`cd` works only there).
    pub interactive: bool,
}

impl Ctl {
    /// A shell for `uri`.
    pub fn new(uri: String, readonly: bool, quiet: bool, json: bool) -> Self {
        Ctl {
            uri,
            readonly,
            quiet,
            json,
            conn: None,
            connect_failed: false,
            out: String::new(),
            started: false,
            interactive: false,
        }
    }

    /// Appends text to stdout.
    pub fn print(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// Appends text unless quiet (`vshPrintExtra`).
    pub fn print_extra(&mut self, s: &str) {
        if !self.quiet {
            self.out.push_str(s);
        }
    }

    /// Writes pending stdout text.
    pub fn flush(&mut self) {
        if !self.out.is_empty() {
            let mut so = std::io::stdout().lock();
            let _ = so.write_all(self.out.as_bytes());
            let _ = so.flush();
            self.out.clear();
        }
    }

    /// Opens the connection (`virshReconnect`).
    pub async fn connect(&mut self) -> CmdResult {
        // virsh opens with virConnectAuthPtrDefault: SASL credentials missing from
        // auth.conf are asked for on the terminal
        let opts = rvirt::remote::RemoteOpenOptions {
            read_only: self.readonly,
            auth: Some(rvirt::remote::AuthCallback::terminal()),
            ..Default::default()
        };
        let res = Connect::open_with_options(&self.uri, &opts).await;
        match res {
            Ok(c) => {
                self.conn = Some(c);
                self.connect_failed = false;
                Ok(())
            }
            Err(e) => {
                self.connect_failed = true;
                Err(Failure::ctx("failed to connect to the hypervisor", e))
            }
        }
    }

    /// Drops the current connection.
    pub async fn disconnect(&mut self) {
        if let Some(c) = self.conn.take() {
            let _ = c.close().await;
        }
    }

    /// The open connection, connecting first if needed.
    pub async fn conn(&mut self) -> Result<Connect, Failure> {
        if let Some(c) = &self.conn {
            return Ok(c.clone());
        }
        if self.connect_failed {
            return Err(Failure::msg("no valid connection"));
        }
        self.connect().await?;
        match &self.conn {
            Some(c) => Ok(c.clone()),
            None => Err(Failure::msg("no valid connection")),
        }
    }
}

/// Runs parsed commands in order; returns whether the last one succeeded.
pub async fn run_commands(ctl: &mut Ctl, cmds: &[Cmd]) -> bool {
    let mut ok = true;
    if let Some(first) = cmds.first() {
        if !startup(ctl, first.def.name).await {
            return false;
        }
    }
    for cmd in cmds {
        if cmd.def.name == "quit" || cmd.def.name == "exit" {
            return ok;
        }
        let r = commands::dispatch(ctl, cmd).await;
        ctl.flush();
        ok = match r {
            Ok(()) => true,
            Err(f) => {
                let mut se = std::io::stderr().lock();
                for l in &f.lines {
                    let _ = writeln!(se, "error: {l}");
                }
                false
            }
        };
        ctl.print_extra("\n");
        ctl.flush();
    }
    ok
}

/// virsh connects once before running the first command (unless that command needs no
/// connection); if that fails it reports the error and runs nothing.
async fn startup(ctl: &mut Ctl, first: &str) -> bool {
    if ctl.started {
        return true;
    }
    ctl.started = true;
    if matches!(first, "help" | "connect" | "quit" | "exit") {
        return true;
    }
    match ctl.connect().await {
        Ok(()) => true,
        Err(f) => {
            for l in &f.lines {
                print_error(l);
            }
            false
        }
    }
}

fn print_error(msg: &str) {
    let _ = writeln!(std::io::stderr().lock(), "error: {msg}");
}

/// Parses a command string (`;`-separated) and runs it.
pub async fn run_string(ctl: &mut Ctl, line: &str) -> bool {
    let words = match parser::split_commands(line) {
        Ok(w) => w,
        Err(e) => {
            print_error(&e.0);
            return false;
        }
    };
    let mut cmds = Vec::new();
    for w in &words {
        match parser::parse_command(w) {
            Ok(c) => cmds.push(c),
            Err(e) => {
                print_error(&e.0);
                return false;
            }
        }
    }
    run_commands(ctl, &cmds).await
}

/// Runs one command given as separate argv words.
pub async fn run_argv(ctl: &mut Ctl, words: &[String]) -> bool {
    match parser::parse_command(words) {
        Ok(c) => run_commands(ctl, &[c]).await,
        Err(e) => {
            print_error(&e.0);
            false
        }
    }
}

/// The interactive shell: one command line per input line until EOF or `quit`. Like virsh
/// under readline, a non-terminal input is echoed after the prompt.
pub async fn interactive(ctl: &mut Ctl) -> bool {
    let tty = std::io::stdin().is_terminal();
    ctl.interactive = true;
    if !startup(ctl, "").await {
        return false;
    }
    if !ctl.quiet {
        ctl.print(
            "Welcome to virsh, the virtualization interactive terminal.\n\n\
             Type:  'help' for help with commands\n       'quit' to quit\n\n",
        );
    }
    if tty {
        return crate::shell::run(ctl).await;
    }
    let stdin = std::io::stdin();
    let mut ok = true;
    loop {
        ctl.print(if ctl.readonly { "virsh > " } else { "virsh # " });
        ctl.flush();
        let mut line = String::new();
        match stdin.lock().read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        let text = line.strip_suffix('\n').unwrap_or(&line).to_string();
        if !tty {
            ctl.print(&format!("{text}\n"));
            ctl.flush();
        }
        let trimmed = text.trim();
        if trimmed == "quit" || trimmed == "exit" {
            ok = true;
            break;
        }
        if trimmed.is_empty() {
            continue;
        }
        ok = run_string(ctl, &text).await;
    }
    ctl.print("\n");
    ctl.flush();
    ok
}
