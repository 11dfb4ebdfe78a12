//! The node devices libvirt's test driver (`test:///default`) starts with, exactly as
//! `nodedev-dumpxml` shows them.

use super::def::NodeDeviceDef;
use rvirt_core::error::VirResult;

/// `(name, XML)` of each built-in device, in the driver's order.
pub const TEST_DRIVER_DEVICES: [(&str, &str); 4] = [
    (
        "computer",
        r#"<device>
  <name>computer</name>
  <capability type='system'>
    <hardware>
      <vendor>Libvirt</vendor>
      <version>Test driver</version>
      <serial>123456</serial>
      <uuid>11111111-2222-3333-4444-555555555555</uuid>
    </hardware>
    <firmware>
      <vendor>Libvirt</vendor>
      <version>Test Driver</version>
      <release_date>01/22/2007</release_date>
    </firmware>
  </capability>
</device>
"#,
    ),
    (
        "scsi_host1",
        r#"<device>
  <name>scsi_host1</name>
  <parent>computer</parent>
  <capability type='scsi_host'>
    <host>1</host>
    <unique_id>0</unique_id>
    <capability type='fc_host'>
      <wwnn>2000000012341234</wwnn>
      <wwpn>1000000012341234</wwpn>
      <fabric_wwn>2000000043214321</fabric_wwn>
    </capability>
    <capability type='vport_ops'>
      <max_vports>0</max_vports>
      <vports>0</vports>
    </capability>
  </capability>
</device>
"#,
    ),
    (
        "scsi_host2",
        r#"<device>
  <name>scsi_host2</name>
  <parent>computer</parent>
  <capability type='scsi_host'>
    <host>2</host>
    <unique_id>1</unique_id>
    <capability type='fc_host'>
      <wwnn>2000000056785678</wwnn>
      <wwpn>1000000056785678</wwpn>
      <fabric_wwn>2000000087658765</fabric_wwn>
    </capability>
    <capability type='vport_ops'>
      <max_vports>0</max_vports>
      <vports>0</vports>
    </capability>
  </capability>
</device>
"#,
    ),
    (
        "scsi_host11",
        r#"<device>
  <name>scsi_host11</name>
  <parent>scsi_host1</parent>
  <capability type='scsi_host'>
    <host>11</host>
    <unique_id>10</unique_id>
    <capability type='fc_host'>
      <wwnn>2000000034563456</wwnn>
      <wwpn>1000000034563456</wwpn>
      <fabric_wwn>2000000043214321</fabric_wwn>
    </capability>
  </capability>
</device>
"#,
    ),
];

impl NodeDeviceDef {
    /// The test driver's built-in devices (`computer`, `scsi_host1`, `scsi_host2`, `scsi_host11`).
    pub fn test_driver_defaults() -> VirResult<Vec<NodeDeviceDef>> {
        TEST_DRIVER_DEVICES
            .iter()
            .map(|(_, xml)| NodeDeviceDef::parse(xml))
            .collect()
    }
}
