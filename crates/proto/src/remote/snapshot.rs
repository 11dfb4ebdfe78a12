//! Domain snapshot procedures (`procedures.md` group 4).

use rvirt_core::{DomainRef, DomainSnapshotRef};
use rvirt_xdr::Xdr;

use super::limits::REMOTE_DOMAIN_SNAPSHOT_LIST_MAX;

/// REMOTE_PROC_DOMAIN_SNAPSHOT_CREATE_XML (185): CALL body
/// (`remote_domain_snapshot_create_xml_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotCreateXmlArgs {
    pub dom: DomainRef,
    pub xml_desc: String,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_CREATE_XML (185): REPLY body
/// (`remote_domain_snapshot_create_xml_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotCreateXmlRet {
    pub snap: DomainSnapshotRef,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_GET_XML_DESC (186): CALL body
/// (`remote_domain_snapshot_get_xml_desc_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotGetXmlDescArgs {
    pub snap: DomainSnapshotRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_GET_XML_DESC (186): REPLY body
/// (`remote_domain_snapshot_get_xml_desc_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotGetXmlDescRet {
    pub xml: String,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_NUM (187): CALL body (`remote_domain_snapshot_num_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotNumArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_NUM (187): REPLY body (`remote_domain_snapshot_num_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotNumRet {
    pub num: i32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_LIST_NAMES (188): CALL body
/// (`remote_domain_snapshot_list_names_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotListNamesArgs {
    pub dom: DomainRef,
    pub maxnames: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_LIST_NAMES (188): REPLY body
/// (`remote_domain_snapshot_list_names_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotListNamesRet {
    #[xdr(max = REMOTE_DOMAIN_SNAPSHOT_LIST_MAX)]
    pub names: Vec<String>,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_LOOKUP_BY_NAME (189): CALL body
/// (`remote_domain_snapshot_lookup_by_name_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotLookupByNameArgs {
    pub dom: DomainRef,
    pub name: String,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_LOOKUP_BY_NAME (189): REPLY body
/// (`remote_domain_snapshot_lookup_by_name_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotLookupByNameRet {
    pub snap: DomainSnapshotRef,
}

/// REMOTE_PROC_DOMAIN_HAS_CURRENT_SNAPSHOT (190): CALL body
/// (`remote_domain_has_current_snapshot_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainHasCurrentSnapshotArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_HAS_CURRENT_SNAPSHOT (190): REPLY body
/// (`remote_domain_has_current_snapshot_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainHasCurrentSnapshotRet {
    pub result: i32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_CURRENT (191): CALL body (`remote_domain_snapshot_current_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotCurrentArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_CURRENT (191): REPLY body (`remote_domain_snapshot_current_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotCurrentRet {
    pub snap: DomainSnapshotRef,
}

/// REMOTE_PROC_DOMAIN_REVERT_TO_SNAPSHOT (192): CALL body
/// (`remote_domain_revert_to_snapshot_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainRevertToSnapshotArgs {
    pub snap: DomainSnapshotRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_DELETE (193): CALL body (`remote_domain_snapshot_delete_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotDeleteArgs {
    pub snap: DomainSnapshotRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_GET_PARENT (244): CALL body
/// (`remote_domain_snapshot_get_parent_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotGetParentArgs {
    pub snap: DomainSnapshotRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_GET_PARENT (244): REPLY body
/// (`remote_domain_snapshot_get_parent_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotGetParentRet {
    pub snap: DomainSnapshotRef,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_NUM_CHILDREN (246): CALL body
/// (`remote_domain_snapshot_num_children_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotNumChildrenArgs {
    pub snap: DomainSnapshotRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_NUM_CHILDREN (246): REPLY body
/// (`remote_domain_snapshot_num_children_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotNumChildrenRet {
    pub num: i32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES (247): CALL body
/// (`remote_domain_snapshot_list_children_names_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotListChildrenNamesArgs {
    pub snap: DomainSnapshotRef,
    pub maxnames: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES (247): REPLY body
/// (`remote_domain_snapshot_list_children_names_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotListChildrenNamesRet {
    #[xdr(max = REMOTE_DOMAIN_SNAPSHOT_LIST_MAX)]
    pub names: Vec<String>,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_IS_CURRENT (271): CALL body
/// (`remote_domain_snapshot_is_current_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotIsCurrentArgs {
    pub snap: DomainSnapshotRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_IS_CURRENT (271): REPLY body
/// (`remote_domain_snapshot_is_current_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotIsCurrentRet {
    pub current: i32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_HAS_METADATA (272): CALL body
/// (`remote_domain_snapshot_has_metadata_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotHasMetadataArgs {
    pub snap: DomainSnapshotRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_HAS_METADATA (272): REPLY body
/// (`remote_domain_snapshot_has_metadata_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotHasMetadataRet {
    pub metadata: i32,
}

/// REMOTE_PROC_DOMAIN_LIST_ALL_SNAPSHOTS (274): CALL body
/// (`remote_domain_list_all_snapshots_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainListAllSnapshotsArgs {
    pub dom: DomainRef,
    pub need_results: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_LIST_ALL_SNAPSHOTS (274): REPLY body
/// (`remote_domain_list_all_snapshots_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainListAllSnapshotsRet {
    #[xdr(max = REMOTE_DOMAIN_SNAPSHOT_LIST_MAX)]
    pub snapshots: Vec<DomainSnapshotRef>,
    pub ret: i32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN (275): CALL body
/// (`remote_domain_snapshot_list_all_children_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotListAllChildrenArgs {
    pub snapshot: DomainSnapshotRef,
    pub need_results: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN (275): REPLY body
/// (`remote_domain_snapshot_list_all_children_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSnapshotListAllChildrenRet {
    #[xdr(max = REMOTE_DOMAIN_SNAPSHOT_LIST_MAX)]
    pub snapshots: Vec<DomainSnapshotRef>,
    pub ret: i32,
}
