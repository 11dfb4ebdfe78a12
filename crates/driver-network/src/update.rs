//! `virNetworkUpdate` (net-update): the section logic is the shared
//! [`rvirt_conf::network::update`]; this applies it to the live and persistent definitions
//! and reloads dnsmasq.

use rvirt_conf::network::update::{revalidate, section, update_section};
use rvirt_conf::network::NetworkDef;
use rvirt_core::error::{VirError, VirResult};
use rvirt_core::handle::NetworkRef;

use crate::driver::{find, NetworkDriverImpl};
use crate::errors::{invalid_op, NET};

/// `VIR_NETWORK_UPDATE_AFFECT_LIVE` / `_CONFIG`.
const LIVE: u32 = 1;
const CONFIG: u32 = 2;

/// Applies one update to `def` (`virNetworkDefUpdateSection` plus the final re-parse check).
pub fn apply(
    def: &mut NetworkDef,
    command: u32,
    section: u32,
    parent_index: i32,
    xml: &str,
) -> VirResult<()> {
    update_section(def, command, section, parent_index, xml)?;
    revalidate(def)
}

impl NetworkDriverImpl {
    /// `virNetworkUpdate`: applies to the live and/or persistent definition.
    pub(crate) async fn update(
        &self,
        net: &NetworkRef,
        command: u32,
        section: u32,
        parent_index: i32,
        xml: &str,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(NET, flags, LIVE | CONFIG, "networkUpdate")?;
        let mut nets = self.nets.lock().await;
        let i = find(&nets, net)?;
        let mut flags = flags;
        if flags & (LIVE | CONFIG) == 0 {
            flags |= if nets[i].active { LIVE } else { CONFIG };
        }
        if flags & LIVE != 0 && !nets[i].active {
            return Err(invalid_op("network is not running"));
        }
        if flags & CONFIG != 0 && !nets[i].persistent {
            return Err(invalid_op(
                "cannot change persistent config of a transient network",
            ));
        }
        let mut live = None;
        let mut config = None;
        if flags & LIVE != 0 {
            let mut d = nets[i].def.clone();
            apply(&mut d, command, section, parent_index, xml)?;
            self.prepare_def(&nets, &mut d)?;
            live = Some(d);
        }
        if flags & CONFIG != 0 {
            let mut d = nets[i].persistent_def().clone();
            apply(&mut d, command, section, parent_index, xml)?;
            self.prepare_def(&nets, &mut d)?;
            config = Some(d);
        }
        if let Some(d) = config {
            self.save_config(&d)?;
            if nets[i].active {
                nets[i].new_def = Some(d);
            } else {
                nets[i].def = d;
            }
        }
        if let Some(d) = live {
            let dnsmasq_changed = section != section::PORTGROUP;
            nets[i].def = d.clone();
            self.save_state(&d)?;
            if dnsmasq_changed {
                self.reload_dnsmasq(&mut nets, i).await?;
            }
        }
        Ok(())
    }
}
