//! The hooks that may rewrite a domain's XML: `restore begin -` (`qemuSaveImageOpen`:
//! restore, managed-save start) and `migrate begin -` (`qemuMigrationDstPrepareAny`, on
//! the destination). The script gets the XML and may print a replacement, which must
//! describe the same domain (name and UUID); printing nothing keeps the original.

use super::driver::QemuDriver;
use rvirt_conf::domain::{DomainDef, FormatOptions};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

impl QemuDriver {
    /// Runs the `op begin -` hook on `def`; the definition to go on with.
    pub(crate) async fn filter_hook(&self, def: DomainDef, op: &str) -> VirResult<DomainDef> {
        let xml = def.format(&FormatOptions::default());
        let out =
            crate::hooks::run_hook_filter(&self.opts.paths, &def.name, op, "begin", &xml).await?;
        let Some(out) = out else {
            return Ok(def);
        };
        let new = self.parse_xml(&out).await?;
        if new.uuid != def.uuid || new.name != def.name {
            return Err(VirError::new(
                ErrorCode::OperationInvalid,
                ErrorDomain::Qemu,
                format!(
                    "the {op} hook's XML describes domain '{}', not '{}'",
                    new.name, def.name
                ),
            ));
        }
        tracing::debug!(domain = %def.name, op, "using hook-filtered domain XML");
        Ok(new)
    }
}
