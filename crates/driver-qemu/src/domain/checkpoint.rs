//! `DomainCheckpointDriver` for QEMU (`qemuCheckpoint*`): persistent dirty bitmaps named
//! after the checkpoint on every qcow2 disk, added and removed in one QMP `transaction`
//! (`block-dirty-bitmap-add` / `-remove`), with metadata kept like snapshot metadata.

use super::blockjob_disk::{self as bd, T};
use super::checkpoint_store::CheckpointSet;
use super::driver::{qmp_err, QemuDriver};
use crate::connection::QemuConnection;
use async_trait::async_trait;
use rvirt_conf::checkpoint::CheckpointDef;
use rvirt_conf::domain::{DomainDef, ParseOptions};
use rvirt_core::driver::checkpoint_flags as cf;
use rvirt_core::driver::{
    checkpoint_check_create_flags, checkpoint_check_delete_flags, DomainCheckpointDriver,
};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::{DomainCheckpointRef, DomainRef};
use serde_json::{json, Value};
use std::sync::Arc;

const LIST_FLAGS: u32 =
    cf::LIST_ROOTS | cf::LIST_TOPOLOGICAL | cf::LIST_LEAVES | cf::LIST_NO_LEAVES;

fn unsupported(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::OperationUnsupported, ErrorDomain::Qemu, detail)
}

fn cref(dom: &DomainRef, name: &str) -> DomainCheckpointRef {
    DomainCheckpointRef {
        name: name.to_string(),
        dom: dom.clone(),
    }
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(0))
        .unwrap_or(0)
}

/// What a checkpoint operation needs from the domain, taken under the lock.
struct Ctx {
    name: String,
    uuid: [u8; 16],
    vm: Option<Arc<super::object::VmProcess>>,
    def: DomainDef,
    disks: Vec<bd::DiskRef>,
}

impl QemuDriver {
    fn chk_ctx(&self, dom: &DomainRef) -> VirResult<Ctx> {
        self.with_dom(dom, |o| {
            let def = o.current_def().clone();
            Ok(Ctx {
                name: o.name().to_string(),
                uuid: def.uuid,
                vm: o.vm.clone().filter(|_| o.state.is_active()),
                disks: bd::disks(&def),
                def,
            })
        })
    }

    /// The checkpoint metadata of domain `dom_name`.
    pub(crate) fn checkpoints(&self, dom_name: &str) -> CheckpointSet {
        CheckpointSet::load(&self.opts.paths, dom_name)
    }

    /// The top (format) node of each bitmap disk of `def`, with the bitmap name.
    async fn bitmap_nodes(
        &self,
        ctx: &Ctx,
        vm: &super::object::VmProcess,
        def: &CheckpointDef,
    ) -> VirResult<Vec<(String, String)>> {
        let mut out = Vec::new();
        for cd in def.disks.iter().filter(|d| d.checkpoint == "bitmap") {
            // disks may have been unplugged since (libvirt tolerates that)
            let Some(disk) = ctx.disks.iter().find(|d| d.target == cd.name) else {
                continue;
            };
            let alias = disk.alias.as_deref().unwrap_or(&disk.target);
            let node = bd::node_of(&vm.qmp, alias).await?.0;
            out.push((node, cd.bitmap.clone().unwrap_or_else(|| def.name.clone())));
        }
        Ok(out)
    }

    async fn transaction(
        vm: &super::object::VmProcess,
        kind: &str,
        nodes: &[(String, String)],
        add: bool,
    ) -> VirResult<()> {
        if nodes.is_empty() {
            return Ok(());
        }
        let actions: Vec<Value> = nodes
            .iter()
            .map(|(node, name)| {
                let mut data = json!({"node": node, "name": name});
                if add {
                    data["persistent"] = json!(true);
                }
                json!({"type": kind, "data": data})
            })
            .collect();
        vm.qmp
            .execute("transaction", Some(json!({ "actions": actions })), T)
            .await
            .map_err(qmp_err)?;
        Ok(())
    }

    /// `qemuCheckpointPrepare`: aligned disks, bitmap names equal to the checkpoint's name
    /// and qcow2 images only.
    fn prepare(ctx: &Ctx, def: &mut CheckpointDef) -> VirResult<()> {
        def.align_disks(&ctx.def)?;
        for cd in def.disks.iter().filter(|d| d.checkpoint == "bitmap") {
            if cd.bitmap.as_deref() != Some(def.name.as_str()) {
                return Err(VirError::new(
                    ErrorCode::ConfigUnsupported,
                    ErrorDomain::Qemu,
                    format!(
                        "bitmap for disk '{}' must match checkpoint name '{}'",
                        cd.name, def.name
                    ),
                ));
            }
            let format = ctx
                .disks
                .iter()
                .find(|d| d.target == cd.name)
                .map(|d| d.format.clone())
                .unwrap_or_default();
            if format != "qcow2" {
                return Err(VirError::new(
                    ErrorCode::ConfigUnsupported,
                    ErrorDomain::Qemu,
                    format!(
                        "checkpoint for disk {} unsupported for storage type {}",
                        cd.name,
                        if format.is_empty() { "none" } else { &format }
                    ),
                ));
            }
        }
        Ok(())
    }

    fn domain_xml(ctx: &Ctx) -> String {
        ctx.def.format(&rvirt_conf::domain::FormatOptions {
            inactive: true,
            secure: true,
            id: None,
            migratable: false,
        })
    }

    /// `virDomainUndefineFlags`' checkpoint rule: an inactive domain with checkpoints
    /// needs `VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA`, which drops their metadata.
    pub(crate) fn checkpoint_undefine_check(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        const CHECKPOINTS_METADATA: u32 = 16;
        let (name, active) =
            self.with_dom(dom, |o| Ok((o.name().to_string(), o.state.is_active())))?;
        let set = self.checkpoints(&name);
        if active || set.defs.is_empty() {
            return Ok(());
        }
        if flags & CHECKPOINTS_METADATA == 0 {
            return Err(VirError::operation_invalid(
                ErrorDomain::Qemu,
                format!(
                    "cannot delete inactive domain with {} checkpoints",
                    set.defs.len()
                ),
            ));
        }
        set.remove_all();
        Ok(())
    }

    /// `virDomainRename`'s checkpoint rule: the metadata is kept per domain name, so an
    /// (inactive) domain with checkpoints cannot be renamed.
    pub(crate) fn checkpoint_rename_check(&self, dom: &DomainRef) -> VirResult<()> {
        let (name, active) =
            self.with_dom(dom, |o| Ok((o.name().to_string(), o.state.is_active())))?;
        if !active && !self.checkpoints(&name).defs.is_empty() {
            return Err(VirError::operation_invalid(
                ErrorDomain::Qemu,
                "cannot rename domain with checkpoints",
            ));
        }
        Ok(())
    }

    /// `qemuCheckpointCreateXML`.
    pub(crate) async fn checkpoint_create(
        &self,
        dom: &DomainRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<DomainCheckpointRef> {
        checkpoint_check_create_flags(flags)?;
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            cf::CREATE_REDEFINE | cf::CREATE_REDEFINE_VALIDATE,
            "qemuDomainCheckpointCreateXML",
        )?;
        let redefine = flags & cf::CREATE_REDEFINE != 0;
        let ctx = self.chk_ctx(dom)?;
        if !redefine && ctx.vm.is_none() {
            return Err(unsupported("cannot create checkpoint for inactive domain"));
        }
        let mut set = self.checkpoints(&ctx.name);
        let (mut def, update_current) = if redefine {
            let mut def = CheckpointDef::parse_redefine(xml)?;
            set.check_cycles(&def.name, def.parent.as_deref())?;
            match def.domain.take() {
                Some(x) => {
                    let d = DomainDef::parse(&x, &ParseOptions::default())?;
                    if d.uuid != ctx.uuid {
                        return Err(VirError::new(
                            ErrorCode::InvalidArg,
                            ErrorDomain::DomainCheckpoint,
                            format!(
                                "definition for checkpoint {} must use uuid {}",
                                def.name,
                                rvirt_core::Uuid(ctx.uuid)
                            ),
                        ));
                    }
                    def.align_disks(&d)?;
                    def.domain = Some(x);
                }
                None => def.assign_bitmap_names(),
            }
            if flags & cf::CREATE_REDEFINE_VALIDATE != 0 {
                self.validate_bitmaps(&ctx, &def).await?;
            }
            let update =
                set.current.is_none() || (def.parent.is_some() && def.parent == set.current);
            (def, update)
        } else {
            let mut def = CheckpointDef::parse(xml, now())?;
            Self::prepare(&ctx, &mut def)?;
            if set.defs.iter().any(|d| d.name == def.name) {
                return Err(VirError::new(
                    ErrorCode::OperationFailed,
                    ErrorDomain::Domain,
                    format!("domain moment {} already exists", def.name),
                ));
            }
            def.parent = set.current.clone();
            def.domain = Some(Self::domain_xml(&ctx));
            if let Some(vm) = &ctx.vm {
                let nodes = self.bitmap_nodes(&ctx, vm, &def).await?;
                Self::transaction(vm, "block-dirty-bitmap-add", &nodes, true).await?;
            }
            (def, true)
        };
        if def.creation_time == 0 {
            def.creation_time = now();
        }
        set.write(&def).map_err(|_| {
            VirError::internal(
                ErrorDomain::Qemu,
                format!("unable to save metadata for checkpoint {}", def.name),
            )
        })?;
        let name = def.name.clone();
        set.defs.retain(|d| d.name != name);
        set.defs.push(def);
        if update_current {
            set.set_current(Some(&name))?;
        }
        Ok(cref(dom, &name))
    }

    /// `qemuCheckpointRedefineValidateBitmaps`: every bitmap disk carries the bitmap.
    async fn validate_bitmaps(&self, ctx: &Ctx, def: &CheckpointDef) -> VirResult<()> {
        let vm = ctx.vm.as_ref().ok_or_else(|| {
            VirError::new(
                ErrorCode::OperationInvalid,
                ErrorDomain::Domain,
                "domain is not running",
            )
        })?;
        let present = self.bitmaps_by_node(vm).await?;
        for (node, name) in self.bitmap_nodes(ctx, vm, def).await? {
            let ok = present.iter().any(|(n, b, _)| n == &node && b == &name);
            if !ok {
                let disk = def
                    .disks
                    .iter()
                    .find(|d| d.bitmap.as_deref() == Some(name.as_str()))
                    .map_or("", |d| d.name.as_str());
                // VIR_ERR_CHECKPOINT_INCONSISTENT
                return Err(VirError::raw(
                    ErrorCode::Other(109),
                    ErrorDomain::Qemu,
                    format!(
                        "checkpoint inconsistent: missing or broken bitmap '{name}' for disk '{disk}'"
                    ),
                ));
            }
        }
        Ok(())
    }

    /// `(node, bitmap, dirty bytes)` of every dirty bitmap QEMU reports.
    async fn bitmaps_by_node(
        &self,
        vm: &super::object::VmProcess,
    ) -> VirResult<Vec<(String, String, u64)>> {
        let v = vm
            .qmp
            .execute("query-named-block-nodes", Some(json!({"flat": true})), T)
            .await
            .map_err(qmp_err)?;
        let mut out = Vec::new();
        for n in v.as_array().map(Vec::as_slice).unwrap_or_default() {
            let node = n["node-name"].as_str().unwrap_or_default();
            for b in n["dirty-bitmaps"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default()
            {
                if let Some(name) = b["name"].as_str() {
                    out.push((
                        node.to_string(),
                        name.to_string(),
                        b["count"].as_u64().unwrap_or(0),
                    ));
                }
            }
        }
        Ok(out)
    }

    /// `qemuCheckpointGetXMLDesc`.
    pub(crate) async fn checkpoint_xml(
        &self,
        cp: &DomainCheckpointRef,
        flags: u32,
    ) -> VirResult<String> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            cf::XML_SECURE | cf::XML_NO_DOMAIN | cf::XML_SIZE,
            "qemuDomainCheckpointGetXMLDesc",
        )?;
        let ctx = self.chk_ctx(&cp.dom)?;
        let set = self.checkpoints(&ctx.name);
        let mut def = set.get(&cp.name)?.clone();
        if flags & cf::XML_SIZE != 0 {
            let vm = ctx.vm.as_ref().ok_or_else(|| {
                VirError::new(
                    ErrorCode::OperationInvalid,
                    ErrorDomain::Domain,
                    "domain is not running",
                )
            })?;
            let present = self.bitmaps_by_node(vm).await?;
            let nodes = self.bitmap_nodes(&ctx, vm, &def).await?;
            for d in def.disks.iter_mut() {
                let Some(b) = d.bitmap.clone() else { continue };
                let node = nodes.iter().find(|(_, n)| *n == b).map(|(n, _)| n.clone());
                d.size = present
                    .iter()
                    .find(|(n, name, _)| Some(n) == node.as_ref() && *name == b)
                    .map(|(_, _, c)| *c);
            }
        }
        if flags & cf::XML_NO_DOMAIN != 0 {
            def.domain = None;
        } else if flags & cf::XML_SECURE == 0 {
            if let Some(x) = def.domain.take() {
                let d = DomainDef::parse(&x, &ParseOptions::default())?;
                def.domain = Some(d.format(&rvirt_conf::domain::FormatOptions {
                    inactive: true,
                    secure: false,
                    id: None,
                    migratable: false,
                }));
            }
        }
        Ok(def.format_with(flags & cf::XML_SIZE != 0))
    }

    /// `qemuCheckpointDelete`.
    pub(crate) async fn checkpoint_delete(
        &self,
        cp: &DomainCheckpointRef,
        flags: u32,
    ) -> VirResult<()> {
        checkpoint_check_delete_flags(flags)?;
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            cf::DELETE_CHILDREN | cf::DELETE_METADATA_ONLY | cf::DELETE_CHILDREN_ONLY,
            "qemuDomainCheckpointDelete",
        )?;
        let metadata_only = flags & cf::DELETE_METADATA_ONLY != 0;
        let ctx = self.chk_ctx(&cp.dom)?;
        if !metadata_only && ctx.vm.is_none() {
            return Err(unsupported("cannot delete checkpoint for inactive domain"));
        }
        let mut set = self.checkpoints(&ctx.name);
        let parent = set.get(&cp.name)?.parent.clone();
        let mut doomed: Vec<String> = Vec::new();
        if flags & (cf::DELETE_CHILDREN | cf::DELETE_CHILDREN_ONLY) != 0 {
            doomed = set.descendants(Some(&cp.name));
            doomed.reverse();
        }
        if flags & cf::DELETE_CHILDREN_ONLY == 0 {
            doomed.push(cp.name.clone());
        }
        for name in &doomed {
            if !metadata_only {
                if let Some(vm) = &ctx.vm {
                    let def = set.get(name)?.clone();
                    let nodes = self.bitmap_nodes(&ctx, vm, &def).await?;
                    Self::transaction(vm, "block-dirty-bitmap-remove", &nodes, false).await?;
                }
            }
        }
        let current = set.current.clone();
        if flags & (cf::DELETE_CHILDREN | cf::DELETE_CHILDREN_ONLY) == 0 {
            set.reparent_children(&cp.name, parent.as_deref())?;
        }
        for name in &doomed {
            set.remove(name);
        }
        if let Some(c) = current.filter(|c| doomed.contains(c)) {
            let next = if c == cp.name || flags & cf::DELETE_CHILDREN_ONLY == 0 {
                parent.filter(|p| set.defs.iter().any(|d| &d.name == p))
            } else {
                Some(cp.name.clone())
            };
            set.set_current(next.as_deref())?;
        }
        Ok(())
    }
}

#[async_trait]
impl DomainCheckpointDriver for QemuConnection {
    async fn checkpoint_create_xml(
        &self,
        dom: &DomainRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<DomainCheckpointRef> {
        self.driver.wait_attached(dom).await;
        if self.read_only {
            return Err(VirError::read_only("virDomainCheckpointCreateXML"));
        }
        self.driver.checkpoint_create(dom, xml, flags).await
    }
    async fn checkpoint_get_xml_desc(
        &self,
        cp: &DomainCheckpointRef,
        flags: u32,
    ) -> VirResult<String> {
        self.driver.checkpoint_xml(cp, flags).await
    }
    async fn list_all_checkpoints(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<DomainCheckpointRef>> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            LIST_FLAGS,
            "qemuDomainListAllCheckpoints",
        )?;
        let name = self.driver.with_dom(dom, |o| Ok(o.name().to_string()))?;
        let set = self.driver.checkpoints(&name);
        let all = flags & cf::LIST_ROOTS == 0;
        Ok(set
            .list(None, all, flags)
            .iter()
            .map(|n| cref(dom, n))
            .collect())
    }
    async fn checkpoint_list_all_children(
        &self,
        cp: &DomainCheckpointRef,
        flags: u32,
    ) -> VirResult<Vec<DomainCheckpointRef>> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            LIST_FLAGS,
            "qemuDomainCheckpointListAllChildren",
        )?;
        let name = self
            .driver
            .with_dom(&cp.dom, |o| Ok(o.name().to_string()))?;
        let set = self.driver.checkpoints(&name);
        set.get(&cp.name)?;
        let all = flags & cf::LIST_DESCENDANTS != 0;
        Ok(set
            .list(Some(&cp.name), all, flags)
            .iter()
            .map(|n| cref(&cp.dom, n))
            .collect())
    }
    async fn checkpoint_lookup_by_name(
        &self,
        dom: &DomainRef,
        name: &str,
        flags: u32,
    ) -> VirResult<DomainCheckpointRef> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            0,
            "qemuDomainCheckpointLookupByName",
        )?;
        let dname = self.driver.with_dom(dom, |o| Ok(o.name().to_string()))?;
        self.driver.checkpoints(&dname).get(name)?;
        Ok(cref(dom, name))
    }
    async fn checkpoint_get_parent(
        &self,
        cp: &DomainCheckpointRef,
        flags: u32,
    ) -> VirResult<DomainCheckpointRef> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 0, "qemuDomainCheckpointGetParent")?;
        let dname = self
            .driver
            .with_dom(&cp.dom, |o| Ok(o.name().to_string()))?;
        let set = self.driver.checkpoints(&dname);
        let def = set.get(&cp.name)?;
        let p = def.parent.as_deref().ok_or_else(|| {
            VirError::new(
                ErrorCode::NoDomainCheckpoint,
                ErrorDomain::Qemu,
                format!("checkpoint '{}' does not have a parent", def.name),
            )
        })?;
        Ok(cref(&cp.dom, p))
    }
    async fn checkpoint_delete(&self, cp: &DomainCheckpointRef, flags: u32) -> VirResult<()> {
        self.driver.wait_attached(&cp.dom).await;
        if self.read_only {
            return Err(VirError::read_only("virDomainCheckpointDelete"));
        }
        self.driver.checkpoint_delete(cp, flags).await
    }
}
