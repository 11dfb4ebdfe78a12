//! Integration tests of rvirt-proto: trace replay and random-input robustness.

mod random;
mod remote_types;
mod traces;
