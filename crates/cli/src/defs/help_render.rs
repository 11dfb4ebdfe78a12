//! Renders `help COMMAND` (virsh's `vshCmddefHelp`): NAME, SYNOPSIS, DESCRIPTION and OPTIONS
//! from a command's definition and its help text.

use super::help_text::{self, DATA_ARGV, HIDDEN_SUMMARIES};
use super::{CmdDef, Kind, OptDef};

fn data_argv(def: &CmdDef, o: &OptDef) -> bool {
    o.kind == Kind::Argv && DATA_ARGV.contains(&(def.name, o.name))
}

fn type_word(o: &OptDef) -> &'static str {
    if o.kind == Kind::Int {
        "number"
    } else {
        "string"
    }
}

/// One option as the SYNOPSIS line shows it (with its leading space).
fn synopsis_word(def: &CmdDef, o: &OptDef) -> String {
    let (n, t) = (o.name, type_word(o));
    match o.kind {
        Kind::Bool => format!(" [--{n}]"),
        Kind::Argv if data_argv(def, o) && o.required => format!(" <{n}>..."),
        Kind::Argv if data_argv(def, o) => format!(" [<{n}>]..."),
        Kind::Argv if o.required => format!(" {{[--{n}] <{t}>}}..."),
        Kind::Argv => format!(" [[--{n}] <{t}>]..."),
        _ if o.required && o.named_only => format!(" --{n} <{t}>"),
        _ if o.required => format!(" <{n}>"),
        _ => format!(" [--{n} <{t}>]"),
    }
}

/// One option's label in the OPTIONS list.
fn option_label(def: &CmdDef, o: &OptDef) -> String {
    let (n, t) = (o.name, type_word(o));
    match o.kind {
        Kind::Bool => format!("--{n}"),
        Kind::Argv if data_argv(def, o) => format!("<{n}>"),
        Kind::Argv => format!("[--{n}] <{t}>"),
        _ if o.required && !o.named_only => format!("[--{n}] <{t}>"),
        _ => format!("--{n} <{t}>"),
    }
}

/// The whole `help COMMAND` text of `def` (virsh's shell adds its blank line after it).
pub fn render(def: &CmdDef) -> String {
    let summary = if def.summary.is_empty() {
        HIDDEN_SUMMARIES
            .iter()
            .find(|(n, _)| *n == def.name)
            .map_or("", |(_, s)| *s)
    } else {
        def.summary
    };
    let mut out = format!(
        "  NAME\n    {} - {summary}\n\n  SYNOPSIS\n    {}",
        def.name, def.name
    );
    for o in def.opts {
        out.push_str(&synopsis_word(def, o));
    }
    out.push_str("\n\n");
    let text = help_text::find(def.name);
    if let Some((_, desc, _)) = text {
        if !desc.is_empty() {
            out.push_str(&format!("  DESCRIPTION\n    {desc}\n\n"));
        }
    }
    if !def.opts.is_empty() {
        out.push_str("  OPTIONS\n");
        for o in def.opts {
            let label = option_label(def, o);
            let help = text.and_then(|(_, _, opts)| opts.iter().find(|(n, _)| *n == o.name));
            match help {
                Some((_, h)) => out.push_str(&format!("    {label:<15}  {h}\n")),
                None => out.push_str(&format!("    {label}\n")),
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::render;
    use crate::defs;

    #[test]
    fn renders_all_sections() {
        let def = defs::find("dominfo").unwrap();
        assert_eq!(
            render(def),
            "  NAME\n    dominfo - domain information\n\n  SYNOPSIS\n    dominfo <domain>\n\n  \
             DESCRIPTION\n    Returns basic information about the domain.\n\n  OPTIONS\n    \
             [--domain] <string>  domain name, id or uuid\n\n"
        );
    }

    #[test]
    fn renders_command_without_options() {
        let def = defs::find("uri").unwrap();
        assert_eq!(
            render(def),
            "  NAME\n    uri - print the hypervisor canonical URI\n\n  SYNOPSIS\n    uri\n\n"
        );
    }

    /// Commands whose option table (outside `defs/`) still lacks some of virsh's options:
    /// only the NAME, DESCRIPTION and the help of the options rvirsh has are compared.
    const KNOWN_GAPS: &[&str] = &[];

    /// Every command rvirsh knows renders exactly as stock virsh's `help COMMAND` (skipped
    /// when virsh is not installed).
    #[test]
    fn every_command_matches_stock_virsh() {
        let virsh = std::path::Path::new("/usr/bin/virsh");
        if !virsh.exists() {
            eprintln!("skipping: {} not installed", virsh.display());
            return;
        }
        let mut bad = Vec::new();
        let mut n = 0;
        for def in defs::all() {
            let out = std::process::Command::new(virsh)
                .args(["help", def.name])
                .env_remove("LIBVIRT_DEFAULT_URI")
                .output()
                .unwrap();
            let want = String::from_utf8_lossy(&out.stdout).into_owned();
            // virsh's shell prints a blank line after every command's output
            let got = render(def) + "\n";
            n += 1;
            if KNOWN_GAPS.contains(&def.name) {
                assert_ne!(
                    got, want,
                    "{} matches now: drop it from KNOWN_GAPS",
                    def.name
                );
                let head = |s: &str| s.split("  OPTIONS\n").next().unwrap_or("").to_string();
                let (gh, wh) = (head(&got), head(&want));
                let tail = |s: &str| s.split_once("  DESCRIPTION").map(|(_, t)| t.to_string());
                assert_eq!(tail(&gh), tail(&wh), "{} description differs", def.name);
                for line in got.split("  OPTIONS\n").nth(1).unwrap_or("").lines() {
                    assert!(
                        want.contains(line),
                        "{}: {line:?} not in virsh's help",
                        def.name
                    );
                }
                continue;
            }
            if got != want {
                bad.push(format!("--- {}\nwant:\n{want}got:\n{got}", def.name));
            }
        }
        assert!(n > 200, "only {n} commands");
        assert!(
            bad.is_empty(),
            "{} of {n} differ:\n{}",
            bad.len(),
            bad.join("\n")
        );
    }
}
