//! `<memory model='dimm'>` present at start (with the NUMA node libvirt requires): QEMU
//! gets `-numa node` + `-object memory-backend-ram` + `-device pc-dimm`, the guest kernel
//! sees the extra memory block, and live detach and attach still work on the slot.

use crate::common::{guest_xml_devices, wait_for, GuestEnv};
use rvirt_core::driver::DomainDriver;
use rvirt_driver_qemu::QemuDriver;
use std::time::Duration;

const DIMM: &str =
    "<memory model='dimm'><target><size unit='MiB'>128</size><node>0</node></target></memory>";

/// How many memory blocks the guest kernel knows (`guest-get-memory-blocks`); its kernel
/// does not online hotplugged memory by itself, so they may be offline.
async fn guest_blocks(drv: &QemuDriver, dom: &rvirt_core::handle::DomainRef) -> Option<usize> {
    let r = drv
        .agent_command(dom, r#"{"execute":"guest-get-memory-blocks"}"#, 5)
        .await
        .ok()?;
    let v: serde_json::Value = serde_json::from_str(&r).ok()?;
    Some(v["return"].as_array()?.len())
}

#[test]
fn coldplugged_dimm_seen_by_guest_and_unpluggable() {
    let run = || {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap()
            .block_on(Box::pin(body()))
    };
    std::thread::Builder::new()
        .stack_size(16 << 20)
        .spawn(run)
        .unwrap()
        .join()
        .unwrap();
}

async fn body() {
    let Some(env) = GuestEnv::start().await else {
        return;
    };
    let (guest, root, _, drv, conn) = env.parts();
    // 256 MiB boot memory in NUMA node 0 (libvirt wants a node with memory hotplug) +
    // a 128 MiB DIMM plugged into that node
    let xml = guest_xml_devices("dimm", &guest, DIMM)
        .replace(
            "<memory unit='MiB'>256</memory>",
            "<memory unit='MiB'>384</memory>",
        )
        .replace(
            "<vcpu>1</vcpu>",
            "<maxMemory slots='4' unit='MiB'>1024</maxMemory><vcpu>1</vcpu>\
             <cpu><numa><cell id='0' cpus='0' memory='256' unit='MiB'/></numa></cpu>",
        );
    let dom = env.boot(&xml).await;
    let log = std::fs::read_to_string(root.path().join("var/log/libvirt/qemu/dimm.log"))
        .unwrap_or_default();
    assert!(
        log.contains("-m size=262144k,slots=4,maxmem=1048576k")
            && log.contains("-object memory-backend-ram,id=ram-node0,size=268435456")
            && log.contains("-numa node,nodeid=0,cpus=0,memdev=ram-node0")
            && log.contains("-object memory-backend-ram,id=memdimm0,size=134217728")
            && log.contains("-device pc-dimm,node=0,memdev=memdimm0,id=dimm0,slot=0"),
        "{log}"
    );
    let live = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
    assert!(live.contains("<alias name='dimm0'/>"), "{live}");
    assert!(
        live.contains("<address type='dimm' slot='0' base='0x"),
        "{live}"
    );
    assert!(
        live.contains("<memory unit='KiB'>393216</memory>"),
        "{live}"
    );
    let q = drv
        .monitor_command(&dom, r#"{"execute":"query-memory-devices"}"#, 0)
        .await
        .unwrap();
    assert!(
        q.contains("\"id\":\"dimm0\"") && q.contains("134217728"),
        "{q}"
    );
    // the guest has 256 MiB + the DIMM: three 128 MiB blocks at least
    let with_dimm = wait_for(Duration::from_secs(60), || guest_blocks(&drv, &dom))
        .await
        .expect("guest-get-memory-blocks answers");
    let raw = drv
        .agent_command(&dom, r#"{"execute":"guest-get-memory-blocks"}"#, 5)
        .await
        .unwrap();
    assert!(with_dimm >= 3, "{with_dimm} memory blocks: {raw}");
    // the DIMM's block sits at the base QEMU gave it (4 GiB: block 32 of 128 MiB)
    assert!(raw.contains("\"phys-index\":32"), "{raw}");

    // live detach of the coldplugged DIMM: the guest releases it, or libvirt's timeout
    let r = conn.domain_detach_device(&dom, DIMM, 1).await;
    let slot_free = match r {
        Ok(()) => {
            let live = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
            assert!(!live.contains("dimm0"), "{live}");
            assert!(
                live.contains("<memory unit='KiB'>262144</memory>"),
                "{live}"
            );
            let fewer = wait_for(Duration::from_secs(30), || async {
                guest_blocks(&drv, &dom).await.filter(|n| *n < with_dimm)
            })
            .await;
            assert!(fewer.is_some(), "the guest still has the DIMM's block");
            true
        }
        Err(e) => {
            assert!(
                e.message.contains("memory unplug request timed out"),
                "{}",
                e.message
            );
            false
        }
    };
    // attach again: the first free slot, and the guest gains a block
    let before = guest_blocks(&drv, &dom).await.unwrap_or(0);
    conn.domain_attach_device(&dom, DIMM, 1).await.unwrap();
    let live = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
    let want = if slot_free { "dimm0" } else { "dimm1" };
    assert!(live.contains(&format!("<alias name='{want}'/>")), "{live}");
    let more = wait_for(Duration::from_secs(60), || async {
        guest_blocks(&drv, &dom).await.filter(|n| *n > before)
    })
    .await;
    assert!(more.is_some(), "the guest never saw the new DIMM");
    // a requested slot must exist and be free
    let at = |slot: &str| {
        DIMM.replace(
            "</target>",
            &format!("</target><address type='dimm' slot='{slot}'/>"),
        )
    };
    let e = conn
        .domain_attach_device(&dom, &at("9"), 1)
        .await
        .unwrap_err();
    assert!(
        e.message
            .ends_with("memory device slot '9' exceeds slots count '4'"),
        "{}",
        e.message
    );
    let taken = &want[4..];
    let e = conn
        .domain_attach_device(&dom, &at(taken), 1)
        .await
        .unwrap_err();
    assert!(
        e.message.ends_with(&format!(
            "memory device slot '{taken}' is already being used by another memory device"
        )),
        "{}",
        e.message
    );
    conn.domain_destroy(&dom, 0).await.unwrap();
}
