//! rvirsh: a virsh-compatible command line for rvirt.

mod commands;
mod defs;
mod global;
mod lookup;
mod output;
mod parser;
mod shell;
mod tree;
mod vsh;

fn main() {
    std::process::exit(global::main());
}
