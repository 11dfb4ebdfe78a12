//! Where the daemon keeps things: libvirtd's system layout, optionally under `--root`,
//! or the per-user (session) layout for an unprivileged daemon without `--root`.

use std::path::{Path, PathBuf};

/// The directories of one daemon instance.
#[derive(Debug, Clone)]
pub struct Paths {
    /// `/` or the `--root` directory.
    pub root: Option<PathBuf>,
    /// `/etc/libvirt` (config dir).
    pub config_dir: PathBuf,
    /// `/run/libvirt` (sockets; `unix_sock_dir` overrides the sockets' location).
    pub run_dir: PathBuf,
    /// Default pid file (`/run/libvirtd.pid`).
    pub pid_file: PathBuf,
}

impl Paths {
    /// The system layout re-rooted under `root` (`/` when `None`).
    pub fn system(root: Option<&Path>) -> Self {
        let r = |p: &str| reroot(root, p);
        Paths {
            root: root.map(Path::to_path_buf),
            config_dir: r("/etc/libvirt"),
            run_dir: r("/run/libvirt"),
            pid_file: r("/run/libvirtd.pid"),
        }
    }

    /// libvirtd's session layout for an unprivileged user (`$XDG_RUNTIME_DIR/libvirt`, …).
    pub fn session() -> Self {
        let home = std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("/tmp"));
        let env = |k: &str, d: PathBuf| std::env::var_os(k).map(PathBuf::from).unwrap_or(d);
        let config = env("XDG_CONFIG_HOME", home.join(".config")).join("libvirt");
        let cache = env("XDG_CACHE_HOME", home.join(".cache")).join("libvirt");
        let runtime = env("XDG_RUNTIME_DIR", cache.join("run")).join("libvirt");
        Paths {
            root: None,
            config_dir: config.clone(),
            run_dir: runtime.clone(),
            pid_file: runtime.join("libvirtd.pid"),
        }
    }

    /// A path from the configuration file, as seen from the root.
    pub fn resolve(&self, configured: &str) -> PathBuf {
        reroot(self.root.as_deref(), configured)
    }
}

fn reroot(root: Option<&Path>, p: &str) -> PathBuf {
    match root {
        Some(r) => r.join(p.trim_start_matches('/')),
        None => PathBuf::from(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_prefixes_every_path() {
        let p = Paths::system(Some(Path::new("/tmp/x")));
        assert_eq!(p.run_dir, PathBuf::from("/tmp/x/run/libvirt"));
        assert_eq!(p.config_dir, PathBuf::from("/tmp/x/etc/libvirt"));
        assert_eq!(
            p.resolve("/var/run/foo"),
            PathBuf::from("/tmp/x/var/run/foo")
        );
        let s = Paths::system(None);
        assert_eq!(s.pid_file, PathBuf::from("/run/libvirtd.pid"));
    }
}
