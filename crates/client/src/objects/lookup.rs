//! Connection-level constructors of object wrappers (`virDomainLookupByName`, …).

use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::Uuid;

use super::{Domain, Interface, Network, NodeDevice, Secret, StoragePool, StorageVol};
use crate::connect::Connect;

fn bad_uuid(domain: ErrorDomain, s: &str) -> VirError {
    VirError::invalid_arg(domain, format!("Unable to parse UUID '{s}'"))
}

impl Connect {
    /// virDomainLookupByName
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> rvirt::VirResult<()> {
    /// let conn = rvirt::Connect::open("test:///default").await?;
    /// let err = conn.lookup_domain_by_name("nosuch").await.unwrap_err();
    /// assert_eq!(err.code, rvirt::ErrorCode::NoDomain);
    /// # Ok(()) }
    /// ```
    pub async fn lookup_domain_by_name(&self, name: &str) -> VirResult<Domain> {
        Ok(Domain::new(self, self.domain_lookup_by_name(name).await?))
    }
    /// virDomainLookupByID
    pub async fn lookup_domain_by_id(&self, id: i32) -> VirResult<Domain> {
        Ok(Domain::new(self, self.domain_lookup_by_id(id).await?))
    }
    /// virDomainLookupByUUID
    pub async fn lookup_domain_by_uuid(&self, uuid: Uuid) -> VirResult<Domain> {
        Ok(Domain::new(self, self.domain_lookup_by_uuid(uuid).await?))
    }
    /// virDomainLookupByUUIDString
    pub async fn lookup_domain_by_uuid_string(&self, s: &str) -> VirResult<Domain> {
        let u = Uuid::parse(s).ok_or_else(|| bad_uuid(ErrorDomain::Domain, s))?;
        self.lookup_domain_by_uuid(u).await
    }
    /// virDomainDefineXML
    pub async fn define_domain_xml(&self, xml: &str) -> VirResult<Domain> {
        Ok(Domain::new(self, self.domain_define_xml(xml, 0).await?))
    }
    /// virDomainCreateXML
    pub async fn create_domain_xml(&self, xml: &str, flags: u32) -> VirResult<Domain> {
        Ok(Domain::new(self, self.domain_create_xml(xml, flags).await?))
    }
    /// virConnectListAllDomains
    pub async fn list_all_domain_objects(&self, flags: u32) -> VirResult<Vec<Domain>> {
        let v = self.list_all_domains(flags).await?;
        Ok(v.into_iter().map(|h| Domain::new(self, h)).collect())
    }
    /// virNetworkLookupByName
    pub async fn lookup_network_by_name(&self, name: &str) -> VirResult<Network> {
        Ok(Network::new(self, self.network_lookup_by_name(name).await?))
    }
    /// virNetworkLookupByUUID
    pub async fn lookup_network_by_uuid(&self, uuid: Uuid) -> VirResult<Network> {
        Ok(Network::new(self, self.network_lookup_by_uuid(uuid).await?))
    }
    /// virNetworkDefineXML
    pub async fn define_network_xml(&self, xml: &str) -> VirResult<Network> {
        Ok(Network::new(self, self.network_define_xml(xml, 0).await?))
    }
    /// virConnectListAllNetworks
    pub async fn list_all_network_objects(&self, flags: u32) -> VirResult<Vec<Network>> {
        let v = self.list_all_networks(flags).await?;
        Ok(v.into_iter().map(|h| Network::new(self, h)).collect())
    }
    /// virStoragePoolLookupByName
    pub async fn lookup_storage_pool_by_name(&self, name: &str) -> VirResult<StoragePool> {
        Ok(StoragePool::new(
            self,
            self.pool_lookup_by_name(name).await?,
        ))
    }
    /// virStoragePoolDefineXML
    pub async fn define_storage_pool_xml(&self, xml: &str) -> VirResult<StoragePool> {
        Ok(StoragePool::new(self, self.pool_define_xml(xml, 0).await?))
    }
    /// virConnectListAllStoragePools
    pub async fn list_all_storage_pool_objects(&self, flags: u32) -> VirResult<Vec<StoragePool>> {
        let v = self.list_all_storage_pools(flags).await?;
        Ok(v.into_iter().map(|h| StoragePool::new(self, h)).collect())
    }
    /// virStorageVolLookupByKey
    pub async fn lookup_storage_vol_by_key(&self, key: &str) -> VirResult<StorageVol> {
        Ok(StorageVol::new(self, self.vol_lookup_by_key(key).await?))
    }
    /// virStorageVolLookupByPath
    pub async fn lookup_storage_vol_by_path(&self, path: &str) -> VirResult<StorageVol> {
        Ok(StorageVol::new(self, self.vol_lookup_by_path(path).await?))
    }
    /// virInterfaceLookupByName
    pub async fn lookup_interface_by_name(&self, name: &str) -> VirResult<Interface> {
        Ok(Interface::new(
            self,
            self.interface_lookup_by_name(name).await?,
        ))
    }
    /// virInterfaceLookupByMACString
    pub async fn lookup_interface_by_mac(&self, mac: &str) -> VirResult<Interface> {
        Ok(Interface::new(
            self,
            self.interface_lookup_by_mac(mac).await?,
        ))
    }
    /// virNodeDeviceLookupByName
    pub async fn lookup_node_device_by_name(&self, name: &str) -> VirResult<NodeDevice> {
        Ok(NodeDevice::new(
            self,
            self.node_device_lookup_by_name(name).await?,
        ))
    }
    /// virSecretLookupByUUID
    pub async fn lookup_secret_by_uuid(&self, uuid: Uuid) -> VirResult<Secret> {
        Ok(Secret::new(self, self.secret_lookup_by_uuid(uuid).await?))
    }
    /// virSecretLookupByUsage
    pub async fn lookup_secret_by_usage(&self, usage_type: i32, id: &str) -> VirResult<Secret> {
        Ok(Secret::new(
            self,
            self.secret_lookup_by_usage(usage_type, id).await?,
        ))
    }
    /// virSecretDefineXML
    pub async fn define_secret_xml(&self, xml: &str) -> VirResult<Secret> {
        Ok(Secret::new(self, self.secret_define_xml(xml, 0).await?))
    }
}
