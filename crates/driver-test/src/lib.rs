//! In-memory test driver with libvirt's test:///default semantics
