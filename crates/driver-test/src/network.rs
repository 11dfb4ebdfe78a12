//! `NetworkDriver`: virtual networks (`testNetwork*`).

use crate::driver::TestConnection;
use crate::errors::{check_flags, internal, invalid_op, no_support, TEST};
use crate::objects::{DriverState, NetworkObj};
use async_trait::async_trait;
use rvirt_conf::network::{update, NetworkDef, NetworkFormatOptions};
use rvirt_core::driver::NetworkDriver;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::{Event, NetworkEventKind};
use rvirt_core::handle::{NetworkRef, Uuid};
use rvirt_core::info::{IpAddress, NetworkDhcpLease};
use std::net::{Ipv4Addr, Ipv6Addr};

/// `virNetworkEventLifecycleType`.
mod ev {
    pub const DEFINED: i32 = 0;
    pub const UNDEFINED: i32 = 1;
    pub const STARTED: i32 = 2;
    pub const STOPPED: i32 = 3;
}

fn no_network_name(name: &str) -> VirError {
    VirError::new(
        ErrorCode::NoNetwork,
        TEST,
        format!("no network with matching name '{name}'"),
    )
}

fn no_network_uuid(uuid: &Uuid) -> VirError {
    VirError::new(
        ErrorCode::NoNetwork,
        TEST,
        format!("no network with matching uuid '{uuid}'"),
    )
}

fn by_name(s: &mut DriverState, name: &str) -> VirResult<usize> {
    s.networks
        .iter()
        .position(|n| n.def.name == name)
        .ok_or_else(|| no_network_name(name))
}

fn by_uuid(s: &mut DriverState, uuid: &Uuid) -> VirResult<usize> {
    s.networks
        .iter()
        .position(|n| n.def.uuid == uuid.0)
        .ok_or_else(|| no_network_uuid(uuid))
}

/// The address `testDomainInterfaceAddresses` reports for an interface on `def`.
pub fn lease_address(def: &NetworkDef, offset: u32) -> VirResult<IpAddress> {
    let ip = def
        .ips
        .first()
        .ok_or_else(|| internal("network has no IP address"))?;
    let v6 = ip.family.as_deref() == Some("ipv6");
    let start = ip
        .dhcp
        .ranges
        .first()
        .map(|r| r.start.clone())
        .or_else(|| ip.address.clone())
        .unwrap_or_default();
    if v6 {
        let a: Ipv6Addr = start.parse().map_err(|_| internal("bad network address"))?;
        let mut o = a.octets();
        o[15] = o[15].wrapping_add(u8::try_from(offset & 0xff).unwrap_or(0));
        return Ok(IpAddress {
            addr_type: 1,
            addr: Ipv6Addr::from(o).to_string(),
            prefix: ip.prefix.unwrap_or(64),
        });
    }
    let a: Ipv4Addr = start.parse().map_err(|_| internal("bad network address"))?;
    let prefix = match (ip.prefix, ip.netmask.as_deref()) {
        (Some(p), _) => p,
        (None, Some(m)) => m
            .parse::<Ipv4Addr>()
            .map(|m| u32::from(m).count_ones())
            .unwrap_or(24),
        _ => 24,
    };
    Ok(IpAddress {
        addr_type: 0,
        addr: Ipv4Addr::from(u32::from(a).wrapping_add(offset)).to_string(),
        prefix,
    })
}

/// `virNetworkObjAssignDef`: adds or replaces; `live` also requires the network not to run.
fn assign(s: &mut DriverState, def: NetworkDef, live: bool) -> VirResult<usize> {
    if let Some(i) = s.networks.iter().position(|n| n.def.uuid == def.uuid) {
        let obj = &mut s.networks[i];
        if obj.def.name != def.name {
            return Err(VirError::new(
                ErrorCode::OperationFailed,
                ErrorDomain::Network,
                format!(
                    "network '{}' is already defined with uuid {}",
                    obj.def.name,
                    Uuid(def.uuid)
                ),
            ));
        }
        if live && obj.active {
            return Err(VirError::new(
                ErrorCode::OperationInvalid,
                ErrorDomain::Network,
                format!("network is already active as '{}'", obj.def.name),
            ));
        }
        obj.def = def;
        return Ok(i);
    }
    if let Some(o) = s.networks.iter().find(|n| n.def.name == def.name) {
        return Err(VirError::new(
            ErrorCode::OperationFailed,
            ErrorDomain::Network,
            format!(
                "network '{}' already exists with uuid {}",
                def.name,
                Uuid(o.def.uuid)
            ),
        ));
    }
    s.networks.push(NetworkObj {
        def,
        active: false,
        persistent: false,
        autostart: false,
    });
    Ok(s.networks.len() - 1)
}

impl TestConnection {
    fn net_event(&self, r: NetworkRef, event: i32) {
        self.emit(Event::Network {
            net: r,
            kind: NetworkEventKind::Lifecycle { event, detail: 0 },
        });
    }
}

fn pair(flags: u32, yes: u32, no: u32, has: bool) -> bool {
    let (y, n) = (flags & yes != 0, flags & no != 0);
    y == n || (y && has) || (n && !has)
}

#[async_trait]
impl NetworkDriver for TestConnection {
    async fn list_all_networks(&self, flags: u32) -> VirResult<Vec<NetworkRef>> {
        check_flags(flags, 0x3f, "testConnectListAllNetworks")?;
        Ok(self
            .state()
            .networks
            .iter()
            .filter(|n| {
                pair(flags, 2, 1, n.active)
                    && pair(flags, 4, 8, n.persistent)
                    && pair(flags, 16, 32, n.autostart)
            })
            .map(NetworkObj::nref)
            .collect())
    }
    async fn network_lookup_by_name(&self, name: &str) -> VirResult<NetworkRef> {
        self.with_state(|s| {
            let i = by_name(s, name)?;
            Ok(s.networks[i].nref())
        })
    }
    async fn network_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<NetworkRef> {
        self.with_state(|s| {
            let i = by_uuid(s, &uuid)?;
            Ok(s.networks[i].nref())
        })
    }
    async fn network_define_xml(&self, xml: &str, flags: u32) -> VirResult<NetworkRef> {
        check_flags(flags, 1, "testNetworkDefineXMLFlags")?;
        let def = NetworkDef::parse(xml)?;
        let r = self.with_state(|s| {
            // an active network keeps its live definition: libvirt's test driver stores the
            // new one as the pending persistent definition, which no later call shows
            let live = s
                .networks
                .iter()
                .find(|n| n.active && n.def.name == def.name)
                .map(|n| n.def.clone());
            let i = assign(s, def, false)?;
            if let Some(old) = live {
                s.networks[i].def = old;
            }
            s.networks[i].persistent = true;
            Ok(s.networks[i].nref())
        })?;
        self.net_event(r.clone(), ev::DEFINED);
        Ok(r)
    }
    async fn network_create_xml(&self, xml: &str, flags: u32) -> VirResult<NetworkRef> {
        check_flags(flags, 0, "testNetworkCreateXMLFlags")?;
        let def = NetworkDef::parse(xml)?;
        let r = self.with_state(|s| {
            let i = assign(s, def, true)?;
            s.networks[i].active = true;
            Ok(s.networks[i].nref())
        })?;
        self.net_event(r.clone(), ev::STARTED);
        Ok(r)
    }
    async fn network_undefine(&self, net: &NetworkRef) -> VirResult<()> {
        self.with_state(|s| {
            let i = by_name(s, &net.name)?;
            if s.networks[i].active {
                return Err(invalid_op(format!(
                    "Network '{}' is still running",
                    net.name
                )));
            }
            s.networks.remove(i);
            Ok(())
        })?;
        self.net_event(net.clone(), ev::UNDEFINED);
        Ok(())
    }
    async fn network_create(&self, net: &NetworkRef) -> VirResult<()> {
        let r = self.with_state(|s| {
            let i = by_name(s, &net.name)?;
            if s.networks[i].active {
                return Err(invalid_op(format!(
                    "Network '{}' is already running",
                    net.name
                )));
            }
            s.networks[i].active = true;
            Ok(s.networks[i].nref())
        })?;
        self.net_event(r, ev::STARTED);
        Ok(())
    }
    async fn network_destroy(&self, net: &NetworkRef) -> VirResult<()> {
        let r = self.with_state(|s| {
            let i = by_name(s, &net.name)?;
            s.networks[i].active = false;
            let r = s.networks[i].nref();
            if !s.networks[i].persistent {
                s.networks.remove(i);
            }
            Ok(r)
        })?;
        self.net_event(r, ev::STOPPED);
        Ok(())
    }
    async fn network_get_xml_desc(&self, net: &NetworkRef, flags: u32) -> VirResult<String> {
        check_flags(flags, 0, "testNetworkGetXMLDesc")?;
        self.with_state(|s| {
            let i = by_name(s, &net.name)?;
            Ok(s.networks[i].def.format(&NetworkFormatOptions::default()))
        })
    }
    async fn network_get_bridge_name(&self, net: &NetworkRef) -> VirResult<String> {
        self.with_state(|s| {
            let i = by_name(s, &net.name)?;
            s.networks[i].def.bridge.clone().ok_or_else(|| {
                internal(format!(
                    "network '{}' does not have a bridge name.",
                    net.name
                ))
            })
        })
    }
    async fn network_get_autostart(&self, net: &NetworkRef) -> VirResult<bool> {
        self.with_state(|s| {
            let i = by_name(s, &net.name)?;
            Ok(s.networks[i].autostart)
        })
    }
    async fn network_set_autostart(&self, net: &NetworkRef, autostart: bool) -> VirResult<()> {
        self.with_state(|s| {
            let i = by_name(s, &net.name)?;
            s.networks[i].autostart = autostart;
            Ok(())
        })
    }
    async fn network_is_active(&self, net: &NetworkRef) -> VirResult<bool> {
        self.with_state(|s| {
            let i = by_uuid(s, &net.uuid)?;
            Ok(s.networks[i].active)
        })
    }
    async fn network_is_persistent(&self, net: &NetworkRef) -> VirResult<bool> {
        self.with_state(|s| {
            let i = by_uuid(s, &net.uuid)?;
            Ok(s.networks[i].persistent)
        })
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
        const LIVE: u32 = 1;
        const CONFIG: u32 = 2;
        check_flags(flags, LIVE | CONFIG, "testNetworkUpdate")?;
        self.with_state(|s| {
            let i = by_uuid(s, &net.uuid)?;
            let obj = &mut s.networks[i];
            let mut flags = flags;
            if flags & (LIVE | CONFIG) == 0 {
                flags |= if obj.active { LIVE } else { CONFIG };
            }
            // virNetworkObjConfigChangeSetup
            if flags & LIVE != 0 && !obj.active {
                return Err(invalid_op("network is not running"));
            }
            if flags & CONFIG != 0 && !obj.persistent {
                return Err(invalid_op(
                    "cannot change persistent config of a transient network",
                ));
            }
            let mut live = None;
            if flags & LIVE != 0 {
                let mut d = obj.def.clone();
                update::update_section(&mut d, command, section, parent_index, xml)?;
                update::revalidate(&d)?;
                live = Some(d);
            }
            if flags & CONFIG != 0 {
                let mut d = obj.def.clone();
                update::update_section(&mut d, command, section, parent_index, xml)?;
                update::revalidate(&d)?;
                // an active network's pending persistent definition is never shown by
                // libvirt's test driver; an inactive one's is its only definition
                if !obj.active {
                    obj.def = d;
                }
            }
            if let Some(d) = live {
                obj.def = d;
            }
            Ok(())
        })
    }
    async fn network_get_dhcp_leases(
        &self,
        _net: &NetworkRef,
        _mac: Option<String>,
        _flags: u32,
    ) -> VirResult<Vec<NetworkDhcpLease>> {
        Err(no_support("virNetworkGetDHCPLeases", ErrorDomain::None))
    }
}

#[cfg(test)]
mod tests {
    use rvirt_core::driver::Connection;

    const HOST: &str = "<host mac='52:54:00:00:00:01' ip='192.168.122.10'/>";

    #[tokio::test]
    async fn network_update_live_and_errors() {
        let c: std::sync::Arc<dyn Connection> = crate::open_default().unwrap();
        let net = c.network_lookup_by_name("default").await.unwrap();
        // add-last to ip-dhcp-host of the running network: live state
        c.network_update(&net, 3, 4, -1, HOST, 0).await.unwrap();
        let x = c.network_get_xml_desc(&net, 0).await.unwrap();
        assert!(x.contains(HOST), "{x}");
        let e = c.network_update(&net, 3, 4, -1, HOST, 0).await.unwrap_err();
        assert!(
            e.message.contains("there is an existing dhcp host entry"),
            "{}",
            e.message
        );
        let e = c
            .network_update(&net, 3, 1, -1, "<bridge/>", 0)
            .await
            .unwrap_err();
        assert_eq!(
            e.message,
            "Operation not supported: can't update 'bridge' section of network 'default'"
        );
        let e = c.network_update(&net, 3, 4, -1, HOST, 4).await.unwrap_err();
        assert_eq!(
            e.message,
            "unsupported flags (0x4) in function testNetworkUpdate"
        );
        c.network_update(&net, 2, 4, -1, HOST, 1).await.unwrap();
        c.network_destroy(&net).await.unwrap();
        let e = c.network_update(&net, 3, 4, -1, HOST, 1).await.unwrap_err();
        assert_eq!(
            e.message,
            "Requested operation is not valid: network is not running"
        );
        // inactive: the persistent definition is the one changed
        c.network_update(&net, 3, 4, -1, HOST, 0).await.unwrap();
        c.network_create(&net).await.unwrap();
        let x = c.network_get_xml_desc(&net, 0).await.unwrap();
        assert!(x.contains(HOST), "{x}");
        c.network_update(&net, 2, 4, -1, HOST, 0).await.unwrap();
    }
}
