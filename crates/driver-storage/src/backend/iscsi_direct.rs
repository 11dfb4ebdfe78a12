//! `iscsi-direct` pools: LUNs reached by QEMU's userspace initiator (libiscsi); the pool
//! lists them with `iscsi-ls` and sizes them with `iscsi-readcapacity16` (libiscsi-bin). Volumes are network volumes: no local path,
//! so upload/download/wipe are not offered. Parsers are verified on recorded output.

use async_trait::async_trait;
use rvirt_conf::storage::{PoolDef, PoolType, VolumeDef};
use rvirt_core::error::VirResult;

use super::{PoolBackend, PoolSizes, Scan};
use crate::cmd::Cmd;
use crate::errors::internal;

/// `<pool type='iscsi-direct'>`.
pub struct IscsiDirectBackend;

fn portal(def: &PoolDef) -> VirResult<String> {
    let h = def
        .source
        .hosts
        .first()
        .ok_or_else(|| internal("missing source host"))?;
    Ok(format!("{}:{}", h.name, h.port.unwrap_or(3260)))
}

/// `iscsi-ls -s -i INITIATOR iscsi://PORTAL/TARGET`.
pub fn ls_cmd(def: &PoolDef) -> VirResult<Cmd> {
    let iqn = def
        .source
        .devices
        .first()
        .ok_or_else(|| internal("missing source device"))?;
    let init = def
        .source
        .initiator_iqn
        .as_deref()
        .ok_or_else(|| internal("missing initiator IQN"))?;
    Ok(Cmd::new("iscsi-ls").args([
        "-s".to_string(),
        "-i".to_string(),
        init.to_string(),
        format!("iscsi://{}/{iqn}", portal(def)?),
    ]))
}

/// `iscsi-readcapacity16 -s -i INITIATOR iscsi://PORTAL/TARGET/LUN`: the LUN's exact size
/// in bytes (`iscsi-ls -s` rounds it down to whole units).
pub fn capacity_cmd(def: &PoolDef, lun: u32) -> VirResult<Cmd> {
    let mut argv = ls_cmd(def)?.argv;
    let url = argv.pop().unwrap_or_default();
    Ok(Cmd::new("iscsi-readcapacity16")
        .args(argv.into_iter().skip(1))
        .arg(format!("{url}/{lun}")))
}

fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let (num, mult) = match s.chars().last()? {
        'k' | 'K' => (&s[..s.len() - 1], 1u64 << 10),
        'M' => (&s[..s.len() - 1], 1 << 20),
        'G' => (&s[..s.len() - 1], 1 << 30),
        'T' => (&s[..s.len() - 1], 1 << 40),
        _ => (s, 1),
    };
    let v: f64 = num.parse().ok()?;
    Some((v * mult as f64) as u64)
}

/// Parses `iscsi-ls -s` output (`Lun:N  Type:DIRECT_ACCESS (Size:1G)`) into (lun, bytes);
/// only direct-access LUNs are volumes.
pub fn parse_iscsi_ls(out: &str) -> Vec<(u32, u64)> {
    out.lines()
        .filter_map(|l| {
            let l = l.trim();
            let rest = l.strip_prefix("Lun:")?;
            let lun: u32 = rest.split_whitespace().next()?.parse().ok()?;
            if !l.contains("DIRECT_ACCESS") {
                return None;
            }
            let size = l
                .split("Size:")
                .nth(1)
                .and_then(|s| parse_size(s.trim_end_matches(')')))?;
            Some((lun, size))
        })
        .collect()
}

#[async_trait]
impl PoolBackend for IscsiDirectBackend {
    fn pool_type(&self) -> PoolType {
        PoolType::IscsiDirect
    }
    async fn refresh(&self, def: &PoolDef, _known: &[VolumeDef]) -> VirResult<Scan> {
        let out = ls_cmd(def)?.run().await?;
        let p = portal(def)?;
        let iqn = def.source.devices.first().cloned().unwrap_or_default();
        let mut luns = parse_iscsi_ls(&out);
        for (lun, size) in luns.iter_mut() {
            if let Ok(out) = capacity_cmd(def, *lun)?.run().await {
                if let Ok(exact) = out.trim().parse::<u64>() {
                    *size = exact;
                }
            }
        }
        let volumes: Vec<VolumeDef> = luns
            .into_iter()
            .map(|(lun, size)| {
                let path = format!("{p}/{iqn}/{lun}");
                VolumeDef {
                    name: format!("unit:0:0:{lun}"),
                    key: Some(path.clone()),
                    vol_type: "network".into(),
                    capacity: size,
                    allocation: size,
                    target_path: Some(path),
                    ..VolumeDef::default()
                }
            })
            .collect();
        let capacity = volumes.iter().map(|v| v.capacity).sum();
        Ok(Scan {
            sizes: PoolSizes {
                capacity,
                allocation: capacity,
                available: 0,
            },
            volumes,
        })
    }
    fn local_volumes(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iscsi_direct_goldens() {
        let def = PoolDef::parse(
            "<pool type='iscsi-direct'><name>d</name><source><host name='127.0.0.1'/><device path='iqn.2024-01.test:t1'/><initiator><iqn name='iqn.2024-01.test:init'/></initiator></source></pool>",
        )
        .unwrap();
        assert_eq!(
            ls_cmd(&def).unwrap().line(),
            "iscsi-ls -s -i iqn.2024-01.test:init iscsi://127.0.0.1:3260/iqn.2024-01.test:t1"
        );
        assert_eq!(
            capacity_cmd(&def, 1).unwrap().line(),
            "iscsi-readcapacity16 -s -i iqn.2024-01.test:init iscsi://127.0.0.1:3260/iqn.2024-01.test:t1/1"
        );
        // recorded from libiscsi-bin 1.19 against tgt
        let out = "Target:iqn.2024-01.test:t1 Portal:127.0.0.1:3260,1\nLun:0    Type:STORAGE_ARRAY_CONTROLLER (Size:0)\nLun:1    Type:DIRECT_ACCESS (Size:64M)\nLun:2    Type:DIRECT_ACCESS (Size:1G)\n";
        assert_eq!(parse_iscsi_ls(out), vec![(1, 64 << 20), (2, 1 << 30)]);
    }
}
