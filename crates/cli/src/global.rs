//! Global options (`virsh [options]... [<command_string>]`) and program start-up.

use crate::vsh::{self, Ctl};

const VERSION: &str = "9.0.0";

struct Globals {
    uri: Option<String>,
    readonly: bool,
    quiet: bool,
    json: bool,
    rest: Vec<String>,
}

enum Early {
    Exit(i32),
}

fn usage() -> String {
    "\nrvirsh [options]... [<command_string>]\nrvirsh [options]... <command> [args...]\n\n  \
     options:\n    -c | --connect=URI      hypervisor connection URI\n    \
     -d | --debug=NUM        debug level [0-4]\n    \
     -e | --escape <char>    set escape sequence for console\n    \
     -h | --help             this help\n    \
     -k | --keepalive-interval=NUM\n                            keepalive interval in seconds, 0 for disable\n    \
     -K | --keepalive-count=NUM\n                            number of possible missed keepalive messages\n    \
     -l | --log=FILE         output logging to file\n    \
     -q | --quiet            quiet mode\n    \
     -r | --readonly         connect readonly\n    \
     -t | --timing           print timing information\n    \
     -v                      short version\n    \
     -V                      long version\n         \
     --version[=TYPE]   version, TYPE is short or long (default short)\n         \
     --json             structured (JSON) output where supported\n\n"
        .to_string()
}

fn long_version() -> String {
    format!(
        "Virsh command line tool of libvirt {VERSION}\nSee web site at https://libvirt.org/\n\n\
         Compiled with support for:\n Hypervisors: QEMU/KVM Test\n Networking: Remote Network\n \
         Storage: Dir\n Miscellaneous: Daemon Secrets\n"
    )
}

fn parse_globals(args: &[String]) -> Result<Globals, Early> {
    let mut g = Globals {
        uri: None,
        readonly: false,
        quiet: false,
        json: false,
        rest: Vec::new(),
    };
    let mut i = 0usize;
    // Options that take a value: short letter and long name.
    let takes = |s: &str| {
        matches!(
            s,
            "c" | "d"
                | "e"
                | "k"
                | "K"
                | "l"
                | "connect"
                | "debug"
                | "escape"
                | "keepalive-interval"
                | "keepalive-count"
                | "log"
        )
    };
    while i < args.len() {
        let a = &args[i];
        i += 1;
        if a == "--" {
            break;
        }
        let (name, inline): (String, Option<String>) = if let Some(l) = a.strip_prefix("--") {
            match l.split_once('=') {
                Some((n, v)) => (n.to_string(), Some(v.to_string())),
                None => (l.to_string(), None),
            }
        } else if a.len() > 1 && a.starts_with('-') {
            let n = a[1..2].to_string();
            let rest = &a[2..];
            if takes(&n) {
                (n, (!rest.is_empty()).then(|| rest.to_string()))
            } else if !rest.is_empty() {
                // Bundled flags like -rq.
                let mut n2 = n.clone();
                for c in rest.chars() {
                    apply_flag(&mut g, &c.to_string())?;
                    n2.push(c);
                }
                (n, None)
            } else {
                (n, None)
            }
        } else {
            i -= 1;
            break;
        };
        let value = if takes(&name) || name == "version" && inline.is_some() {
            match inline {
                Some(v) => Some(v),
                None if name != "version" => {
                    if i < args.len() {
                        i += 1;
                        Some(args[i - 1].clone())
                    } else {
                        eprintln!("error: option '-{name}' requires an argument");
                        return Err(Early::Exit(1));
                    }
                }
                None => None,
            }
        } else {
            None
        };
        match name.as_str() {
            "c" | "connect" => g.uri = value,
            "d" | "debug" | "e" | "escape" | "l" | "log" => {}
            "k" | "keepalive-interval" | "K" | "keepalive-count" => {
                let v = value.unwrap_or_default();
                if v.parse::<i32>().map(|n| n < 0).unwrap_or(true) {
                    eprintln!(
                        "error: Invalid value for option {}",
                        if name.len() == 1 {
                            format!("-{name}")
                        } else {
                            format!("--{name}")
                        }
                    );
                    return Err(Early::Exit(1));
                }
            }
            "version" => {
                match value.as_deref() {
                    None | Some("short") => println!("{VERSION}"),
                    Some("long") => print!("{}", long_version()),
                    Some(o) => {
                        eprintln!("error: unknown version type '{o}'");
                        return Err(Early::Exit(1));
                    }
                }
                return Err(Early::Exit(0));
            }
            other => apply_flag(&mut g, other)?,
        }
    }
    g.rest = args[i..].to_vec();
    Ok(g)
}

fn apply_flag(g: &mut Globals, f: &str) -> Result<(), Early> {
    match f {
        "r" | "readonly" => g.readonly = true,
        "q" | "quiet" => g.quiet = true,
        "t" | "timing" => {}
        "json" => g.json = true,
        "v" => {
            println!("{VERSION}");
            return Err(Early::Exit(0));
        }
        "V" => {
            print!("{}", long_version());
            return Err(Early::Exit(0));
        }
        "h" | "help" => {
            print!("{}", usage());
            return Err(Early::Exit(0));
        }
        other => {
            let dash = if other.len() == 1 { "-" } else { "--" };
            eprintln!("error: unsupported option '{dash}{other}'. See --help.");
            return Err(Early::Exit(1));
        }
    }
    Ok(())
}

/// Program entry: parses global options, runs the command(s) or the interactive shell.
pub fn main() -> i32 {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let g = match parse_globals(&args) {
        Ok(g) => g,
        Err(Early::Exit(code)) => return code,
    };
    let uri = g
        .uri
        .or_else(|| std::env::var("VIRSH_DEFAULT_CONNECT_URI").ok())
        .unwrap_or_default();
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    let mut ctl = Ctl::new(uri, g.readonly, g.quiet, g.json);
    let ok = rt.block_on(async {
        let ok = if g.rest.is_empty() {
            vsh::interactive(&mut ctl).await
        } else if g.rest.len() == 1 {
            vsh::run_string(&mut ctl, &g.rest[0]).await
        } else {
            vsh::run_argv(&mut ctl, &g.rest).await
        };
        ctl.disconnect().await;
        ok
    });
    if ok {
        0
    } else {
        1
    }
}
