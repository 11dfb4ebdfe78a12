//! Access control (`virAccessManager`): the permission table of every REMOTE procedure,
//! the fine-grained rule file and the check dispatch runs before decoding a call.

mod check;
mod perms;
mod qemu_perms;
mod rules;
pub mod sasl_users;

pub use check::check_call;
pub use qemu_perms::check_qemu_call;
pub use rules::{glob, AclRules};
