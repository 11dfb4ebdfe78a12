//! `iscsi-direct` against Debian's userspace `tgt` on loopback (skipped when tgt or
//! libiscsi-bin is missing or tgtd cannot start), plus `pool-capabilities`.

use super::*;

const TARGET: &str = "iqn.2024-01.rvirt.test:direct";
const INITIATOR: &str = "iqn.2024-01.rvirt.test:init";
const PORT: u16 = 3261;
const CONTROL: u16 = 61;

fn have(tool: &str) -> bool {
    std::process::Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// A private tgtd (own portal and control port), killed on drop.
struct Tgtd(std::process::Child);

impl Drop for Tgtd {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn tgtadm(args: &str) -> bool {
    std::process::Command::new("sh")
        .args(["-c", &format!("tgtadm -C {CONTROL} --lld iscsi {args}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn start_target(luns: &[&Path]) -> Option<Tgtd> {
    if !(have("tgtd") && have("tgtadm") && have("iscsi-ls") && have("iscsi-readcapacity16")) {
        eprintln!("skipping: tgt or libiscsi-bin not installed");
        return None;
    }
    let child = std::process::Command::new("tgtd")
        .args([
            "-f",
            "-C",
            &CONTROL.to_string(),
            "--iscsi",
            &format!("portal=127.0.0.1:{PORT}"),
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    let tgtd = Tgtd(child);
    // tgtd needs a moment before its control socket answers.
    let ready = (0..50).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(100));
        tgtadm("--op show --mode target")
    });
    if !ready || !tgtadm(&format!("--op new --mode target --tid 1 -T {TARGET}")) {
        eprintln!("skipping: tgtd did not start");
        return None;
    }
    for (i, l) in luns.iter().enumerate() {
        assert!(tgtadm(&format!(
            "--op new --mode logicalunit --tid 1 --lun {} -b {}",
            i + 1,
            l.display()
        )));
    }
    assert!(tgtadm("--op bind --mode target --tid 1 -I 127.0.0.1"));
    Some(tgtd)
}

#[tokio::test]
async fn pool_lists_the_luns_of_a_local_tgt_target() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("lun1.img"), tmp.path().join("lun2.img"));
    std::fs::File::create(&a)
        .unwrap()
        .set_len(64 * MIB)
        .unwrap();
    std::fs::File::create(&b).unwrap().set_len(1 << 30).unwrap();
    let Some(_tgtd) = start_target(&[&a, &b]) else {
        return;
    };
    let (drv, _) = open(&tmp.path().join("root"));
    let xml = format!(
        "<pool type='iscsi-direct'><name>direct</name><source><host name='127.0.0.1' port='{PORT}'/><device path='{TARGET}'/><initiator><iqn name='{INITIATOR}'/></initiator></source></pool>"
    );
    let p = drv.pool_define_xml(&xml, 0).await.unwrap();
    drv.pool_create(&p, 0).await.unwrap();
    let mut vols: Vec<_> = drv
        .pool_list_all_volumes(&p, 0)
        .await
        .unwrap()
        .into_iter()
        .map(|v| v.name)
        .collect();
    vols.sort();
    assert_eq!(vols, ["unit:0:0:1", "unit:0:0:2"]);
    let v1 = drv.vol_lookup_by_name(&p, "unit:0:0:1").await.unwrap();
    let info = drv.vol_get_info(&v1, 0).await.unwrap();
    assert_eq!(
        info.capacity,
        64 * MIB,
        "exact size, not iscsi-ls's rounded one"
    );
    let v2 = drv.vol_lookup_by_name(&p, "unit:0:0:2").await.unwrap();
    assert_eq!(drv.vol_get_info(&v2, 0).await.unwrap().capacity, 1 << 30);
    let pinfo = drv.pool_get_info(&p).await.unwrap();
    assert_eq!(pinfo.capacity, 64 * MIB + (1 << 30));
    // Network volumes: no local file to stream.
    assert!(drv.vol_download(&v1, 0, 0, 0).await.is_err());
    drv.pool_destroy(&p).await.unwrap();
    drv.pool_undefine(&p).await.unwrap();
}

#[tokio::test]
async fn pool_capabilities_list_every_pool_type() {
    let tmp = tempfile::tempdir().unwrap();
    let (drv, _) = open(&tmp.path().join("root"));
    let xml = drv.storage_pool_capabilities(0).await.unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "storagepoolCapabilities");
    let pools: Vec<(&str, &str)> = root
        .children()
        .filter(|n| n.has_tag_name("pool"))
        .map(|n| {
            (
                n.attribute("type").unwrap(),
                n.attribute("supported").unwrap(),
            )
        })
        .collect();
    assert_eq!(pools.len(), 14);
    assert!(pools.contains(&("dir", "yes")));
    assert!(pools.contains(&("iscsi-direct", "yes")));
    assert!(pools.contains(&("zfs", "no")));
    let fs = root
        .children()
        .find(|n| n.attribute("type") == Some("fs"))
        .unwrap();
    let src: Vec<&str> = fs
        .descendants()
        .filter(|n| n.has_tag_name("enum") && n.attribute("name") == Some("sourceFormatType"))
        .flat_map(|e| e.children().filter_map(|v| v.text()))
        .collect();
    assert!(src.contains(&"ext4") && src.contains(&"xfs"));
    let vol_default = fs
        .descendants()
        .find(|n| n.has_tag_name("defaultFormat") && n.parent().unwrap().has_tag_name("volOptions"))
        .unwrap();
    assert_eq!(vol_default.attribute("type"), Some("raw"));
    assert!(drv.storage_pool_capabilities(1).await.is_err());
}
