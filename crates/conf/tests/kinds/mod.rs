//! Per-kind golden and property tests for the conf models.

mod errors;
mod harness;
mod host_docs;
mod interface;
mod network;
mod storage;
