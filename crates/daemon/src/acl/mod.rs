//! Access control (`virAccessManager`): the permission table of every REMOTE procedure,
//! the fine-grained rule file and the check dispatch runs before decoding a call.

mod check;
mod perms;
mod rules;

pub use check::check_call;
pub use rules::AclRules;
