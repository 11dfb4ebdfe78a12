//! Procedures that reach into the guest: agent queries (hostname, time, filesystems,
//! interface addresses, guest info), NMI injection and key presses.

use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use rvirt_core::info::GuestTime;
use rvirt_core::typed_param::TYPED_PARAM_STRING_OKAY;
use rvirt_proto::remote::limits::{REMOTE_DOMAIN_INTERFACE_MAX, REMOTE_DOMAIN_IP_ADDR_MAX};
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::params::serialize;
use super::{reply, void, Cx};

/// `VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT`: asking the guest agent needs a writable connection.
const IFADDR_SRC_AGENT: u32 = 1;

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        277 => call!(
            cx,
            body,
            DomainGetHostnameArgs,
            "virDomainGetHostname",
            |a, c| reply(DomainGetHostnameRet {
                hostname: c.domain_get_hostname(&a.dom, a.flags).await?,
            })
        ),
        337 => call!(cx, body, DomainGetTimeArgs, "virDomainGetTime", |a, c| {
            let t = c.domain_get_time(&a.dom, a.flags).await?;
            reply(DomainGetTimeRet {
                seconds: t.seconds,
                nseconds: t.nseconds,
            })
        }),
        338 => call!(cx, body, DomainSetTimeArgs, "virDomainSetTime", |a, c| {
            let t = GuestTime {
                seconds: a.seconds,
                nseconds: a.nseconds,
            };
            c.domain_set_time(&a.dom, t, a.flags).await?;
            void()
        }),
        335 => call!(cx, body, DomainFsfreezeArgs, "virDomainFSFreeze", |a, c| {
            reply(DomainFsfreezeRet {
                filesystems: c.domain_fs_freeze(&a.dom, a.mountpoints, a.flags).await?,
            })
        }),
        336 => call!(cx, body, DomainFsthawArgs, "virDomainFSThaw", |a, c| {
            reply(DomainFsthawRet {
                filesystems: c.domain_fs_thaw(&a.dom, a.mountpoints, a.flags).await?,
            })
        }),
        353 => call!(cx, body, DomainInterfaceAddressesArgs, |a, c| {
            if a.source == IFADDR_SRC_AGENT {
                cx.writable("virDomainInterfaceAddresses")?;
            }
            let ifaces = c
                .domain_interface_addresses(&a.dom, a.source, a.flags)
                .await?;
            reply(DomainInterfaceAddressesRet {
                ifaces: interfaces(ifaces)?,
            })
        }),
        418 => call!(
            cx,
            body,
            DomainGetGuestInfoArgs,
            "virDomainGetGuestInfo",
            |a, c| {
                let params = c.domain_get_guest_info(&a.dom, a.types, a.flags).await?;
                reply(DomainGetGuestInfoRet {
                    params: serialize(params, TYPED_PARAM_STRING_OKAY),
                })
            }
        ),
        210 => call!(
            cx,
            body,
            DomainInjectNmiArgs,
            "virDomainInjectNMI",
            |a, c| {
                c.domain_inject_nmi(&a.dom, a.flags).await?;
                void()
            }
        ),
        226 => call!(cx, body, DomainSendKeyArgs, "virDomainSendKey", |a, c| {
            c.domain_send_key(&a.dom, a.codeset, a.holdtime, a.keycodes, a.flags)
                .await?;
            void()
        }),
        _ => None,
    }
}

fn too_many(n: usize, max: u32) -> VirError {
    VirError::internal(
        ErrorDomain::Rpc,
        format!("Number of interfaces, {n} exceeds the max limit: {max}"),
    )
}

/// `remoteSerializeDomainInterface`: the driver's records in wire form, within the limits.
fn interfaces(ifaces: Vec<rvirt_core::info::DomainInterface>) -> VirResult<Vec<DomainInterface>> {
    if ifaces.len() > REMOTE_DOMAIN_INTERFACE_MAX as usize {
        return Err(too_many(ifaces.len(), REMOTE_DOMAIN_INTERFACE_MAX));
    }
    ifaces
        .into_iter()
        .map(|i| {
            if i.addrs.len() > REMOTE_DOMAIN_IP_ADDR_MAX as usize {
                return Err(too_many(i.addrs.len(), REMOTE_DOMAIN_IP_ADDR_MAX));
            }
            Ok(DomainInterface {
                name: i.name,
                hwaddr: i.hwaddr,
                addrs: i
                    .addrs
                    .into_iter()
                    .map(|a| DomainIpAddr {
                        r#type: a.addr_type,
                        addr: a.addr,
                        prefix: a.prefix,
                    })
                    .collect(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rvirt_core::info::{DomainInterface as CoreIface, IpAddress};

    #[test]
    fn interface_records_map_field_for_field() {
        let got = interfaces(vec![CoreIface {
            name: "vnet0".into(),
            hwaddr: Some("52:54:00:00:00:01".into()),
            addrs: vec![IpAddress {
                addr_type: 1,
                addr: "fe80::1".into(),
                prefix: 64,
            }],
        }])
        .unwrap();
        assert_eq!(
            got,
            vec![DomainInterface {
                name: "vnet0".into(),
                hwaddr: Some("52:54:00:00:00:01".into()),
                addrs: vec![DomainIpAddr {
                    r#type: 1,
                    addr: "fe80::1".into(),
                    prefix: 64,
                }],
            }]
        );
    }
}
