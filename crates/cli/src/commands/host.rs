//! Host and hypervisor commands: uri, version, hostname, nodeinfo, capabilities, sysinfo,
//! freecell, nodememstats, nodecpustats, maxvcpus, domcapabilities.

use rvirt::Connect;

use super::util::int_opt;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// The libvirt release rvirsh reports as its own (`virGetVersion`).
const LIB_VERSION: u64 = 9_000_000;

fn ver(v: u64) -> String {
    format!("{}.{}.{}", v / 1_000_000, (v / 1000) % 1000, v % 1000)
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "uri" => {
            let u = conn
                .get_uri()
                .await
                .unwrap_or_else(|_| conn.uri().to_string());
            ctl.print(&format!("{u}\n"));
        }
        "version" => version(ctl, conn, cmd).await?,
        "hostname" => {
            let h = conn
                .get_hostname()
                .await
                .map_err(|e| Failure::ctx("failed to get hostname", e))?;
            ctl.print(&format!("{h}\n"));
        }
        "nodeinfo" => {
            let i = conn
                .node_get_info()
                .await
                .map_err(|e| Failure::ctx("failed to get node information", e))?;
            if ctl.json {
                let v = serde_json::json!({
                    "model": i.model, "cpus": i.cpus, "mhz": i.mhz, "sockets": i.sockets,
                    "cores": i.cores, "threads": i.threads, "nodes": i.nodes, "memory_kib": i.memory,
                });
                ctl.print(&format!("{v}\n"));
                return Ok(());
            }
            let rows = [
                ("CPU model:", i.model.clone()),
                ("CPU(s):", i.cpus.to_string()),
                ("CPU frequency:", format!("{} MHz", i.mhz)),
                ("CPU socket(s):", i.sockets.to_string()),
                ("Core(s) per socket:", i.cores.to_string()),
                ("Thread(s) per core:", i.threads.to_string()),
                ("NUMA cell(s):", i.nodes.to_string()),
                ("Memory size:", format!("{} KiB", i.memory)),
            ];
            for (k, v) in rows {
                ctl.print(&format!("{k:<20} {v}\n"));
            }
        }
        "capabilities" => {
            let c = conn
                .get_capabilities()
                .await
                .map_err(|e| Failure::ctx("failed to get capabilities", e))?;
            ctl.print(&format!("{c}\n"));
        }
        "sysinfo" => {
            let s = conn
                .get_sysinfo(0)
                .await
                .map_err(|e| Failure::ctx("failed to get sysinfo", e))?;
            ctl.print(&s);
        }
        "cpu-models" => {
            // virsh cmdCPUModelNames
            let arch = cmd.get("arch").unwrap_or_default().to_string();
            let models = conn
                .get_cpu_model_names(arch, 0)
                .await
                .map_err(|e| Failure::ctx("Failed to get CPU model names", e))?;
            if models.is_empty() {
                ctl.print_extra("all CPU models are accepted\n");
            }
            for m in models {
                ctl.print(&format!("{m}\n"));
            }
        }
        "maxvcpus" => {
            let n = conn
                .get_max_vcpus(
                    cmd.req("type")
                        .map_err(crate::vsh::Failure::msg)?
                        .map(String::from),
                )
                .await?;
            ctl.print(&format!("{n}\n"));
        }
        "domcapabilities" => {
            let s = conn
                .get_domain_capabilities(
                    cmd.get("emulatorbin").map(String::from),
                    cmd.get("arch").map(String::from),
                    cmd.get("machine").map(String::from),
                    cmd.get("virttype").map(String::from),
                    0,
                )
                .await
                .map_err(|e| Failure::ctx("failed to get emulator capabilities", e))?;
            ctl.print(&s);
        }
        "freecell" => freecell(ctl, conn, cmd).await?,
        "nodememstats" => {
            let cell = int_opt(cmd, "cell")?.unwrap_or(-1) as i32;
            let st = conn
                .node_get_memory_stats(cell, 0)
                .await
                .map_err(|e| Failure::ctx("Unable to get number of memory stats", e))?;
            for (k, v) in st {
                ctl.print(&format!("{:<7} {v:>20} KiB\n", format!("{k}:")));
            }
        }
        "nodecpustats" => nodecpustats(ctl, conn, cmd).await?,
        "nodecpumap" => {
            let (map, online, cpus) = conn
                .node_get_cpu_map(0)
                .await
                .map_err(|e| Failure::ctx("Unable to get cpu map", e))?;
            ctl.print(&format!("{:<15} {cpus}\n", "CPUs present:"));
            ctl.print(&format!("{:<15} {online}\n", "CPUs online:"));
            let n = usize::try_from(cpus).unwrap_or(0);
            let m = if cmd.has("pretty") {
                super::domain_extra::cpu_ranges(&map, n)
            } else {
                (0..n)
                    .map(|i| {
                        if map.get(i / 8).is_some_and(|b| b & (1 << (i % 8)) != 0) {
                            'y'
                        } else {
                            '-'
                        }
                    })
                    .collect()
            };
            ctl.print(&format!("{:<15} {m}\n", "CPU map:"));
        }
        _ => return super::unhandled(cmd),
    }
    Ok(())
}

async fn version(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    ctl.print(&format!(
        "Compiled against library: libvirt {}\n",
        ver(LIB_VERSION)
    ));
    ctl.print(&format!("Using library: libvirt {}\n", ver(LIB_VERSION)));
    let ty = conn
        .get_type()
        .await
        .map_err(|e| Failure::ctx("failed to get hypervisor type", e))?;
    ctl.print(&format!("Using API: {ty} {}\n", ver(LIB_VERSION)));
    match conn.get_version().await {
        Ok(v) if v != 0 => ctl.print(&format!("Running hypervisor: {ty} {}\n", ver(v))),
        Ok(_) => {}
        Err(e) => return Err(Failure::ctx("failed to get the hypervisor version", e)),
    }
    if cmd.has("daemon") {
        ctl.print(&format!("Running against daemon: {}\n", ver(LIB_VERSION)));
    }
    Ok(())
}

async fn freecell(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let cellno = int_opt(cmd, "cellno")?;
    if cmd.has("all") && cellno.is_some() {
        return Err(Failure::msg(
            "Options --all and --cellno are mutually exclusive",
        ));
    }
    if cmd.has("all") {
        let info = conn.node_get_info().await?;
        let cells = conn
            .node_get_cells_free_memory(0, info.nodes.max(1))
            .await
            .map_err(|e| Failure::ctx("failed to get free memory for NUMA nodes", e))?;
        let mut total = 0u64;
        for (i, c) in cells.iter().enumerate() {
            ctl.print(&format!("{i:>5}: {:>10} KiB\n", c / 1024));
            total += c / 1024;
        }
        ctl.print_extra("--------------------\n");
        ctl.print_extra(&format!("{:>5}: {total:>10} KiB\n", "Total"));
    } else if let Some(n) = cellno {
        let cells = conn.node_get_cells_free_memory(n as i32, 1).await?;
        let v = cells.first().copied().unwrap_or(0);
        ctl.print(&format!("{n}: {} KiB\n", v / 1024));
    } else {
        let v = conn.node_get_free_memory().await?;
        ctl.print(&format!("Total: {} KiB\n", v / 1024));
    }
    Ok(())
}

async fn nodecpustats(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let cpu = int_opt(cmd, "cpu")?.unwrap_or(-1) as i32;
    if cmd.has("percent") {
        return cpu_percent(ctl, conn, cpu).await;
    }
    let st = conn
        .node_get_cpu_stats(cpu, 0)
        .await
        .map_err(|e| Failure::ctx("Unable to get node cpu stats", e))?;
    let get = |k: &str| st.iter().find(|(f, _)| f == k).map(|(_, v)| *v);
    let rows = [
        ("user:", get("user")),
        ("system:", get("kernel")),
        ("idle:", get("idle")),
        ("iowait:", get("iowait")),
    ];
    for (k, v) in rows {
        if let Some(v) = v {
            ctl.print(&format!("{k:<15} {v:>20}\n"));
        }
    }
    Ok(())
}

/// `nodecpustats --percent`: two samples one second apart, as shares of the total.
async fn cpu_percent(ctl: &mut Ctl, conn: &Connect, cpu: i32) -> CmdResult {
    let sample = |st: &[(String, u64)], k: &str| {
        st.iter()
            .find(|(f, _)| f == k)
            .map(|(_, v)| *v)
            .unwrap_or(0)
    };
    let fail = |e| Failure::ctx("Unable to get node cpu stats", e);
    let a = conn.node_get_cpu_stats(cpu, 0).await.map_err(fail)?;
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    let b = conn.node_get_cpu_stats(cpu, 0).await.map_err(fail)?;
    let d = |k: &str| sample(&b, k).wrapping_sub(sample(&a, k)) as f64;
    let (user, sys, idle, iowait) = (d("user"), d("kernel"), d("idle"), d("iowait"));
    let total = user + sys + idle + iowait;
    let pct = |v: f64| {
        if total == 0.0 {
            " -nan".to_string()
        } else {
            format!("{:>5.1}", v / total * 100.0)
        }
    };
    let rows = [
        ("usage:", pct(user + sys)),
        ("user:", pct(user)),
        ("system:", pct(sys)),
        ("idle:", pct(idle)),
        ("iowait:", pct(iowait)),
    ];
    for (k, v) in rows {
        ctl.print(&format!("{k:<15} {v}%\n"));
    }
    Ok(())
}
