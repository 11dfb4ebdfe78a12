//! Network filters (`<filter>`, `virNWFilterDef`) and filter bindings (`<filterbinding>`,
//! `virNWFilterBindingDef`): parse with libvirt's error messages, format byte for byte.

mod attrs;
mod binding;
mod def;
mod params;
mod rule;
mod value;

pub use binding::NwFilterBindingDef;
pub use def::{FilterEntry, NwFilterDef};
pub use params::FilterRef;
pub use rule::{FilterRule, ProtocolMatch, RuleAction, RuleDirection};
