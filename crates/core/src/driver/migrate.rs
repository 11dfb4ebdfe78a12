//! Domain migration APIs (`virDomainMigrate*`): the v3 protocol with typed parameters
//! (Begin → Prepare → Perform → Finish → Confirm), tunnelled prepare, and the tuning knobs
//! (`virDomainMigrateSetMaxDowntime`, `…SetMaxSpeed`, `…StartPostCopy`).

use super::Connection;
use crate::error::VirResult;
use crate::handle::DomainRef;
use crate::stream::DataStream;
use crate::typed_param::TypedParam;
use crate::unsupported;
use async_trait::async_trait;
use std::sync::Arc;

/// `virDrvFeature` numbers of the migration features a driver can claim.
pub mod feature {
    pub const MIGRATION_V2: i32 = 3;
    pub const MIGRATION_P2P: i32 = 4;
    pub const MIGRATION_DIRECT: i32 = 5;
    pub const MIGRATION_V3: i32 = 6;
    pub const MIGRATION_OFFLINE: i32 = 11;
    pub const MIGRATION_PARAMS: i32 = 12;
    pub const MIGRATION_CHANGE_PROTECTION: i32 = 13;
}

/// `virDomainMigrateFlags`.
pub mod flags {
    pub const LIVE: u32 = 1 << 0;
    pub const PEER2PEER: u32 = 1 << 1;
    pub const TUNNELLED: u32 = 1 << 2;
    pub const PERSIST_DEST: u32 = 1 << 3;
    pub const UNDEFINE_SOURCE: u32 = 1 << 4;
    pub const PAUSED: u32 = 1 << 5;
    pub const NON_SHARED_DISK: u32 = 1 << 6;
    pub const NON_SHARED_INC: u32 = 1 << 7;
    pub const CHANGE_PROTECTION: u32 = 1 << 8;
    pub const UNSAFE: u32 = 1 << 9;
    pub const OFFLINE: u32 = 1 << 10;
    pub const COMPRESSED: u32 = 1 << 11;
    pub const ABORT_ON_ERROR: u32 = 1 << 12;
    pub const AUTO_CONVERGE: u32 = 1 << 13;
    pub const RDMA_PIN_ALL: u32 = 1 << 14;
    pub const POSTCOPY: u32 = 1 << 15;
    pub const TLS: u32 = 1 << 16;
    pub const PARALLEL: u32 = 1 << 17;
    pub const NON_SHARED_SYNCHRONOUS_WRITES: u32 = 1 << 18;
    pub const POSTCOPY_RESUME: u32 = 1 << 19;
    pub const ZEROCOPY: u32 = 1 << 20;
}

/// `VIR_MIGRATE_PARAM_*` typed-parameter names.
pub mod param {
    pub const URI: &str = "migrate_uri";
    pub const DEST_NAME: &str = "destination_name";
    pub const DEST_XML: &str = "destination_xml";
    pub const PERSIST_XML: &str = "persistent_xml";
    pub const BANDWIDTH: &str = "bandwidth";
    pub const GRAPHICS_URI: &str = "graphics_uri";
    pub const LISTEN_ADDRESS: &str = "listen_address";
    pub const MIGRATE_DISKS: &str = "migrate_disks";
    pub const DISKS_PORT: &str = "disks_port";
    pub const DISKS_URI: &str = "disks_uri";
    pub const COMPRESSION: &str = "compression";
    pub const COMPRESSION_MT_LEVEL: &str = "compression.mt.level";
    pub const COMPRESSION_MT_THREADS: &str = "compression.mt.threads";
    pub const COMPRESSION_MT_DTHREADS: &str = "compression.mt.dthreads";
    pub const COMPRESSION_XBZRLE_CACHE: &str = "compression.xbzrle.cache";
    pub const AUTO_CONVERGE_INITIAL: &str = "auto_converge.initial";
    pub const AUTO_CONVERGE_INCREMENT: &str = "auto_converge.increment";
    pub const BANDWIDTH_POSTCOPY: &str = "bandwidth.postcopy";
    pub const PARALLEL_CONNECTIONS: &str = "parallel.connections";
    pub const TLS_DESTINATION: &str = "tls.destination";
}

/// The v3 migration protocol and its tuning APIs. Every method defaults to libvirt's
/// "not supported" answer.
#[async_trait]
pub trait DomainMigrationDriver: Send + Sync {
    /// The `virDrvFeature` migration features this driver implements
    /// (`virConnectSupportsFeature` answers yes for these).
    fn migration_features(&self) -> &'static [i32] {
        &[]
    }
    /// virDomainMigrateBegin3Params: (cookie out, domain XML for the destination)
    async fn migrate_begin3_params(
        &self,
        _dom: &DomainRef,
        _params: &[TypedParam],
        _flags: u32,
    ) -> VirResult<(Vec<u8>, String)> {
        unsupported!(Domain, "virDomainMigrateBegin3Params")
    }
    /// virDomainMigratePrepare3Params: (cookie out, URI the source should migrate to)
    async fn migrate_prepare3_params(
        &self,
        _params: &[TypedParam],
        _cookie_in: &[u8],
        _flags: u32,
    ) -> VirResult<(Vec<u8>, Option<String>)> {
        unsupported!(Domain, "virDomainMigratePrepare3Params")
    }
    /// virDomainMigratePrepareTunnel3Params: (cookie out, stream the migration data is sent on)
    async fn migrate_prepare_tunnel3_params(
        &self,
        _params: &[TypedParam],
        _cookie_in: &[u8],
        _flags: u32,
    ) -> VirResult<(Vec<u8>, DataStream)> {
        unsupported!(Domain, "virDomainMigratePrepareTunnel3Params")
    }
    /// virDomainMigratePerform3Params: `dconnuri` is set for peer-to-peer migration.
    async fn migrate_perform3_params(
        &self,
        _dom: &DomainRef,
        _dconnuri: Option<&str>,
        _params: &[TypedParam],
        _cookie_in: &[u8],
        _flags: u32,
    ) -> VirResult<Vec<u8>> {
        unsupported!(Domain, "virDomainMigratePerform3Params")
    }
    /// virDomainMigrateFinish3Params: (the domain on the destination, cookie out)
    async fn migrate_finish3_params(
        &self,
        _params: &[TypedParam],
        _cookie_in: &[u8],
        _flags: u32,
        _cancelled: bool,
    ) -> VirResult<(DomainRef, Vec<u8>)> {
        unsupported!(Domain, "virDomainMigrateFinish3Params")
    }
    /// virDomainMigrateConfirm3Params
    async fn migrate_confirm3_params(
        &self,
        _dom: &DomainRef,
        _params: &[TypedParam],
        _cookie_in: &[u8],
        _flags: u32,
        _cancelled: bool,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainMigrateConfirm3Params")
    }
    /// virDomainMigrateSetMaxDowntime (milliseconds)
    async fn migrate_set_max_downtime(
        &self,
        _dom: &DomainRef,
        _downtime: u64,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainMigrateSetMaxDowntime")
    }
    /// virDomainMigrateGetMaxDowntime (milliseconds)
    async fn migrate_get_max_downtime(&self, _dom: &DomainRef, _flags: u32) -> VirResult<u64> {
        unsupported!(Domain, "virDomainMigrateGetMaxDowntime")
    }
    /// virDomainMigrateSetMaxSpeed (MiB/s)
    async fn migrate_set_max_speed(
        &self,
        _dom: &DomainRef,
        _bandwidth: u64,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainMigrateSetMaxSpeed")
    }
    /// virDomainMigrateGetMaxSpeed (MiB/s)
    async fn migrate_get_max_speed(&self, _dom: &DomainRef, _flags: u32) -> VirResult<u64> {
        unsupported!(Domain, "virDomainMigrateGetMaxSpeed")
    }
    /// virDomainMigrateStartPostCopy
    async fn migrate_start_post_copy(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!(Domain, "virDomainMigrateStartPostCopy")
    }
}

/// Opens a connection to another daemon for peer-to-peer migration (the source daemon's
/// `virConnectOpen(dconnuri)`). Drivers get one injected so they need not depend on the
/// client library.
#[async_trait]
pub trait PeerConnector: Send + Sync {
    /// Opens `uri` (e.g. `qemu+unix:///system?socket=…`) as a remote connection.
    async fn connect(&self, uri: &str) -> VirResult<Arc<dyn Connection>>;
}

/// Typed-parameter lookups used by the migration phases (`virTypedParamsGetString`, …).
pub fn param_str<'a>(params: &'a [TypedParam], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|p| p.field == name)
        .and_then(|p| match &p.value {
            crate::typed_param::TypedValue::String(s) => Some(s.as_str()),
            _ => None,
        })
}

/// All string values of a repeatable parameter (`migrate_disks`).
pub fn param_strs<'a>(params: &'a [TypedParam], name: &str) -> Vec<&'a str> {
    params
        .iter()
        .filter(|p| p.field == name)
        .filter_map(|p| match &p.value {
            crate::typed_param::TypedValue::String(s) => Some(s.as_str()),
            _ => None,
        })
        .collect()
}

/// A numeric parameter (`bandwidth`, `disks_port`).
pub fn param_u64(params: &[TypedParam], name: &str) -> Option<u64> {
    params
        .iter()
        .find(|p| p.field == name)
        .and_then(|p| p.value.as_u64())
}

/// Sets (replaces) a string parameter, as `virTypedParamsReplaceString` does.
pub fn set_param_str(params: &mut Vec<TypedParam>, name: &str, value: &str) {
    params.retain(|p| p.field != name);
    params.push(TypedParam::new(
        name,
        crate::typed_param::TypedValue::String(value.to_string()),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typed_param::TypedValue;

    #[test]
    fn param_helpers() {
        let mut p = vec![
            TypedParam::new(param::URI, TypedValue::String("tcp:a".into())),
            TypedParam::new(param::MIGRATE_DISKS, TypedValue::String("vda".into())),
            TypedParam::new(param::MIGRATE_DISKS, TypedValue::String("vdb".into())),
            TypedParam::new(param::BANDWIDTH, TypedValue::ULLong(5)),
        ];
        assert_eq!(param_str(&p, param::URI), Some("tcp:a"));
        assert_eq!(param_strs(&p, param::MIGRATE_DISKS), vec!["vda", "vdb"]);
        assert_eq!(param_u64(&p, param::BANDWIDTH), Some(5));
        set_param_str(&mut p, param::URI, "tcp:b");
        assert_eq!(param_str(&p, param::URI), Some("tcp:b"));
        assert_eq!(p.iter().filter(|x| x.field == param::URI).count(), 1);
    }
}
