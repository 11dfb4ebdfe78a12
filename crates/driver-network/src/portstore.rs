//! Port status files (`virNetworkPortDefSaveStatus`): each port of an active network is kept
//! as `<state_dir>/<network>/ports/<uuid>.xml`, so a restarted daemon knows its ports (and
//! their UUIDs) again. Removed with the network when it stops.

use std::path::PathBuf;

use rvirt_conf::netport::NetworkPortDef;
use rvirt_conf::xml::values::format_uuid;
use rvirt_core::error::VirResult;

use crate::driver::NetworkDriverImpl;
use crate::files::{self, write_atomic};

impl NetworkDriverImpl {
    fn port_dir(&self, network: &str) -> PathBuf {
        self.paths.state_dir.join(network).join("ports")
    }

    /// Records `port` of `network`.
    pub(crate) fn save_port(&self, network: &str, port: &NetworkPortDef) -> VirResult<()> {
        let path = self
            .port_dir(network)
            .join(format!("{}.xml", format_uuid(&port.uuid)));
        write_atomic(&path, &port.format())
    }

    /// Forgets the status file of port `uuid` of `network`.
    pub(crate) fn delete_port_file(&self, network: &str, uuid: &[u8; 16]) -> VirResult<()> {
        files::remove(
            &self
                .port_dir(network)
                .join(format!("{}.xml", format_uuid(uuid))),
        )
    }

    /// The ports recorded for `network` (unreadable files are skipped with a warning).
    pub(crate) fn load_ports(&self, network: &str) -> Vec<NetworkPortDef> {
        files::xml_files(&self.port_dir(network))
            .into_iter()
            .filter_map(|p| {
                let text = std::fs::read_to_string(&p).ok()?;
                NetworkPortDef::parse(&text)
                    .map_err(|e| tracing::warn!("skipping port {}: {e}", p.display()))
                    .ok()
            })
            .collect()
    }

    /// Drops every port status file of `network` (it stopped).
    pub(crate) fn clear_ports(&self, network: &str) {
        let dir = self.paths.state_dir.join(network);
        if let Err(e) = std::fs::remove_dir_all(&dir) {
            if e.kind() != std::io::ErrorKind::NotFound {
                tracing::warn!("cannot remove {}: {e}", dir.display());
            }
        }
    }
}
