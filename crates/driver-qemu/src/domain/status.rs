//! The live status file (`/run/libvirt/qemu/NAME.xml`): state, PID, monitor path and the
//! live XML, written on every state change and read back by re-attach.

use super::object::DomainObj;
use super::state::StateReason;
use crate::paths::QemuPaths;
use crate::persist::write_atomic;
use rvirt_conf::domain::FormatOptions;
use std::path::{Path, PathBuf};

/// Path of a domain's status file.
pub fn status_path(paths: &QemuPaths, name: &str) -> PathBuf {
    paths.run_dir.join(format!("{name}.xml"))
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('\'', "&apos;")
        .replace('<', "&lt;")
}

/// Writes the status file of an active domain.
pub fn save_status(paths: &QemuPaths, obj: &DomainObj) -> std::io::Result<()> {
    match format_status(obj) {
        Some(x) => write_atomic(&status_path(paths, obj.name()), x.as_bytes()),
        None => Ok(()),
    }
}

/// [`save_status`], skipping the write when the file already says exactly this (re-attach).
pub fn save_status_if_changed(paths: &QemuPaths, obj: &DomainObj) -> std::io::Result<()> {
    let Some(x) = format_status(obj) else {
        return Ok(());
    };
    let p = status_path(paths, obj.name());
    if std::fs::read(&p).is_ok_and(|old| old == x.as_bytes()) {
        return Ok(());
    }
    write_atomic(&p, x.as_bytes())
}

/// The status file text of an active domain (None when it has no process).
fn format_status(obj: &DomainObj) -> Option<String> {
    let (Some(vm), Some(live)) = (&obj.vm, &obj.live) else {
        return None;
    };
    let mut x = format!(
        "<domstatus state='{}' reason='{}' pid='{}' id='{}' persistent='{}' autostart='{}'>\n",
        obj.state.state,
        obj.state.reason,
        vm.pid,
        obj.id,
        if obj.persistent { "yes" } else { "no" },
        if obj.autostart { "yes" } else { "no" },
    );
    x += &format!(
        "  <monitor path='{}' type='unix'/>\n",
        esc(&vm.monitor_path.display().to_string())
    );
    x += &format!(
        "  <domaindir path='{}'/>\n",
        esc(&vm.domain_dir.display().to_string())
    );
    if let Some(a) = crate::command::agent_path(live) {
        x += &format!("  <agent path='{}'/>\n", esc(&a.display().to_string()));
    }
    let xml = live.format(&FormatOptions {
        secure: true,
        id: Some(obj.id),
        ..Default::default()
    });
    for line in xml.lines() {
        x += "  ";
        x += line;
        x += "\n";
    }
    x += "</domstatus>\n";
    Some(x)
}

/// What a status file says.
#[derive(Debug, Clone)]
pub struct StatusFile {
    pub state: StateReason,
    pub pid: i32,
    pub id: i32,
    pub persistent: bool,
    pub autostart: bool,
    pub monitor: PathBuf,
    pub domain_dir: PathBuf,
    pub agent: Option<PathBuf>,
    /// The live `<domain>` document.
    pub domain_xml: String,
}

/// Reads a status file.
pub fn read_status(path: &Path) -> Option<StatusFile> {
    let text = std::fs::read_to_string(path).ok()?;
    let doc = roxmltree::Document::parse(&text).ok()?;
    let root = doc.root_element();
    let num = |k: &str| root.attribute(k).and_then(|v| v.parse::<i32>().ok());
    let child_path = |n: &str| {
        root.children()
            .find(|c| c.has_tag_name(n))
            .and_then(|c| c.attribute("path"))
            .map(PathBuf::from)
    };
    let dom = root.children().find(|c| c.has_tag_name("domain"))?;
    let domain_xml = text.get(dom.range())?.to_string();
    Some(StatusFile {
        state: StateReason::new(num("state")?, num("reason").unwrap_or(0)),
        pid: num("pid")?,
        id: num("id")?,
        persistent: root.attribute("persistent") == Some("yes"),
        autostart: root.attribute("autostart") == Some("yes"),
        monitor: child_path("monitor")?,
        domain_dir: child_path("domaindir")?,
        agent: child_path("agent"),
        domain_xml,
    })
}
