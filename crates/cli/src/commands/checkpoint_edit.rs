//! `checkpoint-edit` (virsh's `cmdCheckpointEdit`): dump the checkpoint with
//! `VIR_DOMAIN_CHECKPOINT_XML_SECURE`, edit it, and redefine it
//! (`VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE`); renaming is refused and undone.

use rvirt::Connect;
use rvirt_core::driver::checkpoint_flags as cf;

use super::edit::{run_editor, temp_file};
use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let c = super::checkpoint::lookup(conn, cmd, "checkpointname", &d).await?;
    let name = c.name.clone();
    let fail = |mut f: Failure| {
        f.lines.push(format!("Failed to update {name}"));
        f
    };
    let orig = conn
        .checkpoint_get_xml_desc(&c, cf::XML_SECURE)
        .await
        .map_err(|e| fail(e.into()))?;
    let path = temp_file(&orig).map_err(fail)?;
    let result = async {
        run_editor(&path)?;
        let edited = std::fs::read_to_string(&path).map_err(|e| {
            Failure::msg(format!(
                "Failed to open file '{}': {}",
                path.display(),
                super::util::strerror(&e)
            ))
        })?;
        if edited == orig {
            ctl.print_extra(&format!(
                "Checkpoint {name} XML configuration not changed.\n"
            ));
            return Ok(());
        }
        let new = conn
            .checkpoint_create_xml(&d, &edited, cf::CREATE_REDEFINE)
            .await?;
        if new.name == name {
            ctl.print_extra(&format!("Checkpoint {name} edited.\n"));
            return Ok(());
        }
        if let Err(e) = conn.checkpoint_delete(&new, cf::DELETE_METADATA_ONLY).await {
            return Err(Failure {
                lines: vec![e.message, format!("Failed to clean up {}", new.name)],
            });
        }
        Err(Failure::msg(format!(
            "Cannot rename checkpoint {name} to {}",
            new.name
        )))
    }
    .await;
    let _ = std::fs::remove_file(&path);
    result.map_err(fail)
}
