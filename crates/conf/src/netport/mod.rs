//! Network ports: the `<networkport>` document (`virNetworkPortDef`).

mod def;
mod plug;

pub use def::NetworkPortDef;
pub use plug::{MacvtapMode, PciAddr, Plug};
