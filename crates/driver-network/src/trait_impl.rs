//! `NetworkDriver` for [`NetworkDriverImpl`]: the public `virNetwork*` APIs.

use async_trait::async_trait;
use rvirt_conf::network::{NetworkDef, NetworkFormatOptions};
use rvirt_core::driver::NetworkDriver;
use rvirt_core::error::{ErrorCode, VirError, VirResult};
use rvirt_core::handle::{NetworkPortRef, NetworkRef, Uuid};
use rvirt_core::info::NetworkDhcpLease;
use rvirt_core::typed_param::TypedParam;

use crate::addr::IpNet;
use crate::driver::{ev, find, find_name, NetworkDriverImpl};
use crate::errors::{internal, invalid_op, no_network_uuid, NET};
use crate::files;
use crate::objects::NetObj;

/// `VIR_NETWORK_XML_INACTIVE`.
const XML_INACTIVE: u32 = 1;
/// `VIR_NETWORK_DEFINE_VALIDATE` / `VIR_NETWORK_CREATE_VALIDATE`.
const VALIDATE: u32 = 1;

fn pair(flags: u32, yes: u32, no: u32, has: bool) -> bool {
    let (y, n) = (flags & yes != 0, flags & no != 0);
    y == n || (y && has) || (n && !has)
}

impl NetworkDriverImpl {
    /// `virNetworkObjAssignDef`: finds the slot for `def` or adds one.
    fn assign(nets: &mut [NetObj], def: &NetworkDef, live: bool) -> VirResult<Option<usize>> {
        if let Some(i) = nets.iter().position(|n| n.def.uuid == def.uuid) {
            let o = &nets[i];
            if o.def.name != def.name {
                return Err(VirError::new(
                    ErrorCode::OperationFailed,
                    NET,
                    format!(
                        "network '{}' is already defined with uuid {}",
                        o.def.name,
                        Uuid(def.uuid)
                    ),
                ));
            }
            if live && o.active {
                return Err(invalid_op(format!(
                    "network is already active as '{}'",
                    o.def.name
                )));
            }
            return Ok(Some(i));
        }
        if let Some(o) = nets.iter().find(|n| n.def.name == def.name) {
            return Err(VirError::new(
                ErrorCode::OperationFailed,
                NET,
                format!(
                    "network '{}' already exists with uuid {}",
                    def.name,
                    Uuid(o.def.uuid)
                ),
            ));
        }
        Ok(None)
    }
}

#[async_trait]
impl NetworkDriver for NetworkDriverImpl {
    async fn list_all_networks(&self, flags: u32) -> VirResult<Vec<NetworkRef>> {
        VirError::check_flags(NET, flags, 0x3f, "networkConnectListAllNetworks")?;
        let nets = self.nets.lock().await;
        Ok(nets
            .iter()
            .filter(|n| {
                pair(flags, 2, 1, n.active)
                    && pair(flags, 4, 8, n.persistent)
                    && pair(flags, 16, 32, n.autostart)
            })
            .map(NetObj::nref)
            .collect())
    }

    async fn network_lookup_by_name(&self, name: &str) -> VirResult<NetworkRef> {
        let nets = self.nets.lock().await;
        let i = find_name(&nets, name)?;
        Ok(nets[i].nref())
    }

    async fn network_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<NetworkRef> {
        let nets = self.nets.lock().await;
        nets.iter()
            .find(|n| n.def.uuid == uuid.0)
            .map(NetObj::nref)
            .ok_or_else(|| no_network_uuid(&uuid))
    }

    async fn network_define_xml(&self, xml: &str, flags: u32) -> VirResult<NetworkRef> {
        VirError::check_flags(NET, flags, VALIDATE, "networkDefineXMLFlags")?;
        let mut def = NetworkDef::parse(xml)?;
        crate::policy::check(&def)?;
        let mut nets = self.nets.lock().await;
        let slot = Self::assign(&mut nets, &def, false)?;
        if let Some(i) = slot {
            // Keep the bridge/MAC already assigned unless the new XML names them.
            let cur = nets[i].persistent_def();
            if def.bridge.is_none() {
                def.bridge = cur.bridge.clone();
            }
            if def.mac.is_none() {
                def.mac = cur.mac;
            }
        }
        self.prepare_def(&nets, &mut def)?;
        self.save_config(&def)?;
        let i = match slot {
            Some(i) => {
                let o = &mut nets[i];
                if o.active {
                    o.new_def = Some(def);
                } else {
                    o.def = def;
                }
                o.persistent = true;
                i
            }
            None => {
                let mut o = NetObj::new(def);
                o.persistent = true;
                nets.push(o);
                nets.len() - 1
            }
        };
        let r = nets[i].nref();
        self.emit(r.clone(), ev::DEFINED);
        Ok(r)
    }

    async fn network_create_xml(&self, xml: &str, flags: u32) -> VirResult<NetworkRef> {
        VirError::check_flags(NET, flags, VALIDATE, "networkCreateXMLFlags")?;
        let mut def = NetworkDef::parse(xml)?;
        crate::policy::check(&def)?;
        let mut nets = self.nets.lock().await;
        let slot = Self::assign(&mut nets, &def, true)?;
        self.prepare_def(&nets, &mut def)?;
        let i = match slot {
            Some(i) => {
                let old = std::mem::replace(&mut nets[i].def, def);
                nets[i].new_def = Some(old);
                i
            }
            None => {
                nets.push(NetObj::new(def));
                nets.len() - 1
            }
        };
        let r = nets[i].nref();
        if let Err(e) = self.start_obj(&mut nets, i).await {
            if let Some(old) = nets[i].new_def.take() {
                nets[i].def = old;
            } else {
                nets.remove(i);
            }
            return Err(e);
        }
        Ok(r)
    }

    async fn network_undefine(&self, net: &NetworkRef) -> VirResult<()> {
        let mut nets = self.nets.lock().await;
        let i = find(&nets, net)?;
        if !nets[i].persistent {
            return Err(invalid_op("can't undefine transient network"));
        }
        let name = nets[i].def.name.clone();
        files::remove(&self.paths.config_file(&name))?;
        files::remove(&self.paths.autostart_link(&name))?;
        let r = nets[i].nref();
        let o = &mut nets[i];
        o.persistent = false;
        o.autostart = false;
        o.new_def = None;
        if !o.active {
            nets.remove(i);
        }
        self.emit(r, ev::UNDEFINED);
        Ok(())
    }

    async fn network_create(&self, net: &NetworkRef) -> VirResult<()> {
        let mut nets = self.nets.lock().await;
        let i = find(&nets, net)?;
        self.start_obj(&mut nets, i).await
    }

    async fn network_destroy(&self, net: &NetworkRef) -> VirResult<()> {
        let mut nets = self.nets.lock().await;
        let i = find(&nets, net)?;
        self.stop_obj(&mut nets, i).await
    }

    async fn network_get_xml_desc(&self, net: &NetworkRef, flags: u32) -> VirResult<String> {
        VirError::check_flags(NET, flags, XML_INACTIVE, "networkGetXMLDesc")?;
        let nets = self.nets.lock().await;
        let i = find(&nets, net)?;
        let o = &nets[i];
        let inactive = flags & XML_INACTIVE != 0;
        let def = if inactive { o.persistent_def() } else { &o.def };
        let mut def = def.clone();
        if !inactive {
            def.connections = u32::try_from(o.ports.len()).unwrap_or(u32::MAX);
        }
        Ok(def.format(&NetworkFormatOptions { inactive }))
    }

    async fn network_get_bridge_name(&self, net: &NetworkRef) -> VirResult<String> {
        let nets = self.nets.lock().await;
        let i = find(&nets, net)?;
        nets[i].def.bridge.clone().ok_or_else(|| {
            internal(format!(
                "network '{}' does not have a bridge name.",
                nets[i].def.name
            ))
        })
    }

    async fn network_get_autostart(&self, net: &NetworkRef) -> VirResult<bool> {
        let nets = self.nets.lock().await;
        let i = find(&nets, net)?;
        Ok(nets[i].autostart)
    }

    async fn network_set_autostart(&self, net: &NetworkRef, autostart: bool) -> VirResult<()> {
        let mut nets = self.nets.lock().await;
        let i = find(&nets, net)?;
        if !nets[i].persistent {
            return Err(invalid_op("cannot set autostart for transient network"));
        }
        let name = nets[i].def.name.clone();
        let link = self.paths.autostart_link(&name);
        if autostart != nets[i].autostart {
            if autostart {
                std::fs::create_dir_all(&self.paths.autostart_dir).map_err(|e| {
                    crate::errors::system(format!(
                        "cannot create autostart directory '{}': {e}",
                        self.paths.autostart_dir.display()
                    ))
                })?;
                files::remove(&link)?;
                std::os::unix::fs::symlink(self.paths.config_file(&name), &link).map_err(|e| {
                    crate::errors::system(format!(
                        "Failed to create symlink '{}' to '{}': {e}",
                        link.display(),
                        self.paths.config_file(&name).display()
                    ))
                })?;
            } else {
                files::remove(&link)?;
            }
            nets[i].autostart = autostart;
        }
        Ok(())
    }

    async fn network_is_active(&self, net: &NetworkRef) -> VirResult<bool> {
        let nets = self.nets.lock().await;
        let i = find(&nets, net)?;
        Ok(nets[i].active)
    }

    async fn network_is_persistent(&self, net: &NetworkRef) -> VirResult<bool> {
        let nets = self.nets.lock().await;
        let i = find(&nets, net)?;
        Ok(nets[i].persistent)
    }

    async fn network_update(
        &self,
        net: &NetworkRef,
        command: u32,
        section: u32,
        parent_index: i32,
        xml: &str,
        flags: u32,
    ) -> VirResult<()> {
        self.update(net, command, section, parent_index, xml, flags)
            .await
    }

    async fn network_get_dhcp_leases(
        &self,
        net: &NetworkRef,
        mac: Option<String>,
        flags: u32,
    ) -> VirResult<Vec<NetworkDhcpLease>> {
        VirError::check_flags(NET, flags, 0, "networkGetDHCPLeases")?;
        let (def, active) = {
            let nets = self.nets.lock().await;
            let i = find(&nets, net)?;
            (nets[i].def.clone(), nets[i].active)
        };
        if !active {
            return Ok(Vec::new());
        }
        let text = match std::fs::read_to_string(self.paths.lease_file(&def.name)) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => {
                return Err(crate::errors::system(format!(
                    "Unable to read lease file: {e}"
                )))
            }
        };
        let nets: Vec<IpNet> = def
            .ips
            .iter()
            .filter_map(|i| IpNet::from_def(i).ok())
            .collect();
        let prefix_of = |ip: &str| -> u32 {
            let Ok(a) = ip.parse::<std::net::IpAddr>() else {
                return 0;
            };
            nets.iter()
                .find(|n| {
                    IpNet {
                        addr: a,
                        prefix: n.prefix,
                    }
                    .network()
                        == n.network()
                })
                .map(|n| u32::from(n.prefix))
                .unwrap_or(0)
        };
        let iface = def.bridge.clone().unwrap_or_default();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        let want = mac.map(|m| m.to_ascii_lowercase());
        Ok(crate::leases::parse(&text, &iface, &prefix_of)
            .into_iter()
            .filter(|l| l.expirytime == 0 || l.expirytime > now)
            .filter(|l| want.is_none() || l.mac == want)
            .collect())
    }

    async fn network_list_all_ports(
        &self,
        net: &NetworkRef,
        flags: u32,
    ) -> VirResult<Vec<NetworkPortRef>> {
        self.list_ports(net, flags).await
    }

    async fn network_port_lookup_by_uuid(
        &self,
        net: &NetworkRef,
        uuid: Uuid,
    ) -> VirResult<NetworkPortRef> {
        self.port_lookup(net, uuid).await
    }

    async fn network_port_create_xml(
        &self,
        net: &NetworkRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<NetworkPortRef> {
        self.port_create(net, xml, flags).await
    }

    async fn network_port_get_xml_desc(
        &self,
        port: &NetworkPortRef,
        flags: u32,
    ) -> VirResult<String> {
        self.port_xml(port, flags).await
    }

    async fn network_port_delete(&self, port: &NetworkPortRef, flags: u32) -> VirResult<()> {
        self.port_delete(port, flags).await
    }

    async fn network_port_get_parameters(
        &self,
        port: &NetworkPortRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.port_params(port, flags).await
    }

    async fn network_port_set_parameters(
        &self,
        port: &NetworkPortRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.port_set_params(port, params, flags).await
    }
}
