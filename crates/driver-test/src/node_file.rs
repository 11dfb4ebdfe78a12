//! Loading a `<node>` document (`test:///default` and `test:///PATH/node.xml`) into a fresh
//! driver state (`testOpenParse`).

use crate::defaults;
use crate::domdef::parse_domain;
use crate::errors::xml_error;
use crate::objects::{DomainObj, DriverState, IfaceObj, NetworkObj, NodeDevObj, PoolObj, VolObj};
use crate::state::{running, transition, DomainState, Transition};
use crate::xmltree::{self, Element};
use rvirt_conf::interface::InterfaceDef;
use rvirt_conf::network::NetworkDef;
use rvirt_conf::nodedev::NodeDeviceDef;
use rvirt_conf::storage::{PoolDef, VolumeDef};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::info::domain_state as st;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

const DOM: ErrorDomain = ErrorDomain::Test;

/// Resolves a `file=` reference relative to the node file (`testParseXMLDocFromFile`).
fn resolve(el: &Element, base: Option<&Path>) -> VirResult<Element> {
    let Some(rel) = el.attr("file") else {
        return Ok(el.clone());
    };
    let path = match base.and_then(Path::parent) {
        Some(dir) if !Path::new(rel).is_absolute() => dir.join(rel),
        _ => PathBuf::from(rel),
    };
    let text = std::fs::read_to_string(&path).map_err(|e| {
        VirError::raw(
            ErrorCode::SystemError,
            ErrorDomain::None,
            format!(
                "failed to open file '{}': {}",
                path.display(),
                crate::errors::strerror(&e)
            ),
        )
    })?;
    xmltree::parse(&text, &path.display().to_string(), DOM)
}

fn node_long(root: &Element, path: &[&str], what: &str) -> VirResult<Option<i64>> {
    let mut el = root;
    for p in path {
        match el.child(p) {
            Some(c) => el = c,
            None => return Ok(None),
        }
    }
    let t = el.text.as_deref().unwrap_or("").trim();
    t.parse()
        .map(Some)
        .map_err(|_| xml_error(DOM, format!("invalid node {what} value")))
}

/// Loads a node document; `file` is its path (for `file=` references), `None` for the default.
pub fn load(xml: &str, file: Option<&Path>, cells: Vec<(u64, u64)>) -> VirResult<DriverState> {
    let root = xmltree::parse(xml, "(test driver)", DOM)?;
    if root.name != "node" {
        return Err(xml_error(DOM, "Root element is not 'node'"));
    }
    let mut ni = defaults::node_info();
    for (key, what) in [
        ("nodes", "cpu nodes"),
        ("sockets", "cpu sockets"),
        ("cores", "cpu cores"),
        ("threads", "cpu threads"),
    ] {
        if let Some(v) = node_long(&root, &["cpu", key], what)? {
            let v = i32::try_from(v).unwrap_or(i32::MAX);
            match key {
                "nodes" => ni.nodes = v,
                "sockets" => ni.sockets = v,
                "cores" => ni.cores = v,
                _ => ni.threads = v,
            }
        }
    }
    ni.cpus = ni.cores * ni.threads * ni.sockets * ni.nodes;
    if let Some(v) = node_long(&root, &["cpu", "active"], "cpu active")? {
        let v = i32::try_from(v).unwrap_or(i32::MAX);
        if v < ni.cpus {
            ni.cpus = v;
        }
    }
    if let Some(v) = node_long(&root, &["cpu", "mhz"], "cpu mhz")? {
        ni.mhz = i32::try_from(v).unwrap_or(i32::MAX);
    }
    if let Some(m) = root.child("cpu").and_then(|c| c.child_text("model")) {
        ni.model = m.to_string();
    }
    if let Some(v) = node_long(&root, &["memory"], "memory")? {
        ni.memory = u64::try_from(v).unwrap_or(0);
    }
    let mut state = DriverState::empty(ni, cells);

    for el in root.children_named("domain") {
        load_domain(&mut state, resolve(el, file)?)?;
    }
    for el in root.children_named("network") {
        let def = NetworkDef::parse(&resolve(el, file)?.to_xml())?;
        state.networks.push(NetworkObj {
            def,
            active: true,
            persistent: true,
            autostart: false,
        });
    }
    for el in root.children_named("interface") {
        let def = InterfaceDef::parse(&resolve(el, file)?.to_xml())?;
        state.ifaces.push(IfaceObj { def, active: true });
    }
    for el in root.children_named("pool") {
        let pel = resolve(el, file)?;
        let mut def = PoolDef::parse(&pel.to_xml())?;
        def.apply_test_driver_sizes();
        let mut pool = PoolObj {
            def,
            active: true,
            persistent: true,
            autostart: false,
            vols: Vec::new(),
        };
        for vel in el.children_named("volume") {
            let vel = resolve(vel, file)?;
            let mut v = VolumeDef::parse(&vel.to_xml(), &pool.def)?;
            if v.target_path.is_none() {
                let path = format!(
                    "{}/{}",
                    pool.def.target_path.as_deref().unwrap_or(""),
                    v.name
                );
                v.target_path = Some(path);
            }
            if v.key.is_none() {
                v.key = v.target_path.clone();
            }
            pool.def.allocation += v.allocation;
            pool.def.available = pool.def.capacity.saturating_sub(pool.def.allocation);
            pool.vols.push(VolObj {
                def: v,
                data: Arc::new(Mutex::new(Vec::new())),
            });
        }
        state.pools.push(pool);
    }
    for el in root.children_named("device") {
        let def = NodeDeviceDef::parse(&resolve(el, file)?.to_xml())?;
        state.devs.push(NodeDevObj { def });
    }
    Ok(state)
}

fn load_domain(state: &mut DriverState, el: Element) -> VirResult<()> {
    let transient = el.child("transient").is_some();
    let managed = el.child("hasmanagedsave").is_some();
    let runstate = match el.child_text("runstate") {
        Some(t) => t
            .parse::<i32>()
            .ok()
            .filter(|v| (0..8).contains(v))
            .ok_or_else(|| xml_error(DOM, "invalid runstate"))?,
        None => st::RUNNING,
    };
    if transient && runstate == st::SHUTOFF {
        return Err(xml_error(
            DOM,
            "transient domain cannot have runstate 'shutoff'",
        ));
    }
    if managed && runstate != st::SHUTOFF {
        return Err(xml_error(
            DOM,
            "domain with managedsave data can only have runstate 'shutoff'",
        ));
    }
    let mut el = el;
    // The test driver's own elements are driver input, never part of the definition.
    el.children.retain(|c| {
        !matches!(
            c.name.as_str(),
            "transient" | "hasmanagedsave" | "runstate" | "domainsnapshot"
        )
    });
    let def = parse_domain(&el.to_xml(), false, false)?;
    let mut obj = DomainObj::new(def, DomainState::new(st::SHUTOFF, 0));
    obj.persistent = !transient;
    obj.has_managed_save = managed;
    if runstate != st::SHUTOFF {
        obj.state = transition(obj.state, Transition::Start(running::BOOTED))?;
        obj.id = state.alloc_id();
        if obj.persistent {
            obj.new_def = Some(obj.def.clone());
        }
    }
    obj.state = transition(obj.state, Transition::Load(runstate))?;
    state.domains.push(obj);
    Ok(())
}
