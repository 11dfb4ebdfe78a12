//! Secret commands: secret-define, secret-list, secret-dumpxml, secret-set-value,
//! secret-get-value, secret-undefine.

use rvirt::Connect;

use super::util::read_file;
use crate::lookup;
use crate::output::Table;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// Decodes base64 as virsh does (glib's decoder: whitespace ignored, decoding stops at
/// padding, so unpadded input is accepted); `None` on a character outside the alphabet.
pub fn b64_decode(s: &str) -> Option<Vec<u8>> {
    const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.bytes().filter(|c| !c.is_ascii_whitespace()) {
        if c == b'=' {
            break;
        }
        let v = B64.iter().position(|&x| x == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

fn usage_type(t: i32) -> &'static str {
    match t {
        1 => "volume",
        2 => "ceph",
        3 => "iscsi",
        4 => "tls",
        5 => "vtpm",
        _ => "none",
    }
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    match cmd.def.name {
        "secret-define" => {
            let (path, xml) = read_file(cmd, "file")?;
            let flags = if cmd.has("validate") { 1 } else { 0 };
            let s = conn
                .secret_define_xml(&xml, flags)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to set attributes from {path}"), e))?;
            ctl.print_extra(&format!("Secret {} created\n", s.uuid));
            Ok(())
        }
        "secret-list" => {
            let mut flags = 0;
            for (o, f) in [
                ("ephemeral", 1),
                ("no-ephemeral", 2),
                ("private", 4),
                ("no-private", 8),
            ] {
                if cmd.has(o) {
                    flags |= f;
                }
            }
            let mut list = conn
                .list_all_secrets(flags)
                .await
                .map_err(|e| Failure::ctx("Failed to list secrets", e))?;
            list.sort_by_key(|s| s.uuid.to_string());
            let mut t = Table::new(&["UUID", "Usage"]);
            for s in &list {
                let usage = if s.usage_type == 0 {
                    "Unused".to_string()
                } else {
                    format!("{} {}", usage_type(s.usage_type), s.usage_id)
                };
                t.row(vec![s.uuid.to_string(), usage]);
            }
            let out = t.render(ctl.quiet);
            ctl.print(&out);
            Ok(())
        }
        "secret-dumpxml" => {
            let s = lookup::secret(conn, cmd, "secret").await?;
            let x = conn.secret_get_xml_desc(&s, 0).await?;
            super::domain::print_xml(ctl, cmd, &x)
        }
        "secret-set-value" => {
            let s = lookup::secret(conn, cmd, "secret").await?;
            let value: Vec<u8> = if let Some(f) = cmd.get("file") {
                let raw = std::fs::read(f).map_err(|e| {
                    Failure::msg(format!(
                        "failed to read '{f}': {}",
                        super::util::strerror(&e)
                    ))
                })?;
                if cmd.has("plain") {
                    raw
                } else {
                    b64_decode(&String::from_utf8_lossy(&raw))
                        .ok_or_else(|| Failure::msg("Invalid base64 data"))?
                }
            } else if let Some(b) = cmd.get("base64") {
                b64_decode(b).ok_or_else(|| Failure::msg("Invalid base64 data"))?
            } else {
                return Err(Failure::msg("Input secret value is missing"));
            };
            conn.secret_set_value(&s, value, 0).await?;
            ctl.print_extra("Secret value set\n");
            Ok(())
        }
        "secret-get-value" => {
            let s = lookup::secret(conn, cmd, "secret").await?;
            let v = conn.secret_get_value(&s, 0).await?;
            if cmd.has("plain") {
                ctl.print(&String::from_utf8_lossy(&v));
            } else {
                ctl.print(&format!("{}\n", rvirt_core::base64::encode(&v)));
            }
            Ok(())
        }
        "secret-undefine" => {
            let s = lookup::secret(conn, cmd, "secret").await?;
            let u = cmd.get("secret").unwrap_or("");
            conn.secret_undefine(&s)
                .await
                .map_err(|e| Failure::ctx(format!("Failed to delete secret {u}"), e))?;
            ctl.print_extra(&format!("Secret {u} deleted\n"));
            Ok(())
        }
        _ => super::unhandled(cmd),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trip() {
        assert_eq!(b64_decode("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(b64_decode("aGVsbG8").unwrap(), b"hello");
        assert_eq!(b64_decode(" aGVs\nbG8= ").unwrap(), b"hello");
        assert!(b64_decode("!!").is_none());
    }
}
