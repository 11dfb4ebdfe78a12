//! Domain APIs (`libvirt-domain.c`) of `ReadOnlyConnection` (see the parent module): each
//! state-changing API is refused on a read-only connection before the driver runs;
//! everything else forwards unchanged. Generated from core's `DomainDriver` method list,
//! whose entries say which APIs write.

use rvirt_core::driver::*;
use rvirt_core::error::VirResult;
use rvirt_core::handle::*;
use rvirt_core::info::*;
use rvirt_core::stream::DataStream;
use rvirt_core::typed_param::TypedParam;
use rvirt_core::Uuid;

use super::ReadOnlyConnection;

rvirt_core::domain_driver_methods!(
    read_only_impl! { DomainDriver for ReadOnlyConnection, Domain; }
);
