//! Perf events, launch security and screenshots of the test driver, with the values and
//! errors libvirt 9.0's `test:///default` gives.

use super::{open, serial, test_dom};
use rvirt_core::stream::StreamChunk;
use rvirt_core::typed_param::{TypedParam, TypedValue};

fn on(name: &str, v: bool) -> TypedParam {
    TypedParam::new(name, TypedValue::Boolean(v))
}

#[tokio::test]
async fn perf_events_live_and_config() {
    let _g = serial();
    let c = open();
    let xml = "<domain type='test'><name>perfdom</name><memory>1024</memory>\
               <os><type>hvm</type></os></domain>";
    let d = c.domain_define_xml(xml, 0).await.unwrap();
    let d = c.domain_create(&d, 0).await.unwrap();
    let all = c.domain_get_perf_events(&d, 0).await.unwrap();
    assert_eq!(all.len(), 22);
    assert_eq!(all[21].field, "emulation_faults");
    c.domain_set_perf_events(&d, vec![on("mbml", true), on("cmt", false)], 2)
        .await
        .unwrap();
    let cfg = c.domain_get_perf_events(&d, 2).await.unwrap();
    assert_eq!(cfg[2], on("mbml", true));
    let live = c.domain_get_perf_events(&d, 1).await.unwrap();
    assert_eq!(live[2], on("mbml", false));
    let x = c.domain_get_xml_desc(&d, 2).await.unwrap();
    assert!(
        x.contains("<perf>\n    <event name='cmt' enabled='no'/>\n    <event name='mbml' enabled='yes'/>\n  </perf>"),
        "{x}"
    );
    let e = c.domain_get_perf_events(&d, 8).await.unwrap_err();
    assert_eq!(
        e.message,
        "unsupported flags (0x8) in function testDomainGetPerfEvents"
    );
    c.domain_destroy(&d, 0).await.unwrap();
    c.domain_undefine(&d, 0).await.unwrap();
}

#[tokio::test]
async fn launch_security_info_takes_no_flags() {
    let _g = serial();
    let c = open();
    let d = test_dom(&c).await;
    assert!(c
        .domain_get_launch_security_info(&d, 0)
        .await
        .unwrap()
        .is_empty());
    let e = c.domain_get_launch_security_info(&d, 4).await.unwrap_err();
    assert_eq!(
        e.message,
        "unsupported flags (0x4) in function testDomainGetLaunchSecurityInfo"
    );
    let e = c
        .domain_set_launch_security_state(&d, Vec::new(), 0)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "this function is not supported by the connection driver: virDomainSetLaunchSecurityState"
    );
}

#[tokio::test]
async fn screenshot_streams_libvirts_png() {
    let Ok(want) = std::fs::read("/usr/share/libvirt/test-screenshot.png") else {
        eprintln!("skipping: libvirt's test screenshot not installed");
        return;
    };
    let _g = serial();
    let c = open();
    let d = test_dom(&c).await;
    let (mime, mut s) = c.domain_screenshot(&d, 3, 0).await.unwrap();
    assert_eq!(mime.as_deref(), Some("image/png"));
    let mut got = Vec::new();
    let src = s.source.as_mut().unwrap();
    while let Some(chunk) = src.next_chunk().await.unwrap() {
        match chunk {
            StreamChunk::Data(b) => got.extend_from_slice(&b),
            StreamChunk::Hole(_) => panic!("screenshots are not sparse"),
        }
    }
    assert_eq!(got, want);
    let e = c.domain_screenshot(&d, 0, 1).await.unwrap_err();
    assert_eq!(
        e.message,
        "unsupported flags (0x1) in function testDomainScreenshot"
    );
}
