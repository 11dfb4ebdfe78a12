//! `help COMMAND` and `COMMAND --help` for every command rvirsh knows, compared byte for
//! byte with stock virsh. The command list comes from rvirsh itself (`complete -- ""` lists
//! every visible command; the hidden `complete` is added), so nothing rvirsh has is skipped.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{compat, compat_args, VIRSH};

/// Commands whose option table (outside `defs/`) still lacks some of virsh's options; the
/// in-crate test `defs::help_render` checks their text option by option instead.
const KNOWN_GAPS: &[&str] = &[];

fn rvirsh() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_rvirsh"))
}

/// Runs `bin -c test:///default ARG`; stdout, stderr and status, unnormalised.
fn raw(bin: &Path, arg: &str) -> (String, String, Option<i32>) {
    let out = Command::new(bin)
        .env_remove("LIBVIRT_DEFAULT_URI")
        .args(["-c", "test:///default", arg])
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

/// Every command rvirsh knows.
fn commands() -> Vec<String> {
    let out = Command::new(rvirsh())
        .args(["-c", "test:///default", "complete", "--", ""])
        .output()
        .unwrap();
    let mut v: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    v.push("complete".into());
    v
}

/// Runs every command's help through both shells in one session each and compares them
/// command by command.
fn compare_all(line: impl Fn(&str) -> String) {
    if !Path::new(VIRSH).exists() {
        eprintln!("skipping: {VIRSH} not installed");
        return;
    }
    let cmds: Vec<String> = commands()
        .into_iter()
        .filter(|c| !KNOWN_GAPS.contains(&c.as_str()))
        .collect();
    assert!(cmds.len() > 200, "only {} commands", cmds.len());
    let script: Vec<String> = cmds.iter().map(|c| line(c)).collect();
    let script = script.join("; ");
    let want = raw(Path::new(VIRSH), &script);
    let got = raw(&rvirsh(), &script);
    if got == want {
        return;
    }
    // Name the first command whose text differs.
    let split = |s: &str| -> Vec<String> {
        s.split("  NAME\n")
            .skip(1)
            .map(|p| format!("  NAME\n{p}"))
            .collect()
    };
    let (w, g) = (split(&want.0), split(&got.0));
    for (i, c) in cmds.iter().enumerate() {
        assert_eq!(g.get(i), w.get(i), "help text differs for {c}");
    }
    assert_eq!(got, want, "help session differs");
}

#[test]
fn help_command_for_every_command() {
    compare_all(|c| format!("help {c}"));
}

#[test]
fn dash_dash_help_for_every_command() {
    compare_all(|c| format!("{c} --help"));
}

cases! {
    help_after_data => "dominfo test --help";
    help_after_option => "list --all --help";
    help_with_value => "dominfo --help=x";
    help_of_help => "help --help";
    help_unknown => "help nosuch";
    help_group => "help network";
    help_then_more => "uri --help; uri";
    help_as_value => "desc test --title --help";
}

#[test]
fn help_in_argv_form() {
    compat_args(&["dominfo", "--help"]);
    compat_args(&["net-update", "default", "--help"]);
    compat_args(&["help", "net-update"]);
}
