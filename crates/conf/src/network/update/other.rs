//! The `forward-interface` and `portgroup` sections of `virNetworkUpdate`, and the check
//! the final re-parse of an updated definition makes on `<forward>`.

use rvirt_core::error::VirResult;

use super::{
    check_element, command, insert, invalid, is_add, unknown_command, unsupported, xml_error,
};
use crate::network::def::NetworkDef;
use crate::network::forward::{ForwardIf, ForwardMode};

/// `virNetworkDefUpdateForwardInterface`.
pub fn forward_interface(
    def: &mut NetworkDef,
    command: u32,
    node: roxmltree::Node,
) -> VirResult<()> {
    check_element(def, node, "interface")?;
    if command == command::MODIFY {
        return Err(unsupported(
            "forward interface entries cannot be modified, only added or deleted",
        ));
    }
    let dev = node
        .attribute("dev")
        .ok_or_else(|| xml_error("missing dev attribute in <interface> element".into()))?;
    let net = def.name.clone();
    let pos = def
        .forward
        .ifs
        .iter()
        .position(|i| matches!(i, ForwardIf::Netdev(d) if d == dev));
    if is_add(command) {
        if pos.is_some() {
            return Err(invalid(format!(
                "there is an existing interface entry in network '{net}' that matches \"<interface dev='{dev}'>\""
            )));
        }
        insert(
            &mut def.forward.ifs,
            ForwardIf::Netdev(dev.to_string()),
            command,
        );
        return Ok(());
    }
    if command != command::DELETE {
        return Err(unknown_command(command));
    }
    let i = pos.ok_or_else(|| {
        invalid(format!(
            "couldn't find an interface entry in network '{net}' matching <interface dev='{dev}'>"
        ))
    })?;
    def.forward.ifs.remove(i);
    Ok(())
}

/// `virNetworkDefUpdatePortGroup`.
pub fn portgroup(def: &mut NetworkDef, command: u32, node: roxmltree::Node) -> VirResult<()> {
    check_element(def, node, "portgroup")?;
    let net = def.name.clone();
    let name = node
        .attribute("name")
        .ok_or_else(|| xml_error("Missing required name attribute in portgroup".into()))?;
    // the portgroup parser of whole documents reads the rest
    let wrapped = format!(
        "<network><name>{}</name>{}</network>",
        crate::xml::escape(&net),
        &node.document().input_text()[node.range()]
    );
    let mut pg = NetworkDef::parse(&wrapped)?
        .portgroups
        .into_iter()
        .next()
        .ok_or_else(|| xml_error("Missing required name attribute in portgroup".into()))?;
    pg.name = name.to_string();
    pg.is_default = node
        .attribute("default")
        .is_some_and(|d| d.eq_ignore_ascii_case("yes"));
    let found = def.portgroups.iter().position(|p| p.name == pg.name);
    let default = def.portgroups.iter().position(|p| p.is_default);
    let modify_or_delete = matches!(command, command::MODIFY | command::DELETE);
    match found {
        None if modify_or_delete => {
            return Err(invalid(format!(
                "couldn't find a portgroup entry in network '{net}' matching <portgroup name='{}'>",
                pg.name
            )))
        }
        Some(_) if is_add(command) => {
            return Err(invalid(format!(
                "there is an existing portgroup entry in network '{net}' that matches \"<portgroup name='{}'>\"",
                pg.name
            )))
        }
        _ => {}
    }
    if command != command::DELETE && pg.is_default && default.is_some() && default != found {
        return Err(invalid(format!(
            "a different portgroup entry in network '{net}' is already set as the default. Only one default is allowed."
        )));
    }
    match (command, found) {
        (command::MODIFY, Some(i)) => def.portgroups[i] = pg,
        (command::DELETE, Some(i)) => {
            def.portgroups.remove(i);
        }
        (c, _) if is_add(c) => insert(&mut def.portgroups, pg, command),
        _ => return Err(unknown_command(command)),
    }
    Ok(())
}

/// What parsing the updated document rejects about `<forward>` interfaces.
pub fn check_forward(def: &NetworkDef) -> VirResult<()> {
    let single = matches!(
        def.forward.mode,
        ForwardMode::Nat | ForwardMode::Route | ForwardMode::Open
    );
    if single && def.forward.ifs.len() > 1 {
        return Err(xml_error(format!(
            "multiple forwarding interfaces specified for network '{}', only one is supported",
            def.name
        )));
    }
    Ok(())
}
