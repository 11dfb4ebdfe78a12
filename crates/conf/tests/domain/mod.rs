//! Domain XML tests: the golden corpus ratchet and the never-panic checks.

mod fuzz;
mod golden;
