//! The interactive shell on a terminal (through a pseudo-terminal) and libvirt's own bash
//! completion script driving `rvirsh complete`.

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn rvirsh() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_rvirsh"))
}

/// A pseudo-terminal pair (master, slave).
fn openpty() -> (OwnedFd, OwnedFd) {
    let mut master: libc::c_int = -1;
    let mut slave: libc::c_int = -1;
    // SAFETY: openpty writes two new descriptors into the out-pointers; the name, termios and
    // winsize arguments may be null.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(rc, 0, "openpty failed");
    // SAFETY: both descriptors were just opened and are owned by nobody else.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

struct Term {
    input: std::fs::File,
    seen: Arc<Mutex<String>>,
}

impl Term {
    fn send(&mut self, s: &str) {
        self.input.write_all(s.as_bytes()).unwrap();
        self.input.flush().unwrap();
    }

    /// Waits until the screen output contains `what` (after `from` bytes); returns its end.
    fn wait_for(&self, what: &str, from: usize) -> usize {
        let end = Instant::now() + Duration::from_secs(20);
        loop {
            {
                let s = self.seen.lock().unwrap();
                if let Some(i) = s.get(from..).and_then(|t| t.find(what)) {
                    return from + i + what.len();
                }
            }
            assert!(
                Instant::now() < end,
                "timed out waiting for {what:?}; got {:?}",
                self.seen.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Starts `rvirsh -c test:///default` on a new pseudo-terminal with `env`.
fn spawn_term(home: &Path, env: &[(&str, &str)]) -> (std::process::Child, Term) {
    let (master, slave) = openpty();
    let mut c = Command::new("timeout");
    c.arg("60")
        .arg(rvirsh())
        .args(["-c", "test:///default"])
        .env("TERM", "xterm")
        .env("HOME", home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env_remove("VISUAL")
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave));
    for (k, v) in env {
        c.env(k, v);
    }
    let child = c.spawn().unwrap();
    let reader = std::fs::File::from(master.try_clone().unwrap());
    let answer = std::fs::File::from(master.try_clone().unwrap());
    let seen = Arc::new(Mutex::new(String::new()));
    let seen2 = seen.clone();
    std::thread::spawn(move || {
        let mut reader = reader;
        let mut answer = answer;
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            let text = String::from_utf8_lossy(&buf[..n]).to_string();
            // answer cursor-position queries as a terminal would
            if text.contains("\x1b[6n") {
                let _ = answer.write_all(b"\x1b[1;1R");
            }
            seen2.lock().unwrap().push_str(&text);
        }
    });
    let t = Term {
        input: std::fs::File::from(master),
        seen,
    };
    (child, t)
}

#[test]
fn tab_completion_and_history_on_a_terminal() {
    let home = tempfile::tempdir().unwrap();
    let (mut child, mut t) = spawn_term(home.path(), &[]);
    let at = t.wait_for("virsh # ", 0);
    // a command name, then a domain name, completed with Tab
    t.send("dominf");
    t.send("\t");
    let at = t.wait_for("dominfo ", at);
    t.send("te\t");
    let at = t.wait_for("test ", at);
    t.send("\r");
    let at = t.wait_for("Name:           test", at);
    let at = t.wait_for("virsh # ", at);
    // options complete too
    t.send("list --ina\t");
    let at = t.wait_for("--inactive", at);
    t.send("\r");
    let at = t.wait_for("virsh # ", at);
    t.send("quit\r");
    let _ = at;
    let status = child.wait().unwrap();
    assert!(status.success(), "rvirsh exited with {status:?}");
    let hist = std::fs::read_to_string(home.path().join("cache/virsh/history")).unwrap();
    assert!(hist.contains("dominfo test"), "history: {hist:?}");
    assert!(hist.contains("list --inactive"), "history: {hist:?}");
}

#[test]
fn edit_asks_again_on_a_terminal() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().display().to_string();
    // first run: keep the XML and break the file; second run: restore it with one change
    let script = format!(
        "#!/bin/sh\nif [ -f {dir}/orig ]; then \
         sed 's/<on_crash>destroy/<on_crash>restart/' {dir}/orig > \"$1\"; \
         else cp \"$1\" {dir}/orig; echo '<domain' > \"$1\"; fi\n"
    );
    let editor = home.path().join("ed.sh");
    std::fs::write(&editor, script).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let (mut child, mut t) = spawn_term(home.path(), &[("EDITOR", editor.to_str().unwrap())]);
    let at = t.wait_for("virsh # ", 0);
    t.send("edit test\r");
    let at = t.wait_for("Failed. Try again? [y,n,i,f,?]:", at);
    t.send("?\r");
    let at = t.wait_for("i - turn off validation and try to redefine again", at);
    let at = t.wait_for("Failed. Try again? [y,n,i,f,?]:", at);
    t.send("y\r");
    let at = t.wait_for("Domain 'test' XML configuration edited.", at);
    let at = t.wait_for("virsh # ", at);
    t.send("dumpxml test --inactive --xpath //on_crash\r");
    let at = t.wait_for("<on_crash>restart</on_crash>", at);
    let at = t.wait_for("virsh # ", at);
    // "n" gives up: the broken file is not defined
    std::fs::remove_file(home.path().join("orig")).unwrap();
    t.send("edit test\r");
    let at = t.wait_for("Failed. Try again? [y,n,i,f,?]:", at);
    t.send("n\r");
    let at = t.wait_for("virsh # ", at);
    t.send("quit\r");
    let _ = at;
    assert!(child.wait().unwrap().success());
}

const SCRIPT: &str = "/usr/share/bash-completion/completions/virsh";

/// Runs libvirt's completion function for `words` (the cursor on the last) with rvirsh as
/// the completed command; returns COMPREPLY.
fn bash_complete(words: &[&str]) -> Vec<String> {
    let line = words.join(" ");
    let mut script = String::new();
    // bash-completion's helpers, when the package is not installed: the word array as is
    script.push_str(
        "if [ -f /usr/share/bash-completion/bash_completion ]; then \
           . /usr/share/bash-completion/bash_completion; \
         else \
           _get_comp_words_by_ref() { words=(\"${COMP_WORDS[@]}\"); cword=$COMP_CWORD; }; \
           __ltrim_colon_completions() { :; }; \
         fi\n",
    );
    script.push_str(&format!(". {SCRIPT}\n"));
    script.push_str("COMP_WORDS=(\"$@\")\nCOMP_CWORD=$(( $# - 1 ))\n");
    script.push_str(&format!("COMP_LINE={line:?}\nCOMP_POINT=${{#COMP_LINE}}\n"));
    script.push_str("_virsh_complete \"$1\"\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n");
    let out = Command::new("bash")
        .arg("-c")
        .arg(&script)
        .arg("bash")
        .args(words)
        .env_remove("LIBVIRT_DEFAULT_URI")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "bash failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn libvirt_bash_completion_script_completes_with_rvirsh() {
    if !Path::new(SCRIPT).exists() {
        eprintln!("skipping: {SCRIPT} not installed");
        return;
    }
    let bin = rvirsh();
    let bin = bin.to_str().unwrap();
    assert_eq!(
        bash_complete(&[bin, "-c", "test:///default", "dominfo", "te"]),
        vec!["test".to_string()]
    );
    assert_eq!(
        bash_complete(&[bin, "-c", "test:///default", "net-inf"]),
        vec!["net-info".to_string()]
    );
    assert!(
        bash_complete(&[bin, "-c", "test:///default", "list", "--ina"])
            .contains(&"--inactive".to_string())
    );
}
