//! `virDomainSetVcpu` (`virsh setvcpu DOM LIST --enable|--disable [--live|--config]`) on
//! the real test guest: a vCPU enabled in the config is plugged at start, another one
//! live, and libvirt's refusals for boot vCPUs, several entities and absent vCPUs; with
//! `virDomainGetVcpus` (vcpuinfo) and the agent's guest vCPUs (guestvcpus).

use crate::common::{guest_xml, wait_for, GuestEnv};
use rvirt_core::driver::DomainDriver;
use rvirt_driver_qemu::QemuDriver;
use std::time::Duration;

const LIVE: u32 = 1;
const CONFIG: u32 = 2;

/// CPUs the guest kernel lists (`guest-get-vcpus`).
async fn guest_cpus(drv: &QemuDriver, dom: &rvirt_core::handle::DomainRef) -> Option<usize> {
    let r = drv
        .agent_command(dom, r#"{"execute":"guest-get-vcpus"}"#, 5)
        .await
        .ok()?;
    let v: serde_json::Value = serde_json::from_str(&r).ok()?;
    v["return"].as_array().map(Vec::len)
}

/// The QOM ids of the vCPUs QEMU has, by slot (`query-hotpluggable-cpus`).
async fn plugged(drv: &QemuDriver, dom: &rvirt_core::handle::DomainRef) -> Vec<bool> {
    let r = drv
        .monitor_command(dom, r#"{"execute":"query-hotpluggable-cpus"}"#, 0)
        .await
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&r).unwrap();
    let mut slots: Vec<(i64, bool)> = v["return"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["props"]["socket-id"].as_i64().unwrap(),
                s.get("qom-path").is_some(),
            )
        })
        .collect();
    slots.sort();
    slots.into_iter().map(|(_, p)| p).collect()
}

#[test]
fn setvcpu_config_and_live() {
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
    let (guest, _root, pids, drv, conn) = env.parts();
    let xml = guest_xml("sv", &guest).replace(
        "<vcpu>1</vcpu>",
        "<vcpu placement='static' current='1'>3</vcpu>",
    );
    let dom = conn.domain_define_xml(&xml, 0).await.unwrap();
    // --config: vCPU 2 on (and hotpluggable), vCPU 0 refused
    drv.set_vcpu(&dom, "2", 1, CONFIG).await.unwrap();
    let e = drv.set_vcpu(&dom, "0", 0, CONFIG).await.unwrap_err();
    assert!(
        e.message.ends_with("vCPU '0' can't be modified"),
        "{}",
        e.message
    );
    let e = drv.set_vcpu(&dom, "3", 1, CONFIG).await.unwrap_err();
    assert!(
        e.message
            .ends_with("vcpu 3 is not present in persistent config"),
        "{}",
        e.message
    );
    let x = conn.domain_get_xml_desc(&dom, 2).await.unwrap();
    assert!(
        x.contains("<vcpu placement='static' current='2'>3</vcpu>"),
        "{x}"
    );
    assert!(
        x.contains("<vcpu id='0' enabled='yes' hotpluggable='no'/>")
            && x.contains("<vcpu id='1' enabled='no' hotpluggable='yes'/>")
            && x.contains("<vcpu id='2' enabled='yes' hotpluggable='yes'/>"),
        "{x}"
    );

    // at start QEMU boots vCPU 0 and vCPU 2 is plugged into its own slot
    let dom = env
        .boot(&conn.domain_get_xml_desc(&dom, 2).await.unwrap())
        .await;
    assert_eq!(plugged(&drv, &dom).await, [true, false, true]);
    assert_eq!(conn.domain_get_vcpus_flags(&dom, 1).await.unwrap(), 2);
    let two = wait_for(Duration::from_secs(60), || async {
        guest_cpus(&drv, &dom).await.filter(|n| *n == 2)
    })
    .await;
    assert_eq!(two, Some(2), "the guest should list 2 CPUs");

    // --live: refusals first
    let e = drv.set_vcpu(&dom, "0", 0, LIVE).await.unwrap_err();
    assert!(
        e.message.ends_with("vcpu '0' can't be hotunplugged"),
        "{}",
        e.message
    );
    let e = drv.set_vcpu(&dom, "2", 1, LIVE).await.unwrap_err();
    assert!(
        e.message
            .ends_with("vcpu '2' is already in requested state"),
        "{}",
        e.message
    );
    let e = drv.set_vcpu(&dom, "5", 1, LIVE).await.unwrap_err();
    assert!(
        e.message.ends_with("vcpu 5 is not present in live config"),
        "{}",
        e.message
    );
    let e = drv.set_vcpu(&dom, "x", 1, LIVE).await.unwrap_err();
    assert!(
        e.message.ends_with("Failed to parse bitmap 'x'"),
        "{}",
        e.message
    );
    // then vCPU 1 on
    drv.set_vcpu(&dom, "1", 1, LIVE).await.unwrap();
    assert_eq!(plugged(&drv, &dom).await, [true, true, true]);
    let live = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
    assert!(
        live.contains("<vcpu placement='static'>3</vcpu>")
            && live.contains("<vcpu id='1' enabled='yes' hotpluggable='yes'/>"),
        "{live}"
    );
    let e = drv.set_vcpu(&dom, "1-2", 0, LIVE).await.unwrap_err();
    assert!(
        e.message
            .ends_with("only one hotpluggable entity can be selected"),
        "{}",
        e.message
    );
    let three = wait_for(Duration::from_secs(60), || async {
        guest_cpus(&drv, &dom).await.filter(|n| *n == 3)
    })
    .await;
    assert_eq!(three, Some(3), "the guest should list 3 CPUs");

    // virsh vcpuinfo: the three vCPU threads, running, with their affinity maps
    let (info, maps) = drv.get_vcpu_info(&dom, 3, 1).await.unwrap();
    assert_eq!(info.iter().map(|i| i.number).collect::<Vec<_>>(), [0, 1, 2]);
    assert!(info.iter().all(|i| i.state == 1 && i.cpu >= 0), "{info:?}");
    assert_eq!(maps.len(), 3);
    assert!(maps.iter().all(|m| *m != 0), "{maps:?}");
    // virsh guestvcpus: the guest lists 0-2; onlining them all works, CPU 0 stays
    let param = |ps: &[rvirt_core::typed_param::TypedParam], k: &str| {
        ps.iter()
            .find(|p| p.field == k)
            .map(|p| format!("{:?}", p.value))
            .unwrap_or_default()
    };
    let ps = drv.get_guest_vcpus(&dom, 0).await.unwrap();
    assert!(param(&ps, "vcpus").contains("\"0-2\""), "{ps:?}");
    drv.set_guest_vcpus(&dom, "1-2", 1, 0).await.unwrap();
    let ps = drv.get_guest_vcpus(&dom, 0).await.unwrap();
    assert!(param(&ps, "online").contains("\"0-2\""), "{ps:?}");
    let e = drv.set_guest_vcpus(&dom, "7", 1, 0).await.unwrap_err();
    assert!(
        e.message.ends_with("guest is missing vCPUs '7'"),
        "{}",
        e.message
    );
    if !param(&ps, "offlinable").contains('0') {
        let e = drv.set_guest_vcpus(&dom, "0", 0, 0).await.unwrap_err();
        assert!(
            e.message.ends_with("vCPU '0' is not offlinable"),
            "{}",
            e.message
        );
    }
    // and vCPU 2 off again: the guest ejects it, or libvirt's timeout comes back
    match drv.set_vcpu(&dom, "2", 0, LIVE).await {
        Ok(()) => {
            assert_eq!(plugged(&drv, &dom).await, [true, true, false]);
            assert_eq!(conn.domain_get_vcpus_flags(&dom, 1).await.unwrap(), 2);
            // setvcpus (a count) keeps the per-vCPU list in step (QEMU 7.2 under TCG
            // corrupts its heap when a vCPU is plugged again after an unplug: only unplug)
            match conn.domain_set_vcpus_flags(&dom, 1, LIVE).await {
                Ok(()) => {
                    assert_eq!(plugged(&drv, &dom).await, [true, false, false]);
                    let live = conn.domain_get_xml_desc(&dom, 0).await.unwrap();
                    assert!(
                        live.contains("<vcpu id='1' enabled='no' hotpluggable='yes'/>")
                            && live.contains("<vcpu placement='static' current='1'>3</vcpu>"),
                        "{live}"
                    );
                }
                Err(e) => assert!(
                    e.message.contains("vcpu unplug request timed out"),
                    "{}",
                    e.message
                ),
            }
        }
        Err(e) => assert!(
            e.message.contains("vcpu unplug request timed out"),
            "{}",
            e.message
        ),
    }
    pids.track(&drv, &dom);
    conn.domain_destroy(&dom, 0).await.unwrap();
}
