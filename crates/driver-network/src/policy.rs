//! `networkValidate`'s checks on a definition that go beyond parsing: `<vlan>` only where
//! libvirt 9.0 can apply it (hostdev and passthrough pools, Open vSwitch bridges) and
//! `<portgroup>` uniqueness. A plain Linux bridge gets no VLAN from libvirt 9.0; rvirt
//! matches that (bridge VLAN filtering is not offered as an extension: kernels without
//! `CONFIG_BRIDGE_VLAN_FILTERING` cannot do it, and libvirt 9.0 clients expect the error).

use rvirt_conf::network::{ForwardMode, NetworkDef, VirtualPort};
use rvirt_core::error::VirResult;

use crate::errors::unsupported;

fn is_ovs(v: Option<&VirtualPort>) -> bool {
    v.and_then(|v| v.port_type.as_deref()) == Some("openvswitch")
}

fn has_tags(v: Option<&rvirt_conf::network::Vlan>) -> bool {
    v.is_some_and(|v| !v.tags.is_empty())
}

/// Rejects a definition libvirt's network driver would reject at define/create time.
pub fn check(def: &NetworkDef) -> VirResult<()> {
    let mode = def.forward.mode;
    let vlan_allowed = matches!(mode, ForwardMode::Hostdev | ForwardMode::Passthrough)
        || (mode == ForwardMode::Bridge && is_ovs(def.virtualport.as_ref()));
    let vlan_used = has_tags(def.vlan.as_ref());
    let mut bad_vlan = false;
    let mut default_group: Option<&str> = None;
    for (i, g) in def.portgroups.iter().enumerate() {
        if vlan_used || has_tags(g.vlan.as_ref()) {
            if g.virtualport.is_some() {
                if mode != ForwardMode::Bridge || !is_ovs(g.virtualport.as_ref()) {
                    bad_vlan = true;
                }
            } else if !vlan_allowed {
                bad_vlan = true;
            }
        }
        if g.is_default {
            if let Some(first) = default_group {
                return Err(unsupported(format!(
                    "network '{}' has multiple default <portgroup> elements ({first} and {}), \
                     but only one default is allowed",
                    def.name, g.name
                )));
            }
            default_group = Some(&g.name);
        }
        if def.portgroups[i + 1..].iter().any(|o| o.name == g.name) {
            return Err(unsupported(format!(
                "multiple <portgroup> elements with the same name ({}) in network '{}'",
                g.name, def.name
            )));
        }
    }
    if bad_vlan || (vlan_used && !vlan_allowed && default_group.is_none()) {
        return Err(unsupported(format!(
            "<vlan> element specified for network {}, whose type doesn't support vlan configuration",
            def.name
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(xml: &str) -> Option<String> {
        check(&NetworkDef::parse(xml).unwrap())
            .err()
            .map(|e| e.message)
    }

    #[test]
    fn vlan_only_where_libvirt_allows_it() {
        let msg = "unsupported configuration: <vlan> element specified for network v, \
                   whose type doesn't support vlan configuration";
        // Linux host bridge and NAT: refused.
        assert_eq!(
            err(
                "<network><name>v</name><forward mode='bridge'/><bridge name='br0'/>\
                 <vlan><tag id='42'/></vlan></network>"
            )
            .as_deref(),
            Some(msg)
        );
        assert_eq!(
            err(
                "<network><name>v</name><forward mode='nat'/><portgroup name='p'>\
                 <vlan><tag id='7'/></vlan></portgroup></network>"
            )
            .as_deref(),
            Some(msg)
        );
        // Open vSwitch bridge and macvtap passthrough: accepted.
        assert_eq!(
            err(
                "<network><name>v</name><forward mode='bridge'/><bridge name='ovsbr0'/>\
                 <virtualport type='openvswitch'/><vlan><tag id='42'/></vlan></network>"
            ),
            None
        );
        assert_eq!(
            err("<network><name>v</name><forward mode='passthrough'>\
                 <interface dev='eth1'/></forward><vlan><tag id='42'/></vlan></network>"),
            None
        );
    }

    #[test]
    fn portgroups_unique_and_one_default() {
        assert_eq!(
            err("<network><name>g</name><portgroup name='a' default='yes'/>\
                 <portgroup name='b' default='yes'/></network>")
            .as_deref(),
            Some(
                "unsupported configuration: network 'g' has multiple default <portgroup> \
                 elements (a and b), but only one default is allowed"
            )
        );
        assert_eq!(
            err("<network><name>g</name><portgroup name='a'/><portgroup name='a'/></network>")
                .as_deref(),
            Some(
                "unsupported configuration: multiple <portgroup> elements with the same name \
                 (a) in network 'g'"
            )
        );
    }
}
