//! `migrate` refusals checked against output recorded from stock virsh 9.0 with
//! `-c test:///default`: its migration thread sometimes hangs after a refusal, so it is
//! not run each time. Each row is (arguments after `migrate test test:///default`, stderr).

use std::path::PathBuf;

use super::{normalise, run, workdir};

const NOSUP: &str =
    "error: this function is not supported by the connection driver: virDomainMigrate3\n";
const EXTENDED: &str = "error: argument unsupported: Migration APIs with extensible parameters \
are not supported but extended parameters were passed\n";
const OFFLINE: &str =
    "error: argument unsupported: offline migration is not supported by the source host\n";
const TUNNELLED: &str = "error: cannot perform tunnelled migration without using peer2peer flag\n";
const NO_TIMEOUT: &str = "error: migrate: Unexpected --timeout-* option without --timeout\n";

fn check(rows: &[(&str, &str)]) {
    let d = workdir();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_rvirsh"));
    for (args, want) in rows {
        let line = match args.strip_prefix('@') {
            Some(rest) => format!("migrate {rest}"),
            None => format!("migrate test test:///default {args}"),
        };
        let (_, err, rc) = run(&bin, d.path(), &[&line]);
        assert_eq!(rc, 1, "{line}");
        assert_eq!(err, normalise(want), "{line}");
    }
}

#[test]
fn timeout_values() {
    let malformed = |v: &str| {
        format!("error: Numeric value '{v}' for <timeout> option is malformed or out of range\n")
    };
    check(&[
        ("--timeout 0 --live", NOSUP),
        ("--timeout 0", NOSUP),
        ("--timeout 0 --timeout-suspend", NO_TIMEOUT),
        ("--timeout 0 --timeout-postcopy --postcopy", NO_TIMEOUT),
        ("--timeout-suspend", NO_TIMEOUT),
        ("--timeout 4294967296 --live", &malformed("4294967296")),
        (
            "--timeout 99999999999999999999 --live",
            &malformed("99999999999999999999"),
        ),
        ("--timeout -1 --live", &malformed("-1")),
        ("--timeout abc --live", &malformed("abc")),
        ("--timeout 1.5 --live", &malformed("1.5")),
        ("--timeout= --live", &malformed("")),
        (
            "--timeout 5",
            "error: migrate: Unexpected timeout for offline migration\n",
        ),
        (
            "--timeout 5 --offline",
            "error: migrate: Unexpected timeout for offline migration\n",
        ),
        (
            "--timeout-postcopy",
            "error: Option --postcopy is required by option --timeout-postcopy\n",
        ),
    ]);
}

#[test]
fn extended_parameters_without_params_support() {
    check(&[
        ("--comp-mt-level -1", EXTENDED),
        ("--auto-converge-initial 0", EXTENDED),
        ("--parallel --parallel-connections 0", EXTENDED),
        ("--disks-port -1", EXTENDED),
        ("--disks-port 70000", EXTENDED),
        ("--graphicsuri x", EXTENDED),
        ("--listen-address x", EXTENDED),
        ("--disks-uri x", EXTENDED),
        ("--migrate-disks vda", EXTENDED),
        ("--migrate-disks ,", EXTENDED),
        ("--comp-methods ,", EXTENDED),
        ("--comp-xbzrle-cache 0", EXTENDED),
        ("--postcopy-bandwidth 0", EXTENDED),
        ("--tls --tls-destination x", EXTENDED),
        ("--copy-storage-inc --comp-mt-level 1", EXTENDED),
        // only the parameters older protocols know
        ("--disks-port 0", NOSUP),
        ("--bandwidth 0", NOSUP),
        ("--migrateuri tcp://x --dname y --bandwidth 5", NOSUP),
        ("--copy-storage-all", NOSUP),
    ]);
}

#[test]
fn flag_refusals_in_libvirt_order() {
    let direct =
        "error: argument unsupported: direct migration is not supported by the source host\n";
    let p2p = "error: argument unsupported: p2p migration is not supported by the source host\n";
    let protect = "error: argument unsupported: cannot enforce change protection\n";
    check(&[
        ("--direct", direct),
        ("--direct --comp-mt-level 1", direct),
        ("--direct --tunnelled", direct),
        ("@test nosuch:///x --direct", direct),
        ("--p2p --direct", p2p),
        ("--p2p --comp-mt-level 1", p2p),
        ("--offline", OFFLINE),
        ("--offline --comp-mt-level 1", OFFLINE),
        ("--undefinesource --offline", OFFLINE),
        ("--offline --copy-storage-all", OFFLINE),
        ("--offline --change-protection", OFFLINE),
        ("--direct --offline", OFFLINE),
        ("--p2p --offline", OFFLINE),
        ("--p2p --tunnelled --offline", OFFLINE),
        ("--tunnelled", TUNNELLED),
        ("--tunnelled --comp-mt-level 1", TUNNELLED),
        ("--offline --tunnelled", TUNNELLED),
        ("--tunnelled --change-protection", TUNNELLED),
        ("--copy-storage-all --tunnelled", TUNNELLED),
        ("--change-protection", protect),
        ("--change-protection --comp-mt-level 1", protect),
    ]);
}

#[test]
fn files_and_empty_values() {
    let empty = |o: &str| format!("error: Failed to get option '{o}': Option argument is empty\n");
    check(&[
        (
            "--xml nosuch",
            "error: cannot read file 'nosuch'\nerror: Failed to open file 'nosuch': No such file or directory\n",
        ),
        (
            "--persistent --persistent-xml nosuch",
            "error: cannot read file 'nosuch'\nerror: Failed to open file 'nosuch': No such file or directory\n",
        ),
        ("--migrateuri ''", &empty("migrateuri")),
        ("--dname ''", &empty("dname")),
        ("--xml ''", &empty("xml")),
        ("--graphicsuri ''", &empty("graphicsuri")),
        ("--disks-uri ''", &empty("disks-uri")),
        ("--listen-address ''", &empty("listen-address")),
        ("--migrate-disks ''", &empty("migrate-disks")),
        ("--comp-methods ''", &empty("comp-methods")),
        ("--tls-destination '' --tls", &empty("tls-destination")),
        ("@test ''", &empty("desturi")),
        ("@'' test:///default", &empty("domain")),
    ]);
}
