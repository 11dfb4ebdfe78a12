//! Connection, authentication and host procedures (CONNECT_*, AUTH_*, NODE_*).

use std::sync::atomic::Ordering;

use rvirt_core::driver::OpenContext;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::uri::ConnectUri;
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;
use rvirt_xdr::{CharArray, Chars};

use super::{args, b2i, cap, reply, void, Cx};

/// `virConnectGetLibVersion`: rvirtd reports libvirt 9.0.0 (the protocol level it speaks).
pub const LIB_VERSION: u64 = 9_000_000;

/// Features answered 1 by CONNECT_SUPPORTS_FEATURE: FD_PASSING 8, TYPED_PARAM_STRING 9,
/// PROGRAM_KEEPALIVE 10, REMOTE_EVENT_CALLBACK 14, REMOTE_CLOSE_CALLBACK 15,
/// NETWORK_UPDATE_HAS_CORRECT_ORDER 16.
const FEATURES: &[i32] = &[8, 9, 10, 14, 15, 16];
const FEATURE_KEEPALIVE: i32 = 10;

/// Handles the procedures allowed before CONNECT_OPEN plus the connection-level ones.
pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        66..=70 => super::auth::dispatch(cx, p, body),
        60 => Some(supports_feature(cx, body)),
        1 => Some(open(cx, body).await),
        2 => Some(close(cx).await),
        3 => call!(cx, |c| reply(ConnectGetTypeRet {
            r#type: c.get_type().await?
        })),
        4 => call!(cx, |c| reply(ConnectGetVersionRet {
            hv_ver: c.get_version().await?
        })),
        5 => call!(cx, body, ConnectGetMaxVcpusArgs, |a, c| reply(
            ConnectGetMaxVcpusRet {
                max_vcpus: c.get_max_vcpus(a.r#type).await?
            }
        )),
        6 => call!(cx, |c| {
            let i = c.node_get_info().await?;
            reply(NodeGetInfoRet {
                model: CharArray::from_str_truncated(&i.model),
                memory: i.memory,
                cpus: i.cpus,
                mhz: i.mhz,
                nodes: i.nodes,
                sockets: i.sockets,
                cores: i.cores,
                threads: i.threads,
            })
        }),
        7 => call!(cx, |c| reply(ConnectGetCapabilitiesRet {
            capabilities: c.get_capabilities().await?
        })),
        59 => call!(cx, |c| reply(ConnectGetHostnameRet {
            hostname: c.get_hostname().await?
        })),
        101 => call!(cx, body, NodeGetCellsFreeMemoryArgs, |a, c| reply(
            NodeGetCellsFreeMemoryRet {
                cells: c
                    .node_get_cells_free_memory(a.start_cell, a.maxcells)
                    .await?
            }
        )),
        102 => call!(cx, |c| reply(NodeGetFreeMemoryRet {
            free_mem: c.node_get_free_memory().await?
        })),
        110 => call!(cx, |c| reply(ConnectGetUriRet {
            uri: c.get_uri().await?
        })),
        122 => call!(cx, |c| {
            let m = c.node_get_security_model().await?;
            reply(NodeGetSecurityModelRet {
                model: nul_chars(&m.model),
                doi: nul_chars(&m.doi),
            })
        }),
        149 => call!(cx, |c| reply(ConnectIsSecureRet {
            secure: b2i(c.is_secure().await?)
        })),
        157 => call!(cx, |_c| reply(ConnectGetLibVersionRet {
            lib_ver: LIB_VERSION
        })),
        158 => call!(cx, body, ConnectCompareCpuArgs, |a, c| reply(
            ConnectCompareCpuRet {
                result: c.compare_cpu(a.xml, a.flags).await?
            }
        )),
        162 => call!(cx, body, ConnectBaselineCpuArgs, |a, c| reply(
            ConnectBaselineCpuRet {
                cpu: c.baseline_cpu(a.xml_cpus, a.flags).await?
            }
        )),
        203 => call!(cx, body, ConnectGetSysinfoArgs, |a, c| reply(
            ConnectGetSysinfoRet {
                sysinfo: c.get_sysinfo(a.flags).await?
            }
        )),
        227 => call!(cx, body, NodeGetCpuStatsArgs, |a, c| {
            let all = c.node_get_cpu_stats(a.cpu_num, a.flags).await?;
            let n = i32::try_from(all.len()).unwrap_or(i32::MAX);
            let params = if a.nparams == 0 {
                Vec::new()
            } else {
                cap(all, a.nparams)
            };
            let params = params
                .into_iter()
                .map(|(field, value)| NodeGetCpuStats { field, value })
                .collect();
            reply(NodeGetCpuStatsRet { params, nparams: n })
        }),
        228 => call!(cx, body, NodeGetMemoryStatsArgs, |a, c| {
            let all = c.node_get_memory_stats(a.cell_num, a.flags).await?;
            let n = i32::try_from(all.len()).unwrap_or(i32::MAX);
            let params = if a.nparams == 0 {
                Vec::new()
            } else {
                cap(all, a.nparams)
            };
            let params = params
                .into_iter()
                .map(|(field, value)| NodeGetMemoryStats { field, value })
                .collect();
            reply(NodeGetMemoryStatsRet { params, nparams: n })
        }),
        289 => call!(cx, body, NodeGetMemoryParametersArgs, |a, c| {
            let all = c.node_get_memory_parameters(a.flags).await?;
            let n = i32::try_from(all.len()).unwrap_or(i32::MAX);
            let params = if a.nparams == 0 {
                Vec::new()
            } else {
                cap(all, a.nparams)
            };
            reply(NodeGetMemoryParametersRet { params, nparams: n })
        }),
        288 => call!(
            cx,
            body,
            NodeSetMemoryParametersArgs,
            "virNodeSetMemoryParameters",
            |a, c| {
                c.node_set_memory_parameters(a.params, a.flags).await?;
                void()
            }
        ),
        293 => call!(cx, body, NodeGetCpuMapArgs, |a, c| {
            let (map, online, total) = c.node_get_cpu_map(a.flags).await?;
            reply(NodeGetCpuMapRet {
                cpumap: if a.need_map != 0 { map } else { Vec::new() },
                online: if a.need_online != 0 { online } else { 0 },
                ret: total,
            })
        }),
        312 => call!(cx, body, ConnectGetCpuModelNamesArgs, |a, c| {
            let models = c.get_cpu_model_names(a.arch, a.flags).await?;
            let n = i32::try_from(models.len()).unwrap_or(i32::MAX);
            reply(ConnectGetCpuModelNamesRet {
                models: if a.need_results != 0 {
                    models
                } else {
                    Vec::new()
                },
                ret: n,
            })
        }),
        340 => call!(cx, body, NodeGetFreePagesArgs, |a, c| reply(
            NodeGetFreePagesRet {
                counts: c
                    .node_get_free_pages(a.pages, a.start_cell, a.cell_count, a.flags)
                    .await?
            }
        )),
        342 => call!(cx, body, ConnectGetDomainCapabilitiesArgs, |a, c| reply(
            ConnectGetDomainCapabilitiesRet {
                capabilities: c
                    .get_domain_capabilities(a.emulatorbin, a.arch, a.machine, a.virttype, a.flags)
                    .await?
            }
        )),
        360 => call!(cx, |_c| {
            cx.st.close_callback.store(true, Ordering::Relaxed);
            void()
        }),
        361 => call!(cx, |_c| {
            cx.st.close_callback.store(false, Ordering::Relaxed);
            void()
        }),
        _ => None,
    }
}

/// `char<N>` strings as libvirtd sends them: the C string including its NUL.
fn nul_chars(s: &str) -> Chars {
    let mut v = s.as_bytes().to_vec();
    v.push(0);
    Chars(v)
}

/// CONNECT_SUPPORTS_FEATURE (60); allowed before CONNECT_OPEN. Feature 10 starts keepalive.
fn supports_feature(cx: &Cx<'_>, body: &[u8]) -> VirResult<Outcome> {
    let a: ConnectSupportsFeatureArgs = args(body)?;
    if a.feature == FEATURE_KEEPALIVE {
        cx.client.start_keepalive();
    } else {
        cx.conn()?;
    }
    // migration features are the driver's (rvirt_core::driver::DomainMigrationDriver)
    let migration = cx
        .st
        .get()
        .is_some_and(|c| c.migration_features().contains(&a.feature));
    reply(ConnectSupportsFeatureRet {
        supported: b2i(FEATURES.contains(&a.feature) || migration),
    })
}

/// CONNECT_OPEN (1): routes the URI to a registered driver by scheme.
///
/// NULL/empty name: `qemu:///system` if a qemu driver is registered, else the first
/// registered driver's default URI (`test:///default` for the test driver).
async fn open(cx: &Cx<'_>, body: &[u8]) -> VirResult<Outcome> {
    let a: ConnectOpenArgs = args(body)?;
    if cx.st.get().is_some() {
        return Err(VirError::internal(
            ErrorDomain::Rpc,
            "connection already open",
        ));
    }
    let name = match a.name.as_deref() {
        Some(n) if !n.is_empty() => n.to_owned(),
        _ => default_uri(cx),
    };
    let uri = ConnectUri::parse(&name).map_err(|_| no_driver(&name))?;
    let factory = cx
        .daemon
        .factories
        .iter()
        .find(|f| f.scheme() == uri.driver)
        .ok_or_else(|| no_driver(&name))?;
    let info = cx.client.info();
    let read_only = info.read_only || a.flags & 1 != 0;
    let ctx = OpenContext {
        read_only,
        uid: info.uid,
        gid: info.gid,
        pid: info.pid,
    };
    let conn = factory.open(&uri, &ctx).await?;
    cx.st.read_only.store(read_only, Ordering::Relaxed);
    let mut slot = match cx.st.conn.lock() {
        Ok(s) => s,
        Err(p) => p.into_inner(),
    };
    if slot.is_some() {
        return Err(VirError::internal(
            ErrorDomain::Rpc,
            "connection already open",
        ));
    }
    *slot = Some(conn);
    tracing::info!(uri = %name, read_only, "connection opened");
    void()
}

fn default_uri(cx: &Cx<'_>) -> String {
    if cx.daemon.factories.iter().any(|f| f.scheme() == "qemu") {
        return "qemu:///system".into();
    }
    match cx.daemon.factories.first() {
        Some(f) if f.scheme() == "test" => "test:///default".into(),
        Some(f) => format!("{}:///system", f.scheme()),
        None => String::new(),
    }
}

fn no_driver(name: &str) -> VirError {
    VirError::new(ErrorCode::NoConnect, ErrorDomain::None, name)
}

/// CONNECT_CLOSE (2): reply, then close the socket.
async fn close(cx: &Cx<'_>) -> VirResult<Outcome> {
    let conn = match cx.st.conn.lock() {
        Ok(mut c) => c.take(),
        Err(p) => p.into_inner().take(),
    };
    cx.st.events.clear();
    if let Some(c) = conn {
        c.close().await?;
    }
    Ok(Outcome::ReplyThenClose(bytes::Bytes::new()))
}
