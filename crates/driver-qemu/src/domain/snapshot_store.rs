//! Snapshot metadata on disk (`/var/lib/libvirt/qemu/snapshot/<dom>/<name>.xml`) and the
//! snapshot tree: current snapshot, parents, children, list filters
//! (`virDomainListAllSnapshots` flags).

use crate::paths::QemuPaths;
use rvirt_conf::snapshot::{SnapshotDef, SnapshotFormatFlags, SnapshotParseFlags, SnapshotState};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use std::path::PathBuf;

/// `virDomainSnapshotListFlags`.
pub mod list_flags {
    pub const ROOTS: u32 = 1;
    pub const DESCENDANTS: u32 = 1;
    pub const METADATA: u32 = 2;
    pub const LEAVES: u32 = 4;
    pub const NO_LEAVES: u32 = 8;
    pub const NO_METADATA: u32 = 16;
    pub const INACTIVE: u32 = 32;
    pub const ACTIVE: u32 = 64;
    pub const DISK_ONLY: u32 = 128;
    pub const INTERNAL: u32 = 256;
    pub const EXTERNAL: u32 = 512;
    pub const TOPOLOGICAL: u32 = 1024;
    pub const ALL: u32 = 2047;
}

/// How stored metadata is read (`VIR_DOMAIN_SNAPSHOT_PARSE_INTERNAL`).
const METADATA: SnapshotParseFlags = SnapshotParseFlags {
    redefine: true,
    internal: true,
    now: 0,
};

/// The snapshot directory of one domain.
pub fn snapshot_dir(paths: &QemuPaths, dom: &str) -> PathBuf {
    paths.state_dir.join("snapshot").join(dom)
}

/// All snapshots of a domain, read from its metadata directory.
#[derive(Debug, Clone, Default)]
pub struct SnapshotSet {
    pub dir: PathBuf,
    pub snaps: Vec<SnapshotDef>,
}

fn io_err(what: &str, p: &std::path::Path, e: std::io::Error) -> VirError {
    VirError::new(
        ErrorCode::OperationFailed,
        ErrorDomain::DomainSnapshot,
        format!("{what} '{}': {e}", p.display()),
    )
}

/// `VIR_ERR_NO_DOMAIN_SNAPSHOT`.
pub fn no_snapshot(name: &str) -> VirError {
    VirError::new(
        ErrorCode::NoDomainSnapshot,
        ErrorDomain::DomainSnapshot,
        format!("no domain snapshot with matching name '{name}'"),
    )
}

impl SnapshotSet {
    /// Reads every `*.xml` under the domain's snapshot directory (missing dir: none).
    pub fn load(paths: &QemuPaths, dom: &str) -> Self {
        let dir = snapshot_dir(paths, dom);
        let mut snaps = Vec::new();
        if let Ok(rd) = std::fs::read_dir(&dir) {
            for e in rd.flatten() {
                let p = e.path();
                if p.extension().and_then(|x| x.to_str()) != Some("xml") {
                    continue;
                }
                if let Ok(x) = std::fs::read_to_string(&p) {
                    match SnapshotDef::parse(&x, METADATA) {
                        Ok(d) => snaps.push(d),
                        Err(e) => tracing::warn!("ignoring snapshot {}: {e}", p.display()),
                    }
                }
            }
        }
        snaps.sort_by(|a, b| {
            (a.creation_time, a.name.as_str()).cmp(&(b.creation_time, b.name.as_str()))
        });
        SnapshotSet { dir, snaps }
    }

    /// Writes one snapshot's metadata file.
    pub fn write(&self, s: &SnapshotDef) -> VirResult<()> {
        std::fs::create_dir_all(&self.dir)
            .map_err(|e| io_err("cannot create directory", &self.dir, e))?;
        let p = self.dir.join(format!("{}.xml", s.name));
        std::fs::write(&p, s.format(SnapshotFormatFlags { internal: true }))
            .map_err(|e| io_err("failed to write snapshot metadata", &p, e))
    }

    /// Removes one snapshot's metadata file.
    pub fn remove_file(&self, name: &str) -> VirResult<()> {
        let p = self.dir.join(format!("{name}.xml"));
        match std::fs::remove_file(&p) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io_err("failed to remove snapshot metadata", &p, e)),
        }
    }

    /// Removes the whole directory (undefine with SNAPSHOTS_METADATA).
    pub fn remove_all(&self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }

    pub fn get(&self, name: &str) -> VirResult<&SnapshotDef> {
        self.snaps
            .iter()
            .find(|s| s.name == name)
            .ok_or_else(|| no_snapshot(name))
    }

    pub fn current(&self) -> Option<&SnapshotDef> {
        self.snaps.iter().find(|s| s.current)
    }

    /// Marks `name` (or nothing) current, rewriting the files that change.
    pub fn set_current(&mut self, name: Option<&str>) -> VirResult<()> {
        let mut changed = Vec::new();
        for s in &mut self.snaps {
            let want = Some(s.name.as_str()) == name;
            if s.current != want {
                s.current = want;
                changed.push(s.clone());
            }
        }
        for s in &changed {
            self.write(s)?;
        }
        Ok(())
    }

    /// Direct children of `name`.
    pub fn children(&self, name: &str) -> Vec<&SnapshotDef> {
        self.snaps
            .iter()
            .filter(|s| s.parent.as_deref() == Some(name))
            .collect()
    }

    /// All descendants of `name`, parents before children.
    pub fn descendants(&self, name: &str) -> Vec<&SnapshotDef> {
        let mut out: Vec<&SnapshotDef> = Vec::new();
        let mut queue = vec![name.to_string()];
        while let Some(n) = queue.pop() {
            for c in self.children(&n) {
                queue.push(c.name.clone());
                out.push(c);
            }
        }
        out
    }

    /// Applies the list filters to a candidate list (`virDomainSnapshotObjListFilter`).
    pub fn filter<'a>(&'a self, cands: Vec<&'a SnapshotDef>, flags: u32) -> Vec<&'a SnapshotDef> {
        use list_flags as f;
        cands
            .into_iter()
            .filter(|s| {
                let leaf = self.children(&s.name).is_empty();
                let leaves_ok = match flags & (f::LEAVES | f::NO_LEAVES) {
                    f::LEAVES => leaf,
                    f::NO_LEAVES => !leaf,
                    _ => true,
                };
                // every snapshot rvirt lists has metadata
                let meta_ok = flags & (f::METADATA | f::NO_METADATA) != f::NO_METADATA;
                let kind = flags & (f::INACTIVE | f::ACTIVE | f::DISK_ONLY);
                let kind_ok = kind == 0
                    || (kind & f::INACTIVE != 0 && s.state == SnapshotState::Shutoff)
                    || (kind & f::ACTIVE != 0
                        && matches!(s.state, SnapshotState::Running | SnapshotState::Paused))
                    || (kind & f::DISK_ONLY != 0 && s.state == SnapshotState::DiskSnapshot);
                let loc = flags & (f::INTERNAL | f::EXTERNAL);
                let loc_ok = loc == 0
                    || (loc & f::INTERNAL != 0 && !s.is_external())
                    || (loc & f::EXTERNAL != 0 && s.is_external());
                leaves_ok && meta_ok && kind_ok && loc_ok
            })
            .collect()
    }

    /// `virDomainListAllSnapshots` candidates after filtering.
    pub fn list(&self, flags: u32) -> Vec<&SnapshotDef> {
        let cands: Vec<&SnapshotDef> = if flags & list_flags::ROOTS != 0 {
            self.snaps.iter().filter(|s| s.parent.is_none()).collect()
        } else {
            self.snaps.iter().collect()
        };
        self.filter(cands, flags)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(name: &str, parent: Option<&str>, state: &str, t: i64) -> SnapshotDef {
        SnapshotDef {
            name: name.into(),
            parent: parent.map(str::to_string),
            state: SnapshotState::from_name(state).unwrap_or_default(),
            creation_time: t,
            ..Default::default()
        }
    }

    #[test]
    fn tree_filters_and_persistence() {
        let root = tempfile::tempdir().unwrap();
        let paths = QemuPaths::under(root.path());
        let set = SnapshotSet::load(&paths, "g");
        assert!(set.snaps.is_empty());
        for s in [
            snap("a", None, "running", 1),
            snap("b", Some("a"), "shutoff", 2),
            snap("c", Some("a"), "disk-snapshot", 3),
            snap("d", Some("b"), "running", 4),
        ] {
            set.write(&s).unwrap();
        }
        let mut set = SnapshotSet::load(&paths, "g");
        assert_eq!(set.snaps.len(), 4);
        set.set_current(Some("d")).unwrap();
        let set = SnapshotSet::load(&paths, "g");
        assert_eq!(set.current().map(|s| s.name.as_str()), Some("d"));
        let names = |v: Vec<&SnapshotDef>| v.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(set.list(list_flags::ROOTS)), ["a"]);
        assert_eq!(names(set.list(list_flags::LEAVES)), ["c", "d"]);
        assert_eq!(names(set.list(list_flags::NO_LEAVES)), ["a", "b"]);
        assert_eq!(names(set.list(list_flags::INACTIVE)), ["b"]);
        assert_eq!(names(set.list(list_flags::ACTIVE)), ["a", "d"]);
        assert_eq!(names(set.list(list_flags::DISK_ONLY)), ["c"]);
        assert!(set.list(list_flags::NO_METADATA).is_empty());
        let mut desc = names(set.descendants("a"));
        desc.sort();
        assert_eq!(desc, ["b", "c", "d"]);
        assert!(set.get("zz").is_err());
    }

    #[test]
    fn external_snapshot_metadata_survives_reload() {
        use rvirt_conf::snapshot::{SnapshotDiskDef, SnapshotLocation};
        let root = tempfile::tempdir().unwrap();
        let paths = QemuPaths::under(root.path());
        let mut s = snap("ext", Some("int"), "running", 7);
        s.memory = SnapshotLocation::External;
        s.memory_file = Some("/var/lib/mem.ext".into());
        s.disks = vec![SnapshotDiskDef {
            name: "vda".into(),
            snapshot: SnapshotLocation::External,
            source_type: None,
            source: Some("/var/lib/data.ext".into()),
            driver_type: Some("qcow2".into()),
        }];
        s.domain = Some("<domain type='qemu'>\n  <name>g</name>\n</domain>".into());
        let mut set = SnapshotSet::load(&paths, "g");
        set.write(&s).unwrap();
        set.snaps.push(s.clone());
        set.set_current(Some("ext")).unwrap();
        let set = SnapshotSet::load(&paths, "g");
        let back = set.get("ext").unwrap();
        assert!(back.current);
        assert_eq!(back.memory_file, s.memory_file);
        assert_eq!(back.disks, s.disks);
        assert_eq!(back.domain, s.domain);
        assert_eq!(names_of(set.list(list_flags::EXTERNAL)), ["ext"]);
    }

    fn names_of(v: Vec<&SnapshotDef>) -> Vec<String> {
        v.iter().map(|s| s.name.clone()).collect()
    }
}
