//! `dir` pools: a directory of image files.

use async_trait::async_trait;
use rvirt_conf::storage::{PoolDef, PoolType, VolumeDef};
use rvirt_core::error::VirResult;

use super::{check_overwrite_flags, make_target_dir, require_target_dir, PoolBackend, Scan};

/// `<pool type='dir'>`.
pub struct DirBackend;

#[async_trait]
impl PoolBackend for DirBackend {
    fn pool_type(&self) -> PoolType {
        PoolType::Dir
    }
    async fn check(&self, def: &PoolDef) -> VirResult<bool> {
        Ok(require_target_dir(def).await.is_ok())
    }
    async fn build(&self, def: &PoolDef, flags: u32) -> VirResult<()> {
        check_overwrite_flags(flags)?;
        make_target_dir(def).await
    }
    async fn start(&self, def: &PoolDef) -> VirResult<()> {
        require_target_dir(def).await
    }
    async fn delete(&self, def: &PoolDef, _flags: u32) -> VirResult<()> {
        super::remove_target_dir(def).await
    }
    async fn refresh(&self, def: &PoolDef, known: &[VolumeDef]) -> VirResult<Scan> {
        crate::vol_file::scan_dir(def, known).await
    }
    fn file_volumes(&self) -> bool {
        true
    }
}
