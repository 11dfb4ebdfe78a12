//! Storage, interface, node-device and secret APIs of `ReadOnlyConnection` (see the parent
//! module): each state-changing API is refused on a read-only connection before the driver
//! runs; everything else forwards unchanged. Generated from core's method lists.

use rvirt_core::driver::*;
use rvirt_core::error::VirResult;
use rvirt_core::handle::*;
use rvirt_core::info::*;
use rvirt_core::stream::DataStream;
use rvirt_core::Uuid;

use super::ReadOnlyConnection;

rvirt_core::storage_driver_methods!(
    read_only_impl! { StorageDriver for ReadOnlyConnection, Storage; }
);
rvirt_core::interface_driver_methods!(
    read_only_impl! { InterfaceDriver for ReadOnlyConnection, Interface; }
);
rvirt_core::nodedev_driver_methods!(
    read_only_impl! { NodeDeviceDriver for ReadOnlyConnection, Nodedev; }
);
rvirt_core::secret_driver_methods!(
    read_only_impl! { SecretDriver for ReadOnlyConnection, Secret; }
);
