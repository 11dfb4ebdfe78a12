//! Shared helpers: a recording `nft` stand-in, and namespaces for the real-kernel tests.

use std::process::Command;
use std::sync::Mutex;

use rvirt_driver_nwfilter::NftRunner;

/// Records every `nft` call; the table never exists, scripts succeed (or fail with `fail`).
#[derive(Default)]
pub struct FakeNft {
    pub calls: Mutex<Vec<(Vec<String>, Option<String>)>>,
    pub fail: Option<String>,
}

impl FakeNft {
    /// The texts fed to `nft -f -`, in order.
    pub fn scripts(&self) -> Vec<String> {
        self.calls
            .lock()
            .unwrap()
            .iter()
            .filter_map(|(_, s)| s.clone())
            .collect()
    }
}

impl NftRunner for FakeNft {
    fn run(&self, args: &[&str], stdin: Option<&str>) -> Result<String, String> {
        self.calls.lock().unwrap().push((
            args.iter().map(|s| s.to_string()).collect(),
            stdin.map(str::to_string),
        ));
        if args.first() == Some(&"list") {
            return Err(
                "Error: No such file or directory\nlist table bridge rvirt_nwfilter".into(),
            );
        }
        match &self.fail {
            Some(e) => Err(e.clone()),
            None => Ok(String::new()),
        }
    }
}

/// Runs a command, returning whether it succeeded and its combined output.
pub fn sh(args: &[&str]) -> (bool, String) {
    match Command::new(args[0]).args(&args[1..]).output() {
        Ok(o) => (
            o.status.success(),
            String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr),
        ),
        Err(e) => (false, e.to_string()),
    }
}

/// Runs a command that must succeed.
pub fn must(args: &[&str]) -> String {
    let (ok, out) = sh(args);
    assert!(ok, "{args:?} failed: {out}");
    out
}

/// Why the real-kernel tests cannot run here, if they cannot.
pub fn skip_reason() -> Option<String> {
    let (_, uid) = sh(&["id", "-u"]);
    if uid.trim() != "0" {
        return Some("not running as root".into());
    }
    let (ok, out) = sh(&["nft", "--version"]);
    if !ok {
        return Some(format!("nft is not available: {out}"));
    }
    if ping_program().is_none() {
        return Some("neither ping nor busybox ping is available".into());
    }
    let (ok, out) = sh(&["ip", "netns", "list"]);
    if !ok {
        return Some(format!("ip netns is not available: {out}"));
    }
    None
}

/// Network namespaces deleted on drop (also when a test fails).
pub struct Netns(pub Vec<String>);

impl Netns {
    pub fn create(names: &[String]) -> Netns {
        let mut guard = Netns(Vec::new());
        for n in names {
            let _ = sh(&["ip", "netns", "del", n]);
            must(&["ip", "netns", "add", n]);
            guard.0.push(n.clone());
        }
        guard
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        for n in &self.0 {
            let _ = sh(&["ip", "netns", "del", n]);
        }
    }
}

/// `nft list table bridge rvirt_nwfilter` inside `ns` (empty when there is no table).
pub fn list_table(ns: &str) -> String {
    sh(&[
        "ip",
        "netns",
        "exec",
        ns,
        "nft",
        "list",
        "table",
        "bridge",
        "rvirt_nwfilter",
    ])
    .1
}

/// `ping`, or busybox's when iputils is not installed.
pub fn ping_program() -> Option<Vec<&'static str>> {
    if sh(&["ping", "-V"]).0 {
        return Some(vec!["ping"]);
    }
    if sh(&["busybox", "ping", "-c", "1", "-W", "1", "127.0.0.1"])
        .1
        .contains("PING")
    {
        return Some(vec!["busybox", "ping"]);
    }
    None
}

/// A namespace of its own for one real-kernel test, and a driver root whose `nft` runs
/// there; `None` (after saying why) when the test cannot run here.
pub struct NsDriver {
    pub ns: String,
    pub dir: tempfile::TempDir,
    _guard: Netns,
}

impl NsDriver {
    /// `test` names the skipped test; `tag` makes the namespace name unique per test.
    pub fn create(test: &str, tag: &str) -> Option<NsDriver> {
        if let Some(why) = skip_reason() {
            eprintln!("skipping {test}: {why}");
            return None;
        }
        let ns = format!("rvnf{}{tag}", std::process::id());
        let guard = Netns::create(std::slice::from_ref(&ns));
        Some(NsDriver {
            ns,
            dir: tempfile::tempdir().unwrap(),
            _guard: guard,
        })
    }

    /// Opens (or re-opens, as a restarted daemon) the driver on this root.
    pub fn open(&self) -> std::sync::Arc<rvirt_driver_nwfilter::NwFilterDriverImpl> {
        rvirt_driver_nwfilter::NwFilterDriverImpl::open_with_runner(
            rvirt_driver_nwfilter::NwFilterPaths::under_root(self.dir.path()),
            std::sync::Arc::new(rvirt_driver_nwfilter::NftCommand::in_netns(&self.ns)),
        )
        .unwrap()
    }
}
