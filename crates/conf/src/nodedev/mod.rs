//! Host devices: the `<device>` document (`virNodeDeviceDef`).

mod caps;
mod def;
mod format;
mod parse;
mod test_defaults;

pub use caps::{FcHost, MdevCap, NetCap, NodeDevCap, ScsiHostCap, SystemCap, VportOps};
pub use def::NodeDeviceDef;
pub use test_defaults::TEST_DRIVER_DEVICES;
