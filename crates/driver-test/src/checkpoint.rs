//! `DomainCheckpointDriver` (`testDomainCheckpoint*`).

use crate::checkpoint_tree::{self as tree, index};
use crate::domdef::{parse_domain, DomainDefExt};
use crate::driver::{dom_index, TestConnection};
use crate::errors::{check_flags, not_running, TEST};
use crate::model::checkpoint::TestCheckpoint;
use crate::objects::DomainObj;
use async_trait::async_trait;
use rvirt_conf::checkpoint::CheckpointDef;
use rvirt_core::driver::checkpoint_flags as cf;
use rvirt_core::driver::{
    checkpoint_check_create_flags, checkpoint_check_delete_flags, DomainCheckpointDriver,
};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::{DomainCheckpointRef, DomainRef};
use std::time::{SystemTime, UNIX_EPOCH};

/// `VIR_ERR_OPERATION_UNSUPPORTED` from the test driver.
pub(crate) fn unsupported_op(detail: &str) -> VirError {
    VirError::new(ErrorCode::OperationUnsupported, TEST, detail)
}

fn cref(d: &DomainObj, name: &str) -> DomainCheckpointRef {
    DomainCheckpointRef {
        name: name.to_string(),
        dom: d.dref(),
    }
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(0))
        .unwrap_or(0)
}

/// The ROOTS/DESCENDANTS, TOPOLOGICAL, LEAVES and NO_LEAVES bits.
const LIST_FLAGS: u32 =
    cf::LIST_ROOTS | cf::LIST_TOPOLOGICAL | cf::LIST_LEAVES | cf::LIST_NO_LEAVES;

/// `virDomainCheckpointRedefinePrep` + `RedefineCommit`: validates a redefinition and
/// stores it; returns whether it becomes the current checkpoint.
fn redefine(d: &mut DomainObj, mut def: CheckpointDef) -> VirResult<(String, bool)> {
    tree::check_cycles(d, &def.name, def.parent.as_deref())?;
    let dom = match def.domain.take() {
        Some(x) => {
            let dom = parse_domain(&x, true, false)?;
            if dom.uuid != d.def.uuid {
                return Err(VirError::new(
                    ErrorCode::InvalidArg,
                    ErrorDomain::DomainCheckpoint,
                    format!(
                        "definition for checkpoint {} must use uuid {}",
                        def.name,
                        d.def.uuid_ref()
                    ),
                ));
            }
            def.align_disks(&dom)?;
            Some(dom)
        }
        None => {
            def.assign_bitmap_names();
            None
        }
    };
    let current = d.current_checkpoint.clone();
    let update_current = current.is_none()
        || (def.parent.is_some()
            && def.parent == current
            && d.checkpoints
                .iter()
                .any(|c| Some(c.name()) == current.as_deref()));
    let name = def.name.clone();
    let link = tree::next_link(d);
    let chk = TestCheckpoint { def, dom, link };
    match d.checkpoints.iter_mut().find(|c| c.name() == name) {
        Some(existing) => *existing = chk,
        None => d.checkpoints.push(chk),
    }
    Ok((name, update_current))
}

/// A new checkpoint of the running domain: disks aligned to its definition, parent = the
/// current checkpoint.
fn create(d: &mut DomainObj, mut def: CheckpointDef) -> VirResult<String> {
    def.align_disks(&d.def)?;
    if d.checkpoints.iter().any(|c| c.name() == def.name) {
        return Err(VirError::new(
            ErrorCode::OperationFailed,
            ErrorDomain::Domain,
            format!("domain moment {} already exists", def.name),
        ));
    }
    def.parent = d.current_checkpoint.clone();
    let name = def.name.clone();
    let link = tree::next_link(d);
    d.checkpoints.push(TestCheckpoint {
        def,
        dom: Some(d.def.clone()),
        link,
    });
    Ok(name)
}

#[async_trait]
impl DomainCheckpointDriver for TestConnection {
    async fn checkpoint_create_xml(
        &self,
        dom: &DomainRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<DomainCheckpointRef> {
        checkpoint_check_create_flags(flags)?;
        check_flags(
            flags,
            cf::CREATE_REDEFINE | cf::CREATE_QUIESCE,
            "testDomainCheckpointCreateXML",
        )?;
        let is_redefine = flags & cf::CREATE_REDEFINE != 0;
        let mut s = self.state();
        let i = dom_index(&s, dom)?;
        let d = &mut s.domains[i];
        if !d.snapshots.is_empty() {
            return Err(unsupported_op(
                "cannot create checkpoint while snapshot exists",
            ));
        }
        if !d.is_active() {
            return Err(unsupported_op(
                "cannot create checkpoint for inactive domain",
            ));
        }
        let (name, update_current) = if is_redefine {
            redefine(d, CheckpointDef::parse_redefine(xml)?)?
        } else {
            (create(d, CheckpointDef::parse(xml, now())?)?, true)
        };
        if update_current {
            d.current_checkpoint = Some(name.clone());
        }
        Ok(cref(d, &name))
    }

    async fn checkpoint_get_xml_desc(
        &self,
        cp: &DomainCheckpointRef,
        flags: u32,
    ) -> VirResult<String> {
        check_flags(
            flags,
            cf::XML_SECURE | cf::XML_NO_DOMAIN | cf::XML_SIZE,
            "testDomainCheckpointGetXMLDesc",
        )?;
        self.with_dom(&cp.dom, |d| {
            let c = &d.checkpoints[index(d, &cp.name)?];
            if flags & cf::XML_SIZE != 0 && !d.is_active() {
                return Err(not_running());
            }
            // The test driver computes sizes but never marks them valid, so none print.
            Ok(c.format(
                flags & cf::XML_NO_DOMAIN != 0,
                flags & cf::XML_SECURE != 0,
                false,
            ))
        })
    }

    async fn list_all_checkpoints(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<DomainCheckpointRef>> {
        check_flags(flags, LIST_FLAGS, "testDomainListAllCheckpoints")?;
        self.with_dom(dom, |d| {
            let all = flags & cf::LIST_ROOTS == 0;
            Ok(tree::list(d, None, all, flags)
                .iter()
                .map(|n| cref(d, n))
                .collect())
        })
    }

    async fn checkpoint_list_all_children(
        &self,
        cp: &DomainCheckpointRef,
        flags: u32,
    ) -> VirResult<Vec<DomainCheckpointRef>> {
        check_flags(flags, LIST_FLAGS, "testDomainCheckpointListAllChildren")?;
        self.with_dom(&cp.dom, |d| {
            index(d, &cp.name)?;
            let all = flags & cf::LIST_DESCENDANTS != 0;
            Ok(tree::list(d, Some(&cp.name), all, flags)
                .iter()
                .map(|n| cref(d, n))
                .collect())
        })
    }

    async fn checkpoint_lookup_by_name(
        &self,
        dom: &DomainRef,
        name: &str,
        flags: u32,
    ) -> VirResult<DomainCheckpointRef> {
        check_flags(flags, 0, "testDomainCheckpointLookupByName")?;
        self.with_dom(dom, |d| {
            index(d, name)?;
            Ok(cref(d, name))
        })
    }

    async fn checkpoint_get_parent(
        &self,
        cp: &DomainCheckpointRef,
        flags: u32,
    ) -> VirResult<DomainCheckpointRef> {
        check_flags(flags, 0, "testDomainCheckpointGetParent")?;
        self.with_dom(&cp.dom, |d| {
            let c = &d.checkpoints[index(d, &cp.name)?];
            let p = c.parent().ok_or_else(|| {
                VirError::new(
                    ErrorCode::NoDomainCheckpoint,
                    TEST,
                    format!("checkpoint '{}' does not have a parent", c.name()),
                )
            })?;
            Ok(cref(d, p))
        })
    }

    async fn checkpoint_delete(&self, cp: &DomainCheckpointRef, flags: u32) -> VirResult<()> {
        checkpoint_check_delete_flags(flags)?;
        check_flags(
            flags,
            cf::DELETE_CHILDREN | cf::DELETE_METADATA_ONLY | cf::DELETE_CHILDREN_ONLY,
            "testDomainCheckpointDelete",
        )?;
        self.with_dom(&cp.dom, |d| {
            let i = index(d, &cp.name)?;
            let parent = d.checkpoints[i].def.parent.clone();
            if flags & (cf::DELETE_CHILDREN | cf::DELETE_CHILDREN_ONLY) != 0 {
                let gone = tree::descendants(d, Some(&cp.name));
                if d.current_checkpoint
                    .as_ref()
                    .is_some_and(|c| gone.contains(c))
                {
                    d.current_checkpoint = Some(cp.name.clone());
                }
                d.checkpoints
                    .retain(|c| !gone.iter().any(|g| g == c.name()));
            } else {
                tree::move_children(d, &cp.name, parent.as_deref());
            }
            if flags & cf::DELETE_CHILDREN_ONLY == 0 {
                if d.current_checkpoint.as_deref() == Some(&cp.name) {
                    d.current_checkpoint =
                        parent.filter(|p| d.checkpoints.iter().any(|c| c.name() == p));
                }
                d.checkpoints.retain(|c| c.name() != cp.name);
            }
            Ok(())
        })
    }
}
