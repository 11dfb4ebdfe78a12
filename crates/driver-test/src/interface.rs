//! `InterfaceDriver`: host interfaces with change transactions (`testInterface*`).

use crate::driver::TestConnection;
use crate::errors::{bare, check_flags, invalid_op, TEST};
use crate::objects::{DriverState, IfaceObj};
use async_trait::async_trait;
use rvirt_conf::interface::InterfaceDef;
use rvirt_core::driver::InterfaceDriver;
use rvirt_core::error::{ErrorCode, VirError, VirResult};
use rvirt_core::handle::InterfaceRef;

fn idx(s: &DriverState, name: &str) -> VirResult<usize> {
    s.ifaces
        .iter()
        .position(|i| i.def.name == name)
        .ok_or_else(|| {
            VirError::new(
                ErrorCode::NoInterface,
                TEST,
                format!("no interface with matching name '{name}'"),
            )
        })
}

#[async_trait]
impl InterfaceDriver for TestConnection {
    async fn list_all_interfaces(&self, flags: u32) -> VirResult<Vec<InterfaceRef>> {
        check_flags(flags, 1 | 2, "testConnectListAllInterfaces")?;
        let (inactive, active) = (flags & 1 != 0, flags & 2 != 0);
        Ok(self
            .state()
            .ifaces
            .iter()
            .filter(|i| inactive == active || (active && i.active) || (inactive && !i.active))
            .map(IfaceObj::iref)
            .collect())
    }
    async fn interface_lookup_by_name(&self, name: &str) -> VirResult<InterfaceRef> {
        self.with_state(|s| Ok(s.ifaces[idx(s, name)?].iref()))
    }
    async fn interface_lookup_by_mac(&self, mac: &str) -> VirResult<InterfaceRef> {
        let s = self.state();
        let found: Vec<&IfaceObj> = s
            .ifaces
            .iter()
            .filter(|i| {
                i.def
                    .mac
                    .as_deref()
                    .is_some_and(|m| m.eq_ignore_ascii_case(mac))
            })
            .collect();
        match found.as_slice() {
            [] => Err(VirError::new(
                ErrorCode::NoInterface,
                TEST,
                format!("no interface with matching mac '{mac}'"),
            )),
            [one] => Ok(one.iref()),
            _ => Err(bare(ErrorCode::Other(86), TEST)),
        }
    }
    async fn interface_get_xml_desc(&self, iface: &InterfaceRef, flags: u32) -> VirResult<String> {
        check_flags(flags, 0, "testInterfaceGetXMLDesc")?;
        self.with_state(|s| Ok(s.ifaces[idx(s, &iface.name)?].def.format()))
    }
    async fn interface_define_xml(&self, xml: &str, flags: u32) -> VirResult<InterfaceRef> {
        check_flags(flags, 1, "testInterfaceDefineXML")?;
        let def = InterfaceDef::parse(xml)?;
        self.with_state(|s| {
            if let Some(i) = s.ifaces.iter().position(|x| x.def.name == def.name) {
                s.ifaces[i].def = def;
                return Ok(s.ifaces[i].iref());
            }
            s.ifaces.push(IfaceObj { def, active: false });
            Ok(s.ifaces[s.ifaces.len() - 1].iref())
        })
    }
    async fn interface_undefine(&self, iface: &InterfaceRef) -> VirResult<()> {
        self.with_state(|s| {
            let i = idx(s, &iface.name)?;
            s.ifaces.remove(i);
            Ok(())
        })
    }
    async fn interface_create(&self, iface: &InterfaceRef, flags: u32) -> VirResult<()> {
        check_flags(flags, 0, "testInterfaceCreate")?;
        self.with_state(|s| {
            let i = idx(s, &iface.name)?;
            if s.ifaces[i].active {
                return Err(bare(ErrorCode::OperationInvalid, TEST));
            }
            s.ifaces[i].active = true;
            Ok(())
        })
    }
    async fn interface_destroy(&self, iface: &InterfaceRef, flags: u32) -> VirResult<()> {
        check_flags(flags, 0, "testInterfaceDestroy")?;
        self.with_state(|s| {
            let i = idx(s, &iface.name)?;
            if !s.ifaces[i].active {
                return Err(bare(ErrorCode::OperationInvalid, TEST));
            }
            s.ifaces[i].active = false;
            Ok(())
        })
    }
    async fn interface_is_active(&self, iface: &InterfaceRef) -> VirResult<bool> {
        self.with_state(|s| Ok(s.ifaces[idx(s, &iface.name)?].active))
    }
    async fn interface_change_begin(&self, flags: u32) -> VirResult<()> {
        check_flags(flags, 0, "testInterfaceChangeBegin")?;
        self.with_state(|s| {
            if s.backup_ifaces.is_some() {
                return Err(invalid_op("there is another transaction running."));
            }
            s.backup_ifaces = Some(s.ifaces.clone());
            Ok(())
        })
    }
    async fn interface_change_commit(&self, flags: u32) -> VirResult<()> {
        check_flags(flags, 0, "testInterfaceChangeCommit")?;
        self.with_state(|s| {
            s.backup_ifaces
                .take()
                .map(|_| ())
                .ok_or_else(|| invalid_op("no transaction running, nothing to be committed."))
        })
    }
    async fn interface_change_rollback(&self, flags: u32) -> VirResult<()> {
        check_flags(flags, 0, "testInterfaceChangeRollback")?;
        self.with_state(|s| {
            let b = s
                .backup_ifaces
                .take()
                .ok_or_else(|| invalid_op("no transaction running, nothing to rollback."))?;
            s.ifaces = b;
            Ok(())
        })
    }
}
