//! Storage driver end-to-end tests on real files, loop devices and parted.
#![allow(clippy::unwrap_used)]

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::sync::Arc;

use bytes::Bytes;
use rvirt_core::driver::StorageDriver;
use rvirt_core::event::{Event, EventBus, StoragePoolEventKind};
use rvirt_core::handle::StoragePoolRef;
use rvirt_core::stream::{DataStream, StreamChunk};
use rvirt_driver_storage::{StorageDriverImpl, StoragePaths};

fn paths(root: &Path) -> StoragePaths {
    StoragePaths::system(root)
}

fn open(root: &Path) -> (Arc<StorageDriverImpl>, EventBus) {
    let bus = EventBus::new();
    (
        StorageDriverImpl::open(paths(root), bus.clone()).unwrap(),
        bus,
    )
}

fn drain(rx: &mut tokio::sync::broadcast::Receiver<Event>) -> Vec<(String, StoragePoolEventKind)> {
    let mut v = Vec::new();
    while let Ok(Event::StoragePool { pool, kind }) = rx.try_recv() {
        v.push((pool.name, kind));
    }
    v
}

fn lc(name: &str, event: i32) -> (String, StoragePoolEventKind) {
    (
        name.to_string(),
        StoragePoolEventKind::Lifecycle { event, detail: 0 },
    )
}

fn dir_pool_xml(name: &str, target: &Path) -> String {
    format!(
        "<pool type='dir'><name>{name}</name><target><path>{}</path></target></pool>",
        target.display()
    )
}

async fn read_all(mut s: DataStream) -> (Vec<u8>, u64) {
    let src = s.source.as_mut().unwrap();
    let mut out = Vec::new();
    let mut holes = 0;
    while let Some(c) = src.next_chunk().await.unwrap() {
        match c {
            StreamChunk::Data(d) => out.extend_from_slice(&d),
            StreamChunk::Hole(n) => {
                holes += n;
                out.resize(out.len() + n as usize, 0);
            }
        }
    }
    (out, holes)
}

fn sh(cmd: &str) -> String {
    let o = std::process::Command::new("sh")
        .args(["-c", cmd])
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{cmd}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn qemu_format(path: &str) -> String {
    let j = sh(&format!("qemu-img info --output=json -U {path}"));
    let v: serde_json::Value = serde_json::from_str(&j).unwrap();
    v["format"].as_str().unwrap().to_string()
}

const MIB: u64 = 1 << 20;

mod dir_pool {
    use super::*;

    #[tokio::test]
    async fn full_lifecycle_with_volumes_streams_and_events() {
        let tmp = tempfile::tempdir().unwrap();
        let (drv, bus) = open(&tmp.path().join("root"));
        let mut rx = bus.subscribe();
        let target = tmp.path().join("pool");
        let xml = dir_pool_xml("p1", &target);

        let p = drv.pool_define_xml(&xml, 0).await.unwrap();
        let cfg = tmp.path().join("root/etc/libvirt/storage/p1.xml");
        assert!(cfg.exists());
        assert!(!drv.pool_is_active(&p).await.unwrap());
        assert!(drv.pool_is_persistent(&p).await.unwrap());
        drv.pool_build(&p, 0).await.unwrap();
        assert!(target.is_dir());
        assert_eq!(
            std::fs::metadata(&target).unwrap().permissions().mode() & 0o777,
            0o711
        );
        drv.pool_create(&p, 0).await.unwrap();
        let e = drv.pool_create(&p, 0).await.unwrap_err();
        assert_eq!(
            e.message,
            "Requested operation is not valid: storage pool 'p1' is already active"
        );
        assert!(tmp.path().join("root/run/libvirt/storage/p1.xml").exists());
        let info = drv.pool_get_info(&p).await.unwrap();
        assert_eq!(info.state, 2);
        assert!(info.capacity > 0 && info.available > 0);

        // autostart link
        drv.pool_set_autostart(&p, true).await.unwrap();
        let link = tmp.path().join("root/etc/libvirt/storage/autostart/p1.xml");
        assert_eq!(std::fs::read_link(&link).unwrap(), cfg);
        assert!(drv.pool_get_autostart(&p).await.unwrap());

        // qcow2 with compat and lazy refcounts
        let q = drv
            .vol_create_xml(
                &p,
                "<volume><name>a.qcow2</name><capacity unit='MiB'>64</capacity><allocation>0</allocation><target><format type='qcow2'/><compat>1.1</compat><features><lazy_refcounts/></features></target></volume>",
                0,
            )
            .await
            .unwrap();
        let qpath = target.join("a.qcow2");
        assert_eq!(q.key, qpath.to_str().unwrap());
        assert_eq!(qemu_format(qpath.to_str().unwrap()), "qcow2");
        let qinfo = drv.vol_get_info(&q, 0).await.unwrap();
        assert_eq!((qinfo.vol_type, qinfo.capacity), (0, 64 * MIB));
        let qxml = drv.vol_get_xml_desc(&q, 0).await.unwrap();
        assert!(qxml.contains("<format type='qcow2'/>"), "{qxml}");
        assert!(qxml.contains("<lazy_refcounts/>"), "{qxml}");
        assert_eq!(
            std::fs::metadata(&qpath).unwrap().permissions().mode() & 0o777,
            0o600
        );

        // qcow2 overlay on a backing file
        let ov = drv
            .vol_create_xml(
                &p,
                &format!("<volume><name>ov.qcow2</name><capacity unit='MiB'>64</capacity><allocation>0</allocation><target><format type='qcow2'/></target><backingStore><path>{}</path><format type='qcow2'/></backingStore></volume>", qpath.display()),
                0,
            )
            .await
            .unwrap();
        let ovxml = drv.vol_get_xml_desc(&ov, 0).await.unwrap();
        assert!(
            ovxml.contains(&format!("<path>{}</path>", qpath.display())),
            "{ovxml}"
        );

        // raw, sparse
        let r = drv
            .vol_create_xml(&p, "<volume><name>r.img</name><capacity unit='MiB'>32</capacity><allocation>0</allocation></volume>", 0)
            .await
            .unwrap();
        let rpath = target.join("r.img");
        let md = std::fs::metadata(&rpath).unwrap();
        assert_eq!((md.len(), md.blocks()), (32 * MIB, 0));
        assert_eq!(md.permissions().mode() & 0o777, 0o600);

        // lookups
        assert_eq!(
            drv.vol_lookup_by_key(rpath.to_str().unwrap())
                .await
                .unwrap(),
            r
        );
        assert_eq!(
            drv.vol_lookup_by_path(&format!("{}//r.img", target.display()))
                .await
                .unwrap(),
            r
        );
        assert_eq!(drv.vol_lookup_by_name(&p, "r.img").await.unwrap(), r);
        assert_eq!(drv.vol_get_path(&r).await.unwrap(), rpath.to_str().unwrap());
        assert_eq!(drv.pool_lookup_by_volume(&r).await.unwrap(), p);
        assert_eq!(
            drv.pool_lookup_by_target_path(target.to_str().unwrap())
                .await
                .unwrap(),
            p
        );
        assert_eq!(drv.pool_list_all_volumes(&p, 0).await.unwrap().len(), 3);

        // sparse upload: data, hole, data, trailing hole
        let mut expect = vec![0u8; 32 * MIB as usize];
        expect[..MIB as usize].fill(0xab);
        expect[(20 * MIB) as usize..(21 * MIB) as usize].fill(0x5c);
        let mut up = drv.vol_upload(&r, 0, 0, 1).await.unwrap();
        assert!(up.sparse);
        let sink = up.sink.as_mut().unwrap();
        sink.send_chunk(StreamChunk::Data(Bytes::copy_from_slice(
            &expect[..MIB as usize],
        )))
        .await
        .unwrap();
        sink.send_chunk(StreamChunk::Hole(19 * MIB)).await.unwrap();
        sink.send_chunk(StreamChunk::Data(Bytes::copy_from_slice(
            &expect[(20 * MIB) as usize..(21 * MIB) as usize],
        )))
        .await
        .unwrap();
        sink.send_chunk(StreamChunk::Hole(11 * MIB)).await.unwrap();
        // volume is in use while the stream is open
        assert_eq!(
            drv.vol_delete(&r, 0).await.unwrap_err().message,
            "Requested operation is not valid: volume 'r.img' is still in use."
        );
        sink.finish().await.unwrap();
        drop(up);
        assert_eq!(std::fs::read(&rpath).unwrap(), expect);
        assert!(
            std::fs::metadata(&rpath).unwrap().blocks() * 512 <= 3 * MIB,
            "holes preserved"
        );

        // sparse download reports holes and reproduces the bytes
        let (data, holes) = read_all(drv.vol_download(&r, 0, 0, 1).await.unwrap()).await;
        assert_eq!(data, expect);
        assert!(holes >= 29 * MIB, "holes {holes}");
        // non-sparse download with offset/length: no holes
        let (part, h) = read_all(drv.vol_download(&r, MIB - 10, 20, 0).await.unwrap()).await;
        assert_eq!(
            (part.as_slice(), h),
            (&expect[(MIB - 10) as usize..(MIB + 10) as usize], 0)
        );

        // clone (raw → qcow2 convert, and raw → raw)
        let c = drv
            .vol_create_xml_from(&p, "<volume><name>c.qcow2</name><capacity>0</capacity><target><format type='qcow2'/></target></volume>", &r, 0)
            .await
            .unwrap();
        let cpath = target.join("c.qcow2");
        assert_eq!(qemu_format(cpath.to_str().unwrap()), "qcow2");
        assert_eq!(
            std::fs::metadata(&cpath).unwrap().permissions().mode() & 0o777,
            0o600
        );
        sh(&format!(
            "qemu-img compare -f raw -F qcow2 {} {}",
            rpath.display(),
            cpath.display()
        ));
        let rc = drv
            .vol_create_xml_from(
                &p,
                "<volume><name>r2.img</name><capacity>0</capacity></volume>",
                &r,
                0,
            )
            .await
            .unwrap();
        assert_eq!(std::fs::read(target.join("r2.img")).unwrap(), expect);
        let e = drv
            .vol_create_xml_from(
                &p,
                "<volume><name>r2.img</name><capacity>0</capacity></volume>",
                &r,
                0,
            )
            .await
            .unwrap_err();
        assert_eq!(
            e.message,
            "internal error: storage volume name 'r2.img' already in use."
        );

        // resize: grow, refuse shrink without flag, shrink with flag, delta
        drv.vol_resize(&r, 48 * MIB, 0).await.unwrap();
        assert_eq!(std::fs::metadata(&rpath).unwrap().len(), 48 * MIB);
        let e = drv.vol_resize(&r, 40 * MIB, 0).await.unwrap_err();
        assert_eq!(e.message, "invalid argument: Can't shrink capacity below current capacity unless shrink flag explicitly specified");
        drv.vol_resize(&r, 8 * MIB, 2 | 4).await.unwrap();
        assert_eq!(drv.vol_get_info(&r, 0).await.unwrap().capacity, 40 * MIB);
        drv.vol_resize(&c, 16 * MIB, 2).await.unwrap();
        assert_eq!(drv.vol_get_info(&c, 0).await.unwrap().capacity, 48 * MIB);

        // wipe (zero) and an unsupported algorithm
        drv.vol_wipe(&r, 0, 0).await.unwrap();
        assert!(std::fs::read(&rpath).unwrap().iter().all(|b| *b == 0));
        assert_eq!(
            drv.vol_wipe(&r, 10, 0).await.unwrap_err().message,
            "invalid argument: wiping algorithm 10 not supported"
        );
        drv.vol_wipe(&rc, 8, 0).await.unwrap(); // random, through scrub

        // delete everything, destroy, undefine
        for v in [&q, &ov, &r, &c, &rc] {
            drv.vol_delete(v, 0).await.unwrap();
        }
        assert!(drv.pool_list_all_volumes(&p, 0).await.unwrap().is_empty());
        assert_eq!(std::fs::read_dir(&target).unwrap().count(), 0);
        let e = drv.pool_undefine(&p).await.unwrap_err();
        assert_eq!(
            e.message,
            "Requested operation is not valid: storage pool 'p1' is still active"
        );
        drv.pool_refresh(&p, 0).await.unwrap();
        drv.pool_destroy(&p).await.unwrap();
        assert!(!tmp.path().join("root/run/libvirt/storage/p1.xml").exists());
        drv.pool_delete(&p, 0).await.unwrap();
        assert!(!target.exists());
        drv.pool_undefine(&p).await.unwrap();
        assert!(!cfg.exists() && !link.exists());
        assert!(drv.list_all_storage_pools(0).await.unwrap().is_empty());

        let evs = drain(&mut rx);
        let want = [
            lc("p1", 0),
            lc("p1", 4),
            lc("p1", 2),
            ("p1".to_string(), StoragePoolEventKind::Refresh),
            ("p1".to_string(), StoragePoolEventKind::Refresh),
            lc("p1", 3),
            lc("p1", 5),
            lc("p1", 1),
        ];
        assert_eq!(evs, want);
    }

    #[tokio::test]
    async fn error_cases_use_libvirt_codes_and_wording() {
        let tmp = tempfile::tempdir().unwrap();
        let (drv, _) = open(&tmp.path().join("root"));
        let target = tmp.path().join("pool");
        let p = drv
            .pool_define_xml(&dir_pool_xml("p2", &target), 0)
            .await
            .unwrap();

        // inactive pool
        let e = drv.pool_list_all_volumes(&p, 0).await.unwrap_err();
        assert_eq!(
            (e.code.number(), e.message.as_str()),
            (
                55,
                "Requested operation is not valid: storage pool 'p2' is not active"
            )
        );
        let e = drv.pool_destroy(&p).await.unwrap_err();
        assert_eq!(e.code.number(), 55);
        let e = drv.pool_create(&p, 0).await.unwrap_err(); // target missing
        assert_eq!(e.code.number(), 38, "{}", e.message);
        assert!(!drv.pool_is_active(&p).await.unwrap());
        drv.pool_create(&p, 1).await.unwrap(); // WITH_BUILD

        // unknown pools
        let e = drv.pool_lookup_by_name("nope").await.unwrap_err();
        assert_eq!(
            (e.code.number(), e.message.as_str()),
            (
                49,
                "Storage pool not found: no storage pool with matching name 'nope'"
            )
        );
        let ghost = StoragePoolRef {
            name: "ghost".into(),
            uuid: rvirt_core::handle::Uuid([1; 16]),
        };
        assert_eq!(
            drv.pool_get_info(&ghost).await.unwrap_err().code.number(),
            49
        );

        // duplicate definitions
        let e = drv
            .pool_define_xml(&dir_pool_xml("p3", &target), 0)
            .await
            .unwrap_err();
        assert_eq!(
            e.message,
            "operation failed: Storage source conflict with pool: 'p2'"
        );
        let e = drv
            .pool_define_xml(&dir_pool_xml("p2", &tmp.path().join("other")), 0)
            .await
            .unwrap_err();
        assert!(
            e.message
                .starts_with("operation failed: pool 'p2' already exists with uuid"),
            "{}",
            e.message
        );

        // bad volume names never escape the pool
        for bad in ["../evil", "a/b", ".."] {
            let xml = format!("<volume><name>{bad}</name><capacity>1024</capacity></volume>");
            let e = drv.vol_create_xml(&p, &xml, 0).await.unwrap_err();
            assert_eq!(e.code.number(), 55, "{bad}: {}", e.message);
        }
        assert!(!tmp.path().join("evil").exists());

        // existing volume
        let xml = "<volume><name>v</name><capacity>1024</capacity></volume>";
        drv.vol_create_xml(&p, xml, 0).await.unwrap();
        let e = drv.vol_create_xml(&p, xml, 0).await.unwrap_err();
        assert_eq!(
            (e.code.number(), e.message.as_str()),
            (90, "storage volume 'v' exists already")
        );
        // a file planted by someone else is not overwritten
        std::fs::write(target.join("planted"), b"x").unwrap();
        let e = drv
            .vol_create_xml(
                &p,
                "<volume><name>planted</name><capacity>1024</capacity></volume>",
                0,
            )
            .await
            .unwrap_err();
        assert_eq!(e.code.number(), 38, "{}", e.message);
        assert_eq!(std::fs::read(target.join("planted")).unwrap(), b"x");

        // symlinks in the pool are not volumes
        std::os::unix::fs::symlink("/etc/passwd", target.join("link")).unwrap();
        drv.pool_refresh(&p, 0).await.unwrap();
        let names: Vec<String> = drv
            .pool_list_all_volumes(&p, 0)
            .await
            .unwrap()
            .into_iter()
            .map(|v| v.name)
            .collect();
        assert_eq!(names, ["planted", "v"]);

        // missing volume, bad flags
        let e = drv.vol_lookup_by_name(&p, "zz").await.unwrap_err();
        assert_eq!(
            (e.code.number(), e.message.as_str()),
            (
                50,
                "Storage volume not found: no storage vol with matching name 'zz'"
            )
        );
        let e = drv.vol_lookup_by_key("/no/such").await.unwrap_err();
        assert_eq!(
            e.message,
            "Storage volume not found: no storage vol with matching key /no/such"
        );
        let e = drv.pool_refresh(&p, 8).await.unwrap_err();
        assert_eq!(
            e.message,
            "unsupported flags (0x8) in function storagePoolRefresh"
        );

        drv.pool_destroy(&p).await.unwrap();
        drv.pool_undefine(&p).await.unwrap();
    }

    #[tokio::test]
    async fn state_survives_a_driver_restart() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("root");
        let target = tmp.path().join("pool");
        {
            let (drv, _) = open(&root);
            let p = drv
                .pool_define_xml(&dir_pool_xml("keep", &target), 0)
                .await
                .unwrap();
            drv.pool_create(&p, 1).await.unwrap();
            drv.pool_set_autostart(&p, true).await.unwrap();
            drv.vol_create_xml(&p, "<volume><name>d.qcow2</name><capacity>1048576</capacity><target><format type='qcow2'/></target></volume>", 0)
                .await
                .unwrap();
            let auto = drv
                .pool_define_xml(&dir_pool_xml("auto", &tmp.path().join("auto")), 0)
                .await
                .unwrap();
            drv.pool_build(&auto, 0).await.unwrap();
            drv.pool_set_autostart(&auto, true).await.unwrap();
        }
        let (drv, _) = open(&root);
        let p = drv.pool_lookup_by_name("keep").await.unwrap();
        assert!(drv.pool_is_active(&p).await.unwrap());
        assert!(drv.pool_get_autostart(&p).await.unwrap());
        let v = drv.vol_lookup_by_name(&p, "d.qcow2").await.unwrap();
        assert_eq!(drv.vol_get_info(&v, 0).await.unwrap().capacity, 1048576);
        let auto = drv.pool_lookup_by_name("auto").await.unwrap();
        assert!(!drv.pool_is_active(&auto).await.unwrap());
        drv.autostart().await;
        assert!(drv.pool_is_active(&auto).await.unwrap());
        assert_eq!(drv.list_all_storage_pools(2).await.unwrap().len(), 2);
        assert_eq!(drv.list_all_storage_pools(64).await.unwrap().len(), 2);
        assert_eq!(drv.list_all_storage_pools(128).await.unwrap().len(), 0);
        for p in [p, auto] {
            drv.pool_destroy(&p).await.unwrap();
            drv.pool_undefine(&p).await.unwrap();
        }
    }

    #[tokio::test]
    async fn transient_pool_disappears_on_destroy() {
        let tmp = tempfile::tempdir().unwrap();
        let (drv, _) = open(&tmp.path().join("root"));
        let target = tmp.path().join("t");
        std::fs::create_dir(&target).unwrap();
        let p = drv
            .pool_create_xml(&dir_pool_xml("tr", &target), 0)
            .await
            .unwrap();
        assert!(!drv.pool_is_persistent(&p).await.unwrap());
        assert!(drv.pool_set_autostart(&p, true).await.is_err());
        drv.pool_destroy(&p).await.unwrap();
        assert_eq!(
            drv.pool_lookup_by_name("tr")
                .await
                .unwrap_err()
                .code
                .number(),
            49
        );
    }
}

mod fs_pool {
    use super::*;

    /// A loop device over an image file, detached (and unmounted) on drop.
    struct Loop {
        dev: String,
        mnt: String,
    }

    impl Drop for Loop {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(&self.mnt).output();
            let _ = std::process::Command::new("losetup")
                .args(["-d", &self.dev])
                .output();
        }
    }

    fn mounted(path: &Path) -> bool {
        std::fs::read_to_string("/proc/self/mounts")
            .unwrap()
            .lines()
            .any(|l| l.split(' ').nth(1) == path.to_str())
    }

    #[tokio::test]
    async fn mkfs_mount_and_unmount_a_loop_device() {
        let tmp = tempfile::tempdir().unwrap();
        let img = tmp.path().join("disk.img");
        std::fs::File::create(&img)
            .unwrap()
            .set_len(64 * MIB)
            .unwrap();
        let dev = sh(&format!("losetup -f --show {}", img.display()))
            .trim()
            .to_string();
        let mnt = tmp.path().join("mnt");
        let _guard = Loop {
            dev: dev.clone(),
            mnt: mnt.display().to_string(),
        };
        let (drv, bus) = open(&tmp.path().join("root"));
        let mut rx = bus.subscribe();
        let xml = format!(
            "<pool type='fs'><name>fsp</name><source><device path='{dev}'/><format type='ext4'/></source><target><path>{}</path></target></pool>",
            mnt.display()
        );
        let p = drv.pool_define_xml(&xml, 0).await.unwrap();
        drv.pool_build(&p, 0).await.unwrap();
        assert_eq!(
            sh(&format!("blkid -p -o value -s TYPE {dev}")).trim(),
            "ext4"
        );
        // already formatted: refused without OVERWRITE
        let e = drv.pool_build(&p, 4).await.unwrap_err();
        assert_eq!(e.code.number(), 76, "{}", e.message);
        drv.pool_create(&p, 0).await.unwrap();
        assert!(mounted(&mnt));
        let info = drv.pool_get_info(&p).await.unwrap();
        assert!(
            info.capacity > 40 * MIB && info.capacity <= 64 * MIB,
            "{info:?}"
        );
        let names: Vec<String> = drv
            .pool_list_all_volumes(&p, 0)
            .await
            .unwrap()
            .into_iter()
            .map(|v| v.name)
            .collect();
        assert_eq!(names, ["lost+found"]);
        let v = drv
            .vol_create_xml(&p, "<volume><name>x.qcow2</name><capacity>8388608</capacity><target><format type='qcow2'/></target></volume>", 0)
            .await
            .unwrap();
        assert_eq!(
            qemu_format(&mnt.join("x.qcow2").display().to_string()),
            "qcow2"
        );
        drv.vol_delete(&v, 0).await.unwrap();
        drv.pool_destroy(&p).await.unwrap();
        assert!(!mounted(&mnt));
        drv.pool_undefine(&p).await.unwrap();
        let evs = drain(&mut rx);
        assert_eq!(
            evs,
            [
                lc("fsp", 0),
                lc("fsp", 4),
                lc("fsp", 2),
                lc("fsp", 3),
                lc("fsp", 1)
            ]
        );
    }
}

mod disk_pool {
    use super::*;

    #[tokio::test]
    async fn partitions_on_an_image_file() {
        let tmp = tempfile::tempdir().unwrap();
        let img = tmp.path().join("d.img");
        std::fs::File::create(&img)
            .unwrap()
            .set_len(100 * MIB)
            .unwrap();
        let (drv, _) = open(&tmp.path().join("root"));
        let xml = format!(
            "<pool type='disk'><name>dp</name><source><device path='{}'/><format type='dos'/></source><target><path>/dev</path></target></pool>",
            img.display()
        );
        let p = drv.pool_define_xml(&xml, 0).await.unwrap();
        drv.pool_build(&p, 0).await.unwrap();
        assert_eq!(drv.pool_build(&p, 0).await.unwrap_err().code.number(), 76);
        drv.pool_create(&p, 0).await.unwrap();
        assert!(drv.pool_list_all_volumes(&p, 0).await.unwrap().is_empty());
        let v = drv
            .vol_create_xml(
                &p,
                "<volume><name>any</name><capacity unit='MiB'>10</capacity></volume>",
                0,
            )
            .await
            .unwrap();
        assert_eq!(v.name, "d.img1");
        let v2 = drv
            .vol_create_xml(
                &p,
                "<volume><name>any</name><capacity unit='MiB'>20</capacity></volume>",
                0,
            )
            .await
            .unwrap();
        assert_eq!(v2.name, "d.img2");
        drv.pool_refresh(&p, 0).await.unwrap();
        assert_eq!(drv.vol_get_info(&v2, 0).await.unwrap().capacity, 20 * MIB);
        let printed = sh(&format!("parted -s -m {} unit B print", img.display()));
        assert!(
            printed.contains("2:11534336B:32505855B:20971520B"),
            "{printed}"
        );
        drv.vol_delete(&v, 0).await.unwrap();
        assert_eq!(drv.pool_list_all_volumes(&p, 0).await.unwrap().len(), 1);
        drv.pool_destroy(&p).await.unwrap();
        drv.pool_undefine(&p).await.unwrap();
    }
}

mod iscsi_direct;
