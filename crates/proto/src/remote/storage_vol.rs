//! Storage volume procedures (`procedures.md` "Storage volumes").

use rvirt_core::{StoragePoolRef, StorageVolRef};
use rvirt_xdr::Xdr;

/// REMOTE_PROC_STORAGE_VOL_CREATE_XML (93): CALL body (`remote_storage_vol_create_xml_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolCreateXmlArgs {
    pub pool: StoragePoolRef,
    pub xml: String,
    pub flags: u32,
}

/// REMOTE_PROC_STORAGE_VOL_CREATE_XML (93): REPLY body (`remote_storage_vol_create_xml_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolCreateXmlRet {
    pub vol: StorageVolRef,
}

/// REMOTE_PROC_STORAGE_VOL_DELETE (94): CALL body (`remote_storage_vol_delete_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolDeleteArgs {
    pub vol: StorageVolRef,
    pub flags: u32,
}

/// REMOTE_PROC_STORAGE_VOL_LOOKUP_BY_NAME (95): CALL body
/// (`remote_storage_vol_lookup_by_name_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolLookupByNameArgs {
    pub pool: StoragePoolRef,
    pub name: String,
}

/// REMOTE_PROC_STORAGE_VOL_LOOKUP_BY_NAME (95): REPLY body
/// (`remote_storage_vol_lookup_by_name_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolLookupByNameRet {
    pub vol: StorageVolRef,
}

/// REMOTE_PROC_STORAGE_VOL_LOOKUP_BY_KEY (96): CALL body (`remote_storage_vol_lookup_by_key_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolLookupByKeyArgs {
    pub key: String,
}

/// REMOTE_PROC_STORAGE_VOL_LOOKUP_BY_KEY (96): REPLY body (`remote_storage_vol_lookup_by_key_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolLookupByKeyRet {
    pub vol: StorageVolRef,
}

/// REMOTE_PROC_STORAGE_VOL_LOOKUP_BY_PATH (97): CALL body
/// (`remote_storage_vol_lookup_by_path_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolLookupByPathArgs {
    pub path: String,
}

/// REMOTE_PROC_STORAGE_VOL_LOOKUP_BY_PATH (97): REPLY body
/// (`remote_storage_vol_lookup_by_path_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolLookupByPathRet {
    pub vol: StorageVolRef,
}

/// REMOTE_PROC_STORAGE_VOL_GET_INFO (98): CALL body (`remote_storage_vol_get_info_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolGetInfoArgs {
    pub vol: StorageVolRef,
}

/// REMOTE_PROC_STORAGE_VOL_GET_INFO (98): REPLY body (`remote_storage_vol_get_info_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolGetInfoRet {
    pub r#type: i8,
    pub capacity: u64,
    pub allocation: u64,
}

/// REMOTE_PROC_STORAGE_VOL_GET_XML_DESC (99): CALL body (`remote_storage_vol_get_xml_desc_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolGetXmlDescArgs {
    pub vol: StorageVolRef,
    pub flags: u32,
}

/// REMOTE_PROC_STORAGE_VOL_GET_XML_DESC (99): REPLY body (`remote_storage_vol_get_xml_desc_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolGetXmlDescRet {
    pub xml: String,
}

/// REMOTE_PROC_STORAGE_VOL_GET_PATH (100): CALL body (`remote_storage_vol_get_path_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolGetPathArgs {
    pub vol: StorageVolRef,
}

/// REMOTE_PROC_STORAGE_VOL_GET_PATH (100): REPLY body (`remote_storage_vol_get_path_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolGetPathRet {
    pub name: String,
}

/// REMOTE_PROC_STORAGE_VOL_CREATE_XML_FROM (125): CALL body
/// (`remote_storage_vol_create_xml_from_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolCreateXmlFromArgs {
    pub pool: StoragePoolRef,
    pub xml: String,
    pub clonevol: StorageVolRef,
    pub flags: u32,
}

/// REMOTE_PROC_STORAGE_VOL_CREATE_XML_FROM (125): REPLY body
/// (`remote_storage_vol_create_xml_from_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolCreateXmlFromRet {
    pub vol: StorageVolRef,
}

/// REMOTE_PROC_STORAGE_VOL_WIPE (165): CALL body (`remote_storage_vol_wipe_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolWipeArgs {
    pub vol: StorageVolRef,
    pub flags: u32,
}

/// REMOTE_PROC_STORAGE_VOL_WIPE_PATTERN (259): CALL body (`remote_storage_vol_wipe_pattern_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolWipePatternArgs {
    pub vol: StorageVolRef,
    pub algorithm: u32,
    pub flags: u32,
}

/// REMOTE_PROC_STORAGE_VOL_RESIZE (260): CALL body (`remote_storage_vol_resize_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolResizeArgs {
    pub vol: StorageVolRef,
    pub capacity: u64,
    pub flags: u32,
}

/// REMOTE_PROC_STORAGE_VOL_GET_INFO_FLAGS (378): CALL body
/// (`remote_storage_vol_get_info_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolGetInfoFlagsArgs {
    pub vol: StorageVolRef,
    pub flags: u32,
}

/// REMOTE_PROC_STORAGE_VOL_GET_INFO_FLAGS (378): REPLY body
/// (`remote_storage_vol_get_info_flags_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolGetInfoFlagsRet {
    pub r#type: i8,
    pub capacity: u64,
    pub allocation: u64,
}
