//! Backup jobs and the migration compression cache: DOMAIN_BACKUP_BEGIN (421),
//! DOMAIN_BACKUP_GET_XML_DESC (422), DOMAIN_MIGRATE_GET_COMPRESSION_CACHE (299) and
//! DOMAIN_MIGRATE_SET_COMPRESSION_CACHE (300).

use rvirt_core::error::VirResult;
use rvirt_proto::remote::*;
use rvirt_rpc::server::Outcome;

use super::{reply, void, Cx};

pub(crate) async fn dispatch(cx: &Cx<'_>, p: i32, body: &[u8]) -> Option<VirResult<Outcome>> {
    match p {
        421 => call!(
            cx,
            body,
            DomainBackupBeginArgs,
            "virDomainBackupBegin",
            |a, c| {
                c.domain_backup_begin(&a.dom, &a.backup_xml, a.checkpoint_xml, a.flags)
                    .await?;
                void()
            }
        ),
        422 => call!(cx, body, DomainBackupGetXmlDescArgs, |a, c| {
            let xml = c.domain_backup_get_xml_desc(&a.dom, a.flags).await?;
            reply(DomainBackupGetXmlDescRet { xml })
        }),
        299 => call!(cx, body, DomainMigrateGetCompressionCacheArgs, |a, c| {
            let cache_size = c
                .domain_migrate_get_compression_cache(&a.dom, a.flags)
                .await?;
            reply(DomainMigrateGetCompressionCacheRet { cache_size })
        }),
        300 => call!(
            cx,
            body,
            DomainMigrateSetCompressionCacheArgs,
            "virDomainMigrateSetCompressionCache",
            |a, c| {
                c.domain_migrate_set_compression_cache(&a.dom, a.cache_size, a.flags)
                    .await?;
                void()
            }
        ),
        _ => None,
    }
}
