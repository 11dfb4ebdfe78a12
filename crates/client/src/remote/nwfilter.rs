//! `NWFilterDriver` over RPC.

use async_trait::async_trait;
use rvirt_core::driver::NWFilterDriver;
use rvirt_core::error::VirResult;
use rvirt_core::{NwFilterBindingRef, NwFilterRef, Uuid};

use super::conn::RemoteConnection;
use super::procs as p;
use super::wire::args;

#[async_trait]
impl NWFilterDriver for RemoteConnection {
    /// virConnectNumOfNWFilters (CONNECT_NUM_OF_NWFILTERS 178)
    async fn num_of_nwfilters(&self) -> VirResult<i32> {
        self.call(p::CONNECT_NUM_OF_NWFILTERS, args!()).await?.get()
    }
    /// virConnectListNWFilters (CONNECT_LIST_NWFILTERS 179)
    async fn list_nwfilters(&self, maxnames: i32) -> VirResult<Vec<String>> {
        self.call(p::CONNECT_LIST_NWFILTERS, args!(maxnames))
            .await?
            .get()
    }
    /// virConnectListAllNWFilters (CONNECT_LIST_ALL_NWFILTERS 286)
    async fn list_all_nwfilters(&self, flags: u32) -> VirResult<Vec<NwFilterRef>> {
        self.call(p::CONNECT_LIST_ALL_NWFILTERS, args!(1i32, flags))
            .await?
            .get()
    }
    /// virNWFilterLookupByName (NWFILTER_LOOKUP_BY_NAME 175)
    async fn nwfilter_lookup_by_name(&self, name: &str) -> VirResult<NwFilterRef> {
        self.call(p::NWFILTER_LOOKUP_BY_NAME, args!(name))
            .await?
            .get()
    }
    /// virNWFilterLookupByUUID (NWFILTER_LOOKUP_BY_UUID 176)
    async fn nwfilter_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<NwFilterRef> {
        self.call(p::NWFILTER_LOOKUP_BY_UUID, args!(uuid))
            .await?
            .get()
    }
    /// virNWFilterDefineXML (NWFILTER_DEFINE_XML 180) without flags, else
    /// virNWFilterDefineXMLFlags (NWFILTER_DEFINE_XML_FLAGS 431), as libvirt's client does.
    async fn nwfilter_define_xml(&self, xml: &str, flags: u32) -> VirResult<NwFilterRef> {
        if flags == 0 {
            return self.call(p::NWFILTER_DEFINE_XML, args!(xml)).await?.get();
        }
        self.call(p::NWFILTER_DEFINE_XML_FLAGS, args!(xml, flags))
            .await?
            .get()
    }
    /// virNWFilterUndefine (NWFILTER_UNDEFINE 181)
    async fn nwfilter_undefine(&self, filter: &NwFilterRef) -> VirResult<()> {
        self.call0(p::NWFILTER_UNDEFINE, args!(filter)).await
    }
    /// virNWFilterGetXMLDesc (NWFILTER_GET_XML_DESC 177)
    async fn nwfilter_get_xml_desc(&self, filter: &NwFilterRef, flags: u32) -> VirResult<String> {
        self.call(p::NWFILTER_GET_XML_DESC, args!(filter, flags))
            .await?
            .get()
    }
    /// virConnectListAllNWFilterBindings (CONNECT_LIST_ALL_NWFILTER_BINDINGS 401)
    async fn list_all_nwfilter_bindings(&self, flags: u32) -> VirResult<Vec<NwFilterBindingRef>> {
        self.call(p::CONNECT_LIST_ALL_NWFILTER_BINDINGS, args!(1i32, flags))
            .await?
            .get()
    }
    /// virNWFilterBindingLookupByPortDev (NWFILTER_BINDING_LOOKUP_BY_PORT_DEV 397)
    async fn nwfilter_binding_lookup_by_port_dev(
        &self,
        portdev: &str,
    ) -> VirResult<NwFilterBindingRef> {
        self.call(p::NWFILTER_BINDING_LOOKUP_BY_PORT_DEV, args!(portdev))
            .await?
            .get()
    }
    /// virNWFilterBindingCreateXML (NWFILTER_BINDING_CREATE_XML 399)
    async fn nwfilter_binding_create_xml(
        &self,
        xml: &str,
        flags: u32,
    ) -> VirResult<NwFilterBindingRef> {
        self.call(p::NWFILTER_BINDING_CREATE_XML, args!(xml, flags))
            .await?
            .get()
    }
    /// virNWFilterBindingDelete (NWFILTER_BINDING_DELETE 400)
    async fn nwfilter_binding_delete(&self, binding: &NwFilterBindingRef) -> VirResult<()> {
        self.call0(p::NWFILTER_BINDING_DELETE, args!(binding)).await
    }
    /// virNWFilterBindingGetXMLDesc (NWFILTER_BINDING_GET_XML_DESC 398)
    async fn nwfilter_binding_get_xml_desc(
        &self,
        binding: &NwFilterBindingRef,
        flags: u32,
    ) -> VirResult<String> {
        self.call(p::NWFILTER_BINDING_GET_XML_DESC, args!(binding, flags))
            .await?
            .get()
    }
}
