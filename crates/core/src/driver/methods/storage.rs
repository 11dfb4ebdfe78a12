//! The `StorageDriver` method list (`virStoragePool*`, `virStorageVol*`); see the parent module for the entry format.

/// Hands the `StorageDriver` method list to `$cb!`, after the tokens given with it.
#[doc(hidden)]
#[macro_export]
macro_rules! storage_driver_methods {
    ($($cb:ident)::+ ! { $($pre:tt)* }) => {
        $($cb)::+! {
            $($pre)*
            /// virConnectListAllStoragePools
            [r "virConnectListAllStoragePools"] fn list_all_storage_pools(flags: u32) -> VirResult<Vec<StoragePoolRef>>;
            /// virConnectFindStoragePoolSources
            [w "virConnectFindStoragePoolSources"] fn find_storage_pool_sources(pool_type: &str, src_spec: Option<String>, flags: u32) -> VirResult<String>;
            /// virConnectGetStoragePoolCapabilities: the `<storagepoolCapabilities>` document.
            [r "virConnectGetStoragePoolCapabilities"] fn storage_pool_capabilities(flags: u32) -> VirResult<String>;
            /// virStoragePoolLookupByName
            [r "virStoragePoolLookupByName"] fn pool_lookup_by_name(name: &str) -> VirResult<StoragePoolRef>;
            /// virStoragePoolLookupByUUID
            [r "virStoragePoolLookupByUUID"] fn pool_lookup_by_uuid(uuid: Uuid) -> VirResult<StoragePoolRef>;
            /// virStoragePoolLookupByVolume
            [r "virStoragePoolLookupByVolume"] fn pool_lookup_by_volume(vol: &StorageVolRef) -> VirResult<StoragePoolRef>;
            /// virStoragePoolLookupByTargetPath
            [r "virStoragePoolLookupByTargetPath"] fn pool_lookup_by_target_path(path: &str) -> VirResult<StoragePoolRef>;
            /// virStoragePoolDefineXML
            [w "virStoragePoolDefineXML"] fn pool_define_xml(xml: &str, flags: u32) -> VirResult<StoragePoolRef>;
            /// virStoragePoolCreateXML
            [w "virStoragePoolCreateXML"] fn pool_create_xml(xml: &str, flags: u32) -> VirResult<StoragePoolRef>;
            /// virStoragePoolBuild
            [w "virStoragePoolBuild"] fn pool_build(pool: &StoragePoolRef, flags: u32) -> VirResult<()>;
            /// virStoragePoolUndefine
            [w "virStoragePoolUndefine"] fn pool_undefine(pool: &StoragePoolRef) -> VirResult<()>;
            /// virStoragePoolCreate
            [w "virStoragePoolCreate"] fn pool_create(pool: &StoragePoolRef, flags: u32) -> VirResult<()>;
            /// virStoragePoolDestroy
            [w "virStoragePoolDestroy"] fn pool_destroy(pool: &StoragePoolRef) -> VirResult<()>;
            /// virStoragePoolDelete
            [w "virStoragePoolDelete"] fn pool_delete(pool: &StoragePoolRef, flags: u32) -> VirResult<()>;
            /// virStoragePoolRefresh
            [w "virStoragePoolRefresh"] fn pool_refresh(pool: &StoragePoolRef, flags: u32) -> VirResult<()>;
            /// virStoragePoolGetInfo
            [r "virStoragePoolGetInfo"] fn pool_get_info(pool: &StoragePoolRef) -> VirResult<StoragePoolInfo>;
            /// virStoragePoolGetXMLDesc
            [r "virStoragePoolGetXMLDesc"] fn pool_get_xml_desc(pool: &StoragePoolRef, flags: u32) -> VirResult<String>;
            /// virStoragePoolGetAutostart
            [r "virStoragePoolGetAutostart"] fn pool_get_autostart(pool: &StoragePoolRef) -> VirResult<bool>;
            /// virStoragePoolSetAutostart
            [w "virStoragePoolSetAutostart"] fn pool_set_autostart(pool: &StoragePoolRef, autostart: bool) -> VirResult<()>;
            /// virStoragePoolIsActive
            [r "virStoragePoolIsActive"] fn pool_is_active(pool: &StoragePoolRef) -> VirResult<bool>;
            /// virStoragePoolIsPersistent
            [r "virStoragePoolIsPersistent"] fn pool_is_persistent(pool: &StoragePoolRef) -> VirResult<bool>;
            /// virStoragePoolListAllVolumes
            [r "virStoragePoolListAllVolumes"] fn pool_list_all_volumes(pool: &StoragePoolRef, flags: u32) -> VirResult<Vec<StorageVolRef>>;
            /// virStorageVolLookupByName
            [r "virStorageVolLookupByName"] fn vol_lookup_by_name(pool: &StoragePoolRef, name: &str) -> VirResult<StorageVolRef>;
            /// virStorageVolLookupByKey
            [r "virStorageVolLookupByKey"] fn vol_lookup_by_key(key: &str) -> VirResult<StorageVolRef>;
            /// virStorageVolLookupByPath
            [r "virStorageVolLookupByPath"] fn vol_lookup_by_path(path: &str) -> VirResult<StorageVolRef>;
            /// virStorageVolCreateXML
            [w "virStorageVolCreateXML"] fn vol_create_xml(pool: &StoragePoolRef, xml: &str, flags: u32) -> VirResult<StorageVolRef>;
            /// virStorageVolCreateXMLFrom
            [w "virStorageVolCreateXMLFrom"] fn vol_create_xml_from(pool: &StoragePoolRef, xml: &str, clone: &StorageVolRef, flags: u32) -> VirResult<StorageVolRef>;
            /// virStorageVolDelete
            [w "virStorageVolDelete"] fn vol_delete(vol: &StorageVolRef, flags: u32) -> VirResult<()>;
            /// virStorageVolWipe / virStorageVolWipePattern
            [w "virStorageVolWipe" "virStorageVolWipePattern"] fn vol_wipe(vol: &StorageVolRef, algorithm: u32, flags: u32) -> VirResult<()>;
            /// virStorageVolGetInfoFlags
            [r "virStorageVolGetInfo"] fn vol_get_info(vol: &StorageVolRef, flags: u32) -> VirResult<StorageVolInfo>;
            /// virStorageVolGetXMLDesc
            [r "virStorageVolGetXMLDesc"] fn vol_get_xml_desc(vol: &StorageVolRef, flags: u32) -> VirResult<String>;
            /// virStorageVolGetPath
            [r "virStorageVolGetPath"] fn vol_get_path(vol: &StorageVolRef) -> VirResult<String>;
            /// virStorageVolResize
            [w "virStorageVolResize"] fn vol_resize(vol: &StorageVolRef, capacity: u64, flags: u32) -> VirResult<()>;
            /// virStorageVolUpload: the returned stream's sink receives the data.
            [w "virStorageVolUpload"] fn vol_upload(vol: &StorageVolRef, offset: u64, length: u64, flags: u32) -> VirResult<DataStream>;
            /// virStorageVolDownload: the returned stream's source yields the data.
            [w "virStorageVolDownload"] fn vol_download(vol: &StorageVolRef, offset: u64, length: u64, flags: u32) -> VirResult<DataStream>;

        }
    };
}
