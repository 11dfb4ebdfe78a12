//! Checkpoint metadata on disk (`<state>/checkpoint/<dom>/<name>.xml`, written with
//! `VIR_DOMAIN_CHECKPOINT_FORMAT_SECURE` as libvirt's `qemuCheckpointWriteMetadata` does)
//! and the checkpoint tree: current checkpoint, parents, children and list filters.

use crate::paths::QemuPaths;
use rvirt_conf::checkpoint::{tree, CheckpointDef};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use std::path::PathBuf;

/// The file naming the current checkpoint (not a `*.xml`, so never read as one).
const CURRENT: &str = ".current";

/// The checkpoint directory of one domain.
pub fn checkpoint_dir(paths: &QemuPaths, dom: &str) -> PathBuf {
    paths.state_dir.join("checkpoint").join(dom)
}

/// `VIR_ERR_NO_DOMAIN_CHECKPOINT`.
pub fn no_checkpoint(name: &str) -> VirError {
    VirError::new(
        ErrorCode::NoDomainCheckpoint,
        ErrorDomain::DomainCheckpoint,
        format!("no domain checkpoint with matching name '{name}'"),
    )
}

fn io_err(what: &str, p: &std::path::Path, e: std::io::Error) -> VirError {
    VirError::new(
        ErrorCode::OperationFailed,
        ErrorDomain::DomainCheckpoint,
        format!("{what} '{}': {e}", p.display()),
    )
}

/// All checkpoints of a domain, read from its metadata directory.
#[derive(Debug, Clone, Default)]
pub struct CheckpointSet {
    pub dir: PathBuf,
    /// Ordered by creation time, then name.
    pub defs: Vec<CheckpointDef>,
    pub current: Option<String>,
}

impl CheckpointSet {
    /// Reads every `*.xml` under the domain's checkpoint directory (missing dir: none).
    pub fn load(paths: &QemuPaths, dom: &str) -> Self {
        let dir = checkpoint_dir(paths, dom);
        let mut defs = Vec::new();
        if let Ok(rd) = std::fs::read_dir(&dir) {
            for e in rd.flatten() {
                let p = e.path();
                if p.extension().and_then(|x| x.to_str()) != Some("xml") {
                    continue;
                }
                if let Ok(x) = std::fs::read_to_string(&p) {
                    match CheckpointDef::parse_redefine(&x) {
                        Ok(d) => defs.push(d),
                        Err(e) => tracing::warn!("ignoring checkpoint {}: {e}", p.display()),
                    }
                }
            }
        }
        defs.sort_by(|a, b| {
            (a.creation_time, a.name.as_str()).cmp(&(b.creation_time, b.name.as_str()))
        });
        let current = std::fs::read_to_string(dir.join(CURRENT))
            .ok()
            .map(|s| s.trim().to_string())
            .filter(|c| defs.iter().any(|d| &d.name == c));
        CheckpointSet { dir, defs, current }
    }

    /// Writes one checkpoint's metadata file.
    pub fn write(&self, c: &CheckpointDef) -> VirResult<()> {
        std::fs::create_dir_all(&self.dir)
            .map_err(|e| io_err("cannot create checkpoint directory", &self.dir, e))?;
        let p = self.dir.join(format!("{}.xml", c.name));
        std::fs::write(&p, c.format()).map_err(|e| io_err("failed to write", &p, e))
    }

    /// Records the current checkpoint.
    pub fn set_current(&mut self, name: Option<&str>) -> VirResult<()> {
        self.current = name.map(str::to_string);
        let p = self.dir.join(CURRENT);
        match name {
            Some(n) => {
                std::fs::create_dir_all(&self.dir)
                    .map_err(|e| io_err("cannot create checkpoint directory", &self.dir, e))?;
                std::fs::write(&p, n).map_err(|e| io_err("failed to write", &p, e))
            }
            None => {
                let _ = std::fs::remove_file(&p);
                Ok(())
            }
        }
    }

    /// Removes one checkpoint (metadata file and list entry).
    pub fn remove(&mut self, name: &str) {
        let _ = std::fs::remove_file(self.dir.join(format!("{name}.xml")));
        self.defs.retain(|d| d.name != name);
    }

    /// Removes the whole directory (undefine with CHECKPOINTS_METADATA).
    pub fn remove_all(&self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }

    pub fn get(&self, name: &str) -> VirResult<&CheckpointDef> {
        self.defs
            .iter()
            .find(|d| d.name == name)
            .ok_or_else(|| no_checkpoint(name))
    }

    /// Every descendant of `parent` (`None` = all), parents before children.
    pub fn descendants(&self, parent: Option<&str>) -> Vec<String> {
        tree::descendants(&self.defs, parent)
    }

    /// `virDomainListCheckpoints` from `from` (`None` = the metaroot) with the leaf filters.
    pub fn list(&self, from: Option<&str>, all: bool, flags: u32) -> Vec<String> {
        tree::list(&self.defs, from, all, flags)
    }

    /// `virDomainMomentCheckCycles` for a redefinition.
    pub fn check_cycles(&self, name: &str, parent: Option<&str>) -> VirResult<()> {
        tree::check_cycles(&self.defs, name, parent)
    }

    /// Moves the children of `from` under `to`, rewriting their metadata.
    pub fn reparent_children(&mut self, from: &str, to: Option<&str>) -> VirResult<()> {
        let mut changed = Vec::new();
        for d in &mut self.defs {
            if d.parent.as_deref() == Some(from) {
                d.parent = to.map(str::to_string);
                changed.push(d.clone());
            }
        }
        for d in &changed {
            self.write(d)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(name: &str, parent: Option<&str>, t: i64) -> CheckpointDef {
        CheckpointDef {
            name: name.into(),
            parent: parent.map(str::to_string),
            creation_time: t,
            ..Default::default()
        }
    }

    #[test]
    fn tree_queries_and_persistence() {
        let tmp = tempfile::tempdir().unwrap();
        let mut set = CheckpointSet {
            dir: tmp.path().join("dom"),
            ..Default::default()
        };
        for d in [
            def("a", None, 1),
            def("b", Some("a"), 2),
            def("c", Some("b"), 3),
        ] {
            set.write(&d).unwrap();
            set.defs.push(d);
        }
        set.set_current(Some("c")).unwrap();
        assert_eq!(set.list(None, true, 0), ["a", "b", "c"]);
        assert_eq!(set.list(None, false, 0), ["a"]);
        assert_eq!(
            set.list(
                Some("a"),
                true,
                rvirt_core::driver::checkpoint_flags::LIST_LEAVES
            ),
            ["c"]
        );
        assert!(set.check_cycles("a", Some("c")).is_err());
        set.reparent_children("b", Some("a")).unwrap();
        set.remove("b");
        let paths = QemuPaths::under(tmp.path());
        std::fs::create_dir_all(paths.state_dir.join("checkpoint")).unwrap();
        std::fs::rename(&set.dir, checkpoint_dir(&paths, "dom")).unwrap();
        let back = CheckpointSet::load(&paths, "dom");
        assert_eq!(back.current.as_deref(), Some("c"));
        assert_eq!(back.get("c").unwrap().parent.as_deref(), Some("a"));
        assert!(back.get("b").is_err());
    }
}
