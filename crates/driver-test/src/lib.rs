//! In-memory driver with libvirt's `test:///default` semantics: the default objects, shared
//! state across `test:///default` connections, `test:///PATH` node files, lifecycle events.

mod blkio;
mod checkpoint;
mod checkpoint_tree;
mod connect;
mod cputune;
mod defaults;
mod domain;
mod domain_extra;
mod domain_lifecycle;
mod domain_query;
mod domain_tune;
mod domdef;
mod driver;
mod errors;
mod interface;
mod memstats_period;
mod model;
mod network;
mod node_file;
mod nodedev;
mod nwfilter;
mod objects;
mod perf;
mod screenshot;
mod secret;
mod snapshot;
mod state;
mod storage;
mod stream;
mod xmltree;

pub use driver::{open_default, open_uri, TestConnection, TestDriverFactory};
