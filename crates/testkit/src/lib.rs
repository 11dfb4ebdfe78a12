//! Test harness: temporary daemons, golden files, stock-client runners
