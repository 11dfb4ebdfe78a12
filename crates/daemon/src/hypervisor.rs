//! `qemu:///system` as libvirtd serves it: the QEMU driver for domains, with network,
//! storage, host interface, node device, secret and network filter APIs delegated to their own drivers,
//! opened once per daemon and sharing the QEMU driver's event bus.

use std::path::PathBuf;
use std::sync::Arc;

use async_trait::async_trait;
use rvirt_core::driver::{
    ComposedConnection, Connection, DriverFactory, OpenContext, SecondaryDrivers,
};
use rvirt_core::driver::{NetworkDriver, StorageDriver};
use rvirt_core::info::NetworkDhcpLease;
use rvirt_core::uri::ConnectUri;
use rvirt_core::VirResult;
use rvirt_driver_host::secret::SecretPaths;
use rvirt_driver_host::{HostInterfaceDriver, NodeDeviceDriverImpl, SecretDriverImpl};
use rvirt_driver_network::{NetworkDriverImpl, NetworkPaths};
use rvirt_driver_nwfilter::{NwFilterDriverImpl, NwFilterPaths};
use rvirt_driver_qemu::{
    DirectPlug, NetworkPortAllocator, PortInfo, QemuDriverFactory, ResolvedVolume, VolumeResolver,
};
use rvirt_driver_storage::{StorageDriverImpl, StoragePaths};
use tokio::sync::OnceCell;

/// Opens QEMU connections composed with the daemon's secondary drivers.
pub struct HypervisorFactory {
    qemu: Arc<QemuDriverFactory>,
    root: PathBuf,
    secondary: OnceCell<SecondaryDrivers>,
}

impl HypervisorFactory {
    /// `root` is `/` for a system daemon or the `--root` directory.
    pub fn new(qemu: Arc<QemuDriverFactory>, root: PathBuf) -> Self {
        HypervisorFactory {
            qemu,
            root,
            secondary: OnceCell::new(),
        }
    }

    /// Starts the QEMU driver (re-attach, autostart) and the secondary drivers.
    pub async fn start(&self) -> VirResult<SecondaryDrivers> {
        self.secondary
            .get_or_try_init(|| async {
                let qemu = self.qemu.system_driver().await?;
                let network = NetworkDriverImpl::open(
                    NetworkPaths::under_root(&self.root),
                    qemu.events.clone(),
                )
                .await?;
                let storage =
                    StorageDriverImpl::open(StoragePaths::system(&self.root), qemu.events.clone())?;
                storage.autostart().await;
                qemu.set_network_port_allocator(Arc::new(NetPorts(network.clone())));
                qemu.set_volume_resolver(Arc::new(Volumes(storage.clone())));
                // guests re-attached at start-up hold ports the network driver forgot
                qemu.reclaim_network_ports().await;
                let sysfs = PathBuf::from("/sys");
                let secret = SecretDriverImpl::open_with(
                    SecretPaths::system(&self.root),
                    qemu.events.clone(),
                )?;
                let nwfilter = NwFilterDriverImpl::open(NwFilterPaths::under_root(&self.root))?;
                qemu.set_nwfilter_driver(nwfilter.clone());
                Ok(SecondaryDrivers {
                    network: Some(network),
                    nwfilter: Some(nwfilter),
                    storage: Some(storage),
                    interface: Some(HostInterfaceDriver::open(sysfs.clone())),
                    nodedev: Some(NodeDeviceDriverImpl::open(sysfs, qemu.events.clone())),
                    secret: Some(secret),
                })
            })
            .await
            .cloned()
    }
}

#[async_trait]
impl DriverFactory for HypervisorFactory {
    fn scheme(&self) -> &'static str {
        "qemu"
    }

    async fn open(&self, uri: &ConnectUri, ctx: &OpenContext) -> VirResult<Arc<dyn Connection>> {
        let conn = self.qemu.open(uri, ctx).await?;
        if uri.path == "/embed" {
            return Ok(conn);
        }
        let secondary = self.start().await?;
        Ok(Arc::new(ComposedConnection::new(conn, secondary)))
    }
}

/// The network driver as the QEMU driver's port allocator (`<interface type='network'>`).
struct NetPorts(Arc<NetworkDriverImpl>);

impl NetPorts {
    /// A port plugged into a bridge or, for macvtap networks, a direct port (the QEMU
    /// driver makes the NIC a macvtap on `dev`); a port with neither is released with an
    /// error.
    async fn plugged(
        &self,
        network: &str,
        mac: &str,
        p: rvirt_driver_network::PortInfo,
    ) -> VirResult<PortInfo> {
        if let Some(bridge) = p.bridge {
            return Ok(PortInfo {
                bridge,
                mtu: p.mtu,
                direct: None,
            });
        }
        if let Some(dev) = p.direct_dev {
            let mode = match p.forward_mode.as_str() {
                m @ ("private" | "vepa" | "passthrough") => m,
                _ => "bridge",
            };
            return Ok(PortInfo {
                bridge: String::new(),
                mtu: p.mtu,
                direct: Some(DirectPlug {
                    dev,
                    mode: mode.to_string(),
                }),
            });
        }
        let _ = self.0.release_port(network, mac).await;
        Err(rvirt_core::VirError::new(
            rvirt_core::error::ErrorCode::ConfigUnsupported,
            rvirt_core::error::ErrorDomain::Qemu,
            format!("network '{network}' has neither a bridge nor a forward device for guest NICs"),
        ))
    }
}

#[async_trait]
impl NetworkPortAllocator for NetPorts {
    async fn allocate_port(&self, network: &str, mac: &str) -> VirResult<PortInfo> {
        let p = self.0.allocate_port(network, mac).await?;
        self.plugged(network, mac, p).await
    }

    async fn allocate_port_for(
        &self,
        network: &str,
        mac: &str,
        owner_name: &str,
        owner_uuid: [u8; 16],
    ) -> VirResult<PortInfo> {
        let p = self
            .0
            .allocate_port_for(network, mac, owner_name, owner_uuid)
            .await?;
        self.plugged(network, mac, p).await
    }

    async fn set_bandwidth(
        &self,
        ifname: &str,
        bandwidth_xml: Option<&str>,
        swapped: bool,
    ) -> VirResult<()> {
        rvirt_driver_network::qos::apply_to_tap(ifname, bandwidth_xml, swapped).await
    }

    async fn release_port(&self, network: &str, mac: &str) -> VirResult<()> {
        self.0.release_port(network, mac).await
    }

    async fn leases(&self, network: &str) -> VirResult<Vec<NetworkDhcpLease>> {
        let net = self.0.network_lookup_by_name(network).await?;
        self.0.network_get_dhcp_leases(&net, None, 0).await
    }
}

/// The storage driver as the QEMU driver's volume resolver (`<disk type='volume'>`).
struct Volumes(Arc<StorageDriverImpl>);

#[async_trait]
impl VolumeResolver for Volumes {
    async fn resolve(&self, pool: &str, volume: &str) -> VirResult<ResolvedVolume> {
        let p = self.0.pool_lookup_by_name(pool).await?;
        let v = self.0.vol_lookup_by_name(&p, volume).await?;
        let path = self.0.vol_get_path(&v).await?;
        let info = self.0.vol_get_info(&v, 0).await?;
        let xml = self.0.vol_get_xml_desc(&v, 0).await?;
        Ok(ResolvedVolume {
            path,
            format: target_format(&xml),
            vol_type: info.vol_type,
        })
    }
}

/// `<target><format type='…'/>` of a volume's XML.
fn target_format(xml: &str) -> Option<String> {
    let target = &xml[xml.find("<target>")?..];
    let rest = &target[target.find("<format type=")? + "<format type=".len()..];
    let quote = rest.chars().next()?;
    let rest = &rest[1..];
    Some(rest[..rest.find(quote)?].to_string())
}

#[cfg(test)]
mod tests {
    use super::target_format;

    #[test]
    fn format_comes_from_the_target() {
        let xml = "<volume><source><format type='x'/></source><target><path>/p</path>\n<format type='qcow2'/></target></volume>";
        assert_eq!(target_format(xml).as_deref(), Some("qcow2"));
        assert_eq!(target_format("<volume/>"), None);
    }
}
