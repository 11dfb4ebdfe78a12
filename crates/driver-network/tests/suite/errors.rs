//! libvirt's error codes and wording for the network APIs (no host changes needed).

use rvirt_core::driver::NetworkDriver;
use rvirt_core::event::EventBus;
use rvirt_core::handle::Uuid;
use rvirt_driver_network::NetworkDriverImpl;

use crate::netns::{in_netns, paths};

const XML: &str = "<network><name>e1</name>\
  <uuid>11111111-2222-3333-4444-555555555555</uuid><forward mode='nat'/>\
  <bridge name='virbr10'/><ip address='192.168.200.1' prefix='24'><dhcp>\
  <range start='192.168.200.2' end='192.168.200.9'/></dhcp></ip></network>";

#[test]
fn lookup_define_and_update_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    in_netns(move || async move {
        let drv = NetworkDriverImpl::open(paths(&root), EventBus::new())
            .await
            .unwrap();
        let e = drv.network_lookup_by_name("nope").await.unwrap_err();
        assert_eq!(e.code.number(), 43);
        assert_eq!(e.domain.number(), 19);
        assert_eq!(
            e.message,
            "Network not found: no network with matching name 'nope'"
        );
        let e = drv.network_lookup_by_uuid(Uuid([1; 16])).await.unwrap_err();
        assert_eq!(e.code.number(), 43);

        let net = drv.network_define_xml(XML, 0).await.unwrap();
        assert!(drv.network_is_persistent(&net).await.unwrap());
        assert!(!drv.network_is_active(&net).await.unwrap());
        // Same name, other uuid.
        let other = XML.replace("11111111", "99999999");
        let e = drv.network_define_xml(&other, 0).await.unwrap_err();
        assert_eq!(e.code.number(), 9);
        assert!(
            e.message.contains("network 'e1' already exists with uuid"),
            "{}",
            e.message
        );
        // Bridge name taken by another network.
        let clash = XML
            .replace("11111111", "88888888")
            .replace("<name>e1", "<name>e2");
        let e = drv.network_define_xml(&clash, 0).await.unwrap_err();
        assert_eq!(
            e.message,
            "internal error: bridge name 'virbr10' already in use."
        );
        // Injection at define time.
        let bad = XML.replace("<forward mode='nat'/>", "<domain name='x&#10;y'/>");
        assert!(drv.network_define_xml(&bad, 0).await.is_err());

        // Autostart persists as a link.
        drv.network_set_autostart(&net, true).await.unwrap();
        assert!(drv.network_get_autostart(&net).await.unwrap());
        assert!(root
            .join("etc/libvirt/qemu/networks/autostart/e1.xml")
            .exists());
        drv.network_set_autostart(&net, false).await.unwrap();
        assert!(!root
            .join("etc/libvirt/qemu/networks/autostart/e1.xml")
            .exists());

        // net-update on an inactive network: config only.
        let host = "<host mac='52:54:00:aa:bb:cc' ip='192.168.200.50'/>";
        let e = drv
            .network_update(&net, 3, 4, -1, host, 1)
            .await
            .unwrap_err();
        assert_eq!(
            e.message,
            "Requested operation is not valid: network is not running"
        );
        drv.network_update(&net, 3, 4, -1, host, 0).await.unwrap();
        let e = drv
            .network_update(&net, 3, 4, -1, host, 0)
            .await
            .unwrap_err();
        assert_eq!(e.code.number(), 55);
        assert!(
            e.message.contains("there is an existing dhcp host entry"),
            "{}",
            e.message
        );
        let x = drv.network_get_xml_desc(&net, 1).await.unwrap();
        assert!(
            x.contains("<host mac='52:54:00:aa:bb:cc' ip='192.168.200.50'/>"),
            "{x}"
        );
        drv.network_update(&net, 2, 4, -1, host, 2).await.unwrap();
        let x = drv.network_get_xml_desc(&net, 1).await.unwrap();
        assert!(!x.contains("192.168.200.50"), "{x}");
        let range = "<range start='192.168.200.20' end='192.168.200.29'/>";
        drv.network_update(&net, 4, 5, 0, range, 2).await.unwrap();
        let e = drv
            .network_update(&net, 1, 5, 0, range, 2)
            .await
            .unwrap_err();
        assert_eq!(e.code.number(), 84);
        let dns = "<host ip='192.168.200.3'><hostname>web</hostname></host>";
        drv.network_update(&net, 3, 10, -1, dns, 2).await.unwrap();
        let pg = "<portgroup name='eng' default='yes'/>";
        drv.network_update(&net, 3, 9, -1, pg, 2).await.unwrap();
        let e = drv.network_update(&net, 3, 9, -1, pg, 2).await.unwrap_err();
        assert_eq!(
            e.message,
            "Requested operation is not valid: there is an existing portgroup entry in network 'e1' that matches \"<portgroup name='eng'>\""
        );
        let x = drv.network_get_xml_desc(&net, 0).await.unwrap();
        assert!(
            x.contains("<hostname>web</hostname>") && x.contains("portgroup name='eng'"),
            "{x}"
        );
        let e = drv
            .network_update(&net, 3, 1, -1, "<bridge/>", 2)
            .await
            .unwrap_err();
        assert_eq!(e.code.number(), 84);
        let e = drv
            .network_update(&net, 3, 9, -1, "<host/>", 2)
            .await
            .unwrap_err();
        assert_eq!(e.code.number(), 27);

        // Ports need an active network.
        let e = drv
            .allocate_port("e1", "52:54:00:00:00:01")
            .await
            .unwrap_err();
        assert_eq!(
            e.message,
            "Requested operation is not valid: network 'e1' is not active"
        );

        // Leases of an inactive network: none.
        assert!(drv
            .network_get_dhcp_leases(&net, None, 0)
            .await
            .unwrap()
            .is_empty());

        // Flags are checked.
        let e = drv.network_get_xml_desc(&net, 4).await.unwrap_err();
        assert_eq!(e.code.number(), 8);

        // Reload from disk keeps the updated config.
        drop(drv);
        let drv = NetworkDriverImpl::open(paths(&root), EventBus::new())
            .await
            .unwrap();
        let net = drv.network_lookup_by_name("e1").await.unwrap();
        let x = drv.network_get_xml_desc(&net, 0).await.unwrap();
        assert!(x.contains("192.168.200.20"), "{x}");
        drv.network_undefine(&net).await.unwrap();
        let e = drv.network_undefine(&net).await.unwrap_err();
        assert_eq!(e.code.number(), 43);
        assert!(drv.list_all_networks(0).await.unwrap().is_empty());
    });
}
