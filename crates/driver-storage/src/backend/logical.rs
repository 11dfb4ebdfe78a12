//! `logical` pools: an LVM volume group. This kernel has no device-mapper, so the
//! commands are verified as goldens and the `vgs`/`lvs` parsers on recorded output.

use async_trait::async_trait;
use rvirt_conf::storage::{PoolDef, PoolType, VolumeDef};
use rvirt_core::error::VirResult;

use super::{check_overwrite_flags, PoolBackend, PoolSizes, Scan};
use crate::cmd::Cmd;
use crate::errors::internal;
use crate::names::check_vol_name;

/// `<pool type='logical'>`.
pub struct LogicalBackend;

fn vg(def: &PoolDef) -> String {
    def.source.name.clone().unwrap_or_else(|| def.name.clone())
}

/// `vgs` for one group: capacity and free bytes.
pub fn vgs_cmd(vg: &str) -> Cmd {
    Cmd::new("vgs").args([
        "--separator",
        ":",
        "--noheadings",
        "--units",
        "b",
        "--unbuffered",
        "--nosuffix",
        "--options",
        "vg_size,vg_free",
        vg,
    ])
}

/// `lvs` for one group, `#`-separated.
pub fn lvs_cmd(vg: &str) -> Cmd {
    Cmd::new("lvs").args([
        "--separator",
        "#",
        "--noheadings",
        "--units",
        "b",
        "--unbuffered",
        "--nosuffix",
        "--options",
        "lv_name,origin,uuid,devices,segtype,stripes,seg_size,vg_extent_size,size,lv_attr",
        vg,
    ])
}

/// Parses `vgs` output into pool sizes.
pub fn parse_vgs(out: &str) -> VirResult<PoolSizes> {
    let line = out.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut it = line.trim().split(':');
    let bad = || internal(format!("cannot parse vgs output '{out}'"));
    let cap: u64 = it.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
    let free: u64 = it.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
    Ok(PoolSizes {
        capacity: cap,
        allocation: cap.saturating_sub(free),
        available: free,
    })
}

/// Parses `lvs` output into volumes (one per LV; extra segments of an LV are merged).
pub fn parse_lvs(out: &str, vg: &str) -> VirResult<Vec<VolumeDef>> {
    let mut vols: Vec<VolumeDef> = Vec::new();
    for line in out.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split('#').collect();
        if f.len() < 10 {
            return Err(internal(format!("cannot parse lvs line '{line}'")));
        }
        let attr = f[9];
        // thin pools and other internal volumes are not exposed
        if attr.starts_with('t') || attr.starts_with('[') || f[0].starts_with('[') {
            continue;
        }
        if vols.iter().any(|v| v.name == f[0]) {
            continue;
        }
        let size: u64 = f[8]
            .parse()
            .map_err(|_| internal(format!("malformed volume size '{}'", f[8])))?;
        let path = format!("/dev/{vg}/{}", f[0]);
        vols.push(VolumeDef {
            name: f[0].to_string(),
            key: Some(f[2].to_string()),
            vol_type: "block".into(),
            capacity: size,
            allocation: size,
            target_path: Some(path),
            backing_store: (!f[1].is_empty()).then(|| rvirt_conf::storage::BackingStore {
                path: format!("/dev/{vg}/{}", f[1]),
                format_type: None,
                perms: Default::default(),
            }),
            ..VolumeDef::default()
        });
    }
    Ok(vols)
}

/// `vgcreate NAME DEV…` (after `pvcreate` of each device).
pub fn build_cmds(def: &PoolDef) -> Vec<Cmd> {
    let mut v: Vec<Cmd> = def
        .source
        .devices
        .iter()
        .map(|d| Cmd::new("pvcreate").arg(d.as_str()))
        .collect();
    v.push(
        Cmd::new("vgcreate")
            .arg(vg(def))
            .args(def.source.devices.iter().cloned()),
    );
    v
}

/// `lvcreate --name NAME -L SIZEK VG` (size rounded up to KiB).
pub fn lvcreate_cmd(vg: &str, vol: &VolumeDef) -> Cmd {
    let k = vol.capacity.div_ceil(1024);
    let mut c = Cmd::new("lvcreate").args(["--name", vol.name.as_str()]);
    if vol.allocation < vol.capacity {
        let a = vol.allocation.div_ceil(1024).max(4);
        c = c.args([
            "-L".to_string(),
            format!("{a}K"),
            "--virtualsize".to_string(),
            format!("{k}K"),
        ]);
    } else {
        c = c.args(["-L".to_string(), format!("{k}K")]);
    }
    c.arg(vg)
}

#[async_trait]
impl PoolBackend for LogicalBackend {
    fn pool_type(&self) -> PoolType {
        PoolType::Logical
    }
    async fn check(&self, def: &PoolDef) -> VirResult<bool> {
        Ok(vgs_cmd(&vg(def)).run().await.is_ok())
    }
    async fn build(&self, def: &PoolDef, flags: u32) -> VirResult<()> {
        check_overwrite_flags(flags)?;
        for c in build_cmds(def) {
            c.run().await?;
        }
        Ok(())
    }
    async fn start(&self, def: &PoolDef) -> VirResult<()> {
        Cmd::new("vgchange")
            .args(["-aly", &vg(def)])
            .run()
            .await
            .map(|_| ())
    }
    async fn stop(&self, def: &PoolDef) -> VirResult<()> {
        Cmd::new("vgchange")
            .args(["-aln", &vg(def)])
            .run()
            .await
            .map(|_| ())
    }
    async fn delete(&self, def: &PoolDef, _flags: u32) -> VirResult<()> {
        Cmd::new("vgremove").args(["-f", &vg(def)]).run().await?;
        for d in &def.source.devices {
            Cmd::new("pvremove").arg(d.as_str()).run().await?;
        }
        Ok(())
    }
    async fn refresh(&self, def: &PoolDef, _known: &[VolumeDef]) -> VirResult<Scan> {
        let g = vg(def);
        let sizes = parse_vgs(&vgs_cmd(&g).run().await?)?;
        let volumes = parse_lvs(&lvs_cmd(&g).run().await?, &g)?;
        Ok(Scan { sizes, volumes })
    }
    async fn create_vol(&self, def: &PoolDef, vol: &mut VolumeDef) -> VirResult<()> {
        check_vol_name(&vol.name)?;
        let path = format!("/dev/{}/{}", vg(def), vol.name);
        vol.vol_type = "block".into();
        vol.key = Some(path.clone());
        vol.target_path = Some(path);
        Ok(())
    }
    async fn build_vol(&self, def: &PoolDef, vol: &VolumeDef, _flags: u32) -> VirResult<()> {
        lvcreate_cmd(&vg(def), vol).run().await.map(|_| ())
    }
    async fn delete_vol(&self, def: &PoolDef, vol: &VolumeDef, _flags: u32) -> VirResult<()> {
        Cmd::new("lvremove")
            .args(["-f".to_string(), format!("{}/{}", vg(def), vol.name)])
            .run()
            .await
            .map(|_| ())
    }
    async fn refresh_vol(&self, def: &PoolDef, vol: &mut VolumeDef) -> VirResult<()> {
        let g = vg(def);
        let out = lvs_cmd(&format!("{g}/{}", vol.name)).run().await?;
        if let Some(v) = parse_lvs(&out, &g)?.into_iter().next() {
            vol.capacity = v.capacity;
            vol.allocation = v.allocation;
            vol.key = v.key;
        }
        Ok(())
    }
    async fn resize_vol(
        &self,
        def: &PoolDef,
        vol: &VolumeDef,
        capacity: u64,
        _flags: u32,
    ) -> VirResult<()> {
        Cmd::new("lvresize")
            .args([
                "-f".to_string(),
                "-L".to_string(),
                format!("{}K", capacity.div_ceil(1024)),
                format!("{}/{}", vg(def), vol.name),
            ])
            .run()
            .await
            .map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logical_goldens_and_recorded_output() {
        let def = PoolDef::parse(
            "<pool type='logical'><name>vg0</name><source><device path='/dev/sdb'/><device path='/dev/sdc'/></source></pool>",
        )
        .unwrap();
        let b: Vec<String> = build_cmds(&def).iter().map(|c| c.line()).collect();
        assert_eq!(
            b,
            [
                "pvcreate /dev/sdb",
                "pvcreate /dev/sdc",
                "vgcreate vg0 /dev/sdb /dev/sdc"
            ]
        );
        assert_eq!(
            vgs_cmd("vg0").line(),
            "vgs --separator : --noheadings --units b --unbuffered --nosuffix --options vg_size,vg_free vg0"
        );
        let vol = VolumeDef {
            name: "lv1".into(),
            capacity: 1 << 30,
            allocation: 1 << 30,
            ..VolumeDef::default()
        };
        assert_eq!(
            lvcreate_cmd("vg0", &vol).line(),
            "lvcreate --name lv1 -L 1048576K vg0"
        );
        // recorded from lvm2 2.03 (`vgs`/`lvs` with the options above)
        let s = parse_vgs("  21470642176:17175674880\n").unwrap();
        assert_eq!(
            (s.capacity, s.available, s.allocation),
            (21470642176, 17175674880, 4294967296)
        );
        let lvs = "  lv1##f9mLM3-hg0W-uS2R-3Ydc-DE1a-w9hb-kkXcdv#/dev/sdb(0)#linear#1#1073741824#4194304#1073741824#-wi-a-----\n  snap#lv1#Z1rkTE-pGcb-bJ2D-0Jrx-0Yhb-pl2n-vVS7aT#/dev/sdb(256)#linear#1#3221225472#4194304#3221225472#swi-a-s---\n  tp##Uq0xpP-1#tp_tdata(0)#thin-pool#1#0#4194304#0#twi-a-tz--\n";
        let v = parse_lvs(lvs, "vg0").unwrap();
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].target_path.as_deref(), Some("/dev/vg0/lv1"));
        assert_eq!(
            v[0].key.as_deref(),
            Some("f9mLM3-hg0W-uS2R-3Ydc-DE1a-w9hb-kkXcdv")
        );
        assert_eq!(v[1].backing_store.as_ref().unwrap().path, "/dev/vg0/lv1");
        assert!(parse_vgs("junk").is_err());
    }
}
