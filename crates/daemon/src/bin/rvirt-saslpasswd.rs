//! rvirt-saslpasswd: manages rvirtd's SASL user database (`rvirt-sasl-users`), the
//! counterpart of cyrus-sasl's `saslpasswd2 -a libvirt` for libvirtd. Passwords are read
//! from standard input and stored only as SCRAM-SHA-256 verifiers.

use std::io::BufRead;
use std::path::PathBuf;

const USAGE: &str = "Usage: rvirt-saslpasswd [--root DIR | --file PATH] [-d] USER\n\n\
Adds USER to rvirtd's SASL user database, reading the password from the first line of\n\
standard input (the file is /etc/libvirt/rvirt-sasl-users, or DIR/etc/libvirt/... with --root).\n\
  -d, --delete   remove USER instead\n  --list         print the user names\n";

fn main() {
    if let Err(msg) = run() {
        eprintln!("rvirt-saslpasswd: {msg}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut file: Option<PathBuf> = None;
    let mut root: Option<PathBuf> = None;
    let mut delete = false;
    let mut list = false;
    let mut user: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(());
            }
            "-d" | "--delete" => delete = true,
            "--list" => list = true,
            "--root" => root = Some(args.next().ok_or("--root needs a directory")?.into()),
            "--file" | "-f" => file = Some(args.next().ok_or("--file needs a path")?.into()),
            s if s.starts_with('-') => return Err(format!("unknown option '{s}'\n{USAGE}")),
            s => user = Some(s.to_string()),
        }
    }
    let path = file.unwrap_or_else(|| {
        root.unwrap_or_else(|| PathBuf::from("/"))
            .join("etc/libvirt/rvirt-sasl-users")
    });
    if list {
        let db = rvirt_rpc::sasl::UserDb::load(&path)?;
        for name in db.names() {
            println!("{name}");
        }
        return Ok(());
    }
    let user = user.ok_or_else(|| USAGE.to_string())?;
    if delete {
        return rvirt_rpc::sasl::remove_user(&path, &user);
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the password: {e}"))?;
    let password = line.trim_end_matches(['\n', '\r']);
    if password.is_empty() {
        return Err("empty password".into());
    }
    rvirt_rpc::sasl::add_user(&path, &user, password)
}
