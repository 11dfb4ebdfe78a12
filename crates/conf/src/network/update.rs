//! `virNetworkUpdate` on the network model (`virNetworkDefUpdateSection`): add, delete or
//! modify one entry of a section of a [`NetworkDef`], shared by every driver.

mod dhcp;
mod dns;
mod other;

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::def::NetworkDef;
use crate::xml::parse_document;

pub(crate) const DOM: ErrorDomain = ErrorDomain::Network;

/// `virNetworkUpdateCommand` values.
pub mod command {
    pub const MODIFY: u32 = 1;
    pub const DELETE: u32 = 2;
    pub const ADD_LAST: u32 = 3;
    pub const ADD_FIRST: u32 = 4;
}

/// `virNetworkUpdateSection` values.
pub mod section {
    pub const BRIDGE: u32 = 1;
    pub const DOMAIN: u32 = 2;
    pub const IP: u32 = 3;
    pub const IP_DHCP_HOST: u32 = 4;
    pub const IP_DHCP_RANGE: u32 = 5;
    pub const FORWARD: u32 = 6;
    pub const FORWARD_INTERFACE: u32 = 7;
    pub const FORWARD_PF: u32 = 8;
    pub const PORTGROUP: u32 = 9;
    pub const DNS_HOST: u32 = 10;
    pub const DNS_TXT: u32 = 11;
    pub const DNS_SRV: u32 = 12;
}

pub(crate) fn invalid(detail: String) -> VirError {
    VirError::operation_invalid(DOM, detail)
}

pub(crate) fn unsupported(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::OperationUnsupported, DOM, detail.into())
}

pub(crate) fn xml_error(detail: String) -> VirError {
    VirError::new(ErrorCode::XmlError, DOM, detail)
}

pub(crate) fn xml_detail(detail: String) -> VirError {
    VirError::new(ErrorCode::XmlDetail, DOM, detail)
}

pub(crate) fn unknown_command(command: u32) -> VirError {
    unsupported(format!(
        "unrecognized network update command code {command}"
    ))
}

pub(crate) fn is_add(command: u32) -> bool {
    command == command::ADD_FIRST || command == command::ADD_LAST
}

/// Inserts `item` first or last as `command` says.
pub(crate) fn insert<T>(list: &mut Vec<T>, item: T, command: u32) {
    if command == command::ADD_FIRST {
        list.insert(0, item);
    } else {
        list.push(item);
    }
}

/// `virNetworkDefUpdateCheckElementName`.
pub(crate) fn check_element(def: &NetworkDef, node: roxmltree::Node, want: &str) -> VirResult<()> {
    let got = node.tag_name().name();
    if got != want {
        return Err(xml_error(format!(
            "unexpected element <{got}>, expecting <{want}>, while updating network '{}'",
            def.name
        )));
    }
    Ok(())
}

/// `virNetworkDefUpdateSection`: applies `command` with the element `xml` to `section` of
/// `def` (`parent_index` picks the `<ip>` for DHCP sections, -1 for the best match).
pub fn update_section(
    def: &mut NetworkDef,
    command: u32,
    section: u32,
    parent_index: i32,
    xml: &str,
) -> VirResult<()> {
    // libvirt names this document without the parentheses of its other documents
    let doc = parse_document(xml, "network_update_xml", DOM).map_err(|mut e| {
        e.message = e
            .message
            .replacen("(network_update_xml)", "network_update_xml", 1);
        e
    })?;
    let node = doc.root_element();
    let no_support = |what: &str, def: &NetworkDef| {
        Err(unsupported(format!(
            "can't update '{what}' section of network '{}'",
            def.name
        )))
    };
    match section {
        section::BRIDGE => no_support("bridge", def),
        section::DOMAIN => no_support("domain", def),
        section::IP => no_support("ip", def),
        section::FORWARD => no_support("forward", def),
        section::FORWARD_PF => no_support("forward pf", def),
        section::IP_DHCP_HOST => dhcp::host(def, command, parent_index, node),
        section::IP_DHCP_RANGE => dhcp::range(def, command, parent_index, node),
        section::FORWARD_INTERFACE => other::forward_interface(def, command, node),
        section::PORTGROUP => other::portgroup(def, command, node),
        section::DNS_HOST => dns::host(def, command, node),
        section::DNS_TXT => dns::txt(def, command, node),
        section::DNS_SRV => dns::srv(def, command, node),
        _ => Err(unsupported("can't update unrecognized section of network")),
    }
}

/// The final format/parse cycle `virNetworkObjUpdate` runs on an updated definition, so
/// nothing illegal gets in.
pub fn revalidate(def: &NetworkDef) -> VirResult<()> {
    other::check_forward(def)?;
    let xml = def.format(&super::def::NetworkFormatOptions::default());
    NetworkDef::parse(&xml).map(|_| ())
}

#[cfg(test)]
mod tests;
