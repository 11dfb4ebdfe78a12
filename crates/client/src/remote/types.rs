//! Small wire records used only by the remote driver's decoders.

use rvirt_core::typed_param::TypedParam;
use rvirt_core::DomainRef;
use rvirt_xdr::{Chars, Xdr};

/// `remote_node_get_cpu_stats` / `remote_node_get_memory_stats`: a named u64.
#[derive(Debug, Clone, Xdr)]
pub(crate) struct NamedU64 {
    pub field: String,
    pub value: u64,
}

/// `remote_vcpu_info`.
#[derive(Debug, Clone, Xdr)]
pub(crate) struct WireVcpuInfo {
    pub number: u32,
    pub state: i32,
    pub cpu_time: u64,
    pub cpu: i32,
}

/// `remote_domain_memory_stat`.
#[derive(Debug, Clone, Xdr)]
pub(crate) struct WireMemoryStat {
    pub tag: i32,
    pub val: u64,
}

/// `remote_domain_stats_record`.
#[derive(Debug, Clone, Xdr)]
pub(crate) struct WireStatsRecord {
    pub dom: DomainRef,
    pub params: Vec<TypedParam>,
}

/// `remote_domain_get_security_label_ret` (element of the label list).
#[derive(Debug, Clone, Xdr)]
pub(crate) struct WireSecurityLabel {
    pub label: Chars,
    pub enforcing: i32,
}

/// `remote_domain_ip_addr`.
#[derive(Debug, Clone, Xdr)]
pub(crate) struct WireIpAddr {
    pub addr_type: i32,
    pub addr: String,
    pub prefix: u32,
}

/// `remote_domain_interface`.
#[derive(Debug, Clone, Xdr)]
pub(crate) struct WireInterface {
    pub name: String,
    pub hwaddr: Option<String>,
    pub addrs: Vec<WireIpAddr>,
}

/// `remote_network_dhcp_lease`.
#[derive(Debug, Clone, Xdr)]
pub(crate) struct WireLease {
    pub iface: String,
    pub expirytime: i64,
    pub addr_type: i32,
    pub mac: Option<String>,
    pub iaid: Option<String>,
    pub ipaddr: String,
    pub prefix: u32,
    pub hostname: Option<String>,
    pub clientid: Option<String>,
}

/// A `char<N>` field as text: bytes up to the first NUL.
pub(crate) fn chars_to_string(c: &Chars) -> String {
    let end = c.0.iter().position(|&b| b == 0).unwrap_or(c.0.len());
    String::from_utf8_lossy(&c.0[..end]).into_owned()
}
