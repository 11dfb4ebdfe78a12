//! `iscsi` pools: a target logged in with `iscsiadm`, its LUNs as block volumes. This
//! kernel has no iscsi_tcp, so commands are goldens and parsers run on recorded output.

use async_trait::async_trait;
use rvirt_conf::storage::{PoolDef, PoolType, VolumeDef};
use rvirt_core::error::VirResult;

use super::netfs::{spec_host, xml_escape};
use super::{PoolBackend, PoolSizes, Scan};
use crate::cmd::Cmd;
use crate::errors::internal;

/// `<pool type='iscsi'>`.
pub struct IscsiBackend;

fn portal(def: &PoolDef) -> VirResult<String> {
    let h = def
        .source
        .hosts
        .first()
        .ok_or_else(|| internal("missing source host"))?;
    Ok(format!("{}:{}", h.name, h.port.unwrap_or(3260)))
}

fn iqn(def: &PoolDef) -> VirResult<&str> {
    def.source
        .devices
        .first()
        .map(String::as_str)
        .ok_or_else(|| internal("missing source device"))
}

/// `iscsiadm --mode discovery --type sendtargets --portal PORTAL`.
pub fn discovery_cmd(portal: &str) -> Cmd {
    Cmd::new("iscsiadm").args([
        "--mode",
        "discovery",
        "--type",
        "sendtargets",
        "--portal",
        portal,
    ])
}

/// `iscsiadm --mode node --portal PORTAL --targetname IQN --login|--logout`.
pub fn node_cmd(portal: &str, iqn: &str, login: bool) -> Cmd {
    Cmd::new("iscsiadm").args([
        "--mode",
        "node",
        "--portal",
        portal,
        "--targetname",
        iqn,
        if login { "--login" } else { "--logout" },
    ])
}

/// Parses sendtargets output (`PORTAL,TPGT IQN` per line) into (portal, iqn).
pub fn parse_sendtargets(out: &str) -> Vec<(String, String)> {
    out.lines()
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            let p = it.next()?;
            let t = it.next()?;
            Some((p.split(',').next()?.to_string(), t.to_string()))
        })
        .collect()
}

/// Parses `iscsiadm --mode session` (`tcp: [ID] PORTAL,TPGT IQN (non-flash)`) into (id, iqn).
pub fn parse_sessions(out: &str) -> Vec<(u32, String)> {
    out.lines()
        .filter_map(|l| {
            let open = l.find('[')?;
            let close = l.find(']')?;
            let id = l.get(open + 1..close)?.parse().ok()?;
            let mut rest = l.get(close + 1..)?.split_whitespace();
            rest.next()?;
            Some((id, rest.next()?.to_string()))
        })
        .collect()
}

/// LUN block devices of session `id` from sysfs: (lun, /dev/sdX, size in bytes).
fn session_luns(id: u32) -> Vec<(u32, String, u64)> {
    let mut out = Vec::new();
    let base = format!("/sys/class/iscsi_session/session{id}/device");
    let Ok(targets) = std::fs::read_dir(&base) else {
        return out;
    };
    for t in targets.flatten() {
        let Ok(luns) = std::fs::read_dir(t.path()) else {
            continue;
        };
        for l in luns.flatten() {
            let name = l.file_name().to_string_lossy().into_owned();
            let Some(lun) = name.rsplit(':').next().and_then(|x| x.parse().ok()) else {
                continue;
            };
            let Ok(mut blocks) = std::fs::read_dir(l.path().join("block")) else {
                continue;
            };
            if let Some(Ok(b)) = blocks.next() {
                let dev = b.file_name().to_string_lossy().into_owned();
                let sectors: u64 = std::fs::read_to_string(b.path().join("size"))
                    .ok()
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(0);
                out.push((lun, format!("/dev/{dev}"), sectors * 512));
            }
        }
    }
    out.sort();
    out
}

#[async_trait]
impl PoolBackend for IscsiBackend {
    fn pool_type(&self) -> PoolType {
        PoolType::Iscsi
    }
    async fn check(&self, def: &PoolDef) -> VirResult<bool> {
        let out = Cmd::new("iscsiadm")
            .args(["--mode", "session"])
            .run()
            .await
            .unwrap_or_default();
        let want = iqn(def)?;
        Ok(parse_sessions(&out).iter().any(|(_, t)| t == want))
    }
    async fn start(&self, def: &PoolDef) -> VirResult<()> {
        let p = portal(def)?;
        discovery_cmd(&p).run().await?;
        node_cmd(&p, iqn(def)?, true).run().await.map(|_| ())
    }
    async fn stop(&self, def: &PoolDef) -> VirResult<()> {
        node_cmd(&portal(def)?, iqn(def)?, false)
            .run()
            .await
            .map(|_| ())
    }
    async fn refresh(&self, def: &PoolDef, _known: &[VolumeDef]) -> VirResult<Scan> {
        let out = Cmd::new("iscsiadm")
            .args(["--mode", "session"])
            .run()
            .await?;
        let want = iqn(def)?;
        let id = parse_sessions(&out)
            .into_iter()
            .find(|(_, t)| t == want)
            .map(|(i, _)| i)
            .ok_or_else(|| internal(format!("cannot find session for target '{want}'")))?;
        let luns = tokio::task::spawn_blocking(move || session_luns(id))
            .await
            .map_err(|e| internal(e.to_string()))?;
        let volumes: Vec<VolumeDef> = luns
            .into_iter()
            .map(|(lun, dev, size)| VolumeDef {
                name: format!("unit:0:0:{lun}"),
                key: Some(dev.clone()),
                vol_type: "block".into(),
                capacity: size,
                allocation: size,
                target_path: Some(dev),
                ..VolumeDef::default()
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
    async fn find_sources(&self, spec: Option<&str>) -> VirResult<String> {
        let host = spec_host(spec)?;
        let p = if host.contains(':') {
            host.clone()
        } else {
            format!("{host}:3260")
        };
        let out = discovery_cmd(&p).run().await?;
        Ok(sources_xml(&host, &parse_sendtargets(&out)))
    }
}

/// libvirt's `<sources>` document for discovered targets.
pub fn sources_xml(host: &str, targets: &[(String, String)]) -> String {
    let mut x = String::from("<sources>\n");
    for (_, t) in targets {
        x.push_str(&format!(
            "  <source>\n    <host name='{}'/>\n    <device path='{}'/>\n  </source>\n",
            xml_escape(host),
            xml_escape(t)
        ));
    }
    x.push_str("</sources>\n");
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iscsi_goldens_and_recorded_output() {
        assert_eq!(
            discovery_cmd("10.0.0.1:3260").line(),
            "iscsiadm --mode discovery --type sendtargets --portal 10.0.0.1:3260"
        );
        assert_eq!(
            node_cmd("10.0.0.1:3260", "iqn.2024-01.test:t1", true).line(),
            "iscsiadm --mode node --portal 10.0.0.1:3260 --targetname iqn.2024-01.test:t1 --login"
        );
        let st = "10.0.0.1:3260,1 iqn.2024-01.test:t1\n10.0.0.1:3260,1 iqn.2024-01.test:t2\n";
        assert_eq!(
            parse_sendtargets(st)[1],
            (
                "10.0.0.1:3260".to_string(),
                "iqn.2024-01.test:t2".to_string()
            )
        );
        let sess = "tcp: [3] 10.0.0.1:3260,1 iqn.2024-01.test:t1 (non-flash)\n";
        assert_eq!(
            parse_sessions(sess),
            vec![(3, "iqn.2024-01.test:t1".to_string())]
        );
        assert!(sources_xml("h", &parse_sendtargets(st))
            .contains("<device path='iqn.2024-01.test:t2'/>"));
    }
}
