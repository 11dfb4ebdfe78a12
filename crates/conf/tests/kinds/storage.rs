//! Storage pool and volume golden cases and property tests.

use proptest::prelude::*;
use rvirt_conf::storage::{PoolDef, VolumeDef};

use super::harness::run_kind;

/// The test driver's built-in `default-pool`.
const DEFAULT_POOL: &str = "<pool type='dir'><name>default-pool</name>\
    <uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid><target><path>/default-pool</path></target></pool>";

fn default_pool() -> PoolDef {
    match PoolDef::parse(DEFAULT_POOL) {
        Ok(mut p) => {
            p.apply_test_driver_sizes();
            p
        }
        Err(e) => panic!("default pool: {e}"),
    }
}

/// `pool-define` + `pool-dumpxml` on the test driver.
fn define_pool(xml: &str) -> Result<String, rvirt_core::error::VirError> {
    let mut def = PoolDef::parse(xml)?;
    def.apply_test_driver_sizes();
    Ok(def.format())
}

/// `vol-create default-pool` + `vol-dumpxml` on the test driver.
fn create_volume(xml: &str) -> Result<String, rvirt_core::error::VirError> {
    let pool = default_pool();
    let mut vol = VolumeDef::parse(xml, &pool)?;
    vol.apply_test_driver_placement(&pool);
    Ok(vol.format())
}

#[test]
fn pool_golden() {
    run_kind("pool", "pool", define_pool);
}

#[test]
fn volume_golden() {
    run_kind("volume", "volume", create_volume);
}

#[test]
fn default_pool_matches_test_driver() {
    assert_eq!(
        default_pool().format(),
        "<pool type='dir'>\n  <name>default-pool</name>\n  <uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid>\n  \
         <capacity unit='bytes'>107374182400</capacity>\n  <allocation unit='bytes'>0</allocation>\n  \
         <available unit='bytes'>107374182400</available>\n  <source>\n  </source>\n  <target>\n    \
         <path>/default-pool</path>\n  </target>\n</pool>\n"
    );
}

#[test]
fn volume_defaults_and_errors() {
    let got = create_volume("<volume><name>x</name><capacity>10</capacity></volume>")
        .map_err(|e| e.message);
    assert_eq!(
        got.as_deref(),
        Ok("<volume type='file'>\n  <name>x</name>\n  <key>/default-pool/x</key>\n  \
            <capacity unit='bytes'>10</capacity>\n  <allocation unit='bytes'>10</allocation>\n  <target>\n    \
            <path>/default-pool/x</path>\n    <format type='raw'/>\n  </target>\n</volume>\n")
    );
    let e = create_volume("<volume><name>x</name></volume>")
        .err()
        .map(|e| e.message);
    assert_eq!(e.as_deref(), Some("XML error: missing capacity element"));
    let e = create_volume("<volume><name>x</name><capacity unit='Q'>1</capacity></volume>")
        .err()
        .map(|e| e.message);
    assert_eq!(e.as_deref(), Some("invalid argument: unknown suffix 'Q'"));
    let e = define_pool("<pool><name>x</name></pool>")
        .err()
        .map(|e| (e.code.number(), e.domain.number()));
    assert_eq!(e, Some((27, 5)));
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn pool_parser_never_panics(s in "\\PC{0,200}") {
        let _ = PoolDef::parse(&s);
    }

    #[test]
    fn pool_mutations_never_panic(pos in 0usize..400, del in 0usize..8, ins in "[<>/='a-z0-9 ]{0,6}") {
        let base = "<pool type='netfs'><name>n</name><capacity unit='G'>1</capacity><source><host name='h' port='1'/>\
                    <dir path='/x'/><format type='nfs'/><auth type='chap' username='u'><secret uuid='x'/></auth>\
                    <adapter type='fc_host' wwnn='1'/></source><target><path>//a//</path><permissions><mode>0700</mode>\
                    <owner>-1</owner></permissions></target></pool>";
        let p = pos.min(base.len());
        let end = (p + del).min(base.len());
        let s = format!("{}{}{}", &base[..p], ins, &base[end..]);
        if let Ok(d) = PoolDef::parse(&s) {
            let _ = d.format();
        }
    }

    #[test]
    fn volume_mutations_never_panic(pos in 0usize..400, del in 0usize..8, ins in "[<>/='a-z0-9 ]{0,6}") {
        let base = "<volume type='file'><name>v</name><capacity unit='G'>5</capacity><allocation>1</allocation>\
                    <target><format type='qcow2'/><permissions><mode>0644</mode></permissions><encryption format='luks'>\
                    <secret type='passphrase' uuid='u'/><cipher name='a' size='1'/></encryption><clusterSize unit='KiB'>\
                    64</clusterSize><features><lazy_refcounts/></features></target><backingStore><path>/p</path>\
                    </backingStore></volume>";
        let p = pos.min(base.len());
        let end = (p + del).min(base.len());
        let s = format!("{}{}{}", &base[..p], ins, &base[end..]);
        let pool = default_pool();
        if let Ok(d) = VolumeDef::parse(&s, &pool) {
            let _ = d.format();
        }
    }
}
