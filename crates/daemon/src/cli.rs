//! Command line, as libvirtd's (`libvirtd --help`), plus `--root`.

use std::path::PathBuf;

use clap::Parser;

/// rvirtd: a drop-in libvirtd.
#[derive(Debug, Clone, Parser)]
#[command(name = "rvirtd", disable_version_flag = true)]
pub struct Cli {
    /// Configuration file (default: <root>/etc/libvirt/libvirtd.conf).
    #[arg(short = 'f', long = "config", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Listen for TCP/IP connections (honours listen_tcp / listen_tls).
    #[arg(short = 'l', long = "listen")]
    pub listen: bool,
    /// Run as a daemon and write a PID file.
    #[arg(short = 'd', long = "daemon")]
    pub daemon: bool,
    /// Change name of PID file (default: <root>/run/libvirtd.pid).
    #[arg(short = 'p', long = "pid-file", value_name = "FILE")]
    pub pid_file: Option<PathBuf>,
    /// Exit after SECS seconds without clients.
    #[arg(short = 't', long = "timeout", value_name = "SECS")]
    pub timeout: Option<u64>,
    /// Verbose messages (debug logging).
    #[arg(short = 'v', long = "verbose")]
    pub verbose: bool,
    /// Display version information.
    #[arg(long = "version")]
    pub version: bool,
    /// Treat DIR as `/` for every path the daemon uses (config, run, state, cache, log).
    #[arg(long = "root", value_name = "DIR")]
    pub root: Option<PathBuf>,
}
