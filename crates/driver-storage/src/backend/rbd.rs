//! `rbd` pools: Ceph RBD images through the `rbd` CLI (libvirt links librados; this
//! build shells out). No Ceph cluster here: commands are goldens, `rbd ls -l --format
//! json` output is parsed from a recorded sample.

use async_trait::async_trait;
use rvirt_conf::storage::{PoolDef, PoolType, VolumeDef};
use rvirt_core::error::VirResult;
use serde::Deserialize;

use super::{PoolBackend, PoolSizes, Scan};
use crate::cmd::Cmd;
use crate::errors::internal;
use crate::names::check_vol_name;

/// `<pool type='rbd'>`.
pub struct RbdBackend;

fn base(def: &PoolDef, sub: &[&str]) -> Cmd {
    let mut c = Cmd::new("rbd").args(sub.iter().copied());
    if let Some(h) = def.source.hosts.first() {
        let m = match h.port {
            Some(p) => format!("{}:{p}", h.name),
            None => h.name.clone(),
        };
        c = c.args(["-m".to_string(), m]);
    }
    if let Some(a) = &def.source.auth {
        c = c.args(["--id", a.username.as_str()]);
    }
    c
}

fn pool_name(def: &PoolDef) -> String {
    def.source.name.clone().unwrap_or_else(|| def.name.clone())
}

/// `rbd ls -l --format json [-m MON] [--id USER] --pool POOL`.
pub fn ls_cmd(def: &PoolDef) -> Cmd {
    base(def, &["ls", "-l", "--format", "json"]).args(["--pool".to_string(), pool_name(def)])
}

/// `rbd create --size NM --image-format 2 POOL/NAME` (size rounded up to MiB).
pub fn create_cmd(def: &PoolDef, name: &str, capacity: u64) -> Cmd {
    base(def, &["create"]).args([
        "--size".to_string(),
        format!("{}M", capacity.div_ceil(1 << 20)),
        "--image-format".to_string(),
        "2".to_string(),
        format!("{}/{name}", pool_name(def)),
    ])
}

#[derive(Deserialize)]
struct LsEntry {
    image: String,
    size: u64,
    #[serde(default)]
    snapshot: Option<String>,
}

/// Parses `rbd ls -l --format json` into (image, size) pairs (snapshots skipped).
pub fn parse_rbd_ls(json: &str) -> VirResult<Vec<(String, u64)>> {
    let v: Vec<LsEntry> = serde_json::from_str(json)
        .map_err(|e| internal(format!("cannot parse rbd ls output: {e}")))?;
    Ok(v.into_iter()
        .filter(|e| e.snapshot.is_none())
        .map(|e| (e.image, e.size))
        .collect())
}

fn vol(def: &PoolDef, name: &str, size: u64) -> VolumeDef {
    let path = format!("{}/{name}", pool_name(def));
    VolumeDef {
        name: name.to_string(),
        key: Some(path.clone()),
        vol_type: "network".into(),
        capacity: size,
        allocation: size,
        target_path: Some(path),
        format_type: Some("raw".into()),
        ..VolumeDef::default()
    }
}

#[async_trait]
impl PoolBackend for RbdBackend {
    fn pool_type(&self) -> PoolType {
        PoolType::Rbd
    }
    async fn refresh(&self, def: &PoolDef, _known: &[VolumeDef]) -> VirResult<Scan> {
        let list = parse_rbd_ls(&ls_cmd(def).run().await?)?;
        let volumes: Vec<VolumeDef> = list.iter().map(|(n, s)| vol(def, n, *s)).collect();
        let allocation = volumes.iter().map(|v| v.allocation).sum();
        Ok(Scan {
            sizes: PoolSizes {
                capacity: 0,
                allocation,
                available: 0,
            },
            volumes,
        })
    }
    async fn create_vol(&self, def: &PoolDef, v: &mut VolumeDef) -> VirResult<()> {
        check_vol_name(&v.name)?;
        let placed = vol(def, &v.name, v.capacity);
        v.key = placed.key;
        v.target_path = placed.target_path;
        v.vol_type = "network".into();
        Ok(())
    }
    async fn build_vol(&self, def: &PoolDef, v: &VolumeDef, _flags: u32) -> VirResult<()> {
        create_cmd(def, &v.name, v.capacity).run().await.map(|_| ())
    }
    async fn delete_vol(&self, def: &PoolDef, v: &VolumeDef, _flags: u32) -> VirResult<()> {
        base(def, &["rm"])
            .arg(format!("{}/{}", pool_name(def), v.name))
            .run()
            .await
            .map(|_| ())
    }
    async fn resize_vol(
        &self,
        def: &PoolDef,
        v: &VolumeDef,
        capacity: u64,
        flags: u32,
    ) -> VirResult<()> {
        let mut c = base(def, &["resize"]).args([
            "--size".to_string(),
            format!("{}M", capacity.div_ceil(1 << 20)),
        ]);
        if flags & 4 != 0 {
            c = c.arg("--allow-shrink");
        }
        c.arg(format!("{}/{}", pool_name(def), v.name))
            .run()
            .await
            .map(|_| ())
    }
    fn local_volumes(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rbd_goldens() {
        let def = PoolDef::parse(
            "<pool type='rbd'><name>ceph</name><source><name>rbdpool</name><host name='mon1' port='6789'/><auth type='ceph' username='libvirt'><secret uuid='2ec115d7-3a88-3ceb-bc12-0ac909a6fd87'/></auth></source></pool>",
        )
        .unwrap();
        assert_eq!(
            ls_cmd(&def).line(),
            "rbd ls -l --format json -m mon1:6789 --id libvirt --pool rbdpool"
        );
        assert_eq!(
            create_cmd(&def, "img", (1 << 30) + 1).line(),
            "rbd create -m mon1:6789 --id libvirt --size 1025M --image-format 2 rbdpool/img"
        );
        // recorded from ceph 17 `rbd ls -l --format json`
        let j = r#"[{"image":"img","id":"5e1b2a8d6f3c","size":1073741824,"format":2},{"image":"img","id":"5e1b2a8d6f3c","snapshot":"s1","snapshot_id":4,"size":1073741824,"format":2,"protected":"false"}]"#;
        assert_eq!(parse_rbd_ls(j).unwrap(), vec![("img".to_string(), 1 << 30)]);
    }
}
