//! Host network interfaces: the `<interface>` document (`virInterfaceDef`).

mod def;
mod format;
mod parse;

pub use def::{
    BondDef, BridgeDef, InterfaceDef, InterfaceIp, InterfaceProtocol, InterfaceType, VlanDef,
};
