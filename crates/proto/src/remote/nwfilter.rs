//! Network filter and filter binding procedures (`procedures.md` "Network filters").

use rvirt_core::{NwFilterRef, Uuid};
use rvirt_xdr::Xdr;

use super::limits::{REMOTE_NWFILTER_BINDING_LIST_MAX, REMOTE_NWFILTER_LIST_MAX};
use rvirt_core::NwFilterBindingRef;

/// REMOTE_PROC_NWFILTER_LOOKUP_BY_NAME (175): CALL body (`remote_nwfilter_lookup_by_name_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NwfilterLookupByNameArgs {
    pub name: String,
}

/// REMOTE_PROC_NWFILTER_LOOKUP_BY_NAME (175): REPLY body (`remote_nwfilter_lookup_by_name_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NwfilterLookupByNameRet {
    pub nwfilter: NwFilterRef,
}

/// REMOTE_PROC_NWFILTER_LOOKUP_BY_UUID (176): CALL body (`remote_nwfilter_lookup_by_uuid_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NwfilterLookupByUuidArgs {
    pub uuid: Uuid,
}

/// REMOTE_PROC_NWFILTER_LOOKUP_BY_UUID (176): REPLY body (`remote_nwfilter_lookup_by_uuid_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NwfilterLookupByUuidRet {
    pub nwfilter: NwFilterRef,
}

/// REMOTE_PROC_NWFILTER_GET_XML_DESC (177): CALL body (`remote_nwfilter_get_xml_desc_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NwfilterGetXmlDescArgs {
    pub nwfilter: NwFilterRef,
    pub flags: u32,
}

/// REMOTE_PROC_NWFILTER_GET_XML_DESC (177): REPLY body (`remote_nwfilter_get_xml_desc_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NwfilterGetXmlDescRet {
    pub xml: String,
}

/// REMOTE_PROC_CONNECT_NUM_OF_NWFILTERS (178): REPLY body (`remote_connect_num_of_nwfilters_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectNumOfNwfiltersRet {
    pub num: i32,
}

/// REMOTE_PROC_CONNECT_LIST_NWFILTERS (179): CALL body (`remote_connect_list_nwfilters_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListNwfiltersArgs {
    pub maxnames: i32,
}

/// REMOTE_PROC_CONNECT_LIST_NWFILTERS (179): REPLY body (`remote_connect_list_nwfilters_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListNwfiltersRet {
    #[xdr(max = REMOTE_NWFILTER_LIST_MAX)]
    pub names: Vec<String>,
}

/// REMOTE_PROC_NWFILTER_DEFINE_XML (180): CALL body (`remote_nwfilter_define_xml_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NwfilterDefineXmlArgs {
    pub xml: String,
}

/// REMOTE_PROC_NWFILTER_DEFINE_XML (180): REPLY body (`remote_nwfilter_define_xml_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NwfilterDefineXmlRet {
    pub nwfilter: NwFilterRef,
}

/// REMOTE_PROC_NWFILTER_UNDEFINE (181): CALL body (`remote_nwfilter_undefine_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NwfilterUndefineArgs {
    pub nwfilter: NwFilterRef,
}

/// REMOTE_PROC_CONNECT_LIST_ALL_NWFILTERS (286): CALL body
/// (`remote_connect_list_all_nwfilters_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListAllNwfiltersArgs {
    pub need_results: i32,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_LIST_ALL_NWFILTERS (286): REPLY body
/// (`remote_connect_list_all_nwfilters_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListAllNwfiltersRet {
    #[xdr(max = REMOTE_NWFILTER_LIST_MAX)]
    pub filters: Vec<NwFilterRef>,
    pub ret: u32,
}

/// REMOTE_PROC_NWFILTER_BINDING_LOOKUP_BY_PORT_DEV (397): CALL body
/// (`remote_nwfilter_binding_lookup_by_port_dev_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NwfilterBindingLookupByPortDevArgs {
    pub name: String,
}

/// REMOTE_PROC_NWFILTER_BINDING_LOOKUP_BY_PORT_DEV (397): REPLY body
/// (`remote_nwfilter_binding_lookup_by_port_dev_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NwfilterBindingLookupByPortDevRet {
    pub nwfilter: NwFilterBindingRef,
}

/// REMOTE_PROC_NWFILTER_BINDING_GET_XML_DESC (398): CALL body
/// (`remote_nwfilter_binding_get_xml_desc_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NwfilterBindingGetXmlDescArgs {
    pub nwfilter: NwFilterBindingRef,
    pub flags: u32,
}

/// REMOTE_PROC_NWFILTER_BINDING_GET_XML_DESC (398): REPLY body
/// (`remote_nwfilter_binding_get_xml_desc_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NwfilterBindingGetXmlDescRet {
    pub xml: String,
}

/// REMOTE_PROC_NWFILTER_BINDING_CREATE_XML (399): CALL body
/// (`remote_nwfilter_binding_create_xml_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NwfilterBindingCreateXmlArgs {
    pub xml: String,
    pub flags: u32,
}

/// REMOTE_PROC_NWFILTER_BINDING_CREATE_XML (399): REPLY body
/// (`remote_nwfilter_binding_create_xml_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NwfilterBindingCreateXmlRet {
    pub nwfilter: NwFilterBindingRef,
}

/// REMOTE_PROC_NWFILTER_BINDING_DELETE (400): CALL body (`remote_nwfilter_binding_delete_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NwfilterBindingDeleteArgs {
    pub nwfilter: NwFilterBindingRef,
}

/// REMOTE_PROC_CONNECT_LIST_ALL_NWFILTER_BINDINGS (401): CALL body
/// (`remote_connect_list_all_nwfilter_bindings_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListAllNwfilterBindingsArgs {
    pub need_results: i32,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_LIST_ALL_NWFILTER_BINDINGS (401): REPLY body
/// (`remote_connect_list_all_nwfilter_bindings_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListAllNwfilterBindingsRet {
    #[xdr(max = REMOTE_NWFILTER_BINDING_LIST_MAX)]
    pub bindings: Vec<NwFilterBindingRef>,
    pub ret: u32,
}

/// REMOTE_PROC_NWFILTER_DEFINE_XML_FLAGS (431): CALL body
/// (`remote_nwfilter_define_xml_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NwfilterDefineXmlFlagsArgs {
    pub xml: String,
    pub flags: u32,
}

/// REMOTE_PROC_NWFILTER_DEFINE_XML_FLAGS (431): REPLY body
/// (`remote_nwfilter_define_xml_flags_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct NwfilterDefineXmlFlagsRet {
    pub nwfilter: NwFilterRef,
}
