//! `console <domain> [--devname] [--force] [--safe]`: an interactive guest console on the
//! terminal (virsh's vshRunConsole), left with the escape character `^]`.

use std::io::{IsTerminal, Read, Write};

use rvirt::{Connect, Stream, StreamChunk};

use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// `^]`, virsh's default escape character.
const ESCAPE: u8 = 0x1d;

/// Puts the terminal into raw mode; restores it when dropped.
struct RawMode {
    saved: libc::termios,
}

impl RawMode {
    fn enter() -> Option<RawMode> {
        // SAFETY: termios is plain data; tcgetattr fills it for fd 0.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: fd 0 is our standard input and `t` is a valid termios.
        if unsafe { libc::tcgetattr(0, &mut t) } != 0 {
            return None;
        }
        let saved = t;
        // SAFETY: cfmakeraw only edits the struct it is given.
        unsafe { libc::cfmakeraw(&mut t) };
        // SAFETY: as above, with a termios derived from the current one.
        if unsafe { libc::tcsetattr(0, libc::TCSAFLUSH, &t) } != 0 {
            return None;
        }
        Some(RawMode { saved })
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        // SAFETY: restores the attributes read in `enter` on the same descriptor.
        unsafe { libc::tcsetattr(0, libc::TCSAFLUSH, &self.saved) };
    }
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let devname = cmd.req("devname").map_err(Failure::msg)?;
    if !std::io::stdin().is_terminal() {
        return Err(Failure::msg(
            "Cannot run interactive console without a controlling TTY",
        ));
    }
    let mut flags = 0;
    if cmd.has("force") {
        flags |= 1;
    }
    if cmd.has("safe") {
        flags |= 2;
    }
    ctl.print_extra(&format!(
        "Connected to domain '{}'\nEscape character is ^] (Ctrl + ])\n",
        d.name
    ));
    ctl.flush();
    let data = conn
        .domain_open_console(&d, devname.map(str::to_string), flags)
        .await?;
    let mut stream = Stream::new(data);
    let raw = RawMode::enter();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 1024];
        let mut stdin = std::io::stdin();
        while let Ok(n) = stdin.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let result = loop {
        tokio::select! {
            chunk = stream.recv() => match chunk {
                Ok(Some(StreamChunk::Data(b))) => {
                    let mut out = std::io::stdout().lock();
                    let _ = out.write_all(&b);
                    let _ = out.flush();
                }
                Ok(Some(StreamChunk::Hole(_))) => {}
                Ok(None) => break Ok(()),
                Err(e) => break Err(Failure::from(e)),
            },
            input = rx.recv() => match input {
                Some(bytes) => {
                    if let Some(i) = bytes.iter().position(|b| *b == ESCAPE) {
                        if i > 0 {
                            let _ = stream.send(bytes[..i].to_vec()).await;
                        }
                        break Ok(());
                    }
                    if let Err(e) = stream.send(bytes).await {
                        break Err(Failure::from(e));
                    }
                }
                None => break Ok(()),
            },
        }
    };
    let _ = stream.finish().await;
    drop(raw);
    ctl.print("\n");
    result
}
