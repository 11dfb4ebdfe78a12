//! Derive macro for rvirt-xdr.
