//! Driver-specific parse behaviour (libvirt's `virDomainDefParserConfig` callbacks): defaults
//! and checks that differ between the test driver and real hypervisor drivers.

use std::fmt::Debug;

use rvirt_core::error::VirResult;

use super::def::DomainDef;

/// `virDomainDefParserConfig`: hooks a driver supplies to [`DomainDef::parse`] through
/// [`ParseOptions::hooks`](super::ParseOptions::hooks). Every method has the test driver's
/// behaviour as its default, so an implementation overrides only what differs.
pub trait DriverHooks: Debug + Send + Sync {
    /// `<os><type arch>` when the document gives none (test driver: `i686`).
    fn default_arch(&self, _def: &DomainDef) -> String {
        "i686".to_string()
    }

    /// `testDomainGenerateIfnames`: prefix for `<interface><target dev>` names generated at
    /// define time (`testnet` → `testnet0`, …); `None` leaves interfaces without a target.
    fn interface_name_prefix(&self) -> Option<&str> {
        Some("testnet")
    }

    /// `virDomainVideoDefaultType`: `<video><model type>` when none is given.
    fn default_video_model(&self, def: &DomainDef) -> String {
        match def.os_arch.as_deref() {
            Some("ppc64" | "ppc64le") => "vga".to_string(),
            _ => "cirrus".to_string(),
        }
    }

    /// `VIR_DOMAIN_DEF_FEATURE_DISK_FD`: whether `<source fdgroup>` is accepted.
    fn supports_disk_fd(&self) -> bool {
        false
    }

    /// `domainPostParseCallback`: runs after the generic post-parse defaults.
    fn post_parse(&self, _def: &mut DomainDef) -> VirResult<()> {
        Ok(())
    }

    /// `domainValidateCallback`: runs after the generic validation.
    fn validate(&self, _def: &DomainDef) -> VirResult<()> {
        Ok(())
    }
}

/// The test driver (`test:///default`): every [`DriverHooks`] default.
#[derive(Debug, Clone, Copy, Default)]
pub struct TestDriverHooks;

impl DriverHooks for TestDriverHooks {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DomainDef, FormatOptions, ParseOptions};
    use std::sync::Arc;

    #[derive(Debug)]
    struct Qemuish;

    impl DriverHooks for Qemuish {
        fn default_arch(&self, _def: &DomainDef) -> String {
            "x86_64".into()
        }
        fn interface_name_prefix(&self) -> Option<&str> {
            None
        }
        fn default_video_model(&self, _def: &DomainDef) -> String {
            "vga".into()
        }
        fn supports_disk_fd(&self) -> bool {
            true
        }
        fn post_parse(&self, def: &mut DomainDef) -> VirResult<()> {
            def.os_machine.get_or_insert_with(|| "pc".into());
            Ok(())
        }
    }

    const DOC: &str =
        "<domain type='kvm'><name>q</name><memory>1024</memory><os><type>hvm</type></os>\
        <devices><disk type='file'><source file='/a' fdgroup='g'/><target dev='vda'/></disk>\
        <interface type='user'/><graphics type='vnc'/></devices></domain>";

    #[test]
    fn hooks_replace_test_driver_defaults() {
        let opts = ParseOptions {
            hooks: Some(Arc::new(Qemuish)),
            ..Default::default()
        };
        let d = DomainDef::parse(DOC, &opts).unwrap();
        assert_eq!(d.os_arch.as_deref(), Some("x86_64"));
        assert_eq!(d.os_machine.as_deref(), Some("pc"));
        assert_eq!(d.interfaces()[0].target_dev, None);
        let out = d.format(&FormatOptions::default());
        assert!(out.contains("<model type='vga' vram='16384' heads='1' primary='yes'/>"));
        let err = DomainDef::parse(DOC, &ParseOptions::default()).unwrap_err();
        assert!(err.message.contains("FD passing"));
    }
}
