//! Migration commands: migrate, migrate-setmaxdowntime, migrate-getmaxdowntime,
//! migrate-setspeed, migrate-getspeed, migrate-postcopy (virsh 9.0's `migrate*`).
//!
//! `migrate` drives libvirt's client-side v3 protocol with typed parameters
//! (`virDomainMigrate3` → Begin/Prepare/Perform/Finish/Confirm) or, with `--p2p`, hands
//! the destination URI to the source daemon (`virDomainMigrateToURI3`).

use rvirt::{Connect, DomainRef, TypedParam, TypedValue};
use rvirt_core::driver::migrate_feature as feature;
use rvirt_core::driver::{migrate_flags as mf, migrate_param as mp, param_str, set_param_str};

use crate::defs::{CmdDef, Kind::*, OptDef};
use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};
use std::io::{IsTerminal, Write};

const fn o(name: &'static str, kind: crate::defs::Kind, req: bool, named: bool) -> OptDef {
    OptDef {
        name,
        kind,
        required: req,
        named_only: named,
    }
}

/// The migration commands' definitions.
pub static CMDS: &[CmdDef] = &[
    CmdDef {
        name: "migrate",
        summary: "migrate domain to another host",
        opts: &[
            o("domain", Str, true, false),
            o("desturi", Str, true, false),
            o("live", Bool, false, false),
            o("offline", Bool, false, false),
            o("p2p", Bool, false, false),
            o("direct", Bool, false, false),
            o("tunnelled", Bool, false, false),
            o("persistent", Bool, false, false),
            o("undefinesource", Bool, false, false),
            o("suspend", Bool, false, false),
            o("copy-storage-all", Bool, false, false),
            o("copy-storage-inc", Bool, false, false),
            o("copy-storage-synchronous-writes", Bool, false, false),
            o("change-protection", Bool, false, false),
            o("unsafe", Bool, false, false),
            o("verbose", Bool, false, false),
            o("compressed", Bool, false, false),
            o("auto-converge", Bool, false, false),
            o("rdma-pin-all", Bool, false, false),
            o("abort-on-error", Bool, false, false),
            o("postcopy", Bool, false, false),
            o("postcopy-after-precopy", Bool, false, false),
            o("postcopy-resume", Bool, false, false),
            o("zerocopy", Bool, false, false),
            o("migrateuri", Str, false, false),
            o("graphicsuri", Str, false, false),
            o("listen-address", Str, false, false),
            o("dname", Str, false, false),
            o("timeout", Int, false, false),
            o("timeout-suspend", Bool, false, false),
            o("timeout-postcopy", Bool, false, false),
            o("xml", Str, false, false),
            o("migrate-disks", Str, false, false),
            o("disks-port", Int, false, false),
            o("disks-uri", Str, false, false),
            o("comp-methods", Str, false, false),
            o("comp-mt-level", Int, false, false),
            o("comp-mt-threads", Int, false, false),
            o("comp-mt-dthreads", Int, false, false),
            o("comp-xbzrle-cache", Int, false, false),
            o("auto-converge-initial", Int, false, false),
            o("auto-converge-increment", Int, false, false),
            o("persistent-xml", Str, false, false),
            o("tls", Bool, false, false),
            o("postcopy-bandwidth", Int, false, false),
            o("parallel", Bool, false, false),
            o("parallel-connections", Int, false, false),
            o("bandwidth", Int, false, false),
            o("tls-destination", Str, false, false),
        ],
    },
    CmdDef {
        name: "migrate-setmaxdowntime",
        summary: "set maximum tolerable downtime",
        opts: &[
            o("domain", Str, true, false),
            o("downtime", Int, true, false),
        ],
    },
    CmdDef {
        name: "migrate-getmaxdowntime",
        summary: "get maximum tolerable downtime",
        opts: &[o("domain", Str, true, false)],
    },
    CmdDef {
        name: "migrate-setspeed",
        summary: "Set the maximum migration bandwidth",
        opts: &[
            o("domain", Str, true, false),
            o("bandwidth", Int, true, false),
            o("postcopy", Bool, false, false),
        ],
    },
    CmdDef {
        name: "migrate-getspeed",
        summary: "Get the maximum migration bandwidth",
        opts: &[
            o("domain", Str, true, false),
            o("postcopy", Bool, false, false),
        ],
    },
    CmdDef {
        name: "migrate-postcopy",
        summary: "Switch running migration from pre-copy to post-copy",
        opts: &[o("domain", Str, true, false)],
    },
];

fn uint(cmd: &Cmd, name: &str) -> Result<Option<u64>, Failure> {
    cmd.uint(name).map_err(Failure::msg)
}

/// `virFileReadAll` for `--xml`/`--persistent-xml`: virsh's own line, then libvirt's.
fn read_file(path: &str) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| Failure {
        lines: vec![
            format!("cannot read file '{path}'"),
            format!(
                "Failed to open file '{path}': {}",
                super::util::strerror(&e)
            ),
        ],
    })
}

fn s(name: &str, v: &str) -> TypedParam {
    TypedParam::new(name, TypedValue::String(v.to_string()))
}

/// A string option that must not be empty (`vshCommandOptStringReq`).
fn sreq<'a>(cmd: &'a Cmd, name: &str) -> Result<Option<&'a str>, Failure> {
    cmd.req(name).map_err(Failure::msg)
}

/// A signed 32-bit option (`vshCommandOptInt`).
fn int32(cmd: &Cmd, name: &str) -> Result<Option<i32>, Failure> {
    match cmd.int(name).map_err(Failure::msg)? {
        None => Ok(None),
        Some(v) => i32::try_from(v).map(Some).map_err(|_| {
            Failure::msg(format!(
                "Numeric value '{}' for <{name}> option is malformed or out of range",
                cmd.get(name).unwrap_or_default()
            ))
        }),
    }
}

/// The option checks `cmdMigrate` makes before it looks the domain up.
fn check_exclusive(cmd: &Cmd) -> Result<(), Failure> {
    for (a, b) in [("live", "offline"), ("timeout-suspend", "timeout-postcopy")] {
        if cmd.has(a) && cmd.has(b) {
            return Err(Failure::msg(format!(
                "Options --{a} and --{b} are mutually exclusive"
            )));
        }
    }
    for (opt, needs) in [
        ("postcopy-after-precopy", "postcopy"),
        ("timeout-postcopy", "postcopy"),
        ("persistent-xml", "persistent"),
        ("tls-destination", "tls"),
    ] {
        if cmd.has(opt) && !cmd.has(needs) {
            return Err(Failure::msg(format!(
                "Option --{needs} is required by option --{opt}"
            )));
        }
    }
    Ok(())
}

/// `virsh migrate`'s flags (`virDomainMigrateFlags`).
fn flags(cmd: &Cmd) -> u32 {
    let table: &[(&str, u32)] = &[
        ("live", mf::LIVE),
        ("offline", mf::OFFLINE),
        ("p2p", mf::PEER2PEER),
        ("tunnelled", mf::TUNNELLED),
        ("persistent", mf::PERSIST_DEST),
        ("undefinesource", mf::UNDEFINE_SOURCE),
        ("suspend", mf::PAUSED),
        ("copy-storage-all", mf::NON_SHARED_DISK),
        ("copy-storage-inc", mf::NON_SHARED_INC),
        (
            "copy-storage-synchronous-writes",
            mf::NON_SHARED_SYNCHRONOUS_WRITES,
        ),
        ("change-protection", mf::CHANGE_PROTECTION),
        ("unsafe", mf::UNSAFE),
        ("compressed", mf::COMPRESSED),
        ("auto-converge", mf::AUTO_CONVERGE),
        ("rdma-pin-all", mf::RDMA_PIN_ALL),
        ("abort-on-error", mf::ABORT_ON_ERROR),
        ("postcopy", mf::POSTCOPY),
        ("postcopy-resume", mf::POSTCOPY_RESUME),
        ("zerocopy", mf::ZEROCOPY),
        ("tls", mf::TLS),
        ("parallel", mf::PARALLEL),
    ];
    table
        .iter()
        .filter(|(opt, _)| cmd.has(opt))
        .fold(0, |acc, (_, f)| acc | f)
}

/// `virsh migrate`'s typed parameters, in the order `doMigrate` builds them.
fn params(cmd: &Cmd) -> Result<Vec<TypedParam>, Failure> {
    let mut p = Vec::new();
    for (opt, name) in [
        ("migrateuri", mp::URI),
        ("graphicsuri", mp::GRAPHICS_URI),
        ("listen-address", mp::LISTEN_ADDRESS),
    ] {
        if let Some(v) = sreq(cmd, opt)? {
            p.push(s(name, v));
        }
    }
    if let Some(port) = int32(cmd, "disks-port")? {
        if port != 0 {
            p.push(TypedParam::new(mp::DISKS_PORT, TypedValue::Int(port)));
        }
    }
    if let Some(v) = sreq(cmd, "disks-uri")? {
        p.push(s(mp::DISKS_URI, v));
    }
    if let Some(v) = sreq(cmd, "dname")? {
        p.push(s(mp::DEST_NAME, v));
    }
    for (opt, name) in [
        ("migrate-disks", mp::MIGRATE_DISKS),
        ("comp-methods", mp::COMPRESSION),
    ] {
        if let Some(d) = sreq(cmd, opt)? {
            // g_strsplit keeps empty pieces
            for t in d.split(',') {
                p.push(s(name, t));
            }
        }
    }
    for (opt, name) in [
        ("comp-mt-level", mp::COMPRESSION_MT_LEVEL),
        ("comp-mt-threads", mp::COMPRESSION_MT_THREADS),
        ("comp-mt-dthreads", mp::COMPRESSION_MT_DTHREADS),
    ] {
        if let Some(v) = int32(cmd, opt)? {
            p.push(TypedParam::new(name, TypedValue::Int(v)));
        }
    }
    if let Some(v) = uint(cmd, "comp-xbzrle-cache")? {
        p.push(TypedParam::new(
            mp::COMPRESSION_XBZRLE_CACHE,
            TypedValue::ULLong(v),
        ));
    }
    if let Some(f) = sreq(cmd, "xml")? {
        p.push(s(mp::DEST_XML, &read_file(f)?));
    }
    if let Some(f) = sreq(cmd, "persistent-xml")? {
        p.push(s(mp::PERSIST_XML, &read_file(f)?));
    }
    for (opt, name) in [
        ("auto-converge-initial", mp::AUTO_CONVERGE_INITIAL),
        ("auto-converge-increment", mp::AUTO_CONVERGE_INCREMENT),
    ] {
        if let Some(v) = int32(cmd, opt)? {
            p.push(TypedParam::new(name, TypedValue::Int(v)));
        }
    }
    if let Some(v) = uint(cmd, "postcopy-bandwidth")? {
        p.push(TypedParam::new(
            mp::BANDWIDTH_POSTCOPY,
            TypedValue::ULLong(v),
        ));
    }
    if let Some(v) = int32(cmd, "parallel-connections")? {
        p.push(TypedParam::new(
            mp::PARALLEL_CONNECTIONS,
            TypedValue::Int(v),
        ));
    }
    if let Some(bw) = uint(cmd, "bandwidth")? {
        p.push(TypedParam::new(mp::BANDWIDTH, TypedValue::ULLong(bw)));
    }
    if let Some(v) = sreq(cmd, "tls-destination")? {
        p.push(s(mp::TLS_DESTINATION, v));
    }
    Ok(p)
}

/// The parameters older migration protocols understand (`virDomainMigrate3`'s compat list).
const COMPAT_PARAMS: [&str; 4] = [mp::URI, mp::DEST_NAME, mp::DEST_XML, mp::BANDWIDTH];

/// `VIR_ERR_ARGUMENT_UNSUPPORTED` as the migration APIs raise it.
fn unsupported(detail: &str) -> Failure {
    Failure::from(rvirt::VirError::new(
        rvirt::ErrorCode::ArgumentUnsupported,
        rvirt::ErrorDomain::Domain,
        detail,
    ))
}

/// The flag checks `virDomainMigrate3` (`to_uri` false) or `virDomainMigrateToURI3`
/// (`--p2p`/`--direct`) make against the source driver before any migration step.
async fn api_checks(conn: &Connect, flags: u32, to_uri: bool) -> Result<(), Failure> {
    if !to_uri && flags & mf::TUNNELLED != 0 {
        return Err(Failure::from(rvirt::VirError::raw(
            rvirt::ErrorCode::OperationInvalid,
            rvirt::ErrorDomain::Domain,
            "cannot perform tunnelled migration without using peer2peer flag",
        )));
    }
    if flags & mf::OFFLINE != 0 && !conn.supports_feature(feature::MIGRATION_OFFLINE).await {
        return Err(unsupported(
            "offline migration is not supported by the source host",
        ));
    }
    if to_uri {
        if flags & mf::PEER2PEER != 0 {
            if !conn.supports_feature(feature::MIGRATION_P2P).await {
                return Err(unsupported(
                    "p2p migration is not supported by the source host",
                ));
            }
        } else if !conn.supports_feature(feature::MIGRATION_DIRECT).await {
            return Err(unsupported(
                "direct migration is not supported by the source host",
            ));
        }
    } else if flags & mf::CHANGE_PROTECTION != 0
        && !conn
            .supports_feature(feature::MIGRATION_CHANGE_PROTECTION)
            .await
    {
        return Err(unsupported("cannot enforce change protection"));
    }
    Ok(())
}

/// The client-driven v3 protocol (`virDomainMigrateVersion3Full` with parameters).
async fn migrate_v3(
    src: &Connect,
    dst: &Connect,
    dom: &DomainRef,
    mut params: Vec<TypedParam>,
    mut flags: u32,
) -> Result<DomainRef, Failure> {
    let params_everywhere = src.supports_feature(feature::MIGRATION_PARAMS).await
        && dst.supports_feature(feature::MIGRATION_PARAMS).await;
    if !params_everywhere {
        if params
            .iter()
            .any(|p| !COMPAT_PARAMS.contains(&p.field.as_str()))
        {
            return Err(unsupported(
                "Migration APIs with extensible parameters are not supported but extended \
                 parameters were passed",
            ));
        }
        return Err(Failure::from(rvirt::VirError::no_support(
            "virDomainMigrate3",
        )));
    }
    flags |= mf::CHANGE_PROTECTION;
    let (cookie, xml) = src.migrate_begin3_params(dom, &params, flags).await?;
    if flags & mf::OFFLINE == 0 {
        let (state, _) = src.domain_get_state(dom, 0).await?;
        if state == rvirt::info::domain_state::PAUSED {
            flags |= mf::PAUSED;
        }
    }
    set_param_str(&mut params, mp::DEST_XML, &xml);
    let dflags = flags & !(mf::ABORT_ON_ERROR | mf::AUTO_CONVERGE | mf::CHANGE_PROTECTION);
    let (cookie, uri) = dst
        .migrate_prepare3_params(&params, &cookie, dflags)
        .await?;
    if let Some(u) = uri {
        set_param_str(&mut params, mp::URI, &u);
    }
    let performed = src
        .migrate_perform3_params(dom, None, &params, &cookie, flags)
        .await;
    if param_str(&params, mp::DEST_NAME).is_none() {
        set_param_str(&mut params, mp::DEST_NAME, &dom.name);
    }
    let (cookie, cancelled) = match &performed {
        Ok(c) => (c.clone(), false),
        Err(_) => (Vec::new(), true),
    };
    let finished = dst
        .migrate_finish3_params(&params, &cookie, dflags, cancelled)
        .await;
    let (cookie, cancelled) = match &finished {
        Ok((_, c)) => (c.clone(), false),
        Err(_) => (Vec::new(), true),
    };
    let confirmed = src
        .migrate_confirm3_params(dom, &params, &cookie, flags, cancelled)
        .await;
    performed?;
    let (ddom, _) = finished?;
    confirmed?;
    Ok(ddom)
}

/// What `--timeout N` does once N seconds passed (`virshMigrateTimeoutAction`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TimeoutAction {
    Suspend,
    Postcopy,
}

/// `--timeout`, `--timeout-suspend`, `--timeout-postcopy` checked like virsh 9.0.
fn timeout_opts(cmd: &Cmd, flags: u32) -> Result<Option<(u64, TimeoutAction)>, Failure> {
    let action = if cmd.has("timeout-postcopy") {
        if flags & mf::POSTCOPY == 0 {
            return Err(Failure::msg(
                "Option --postcopy is required by option --timeout-postcopy",
            ));
        }
        TimeoutAction::Postcopy
    } else {
        TimeoutAction::Suspend
    };
    // an unsigned 32-bit value; 0 means no timeout at all
    let t = match uint(cmd, "timeout")? {
        Some(t) if t > u64::from(u32::MAX) => {
            return Err(Failure::msg(format!(
                "Numeric value '{}' for <timeout> option is malformed or out of range",
                cmd.get("timeout").unwrap_or_default()
            )))
        }
        Some(0) | None => None,
        t => t,
    };
    let Some(t) = t else {
        if cmd.has("timeout-postcopy") || cmd.has("timeout-suspend") {
            return Err(Failure::msg(
                "migrate: Unexpected --timeout-* option without --timeout",
            ));
        }
        return Ok(None);
    };
    if flags & mf::LIVE == 0 {
        return Err(Failure::msg(
            "migrate: Unexpected timeout for offline migration",
        ));
    }
    Ok(Some((t, action)))
}

/// virsh's job percentage (`virshPrintJobProgress`): 100 only once nothing remains.
fn percent(remaining: u64, total: u64) -> u32 {
    if remaining == 0 || total == 0 {
        return 100;
    }
    let p = (1.0 - remaining as f64 / total as f64) * 100.0;
    (p.clamp(0.0, 99.0)) as u32
}

/// One progress report: on a terminal a bar redrawn in place, otherwise one
/// virsh-style line per change.
fn progress_text(pct: u32, tty: bool) -> String {
    if tty {
        const W: usize = 30;
        let filled = (pct as usize * W) / 100;
        format!(
            "\rMigration: [{pct:3} %] [{}{}]",
            "#".repeat(filled),
            " ".repeat(W - filled)
        )
    } else {
        format!("Migration: [{pct:3} %]\n")
    }
}

/// Progress and `--timeout` while a migration runs (`virshWatchJob`).
struct Watch {
    verbose: bool,
    tty: bool,
    last: Option<u32>,
    timeout: Option<(u64, TimeoutAction)>,
    fired: bool,
    /// `--postcopy-after-precopy` and not switched yet.
    after_precopy: bool,
}

impl Watch {
    fn show(&mut self, pct: u32) {
        if !self.verbose || (!self.tty && self.last == Some(pct)) {
            return;
        }
        self.last = Some(pct);
        let mut e = std::io::stderr().lock();
        let _ = e.write_all(progress_text(pct, self.tty).as_bytes());
        let _ = e.flush();
    }

    /// Whether the running job's `memory_iteration` (`virDomainGetJobStats`) reached 2.
    async fn second_pass(conn: &Connect, dom: &DomainRef) -> bool {
        let Ok((_, stats)) = conn.domain_get_job_stats(dom, 0).await else {
            return false;
        };
        stats.iter().any(|t| {
            t.field == "memory_iteration" && matches!(t.value, TypedValue::ULLong(n) if n >= 2)
        })
    }

    /// Polls `virDomainGetJobInfo` every 500 ms; never returns.
    async fn run(&mut self, conn: &Connect, dom: &DomainRef) {
        let start = std::time::Instant::now();
        loop {
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            if let Ok(j) = conn.domain_get_job_info(dom).await {
                if j.job_type != 0 && j.data_total > 0 {
                    self.show(percent(j.data_remaining, j.data_total));
                }
            }
            if self.after_precopy && Self::second_pass(conn, dom).await {
                // virsh switches on the second memory iteration (its ITERATION event)
                self.after_precopy = false;
                let _ = conn.migrate_start_post_copy(dom, 0).await;
            }
            if let Some((secs, action)) = self.timeout {
                if !self.fired && start.elapsed().as_secs() >= secs {
                    self.fired = true;
                    let _ = match action {
                        TimeoutAction::Suspend => conn.domain_suspend(dom).await,
                        TimeoutAction::Postcopy => conn.migrate_start_post_copy(dom, 0).await,
                    };
                }
            }
        }
    }
}

async fn migrate(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    check_exclusive(cmd)?;
    let dom = lookup::domain(conn, cmd, "domain").await?;
    let desturi = sreq(cmd, "desturi")?
        .ok_or_else(|| Failure::msg("command 'migrate' requires <desturi> option"))?;
    let flags = flags(cmd);
    let timeout = timeout_opts(cmd, flags)?;
    let params = params(cmd)?;
    let to_uri = cmd.has("p2p") || cmd.has("direct");
    let mut watch = Watch {
        verbose: cmd.has("verbose"),
        tty: std::io::stderr().is_terminal(),
        last: None,
        timeout,
        fired: false,
        after_precopy: cmd.has("postcopy-after-precopy"),
    };
    ctl.flush();
    let job = async {
        if flags & mf::PEER2PEER != 0 {
            api_checks(conn, flags, true).await?;
            conn.migrate_perform3_params(&dom, Some(desturi), &params, &[], flags)
                .await?;
        } else if to_uri {
            // direct: the source hypervisor migrates to `desturi` on its own
            api_checks(conn, flags, true).await?;
            let mut params = params;
            set_param_str(&mut params, mp::URI, desturi);
            conn.migrate_perform3_params(&dom, None, &params, &[], flags)
                .await?;
        } else {
            // virsh opens the destination before it calls virDomainMigrate3
            let dst = Connect::open(desturi).await?;
            let r = match api_checks(conn, flags, false).await {
                Ok(()) => migrate_v3(conn, &dst, &dom, params, flags).await,
                Err(e) => Err(e),
            };
            let _ = dst.close().await;
            r?;
        }
        Ok::<(), Failure>(())
    };
    let r = tokio::select! {
        r = job => r,
        _ = watch.run(conn, &dom) => Ok(()),
    };
    if r.is_err() && watch.verbose && watch.last.is_some() && watch.tty {
        eprintln!();
    }
    r?;
    if watch.verbose {
        let end = if watch.tty {
            format!("{}\n", progress_text(100, true))
        } else {
            progress_text(100, false)
        };
        let mut e = std::io::stderr().lock();
        let _ = e.write_all(end.as_bytes());
        let _ = e.flush();
    }
    Ok(())
}

/// Runs one migration command.
pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "migrate" => migrate(ctl, conn, cmd).await,
        "migrate-setmaxdowntime" => {
            let dom = lookup::domain(conn, cmd, "domain").await?;
            let d = uint(cmd, "downtime")?.unwrap_or(0);
            if d < 1 {
                return Err(Failure::msg("migrate: Invalid downtime"));
            }
            conn.migrate_set_max_downtime(&dom, d, 0).await?;
            Ok(())
        }
        "migrate-getmaxdowntime" => {
            let dom = lookup::domain(conn, cmd, "domain").await?;
            let d = conn.migrate_get_max_downtime(&dom, 0).await?;
            ctl.print(&format!("{d}\n"));
            Ok(())
        }
        "migrate-setspeed" => {
            let dom = lookup::domain(conn, cmd, "domain").await?;
            let bw = uint(cmd, "bandwidth")?.unwrap_or(0);
            let f = u32::from(cmd.has("postcopy"));
            conn.migrate_set_max_speed(&dom, bw, f).await?;
            Ok(())
        }
        "migrate-getspeed" => {
            let dom = lookup::domain(conn, cmd, "domain").await?;
            let f = u32::from(cmd.has("postcopy"));
            let bw = conn.migrate_get_max_speed(&dom, f).await?;
            ctl.print(&format!("{bw}\n"));
            Ok(())
        }
        "migrate-postcopy" => {
            let dom = lookup::domain(conn, cmd, "domain").await?;
            conn.migrate_start_post_copy(&dom, 0).await?;
            Ok(())
        }
        _ => Err(Failure::msg(format!("unknown command: {}", cmd.def.name))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_like_virsh() {
        assert_eq!(percent(0, 100), 100);
        assert_eq!(percent(50, 100), 50);
        assert_eq!(percent(1, 1_000_000), 99);
        assert_eq!(percent(100, 100), 0);
        assert_eq!(percent(5, 0), 100);
    }

    #[test]
    fn progress_lines_and_bar() {
        assert_eq!(progress_text(7, false), "Migration: [  7 %]\n");
        assert_eq!(progress_text(100, false), "Migration: [100 %]\n");
        let bar = progress_text(50, true);
        assert!(bar.starts_with("\rMigration: [ 50 %] ["), "{bar}");
        assert_eq!(bar.matches('#').count(), 15);
        assert_eq!(progress_text(100, true).matches('#').count(), 30);
    }

    fn cmd(words: &str) -> Cmd {
        let w: Vec<String> = words.split(' ').map(String::from).collect();
        crate::parser::parse_command(&w).unwrap()
    }

    fn err(words: &str) -> String {
        params(&cmd(words)).unwrap_err().lines.join("\n")
    }

    #[test]
    fn numbers_checked_like_virsh() {
        for (opt, v) in [
            ("comp-mt-level", "zz"),
            ("comp-mt-level", "99999999999"),
            ("comp-xbzrle-cache", "-1"),
            ("bandwidth", "abc"),
            ("postcopy-bandwidth", "-5"),
            ("parallel-connections", "x"),
            ("auto-converge-initial", "1.5"),
            ("disks-port", "q"),
        ] {
            assert_eq!(
                err(&format!("migrate d u --{opt} {v}")),
                format!("Numeric value '{v}' for <{opt}> option is malformed or out of range")
            );
        }
        assert_eq!(
            err("migrate d u --xml /nonexistent/file"),
            "cannot read file '/nonexistent/file'\n\
             Failed to open file '/nonexistent/file': No such file or directory"
        );
    }

    #[test]
    fn typed_parameters_and_flags() {
        let c = cmd(
            "migrate d u --live --tls --parallel --zerocopy --rdma-pin-all \
             --copy-storage-synchronous-writes --postcopy --postcopy-resume \
             --comp-methods mt,,xbzrle --comp-mt-level -1 --comp-mt-threads 4 \
             --comp-mt-dthreads 2 --comp-xbzrle-cache 1024 --auto-converge-initial 20 \
             --auto-converge-increment 5 --postcopy-bandwidth 7 --parallel-connections 3 \
             --bandwidth 9 --tls-destination host --disks-uri nbd://x --disks-port 0 \
             --dname n --migrate-disks vda,vdb",
        );
        let f = flags(&c);
        for b in [
            mf::LIVE,
            mf::TLS,
            mf::PARALLEL,
            mf::ZEROCOPY,
            mf::RDMA_PIN_ALL,
            mf::NON_SHARED_SYNCHRONOUS_WRITES,
            mf::POSTCOPY,
            mf::POSTCOPY_RESUME,
        ] {
            assert_ne!(f & b, 0, "flag {b:#x}");
        }
        assert_eq!(f & mf::OFFLINE, 0);
        let p = params(&c).unwrap();
        let names: Vec<&str> = p.iter().map(|t| t.field.as_str()).collect();
        assert_eq!(
            names,
            [
                mp::DISKS_URI,
                mp::DEST_NAME,
                mp::MIGRATE_DISKS,
                mp::MIGRATE_DISKS,
                // "mt,,xbzrle": g_strsplit keeps the empty piece
                mp::COMPRESSION,
                mp::COMPRESSION,
                mp::COMPRESSION,
                mp::COMPRESSION_MT_LEVEL,
                mp::COMPRESSION_MT_THREADS,
                mp::COMPRESSION_MT_DTHREADS,
                mp::COMPRESSION_XBZRLE_CACHE,
                mp::AUTO_CONVERGE_INITIAL,
                mp::AUTO_CONVERGE_INCREMENT,
                mp::BANDWIDTH_POSTCOPY,
                mp::PARALLEL_CONNECTIONS,
                mp::BANDWIDTH,
                mp::TLS_DESTINATION,
            ]
        );
        assert_eq!(p[5].value, TypedValue::String(String::new()));
        assert_eq!(p[7].value, TypedValue::Int(-1));
        assert_eq!(p[10].value, TypedValue::ULLong(1024));
        assert_eq!(p[16].value, TypedValue::String("host".into()));
    }

    #[test]
    fn timeout_zero_is_no_timeout() {
        let t = |w: &str| {
            let c = cmd(w);
            timeout_opts(&c, flags(&c)).map_err(|e| e.lines.join("\n"))
        };
        assert_eq!(t("migrate d u --timeout 0 --live"), Ok(None));
        assert_eq!(t("migrate d u --timeout 0"), Ok(None));
        assert_eq!(
            t("migrate d u --timeout 3 --live"),
            Ok(Some((3, TimeoutAction::Suspend)))
        );
        assert_eq!(
            t("migrate d u --timeout 0 --timeout-suspend"),
            Err("migrate: Unexpected --timeout-* option without --timeout".into())
        );
        assert_eq!(
            t("migrate d u --timeout 4294967296 --live"),
            Err(
                "Numeric value '4294967296' for <timeout> option is malformed or out of range"
                    .into()
            )
        );
        assert_eq!(
            t("migrate d u --timeout 2"),
            Err("migrate: Unexpected timeout for offline migration".into())
        );
    }

    #[test]
    fn checks_before_lookup() {
        let e = |w: &str| check_exclusive(&cmd(w)).unwrap_err().lines.join("");
        assert_eq!(
            e("migrate d u --live --offline"),
            "Options --live and --offline are mutually exclusive"
        );
        assert_eq!(
            e("migrate d u --tls-destination h"),
            "Option --tls is required by option --tls-destination"
        );
        assert!(check_exclusive(&cmd("migrate d u --tls --tls-destination h")).is_ok());
    }
}
