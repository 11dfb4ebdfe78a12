//! Domain checkpoint and backup procedures (`procedures.md` group 4).

use rvirt_core::DomainRef;
use rvirt_xdr::Xdr;

use super::limits::REMOTE_DOMAIN_CHECKPOINT_LIST_MAX;
use rvirt_core::DomainCheckpointRef;

/// REMOTE_PROC_DOMAIN_CHECKPOINT_CREATE_XML (411): CALL body
/// (`remote_domain_checkpoint_create_xml_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCheckpointCreateXmlArgs {
    pub dom: DomainRef,
    pub xml_desc: String,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_CHECKPOINT_CREATE_XML (411): REPLY body
/// (`remote_domain_checkpoint_create_xml_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCheckpointCreateXmlRet {
    pub checkpoint: DomainCheckpointRef,
}

/// REMOTE_PROC_DOMAIN_CHECKPOINT_GET_XML_DESC (412): CALL body
/// (`remote_domain_checkpoint_get_xml_desc_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCheckpointGetXmlDescArgs {
    pub checkpoint: DomainCheckpointRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_CHECKPOINT_GET_XML_DESC (412): REPLY body
/// (`remote_domain_checkpoint_get_xml_desc_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCheckpointGetXmlDescRet {
    pub xml: String,
}

/// REMOTE_PROC_DOMAIN_LIST_ALL_CHECKPOINTS (413): CALL body
/// (`remote_domain_list_all_checkpoints_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainListAllCheckpointsArgs {
    pub dom: DomainRef,
    pub need_results: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_LIST_ALL_CHECKPOINTS (413): REPLY body
/// (`remote_domain_list_all_checkpoints_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainListAllCheckpointsRet {
    #[xdr(max = REMOTE_DOMAIN_CHECKPOINT_LIST_MAX)]
    pub checkpoints: Vec<DomainCheckpointRef>,
    pub ret: i32,
}

/// REMOTE_PROC_DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN (414): CALL body
/// (`remote_domain_checkpoint_list_all_children_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCheckpointListAllChildrenArgs {
    pub checkpoint: DomainCheckpointRef,
    pub need_results: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN (414): REPLY body
/// (`remote_domain_checkpoint_list_all_children_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCheckpointListAllChildrenRet {
    #[xdr(max = REMOTE_DOMAIN_CHECKPOINT_LIST_MAX)]
    pub checkpoints: Vec<DomainCheckpointRef>,
    pub ret: i32,
}

/// REMOTE_PROC_DOMAIN_CHECKPOINT_LOOKUP_BY_NAME (415): CALL body
/// (`remote_domain_checkpoint_lookup_by_name_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCheckpointLookupByNameArgs {
    pub dom: DomainRef,
    pub name: String,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_CHECKPOINT_LOOKUP_BY_NAME (415): REPLY body
/// (`remote_domain_checkpoint_lookup_by_name_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCheckpointLookupByNameRet {
    pub checkpoint: DomainCheckpointRef,
}

/// REMOTE_PROC_DOMAIN_CHECKPOINT_GET_PARENT (416): CALL body
/// (`remote_domain_checkpoint_get_parent_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCheckpointGetParentArgs {
    pub checkpoint: DomainCheckpointRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_CHECKPOINT_GET_PARENT (416): REPLY body
/// (`remote_domain_checkpoint_get_parent_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCheckpointGetParentRet {
    pub parent: DomainCheckpointRef,
}

/// REMOTE_PROC_DOMAIN_CHECKPOINT_DELETE (417): CALL body (`remote_domain_checkpoint_delete_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainCheckpointDeleteArgs {
    pub checkpoint: DomainCheckpointRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_BACKUP_BEGIN (421): CALL body (`remote_domain_backup_begin_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainBackupBeginArgs {
    pub dom: DomainRef,
    pub backup_xml: String,
    pub checkpoint_xml: Option<String>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_BACKUP_GET_XML_DESC (422): CALL body
/// (`remote_domain_backup_get_xml_desc_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainBackupGetXmlDescArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_BACKUP_GET_XML_DESC (422): REPLY body
/// (`remote_domain_backup_get_xml_desc_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainBackupGetXmlDescRet {
    pub xml: String,
}
