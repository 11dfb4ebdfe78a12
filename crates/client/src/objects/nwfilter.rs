//! [`NWFilter`] (`virNWFilterPtr`) and [`NWFilterBinding`] (`virNWFilterBindingPtr`), with
//! their connection-level constructors.

use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::{NwFilterBindingRef, NwFilterRef, Uuid};

use crate::connect::Connect;

/// A network filter (`virNWFilterPtr`).
#[derive(Debug, Clone)]
pub struct NWFilter {
    conn: Connect,
    handle: NwFilterRef,
}

impl NWFilter {
    /// Wraps a handle returned by a driver call.
    pub fn new(conn: &Connect, handle: NwFilterRef) -> Self {
        NWFilter {
            conn: conn.clone(),
            handle,
        }
    }
    /// The wire handle.
    pub fn handle(&self) -> &NwFilterRef {
        &self.handle
    }
    /// virNWFilterGetName
    pub fn name(&self) -> &str {
        &self.handle.name
    }
    /// virNWFilterGetUUID
    pub fn uuid(&self) -> Uuid {
        self.handle.uuid
    }
    /// virNWFilterGetXMLDesc
    pub async fn xml_desc(&self, flags: u32) -> VirResult<String> {
        self.conn.nwfilter_get_xml_desc(&self.handle, flags).await
    }
    /// virNWFilterUndefine
    pub async fn undefine(&self) -> VirResult<()> {
        self.conn.nwfilter_undefine(&self.handle).await
    }
}

/// A network filter binding (`virNWFilterBindingPtr`).
#[derive(Debug, Clone)]
pub struct NWFilterBinding {
    conn: Connect,
    handle: NwFilterBindingRef,
}

impl NWFilterBinding {
    /// Wraps a handle returned by a driver call.
    pub fn new(conn: &Connect, handle: NwFilterBindingRef) -> Self {
        NWFilterBinding {
            conn: conn.clone(),
            handle,
        }
    }
    /// The wire handle.
    pub fn handle(&self) -> &NwFilterBindingRef {
        &self.handle
    }
    /// virNWFilterBindingGetPortDev
    pub fn port_dev(&self) -> &str {
        &self.handle.portdev
    }
    /// virNWFilterBindingGetFilterName
    pub fn filter_name(&self) -> &str {
        &self.handle.filtername
    }
    /// virNWFilterBindingGetXMLDesc
    pub async fn xml_desc(&self, flags: u32) -> VirResult<String> {
        self.conn
            .nwfilter_binding_get_xml_desc(&self.handle, flags)
            .await
    }
    /// virNWFilterBindingDelete
    pub async fn delete(&self) -> VirResult<()> {
        self.conn.nwfilter_binding_delete(&self.handle).await
    }
}

impl Connect {
    /// virNWFilterLookupByName
    pub async fn lookup_nwfilter_by_name(&self, name: &str) -> VirResult<NWFilter> {
        Ok(NWFilter::new(
            self,
            self.nwfilter_lookup_by_name(name).await?,
        ))
    }
    /// virNWFilterLookupByUUIDString
    pub async fn lookup_nwfilter_by_uuid_str(&self, uuid: &str) -> VirResult<NWFilter> {
        let u = Uuid::parse(uuid).ok_or_else(|| {
            VirError::invalid_arg(
                ErrorDomain::Nwfilter,
                format!("Unable to parse UUID '{uuid}'"),
            )
        })?;
        Ok(NWFilter::new(self, self.nwfilter_lookup_by_uuid(u).await?))
    }
    /// virNWFilterDefineXMLFlags
    pub async fn define_nwfilter_xml(&self, xml: &str, flags: u32) -> VirResult<NWFilter> {
        Ok(NWFilter::new(
            self,
            self.nwfilter_define_xml(xml, flags).await?,
        ))
    }
    /// virConnectListAllNWFilters
    pub async fn list_all_nwfilter_objects(&self, flags: u32) -> VirResult<Vec<NWFilter>> {
        let list = self.list_all_nwfilters(flags).await?;
        Ok(list.into_iter().map(|h| NWFilter::new(self, h)).collect())
    }
    /// virNWFilterBindingLookupByPortDev
    pub async fn lookup_nwfilter_binding_by_port_dev(
        &self,
        portdev: &str,
    ) -> VirResult<NWFilterBinding> {
        Ok(NWFilterBinding::new(
            self,
            self.nwfilter_binding_lookup_by_port_dev(portdev).await?,
        ))
    }
    /// virNWFilterBindingCreateXML
    pub async fn create_nwfilter_binding_xml(
        &self,
        xml: &str,
        flags: u32,
    ) -> VirResult<NWFilterBinding> {
        Ok(NWFilterBinding::new(
            self,
            self.nwfilter_binding_create_xml(xml, flags).await?,
        ))
    }
    /// virConnectListAllNWFilterBindings
    pub async fn list_all_nwfilter_binding_objects(
        &self,
        flags: u32,
    ) -> VirResult<Vec<NWFilterBinding>> {
        let list = self.list_all_nwfilter_bindings(flags).await?;
        Ok(list
            .into_iter()
            .map(|h| NWFilterBinding::new(self, h))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rvirt_core::error::ErrorCode;

    /// The test driver has no nwfilter driver: every API is "not supported", as in libvirt.
    #[tokio::test]
    async fn test_driver_has_no_nwfilter_driver() {
        let conn = Connect::open("test:///default").await.unwrap();
        let e = conn.lookup_nwfilter_by_name("x").await.unwrap_err();
        assert_eq!(
            (e.code, e.domain),
            (ErrorCode::NoSupport, ErrorDomain::Nwfilter)
        );
        assert_eq!(
            e.message,
            "this function is not supported by the connection driver: virNWFilterLookupByName"
        );
        let e = conn.num_of_nwfilters().await.unwrap_err();
        assert!(e.message.ends_with("virConnectNumOfNWFilters"));
        let e = conn.define_nwfilter_xml("<filter/>", 0).await.unwrap_err();
        assert!(e.message.ends_with("virNWFilterDefineXML"));
        let e = conn.list_all_nwfilter_binding_objects(0).await.unwrap_err();
        assert!(e.message.ends_with("virConnectListAllNWFilterBindings"));
    }
}
