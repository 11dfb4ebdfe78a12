//! Finding the first fatal XML syntax error the way libxml2's parser reports it.
//!
//! libvirt parses with libxml2 and prints libxml2's message for the first fatal error,
//! together with the line and byte position where libxml2's parser stood when it noticed
//! the problem. rvirt parses with roxmltree; when roxmltree rejects a document, this
//! scanner walks the input in libxml2's order to find that message and position. It
//! only knows the common constructs: for anything else (DTDs, odd processing
//! instructions or comments) it gives up and the caller keeps roxmltree's report.

mod chars;
mod context;
mod markup;
mod scanner;

pub(super) use context::context;
pub(super) use scanner::{first_error, undeclared_root_prefix};
