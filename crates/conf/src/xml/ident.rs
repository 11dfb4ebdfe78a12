//! Object identity elements shared by every top-level document: `<name>` and `<uuid>`.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::values::{parse_uuid, random_uuid};
use super::NodeExt;

/// `VIR_ERR_NO_NAME` (not named by `ErrorCode`).
pub const VIR_ERR_NO_NAME: i32 = 21;

/// Checks an object name as libvirt's parsers do: present (`VIR_ERR_NO_NAME`,
/// "missing name information") and free of '/' ("invalid char in name: /").
pub fn check_name(name: Option<&str>, domain: ErrorDomain) -> VirResult<String> {
    let name = name.ok_or_else(|| {
        VirError::raw(
            ErrorCode::from_number(VIR_ERR_NO_NAME),
            domain,
            "missing name information",
        )
    })?;
    if name.contains('/') {
        return Err(VirError::raw(
            ErrorCode::XmlDetail,
            ErrorDomain::Xml,
            "invalid char in name: /",
        ));
    }
    Ok(name.to_string())
}

/// Reads the `<uuid>` child of `node`, generating a random one when absent
/// ("malformed uuid element" when unparsable).
pub fn read_uuid(node: roxmltree::Node, domain: ErrorDomain) -> VirResult<[u8; 16]> {
    match node.child_text("uuid") {
        None => Ok(random_uuid()),
        Some(t) => {
            parse_uuid(t).ok_or_else(|| VirError::internal(domain, "malformed uuid element"))
        }
    }
}

/// Checks the root element's name, as `virXMLParse` does (XML error domain, whatever the
/// document kind; `_domain` is kept for call-site symmetry).
pub fn expect_root(root: roxmltree::Node, name: &str, _domain: ErrorDomain) -> VirResult<()> {
    if root.tag_name().name() != name {
        return Err(VirError::new(
            ErrorCode::XmlError,
            ErrorDomain::Xml,
            format!(
                "expecting root element of '{name}', not '{}'",
                root.tag_name().name()
            ),
        ));
    }
    Ok(())
}

/// `virXMLPropEnum`'s "Missing required attribute" error (XML error domain).
pub fn missing_attr(attr: &str, element: &str) -> VirError {
    VirError::new(
        ErrorCode::XmlError,
        ErrorDomain::Xml,
        format!("Missing required attribute '{attr}' in element '{element}'"),
    )
}

/// `virXMLPropEnum`'s "Invalid value for attribute" error (XML error domain).
pub fn invalid_attr(attr: &str, element: &str, value: &str) -> VirError {
    VirError::new(
        ErrorCode::XmlError,
        ErrorDomain::Xml,
        format!("Invalid value for attribute '{attr}' in element '{element}': '{value}'."),
    )
}
