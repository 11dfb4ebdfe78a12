//! Network ports (`virNetworkPort*`) on a real network inside a private namespace: the
//! QEMU driver's allocation path, `virNetworkPortCreateXML` with and without a plug,
//! lookup, XML, bandwidth parameters, delete and libvirt's error wording.

use rvirt_core::driver::NetworkDriver;
use rvirt_core::event::EventBus;
use rvirt_core::typed_param::{TypedParam, TypedValue};
use rvirt_core::Uuid;
use rvirt_driver_network::NetworkDriverImpl;

use crate::netns::{in_netns, paths};

const NET_XML: &str = "<network><name>rvports</name><bridge name='rvpbr0'/>\
    <portgroup name='web' default='yes'/>\
    <ip address='10.91.0.1' prefix='24'/></network>";

const PORT_XML: &str = "<networkport><uuid>3f6a4c2e-1b7d-4e8f-9a0b-1c2d3e4f5a6b</uuid>\
    <owner><name>vm7</name><uuid>00000000-0000-4000-8000-000000000007</uuid></owner>\
    <mac address='52:54:00:00:70:07'/>\
    <bandwidth><inbound average='1000' peak='2000' burst='512'/></bandwidth></networkport>";

fn param(p: &[TypedParam], name: &str) -> u32 {
    match p.iter().find(|x| x.field == name).map(|x| &x.value) {
        Some(TypedValue::UInt(v)) => *v,
        other => panic!("{name}: {other:?}"),
    }
}

#[test]
fn network_ports_lifecycle() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    in_netns(move || async move {
        let drv = NetworkDriverImpl::open(paths(&root), EventBus::new())
            .await
            .unwrap();
        let net = drv.network_define_xml(NET_XML, 0).await.unwrap();

        // Inactive network: no ports, libvirt's message.
        let e = drv.network_list_all_ports(&net, 0).await.unwrap_err();
        assert_eq!(
            e.message,
            "Requested operation is not valid: network 'rvports' is not active"
        );
        drv.network_create(&net).await.unwrap();
        assert!(drv
            .network_list_all_ports(&net, 0)
            .await
            .unwrap()
            .is_empty());

        // The QEMU driver's path: a port per NIC, same port again for the same MAC.
        let a = drv
            .allocate_port_for("rvports", "52:54:00:00:70:01", "vm1", [1; 16])
            .await
            .unwrap();
        assert_eq!(a.bridge.as_deref(), Some("rvpbr0"));
        assert_eq!(a.portgroup.as_deref(), Some("web"));
        let again = drv
            .allocate_port("rvports", "52:54:00:00:70:01")
            .await
            .unwrap();
        assert_eq!(again.uuid, a.uuid);
        let ports = drv.network_list_all_ports(&net, 0).await.unwrap();
        assert_eq!(ports.len(), 1);
        assert_eq!(ports[0].uuid, Uuid(a.uuid));
        let xml = drv.network_port_get_xml_desc(&ports[0], 0).await.unwrap();
        assert!(xml.contains("<name>vm1</name>"), "{xml}");
        assert!(xml.contains("<group>web</group>"), "{xml}");
        assert!(
            xml.contains("<plug type='network' bridge='rvpbr0'/>"),
            "{xml}"
        );
        let live = drv.network_get_xml_desc(&net, 0).await.unwrap();
        assert!(live.contains("connections='1'"), "{live}");

        // virNetworkPortCreateXML without a plug: the network fills it in.
        let p = drv
            .network_port_create_xml(&net, PORT_XML, 0)
            .await
            .unwrap();
        assert_eq!(p.uuid.to_string(), "3f6a4c2e-1b7d-4e8f-9a0b-1c2d3e4f5a6b");
        assert_eq!(p.net, net);
        let found = drv.network_port_lookup_by_uuid(&net, p.uuid).await.unwrap();
        assert_eq!(found, p);
        let xml = drv.network_port_get_xml_desc(&p, 0).await.unwrap();
        assert_eq!(
            xml,
            "<networkport>\n  <uuid>3f6a4c2e-1b7d-4e8f-9a0b-1c2d3e4f5a6b</uuid>\n  <owner>\n    \
             <name>vm7</name>\n    <uuid>00000000-0000-4000-8000-000000000007</uuid>\n  </owner>\n  \
             <group>web</group>\n  <mac address='52:54:00:00:70:07'/>\n  <bandwidth>\n    \
             <inbound average='1000' peak='2000' burst='512'/>\n  </bandwidth>\n  \
             <plug type='network' bridge='rvpbr0'/>\n</networkport>\n"
        );
        let e = drv
            .network_port_create_xml(&net, PORT_XML, 0)
            .await
            .unwrap_err();
        assert_eq!(
            e.message,
            "network port already exists: Network port with UUID \
             3f6a4c2e-1b7d-4e8f-9a0b-1c2d3e4f5a6b already exists"
        );
        let e = drv
            .network_port_create_xml(&net, PORT_XML, 1)
            .await
            .unwrap_err();
        assert!(e.message.contains("already exists"), "{}", e.message);

        // Bandwidth parameters.
        let got = drv.network_port_get_parameters(&p, 0).await.unwrap();
        assert_eq!(got.len(), 7);
        assert_eq!(got[0].field, "inbound.average");
        assert_eq!(param(&got, "inbound.average"), 1000);
        assert_eq!(param(&got, "inbound.peak"), 2000);
        assert_eq!(param(&got, "inbound.burst"), 512);
        assert_eq!(param(&got, "outbound.average"), 0);
        drv.network_port_set_parameters(
            &p,
            vec![
                TypedParam::new("outbound.average", TypedValue::UInt(300)),
                TypedParam::new("inbound.average", TypedValue::UInt(0)),
            ],
            0,
        )
        .await
        .unwrap();
        let got = drv.network_port_get_parameters(&p, 0).await.unwrap();
        assert_eq!(param(&got, "outbound.average"), 300);
        assert_eq!(param(&got, "inbound.average"), 0);
        let xml = drv.network_port_get_xml_desc(&p, 0).await.unwrap();
        assert!(xml.contains("<outbound average='300'/>"), "{xml}");
        assert!(!xml.contains("<inbound"), "{xml}");
        let e = drv
            .network_port_set_parameters(&p, vec![TypedParam::new("bogus", TypedValue::UInt(1))], 0)
            .await
            .unwrap_err();
        assert_eq!(
            e.message,
            "invalid argument: parameter 'bogus' not supported"
        );

        // A daemon restart keeps the ports, UUIDs and all; a reclaim by MAC finds its port.
        drop(drv);
        let drv = NetworkDriverImpl::open(paths(&root), EventBus::new())
            .await
            .unwrap();
        let mut uuids: Vec<String> = drv
            .network_list_all_ports(&net, 0)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.uuid.to_string())
            .collect();
        uuids.sort();
        let mut want = vec![Uuid(a.uuid).to_string(), p.uuid.to_string()];
        want.sort();
        assert_eq!(uuids, want);
        let again = drv
            .allocate_port("rvports", "52:54:00:00:70:01")
            .await
            .unwrap();
        assert_eq!(again.uuid, a.uuid);
        let xml = drv.network_port_get_xml_desc(&p, 0).await.unwrap();
        assert!(xml.contains("<outbound average='300'/>"), "{xml}");

        // Delete, then the lookup miss in libvirt's words.
        drv.network_port_delete(&p, 0).await.unwrap();
        let e = drv
            .network_port_lookup_by_uuid(&net, p.uuid)
            .await
            .unwrap_err();
        assert_eq!(
            e.message,
            "network port not found: Network port with UUID \
             3f6a4c2e-1b7d-4e8f-9a0b-1c2d3e4f5a6b does not exist"
        );
        drv.release_port("rvports", "52:54:00:00:70:01")
            .await
            .unwrap();
        let port_dir = root.join("run/libvirt/network/rvports/ports");
        assert_eq!(std::fs::read_dir(&port_dir).unwrap().count(), 0);
        assert!(drv
            .network_list_all_ports(&net, 0)
            .await
            .unwrap()
            .is_empty());

        // A bridged network (existing host bridge) plugs type='bridge'.
        crate::netns::sh(&["ip", "link", "add", "rvhostbr", "type", "bridge"]);
        let br = drv
            .network_create_xml(
                "<network><name>hostbr</name><forward mode='bridge'/>\
                 <bridge name='rvhostbr'/></network>",
                0,
            )
            .await
            .unwrap();
        let pr = drv
            .allocate_port("hostbr", "52:54:00:00:70:02")
            .await
            .unwrap();
        assert_eq!(pr.bridge.as_deref(), Some("rvhostbr"));
        let ports = drv.network_list_all_ports(&br, 0).await.unwrap();
        let xml = drv.network_port_get_xml_desc(&ports[0], 0).await.unwrap();
        assert!(
            xml.contains("<plug type='bridge' bridge='rvhostbr'/>"),
            "{xml}"
        );
        drv.network_destroy(&br).await.unwrap();

        // macvtap networks (bridge without a bridge name, private, vepa, passthrough):
        // ports plug 'direct' on the forward device with the matching macvtap mode.
        crate::netns::sh(&[
            "ip", "link", "add", "rvmvp0", "type", "veth", "peer", "name", "rvmvp1",
        ]);
        for (mode, want) in [
            ("bridge", "bridge"),
            ("private", "private"),
            ("vepa", "vepa"),
            ("passthrough", "passthrough"),
        ] {
            let n = drv
                .network_create_xml(
                    &format!(
                        "<network><name>mv{mode}</name><forward mode='{mode}'>\
                         <interface dev='rvmvp0'/></forward></network>"
                    ),
                    0,
                )
                .await
                .unwrap();
            let p = drv
                .allocate_port(&format!("mv{mode}"), "52:54:00:00:70:03")
                .await
                .unwrap();
            assert_eq!(p.bridge, None, "{mode}");
            assert_eq!(p.direct_dev.as_deref(), Some("rvmvp0"), "{mode}");
            let ports = drv.network_list_all_ports(&n, 0).await.unwrap();
            let xml = drv.network_port_get_xml_desc(&ports[0], 0).await.unwrap();
            assert!(
                xml.contains(&format!("<plug type='direct' dev='rvmvp0' mode='{want}'/>")),
                "{xml}"
            );
            drv.network_destroy(&n).await.unwrap();
        }
        drv.network_destroy(&net).await.unwrap();
        assert!(!root.join("run/libvirt/network/rvports").exists());
    });
}
