//! Where the workspace's binaries are, for tests of other crates.

use std::path::PathBuf;

/// The target profile directory the running test binary lives in (e.g. `target/debug`).
fn profile_dir() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    // target/<profile>/deps/<test-binary>
    let deps = exe.parent()?;
    let dir = if deps.file_name()? == "deps" {
        deps.parent()?
    } else {
        deps
    };
    Some(dir.to_path_buf())
}

/// Path of a workspace binary (`rvirtd`, `rvirsh`) built next to the running tests.
///
/// `cargo test --workspace` builds every package's binaries before running any test.
pub fn bin_path(name: &str) -> PathBuf {
    if let Ok(p) = std::env::var(format!("RVIRT_BIN_{}", name.to_uppercase())) {
        return PathBuf::from(p);
    }
    let dir = profile_dir().unwrap_or_else(|| PathBuf::from("target/debug"));
    let p = dir.join(name);
    assert!(
        p.exists(),
        "{} not built (run `cargo build --workspace --bins` first)",
        p.display()
    );
    p
}

/// Whether a stock tool is installed; prints a skip notice when it is not.
pub fn require_tool(path: &str, test: &str) -> bool {
    if std::path::Path::new(path).exists() {
        true
    } else {
        eprintln!("SKIP {test}: {path} is not installed (scripts/install-deps.sh installs it)");
        false
    }
}
