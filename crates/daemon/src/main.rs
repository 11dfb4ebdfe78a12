//! rvirtd: a drop-in libvirtd speaking libvirt's remote protocol.

mod acl;
mod admin;
mod cli;
mod config;
mod dispatch;
mod hypervisor;
mod listeners;
mod paths;
mod peer;
mod pidfile;
mod sys;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use rvirt_core::driver::DriverFactory;
use rvirt_rpc::server::{Program, Server};

use crate::cli::Cli;
use crate::config::DaemonConfig;
use crate::dispatch::{Daemon, LxcProgram, QemuProgram, RemoteProgram};
use crate::hypervisor::HypervisorFactory;
use crate::paths::Paths;

fn main() {
    let cli = Cli::parse();
    if cli.version {
        println!(
            "rvirtd (rvirt) {} (libvirt 9.0.0 compatible)",
            env!("CARGO_PKG_VERSION")
        );
        return;
    }
    match run(cli) {
        Ok(()) => {}
        Err(e) => {
            eprintln!("rvirtd: error: {e:#}");
            std::process::exit(1);
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let privileged = rustix::process::geteuid().is_root();
    let paths = match (&cli.root, privileged) {
        (Some(r), _) => Paths::system(Some(r)),
        (None, true) => Paths::system(None),
        (None, false) => Paths::session(),
    };
    let conf_path = cli
        .config
        .clone()
        .unwrap_or_else(|| paths.config_dir.join("libvirtd.conf"));
    let (config, warnings) = match std::fs::read_to_string(&conf_path) {
        Ok(text) => DaemonConfig::parse(&text, &conf_path.display().to_string())?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && cli.config.is_none() => {
            (DaemonConfig::default(), Vec::new())
        }
        Err(e) => {
            return Err(anyhow::anyhow!(
                "Failed to read config file '{}': {e}",
                conf_path.display()
            ))
        }
    };
    init_logging(&cli, &config);
    for w in warnings {
        tracing::warn!("{w}");
    }

    let mut ready = if cli.daemon {
        sys::daemonize()?
    } else {
        sys::Ready::none()
    };
    let pid_path = cli
        .pid_file
        .clone()
        .unwrap_or_else(|| paths.pid_file.clone());
    let pid = match pidfile::PidFile::acquire(&pid_path, std::process::id()) {
        Ok(p) => p,
        Err(e) => {
            ready.signal(false);
            return Err(e);
        }
    };

    // Driver futures nest deeply (restore → start → attach → …); tokio's 2 MiB worker
    // stacks overflowed on a snapshot revert. Untouched stack pages cost no memory.
    let rt = tokio::runtime::Builder::new_multi_thread()
        .thread_stack_size(8 * 1024 * 1024)
        .enable_all()
        .build()?;
    let res = rt.block_on(serve(&cli, &config, &paths, &mut ready));
    if res.is_err() {
        ready.signal(false);
    }
    drop(pid);
    rt.shutdown_timeout(Duration::from_secs(2));
    res
}

/// Logging as libvirtd: `log_level`, `log_filters`, `log_outputs` (changeable at run time
/// through the admin socket). `-v` means level 1; `RVIRTD_LOG=debug|info|warn|error` sets
/// the level too, and any other `RVIRTD_LOG` is a tracing filter (fixed for the run).
fn init_logging(cli: &Cli, config: &DaemonConfig) {
    let env = std::env::var("RVIRTD_LOG").ok();
    let env_level = env.as_deref().map(|e| match e.trim() {
        "trace" | "debug" => Some(1),
        "info" => Some(2),
        "warn" => Some(3),
        "error" => Some(4),
        _ => None,
    });
    if let (Some(e), Some(None)) = (&env, env_level) {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(e))
            .with_writer(std::io::stderr)
            .try_init();
        return;
    }
    let level = if cli.verbose {
        1
    } else {
        env_level
            .flatten()
            .unwrap_or_else(|| u8::try_from(config.log_level.clamp(1, 4)).unwrap_or(3))
    };
    admin::log_runtime::init(
        level,
        config.log_filters.as_deref(),
        config.log_outputs.as_deref(),
    );
}

/// The drivers one rvirtd serves on its sockets, by URI scheme (as libvirtd does).
fn factories(paths: &Paths) -> (Vec<Arc<dyn DriverFactory>>, Arc<HypervisorFactory>) {
    let qemu_paths = match &paths.root {
        Some(root) => rvirt_driver_qemu::QemuPaths::under(root),
        None => rvirt_driver_qemu::QemuPaths::system(),
    };
    let qemu = Arc::new(rvirt_driver_qemu::QemuDriverFactory::new(qemu_paths));
    rvirt_driver_qemu::migration::set_peer_connector(Arc::new(peer::ClientPeer));
    let root = paths.root.clone().unwrap_or_else(|| PathBuf::from("/"));
    let hypervisor = Arc::new(HypervisorFactory::new(qemu, root));
    (
        vec![
            Arc::new(rvirt_driver_test::TestDriverFactory),
            hypervisor.clone(),
        ],
        hypervisor,
    )
}

async fn serve(
    cli: &Cli,
    config: &DaemonConfig,
    paths: &Paths,
    ready: &mut sys::Ready,
) -> anyhow::Result<()> {
    let (factories, qemu) = factories(paths);
    let daemon = Arc::new(Daemon::new(factories));
    daemon.set_acl(acl::AclRules::load(
        &paths.config_dir.join("rvirt-acl.conf"),
    )?);
    dispatch::auth::configure(dispatch::auth::AuthSettings {
        unix_rw: config.auth_unix_rw == "sasl",
        unix_ro: config.auth_unix_ro == "sasl",
        tls: config.auth_tls == "sasl",
        allowed_users: config.sasl_allowed_username_list.clone(),
        users_file: paths.config_dir.join("rvirt-sasl-users"),
    });
    // Re-attach running guests and autostart in the background, so the socket answers at once.
    if rustix::process::geteuid().is_root() || paths.root.is_some() {
        tokio::spawn(async move {
            if let Err(e) = qemu.start().await {
                tracing::warn!(error = %e, "QEMU driver start-up failed");
            }
        });
    }
    let programs: Vec<Arc<dyn Program>> = vec![
        Arc::new(RemoteProgram {
            daemon: daemon.clone(),
        }),
        Arc::new(QemuProgram {
            daemon: daemon.clone(),
        }),
        Arc::new(LxcProgram { daemon }),
    ];
    let server = Server::new(config.server_config(), programs);

    let rw = listeners::setup(&server, cli, config, paths).await?;
    let admin_program = Arc::new(admin::AdminProgram::new(
        config.log_filters.as_deref(),
        config.log_outputs.as_deref(),
        config.log_level,
    ));
    let admin_sock = rw.with_file_name("libvirt-admin-sock");
    let admin_server = admin::listen(admin_program, &server, &admin_sock)?;
    tracing::info!(socket = %rw.display(), "rvirtd ready");
    ready.signal(true);

    let idle = idle_timeout(&server, cli.timeout);
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    tokio::select! {
        _ = tokio::signal::ctrl_c() => tracing::info!("SIGINT received, shutting down"),
        _ = term.recv() => tracing::info!("SIGTERM received, shutting down"),
        _ = idle => tracing::info!("no clients for the timeout period, shutting down"),
    }
    admin_server.shutdown();
    server.shutdown();
    Ok(())
}

/// `--timeout`: resolves after `secs` seconds without any client connected.
async fn idle_timeout(server: &Server, secs: Option<u64>) {
    let Some(secs) = secs.filter(|s| *s > 0) else {
        return std::future::pending().await;
    };
    let mut clients = server.clients();
    loop {
        if *clients.borrow_and_update() == 0 {
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_secs(secs)) => return,
                r = clients.changed() => if r.is_err() { return std::future::pending().await },
            }
        } else if clients.changed().await.is_err() {
            return std::future::pending().await;
        }
    }
}
