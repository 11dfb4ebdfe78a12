//! Storage pool procedures (`procedures.md` "Storage pools").

use rvirt_core::{StoragePoolRef, StorageVolRef, Uuid};
use rvirt_xdr::Xdr;

use super::limits::{REMOTE_STORAGE_POOL_LIST_MAX, REMOTE_STORAGE_VOL_LIST_MAX};

/// REMOTE_PROC_CONNECT_NUM_OF_STORAGE_POOLS (71): REPLY body
/// (`remote_connect_num_of_storage_pools_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectNumOfStoragePoolsRet {
    pub num: i32,
}

/// REMOTE_PROC_CONNECT_LIST_STORAGE_POOLS (72): CALL body
/// (`remote_connect_list_storage_pools_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListStoragePoolsArgs {
    pub maxnames: i32,
}

/// REMOTE_PROC_CONNECT_LIST_STORAGE_POOLS (72): REPLY body
/// (`remote_connect_list_storage_pools_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListStoragePoolsRet {
    #[xdr(max = REMOTE_STORAGE_POOL_LIST_MAX)]
    pub names: Vec<String>,
}

/// REMOTE_PROC_CONNECT_NUM_OF_DEFINED_STORAGE_POOLS (73): REPLY body
/// (`remote_connect_num_of_defined_storage_pools_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectNumOfDefinedStoragePoolsRet {
    pub num: i32,
}

/// REMOTE_PROC_CONNECT_LIST_DEFINED_STORAGE_POOLS (74): CALL body
/// (`remote_connect_list_defined_storage_pools_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListDefinedStoragePoolsArgs {
    pub maxnames: i32,
}

/// REMOTE_PROC_CONNECT_LIST_DEFINED_STORAGE_POOLS (74): REPLY body
/// (`remote_connect_list_defined_storage_pools_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListDefinedStoragePoolsRet {
    #[xdr(max = REMOTE_STORAGE_POOL_LIST_MAX)]
    pub names: Vec<String>,
}

/// REMOTE_PROC_CONNECT_FIND_STORAGE_POOL_SOURCES (75): CALL body
/// (`remote_connect_find_storage_pool_sources_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectFindStoragePoolSourcesArgs {
    pub r#type: String,
    pub src_spec: Option<String>,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_FIND_STORAGE_POOL_SOURCES (75): REPLY body
/// (`remote_connect_find_storage_pool_sources_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectFindStoragePoolSourcesRet {
    pub xml: String,
}

/// REMOTE_PROC_STORAGE_POOL_CREATE_XML (76): CALL body (`remote_storage_pool_create_xml_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolCreateXmlArgs {
    pub xml: String,
    pub flags: u32,
}

/// REMOTE_PROC_STORAGE_POOL_CREATE_XML (76): REPLY body (`remote_storage_pool_create_xml_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolCreateXmlRet {
    pub pool: StoragePoolRef,
}

/// REMOTE_PROC_STORAGE_POOL_DEFINE_XML (77): CALL body (`remote_storage_pool_define_xml_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolDefineXmlArgs {
    pub xml: String,
    pub flags: u32,
}

/// REMOTE_PROC_STORAGE_POOL_DEFINE_XML (77): REPLY body (`remote_storage_pool_define_xml_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolDefineXmlRet {
    pub pool: StoragePoolRef,
}

/// REMOTE_PROC_STORAGE_POOL_CREATE (78): CALL body (`remote_storage_pool_create_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolCreateArgs {
    pub pool: StoragePoolRef,
    pub flags: u32,
}

/// REMOTE_PROC_STORAGE_POOL_BUILD (79): CALL body (`remote_storage_pool_build_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolBuildArgs {
    pub pool: StoragePoolRef,
    pub flags: u32,
}

/// REMOTE_PROC_STORAGE_POOL_DESTROY (80): CALL body (`remote_storage_pool_destroy_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolDestroyArgs {
    pub pool: StoragePoolRef,
}

/// REMOTE_PROC_STORAGE_POOL_DELETE (81): CALL body (`remote_storage_pool_delete_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolDeleteArgs {
    pub pool: StoragePoolRef,
    pub flags: u32,
}

/// REMOTE_PROC_STORAGE_POOL_UNDEFINE (82): CALL body (`remote_storage_pool_undefine_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolUndefineArgs {
    pub pool: StoragePoolRef,
}

/// REMOTE_PROC_STORAGE_POOL_REFRESH (83): CALL body (`remote_storage_pool_refresh_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolRefreshArgs {
    pub pool: StoragePoolRef,
    pub flags: u32,
}

/// REMOTE_PROC_STORAGE_POOL_LOOKUP_BY_NAME (84): CALL body
/// (`remote_storage_pool_lookup_by_name_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolLookupByNameArgs {
    pub name: String,
}

/// REMOTE_PROC_STORAGE_POOL_LOOKUP_BY_NAME (84): REPLY body
/// (`remote_storage_pool_lookup_by_name_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolLookupByNameRet {
    pub pool: StoragePoolRef,
}

/// REMOTE_PROC_STORAGE_POOL_LOOKUP_BY_UUID (85): CALL body
/// (`remote_storage_pool_lookup_by_uuid_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolLookupByUuidArgs {
    pub uuid: Uuid,
}

/// REMOTE_PROC_STORAGE_POOL_LOOKUP_BY_UUID (85): REPLY body
/// (`remote_storage_pool_lookup_by_uuid_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolLookupByUuidRet {
    pub pool: StoragePoolRef,
}

/// REMOTE_PROC_STORAGE_POOL_LOOKUP_BY_VOLUME (86): CALL body
/// (`remote_storage_pool_lookup_by_volume_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolLookupByVolumeArgs {
    pub vol: StorageVolRef,
}

/// REMOTE_PROC_STORAGE_POOL_LOOKUP_BY_VOLUME (86): REPLY body
/// (`remote_storage_pool_lookup_by_volume_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolLookupByVolumeRet {
    pub pool: StoragePoolRef,
}

/// REMOTE_PROC_STORAGE_POOL_GET_INFO (87): CALL body (`remote_storage_pool_get_info_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolGetInfoArgs {
    pub pool: StoragePoolRef,
}

/// REMOTE_PROC_STORAGE_POOL_GET_INFO (87): REPLY body (`remote_storage_pool_get_info_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolGetInfoRet {
    pub state: u8,
    pub capacity: u64,
    pub allocation: u64,
    pub available: u64,
}

/// REMOTE_PROC_STORAGE_POOL_GET_XML_DESC (88): CALL body (`remote_storage_pool_get_xml_desc_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolGetXmlDescArgs {
    pub pool: StoragePoolRef,
    pub flags: u32,
}

/// REMOTE_PROC_STORAGE_POOL_GET_XML_DESC (88): REPLY body (`remote_storage_pool_get_xml_desc_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolGetXmlDescRet {
    pub xml: String,
}

/// REMOTE_PROC_STORAGE_POOL_GET_AUTOSTART (89): CALL body
/// (`remote_storage_pool_get_autostart_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolGetAutostartArgs {
    pub pool: StoragePoolRef,
}

/// REMOTE_PROC_STORAGE_POOL_GET_AUTOSTART (89): REPLY body
/// (`remote_storage_pool_get_autostart_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolGetAutostartRet {
    pub autostart: i32,
}

/// REMOTE_PROC_STORAGE_POOL_SET_AUTOSTART (90): CALL body
/// (`remote_storage_pool_set_autostart_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolSetAutostartArgs {
    pub pool: StoragePoolRef,
    pub autostart: i32,
}

/// REMOTE_PROC_STORAGE_POOL_NUM_OF_VOLUMES (91): CALL body
/// (`remote_storage_pool_num_of_volumes_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolNumOfVolumesArgs {
    pub pool: StoragePoolRef,
}

/// REMOTE_PROC_STORAGE_POOL_NUM_OF_VOLUMES (91): REPLY body
/// (`remote_storage_pool_num_of_volumes_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolNumOfVolumesRet {
    pub num: i32,
}

/// REMOTE_PROC_STORAGE_POOL_LIST_VOLUMES (92): CALL body (`remote_storage_pool_list_volumes_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolListVolumesArgs {
    pub pool: StoragePoolRef,
    pub maxnames: i32,
}

/// REMOTE_PROC_STORAGE_POOL_LIST_VOLUMES (92): REPLY body (`remote_storage_pool_list_volumes_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolListVolumesRet {
    #[xdr(max = REMOTE_STORAGE_VOL_LIST_MAX)]
    pub names: Vec<String>,
}

/// REMOTE_PROC_STORAGE_POOL_IS_ACTIVE (154): CALL body (`remote_storage_pool_is_active_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolIsActiveArgs {
    pub pool: StoragePoolRef,
}

/// REMOTE_PROC_STORAGE_POOL_IS_ACTIVE (154): REPLY body (`remote_storage_pool_is_active_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolIsActiveRet {
    pub active: i32,
}

/// REMOTE_PROC_STORAGE_POOL_IS_PERSISTENT (155): CALL body
/// (`remote_storage_pool_is_persistent_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolIsPersistentArgs {
    pub pool: StoragePoolRef,
}

/// REMOTE_PROC_STORAGE_POOL_IS_PERSISTENT (155): REPLY body
/// (`remote_storage_pool_is_persistent_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolIsPersistentRet {
    pub persistent: i32,
}

/// REMOTE_PROC_CONNECT_LIST_ALL_STORAGE_POOLS (281): CALL body
/// (`remote_connect_list_all_storage_pools_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListAllStoragePoolsArgs {
    pub need_results: i32,
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_LIST_ALL_STORAGE_POOLS (281): REPLY body
/// (`remote_connect_list_all_storage_pools_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectListAllStoragePoolsRet {
    #[xdr(max = REMOTE_STORAGE_POOL_LIST_MAX)]
    pub pools: Vec<StoragePoolRef>,
    pub ret: u32,
}

/// REMOTE_PROC_STORAGE_POOL_LIST_ALL_VOLUMES (282): CALL body
/// (`remote_storage_pool_list_all_volumes_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolListAllVolumesArgs {
    pub pool: StoragePoolRef,
    pub need_results: i32,
    pub flags: u32,
}

/// REMOTE_PROC_STORAGE_POOL_LIST_ALL_VOLUMES (282): REPLY body
/// (`remote_storage_pool_list_all_volumes_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolListAllVolumesRet {
    #[xdr(max = REMOTE_STORAGE_VOL_LIST_MAX)]
    pub vols: Vec<StorageVolRef>,
    pub ret: u32,
}

/// REMOTE_PROC_STORAGE_POOL_LOOKUP_BY_TARGET_PATH (391): CALL body
/// (`remote_storage_pool_lookup_by_target_path_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolLookupByTargetPathArgs {
    pub path: String,
}

/// REMOTE_PROC_STORAGE_POOL_LOOKUP_BY_TARGET_PATH (391): REPLY body
/// (`remote_storage_pool_lookup_by_target_path_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StoragePoolLookupByTargetPathRet {
    pub pool: StoragePoolRef,
}

/// REMOTE_PROC_CONNECT_GET_STORAGE_POOL_CAPABILITIES (403): CALL body
/// (`remote_connect_get_storage_pool_capabilities_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectGetStoragePoolCapabilitiesArgs {
    pub flags: u32,
}

/// REMOTE_PROC_CONNECT_GET_STORAGE_POOL_CAPABILITIES (403): REPLY body
/// (`remote_connect_get_storage_pool_capabilities_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct ConnectGetStoragePoolCapabilitiesRet {
    pub capabilities: String,
}
