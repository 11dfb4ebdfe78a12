//! Injection guards: every value written into dnsmasq.conf or an nft batch passes here.

use rvirt_core::error::{ErrorCode, VirError, VirResult};

use crate::errors::NET;

fn reject(what: &str, value: &str) -> VirError {
    VirError::new(
        ErrorCode::ConfigUnsupported,
        NET,
        format!("invalid characters in {what} '{}'", value.escape_debug()),
    )
}

/// A free-form value for one dnsmasq option: no control characters (line breaks end an
/// option and start a new one), no `#` (comment) and no `,` or `"` (field separators).
pub fn conf_value(what: &str, value: &str) -> VirResult<()> {
    if value.is_empty() {
        return Err(reject(what, value));
    }
    if value
        .chars()
        .any(|c| c.is_control() || matches!(c, '#' | ',' | '"' | '\\'))
    {
        return Err(reject(what, value));
    }
    Ok(())
}

/// A DNS name (hostname, domain, SRV service): letters, digits, `-`, `_` and `.`.
pub fn dns_name(what: &str, value: &str) -> VirResult<()> {
    if value.is_empty()
        || value.len() > 253
        || !value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err(reject(what, value));
    }
    Ok(())
}

/// A Linux interface name as it appears in `ip` arguments and nft rules.
pub fn ifname(value: &str) -> VirResult<()> {
    if value.is_empty()
        || value.len() > 15
        || value == "."
        || value == ".."
        || !value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err(reject("interface name", value));
    }
    Ok(())
}

/// A MAC address `xx:xx:xx:xx:xx:xx`.
pub fn mac(value: &str) -> VirResult<()> {
    let parts: Vec<&str> = value.split(':').collect();
    if parts.len() != 6
        || !parts
            .iter()
            .all(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_hexdigit()))
    {
        return Err(VirError::new(ErrorCode::InvalidMac, NET, value.to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_line_breaks_and_separators() {
        assert!(conf_value("txt", "a\nb").is_err());
        assert!(conf_value("txt", "a\rb").is_err());
        assert!(conf_value("txt", "a,b").is_err());
        assert!(conf_value("txt", "a#b").is_err());
        assert!(conf_value("txt", "plain text").is_ok());
        assert!(dns_name("host", "a b").is_err());
        assert!(dns_name("host", "web-1.example").is_ok());
        assert!(ifname("virbr0").is_ok());
        assert!(ifname("x\";drop").is_err());
        assert!(ifname("averyveryverylongname").is_err());
        assert!(mac("52:54:00:aa:bb:cc").is_ok());
        assert!(mac("52:54:00:aa:bb:cc\n").is_err());
    }
}
