//! Daemon restart (`virNWFilterBuildAll` at `nwfilterStateInitialize`): bindings found in
//! the status dir are instantiated again, chains of ports without a binding are dropped.

use rvirt_core::driver::NWFilterDriver;

use crate::golden::{binding_xml, IP_FILTER, MAC_FILTER, TOP_FILTER};
use crate::support::{list_table, must, NsDriver};

#[tokio::test]
async fn reopen_reapplies_bindings_and_drops_stale_ports() {
    let Some(env) = NsDriver::create("reopen_reapplies_bindings_and_drops_stale_ports", "r") else {
        return;
    };
    let (ns, open) = (&env.ns, || env.open());
    let d = open();
    for x in [MAC_FILTER, IP_FILTER, TOP_FILTER] {
        d.nwfilter_define_xml(x, 0).await.unwrap();
    }
    d.nwfilter_binding_create_xml(
        &binding_xml("rst0", "t-top", "52:54:00:00:00:07", &["10.9.0.7"]),
        0,
    )
    .await
    .unwrap();
    let rule = "ip saddr 10.9.0.7 return";
    assert!(list_table(ns).contains(rule), "{}", list_table(ns));
    drop(d);

    // the rules vanish while the daemon is down; a stale port appears
    let nft = |args: &[&str]| {
        let mut v = vec!["ip", "netns", "exec", ns.as_str(), "nft"];
        v.extend_from_slice(args);
        must(&v);
    };
    nft(&["flush", "table", "bridge", "rvirt_nwfilter"]);
    nft(&["add", "chain", "bridge", "rvirt_nwfilter", "stale0/out"]);
    nft(&[
        "add",
        "rule",
        "bridge",
        "rvirt_nwfilter",
        "stale0/out",
        "drop",
    ]);
    let table = list_table(ns);
    assert!(
        !table.contains(rule) && table.contains("stale0/out"),
        "{table}"
    );

    let d = open();
    let table = list_table(ns);
    assert!(table.contains(rule), "{table}");
    assert!(table.contains("iifname vmap @out_ports"), "{table}");
    assert!(table.contains("\"rst0\" : jump rst0/out"), "{table}");
    assert!(!table.contains("stale0"), "{table}");
    assert_eq!(d.list_all_nwfilter_bindings(0).await.unwrap().len(), 1);
}
