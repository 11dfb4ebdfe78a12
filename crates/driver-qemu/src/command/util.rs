//! Small helpers shared by the device builders.

use rvirt_conf::domain::Element;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError};

/// `VIR_ERR_CONFIG_UNSUPPORTED` in the QEMU domain.
pub fn unsupported(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::ConfigUnsupported, ErrorDomain::Qemu, detail)
}

/// `child/@attr`.
pub fn child_attr<'a>(e: &'a Element, child: &str, attr: &str) -> Option<&'a str> {
    e.child(child).and_then(|c| c.attr(attr))
}

/// Sets `<alias name=…>` (replacing an old one) just before `<address>`.
pub fn set_alias(e: &mut Element, name: &str) {
    e.remove_children("alias");
    let mut a = Element::new("alias");
    a.attrs.push(("name".into(), name.into()));
    match e.children.iter().position(|c| c.name == "address") {
        Some(p) => e.children.insert(p, a),
        None => e.children.push(a),
    }
}

/// The device's alias, if assigned.
pub fn alias(e: &Element) -> Option<&str> {
    child_attr(e, "alias", "name")
}

/// Escapes a value for QEMU's comma-separated option syntax.
pub fn qemu_escape(s: &str) -> String {
    s.replace(',', ",,")
}

/// A JSON string literal.
pub fn json_str(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}
