//! `virNWFilterLearnIPAddress`: learning a guest's IPv4 address from its traffic when a
//! binding's filters need `IP` and the binding does not give it (`CTRL_IP_LEARNING`).

mod frame;
mod learner;
mod socket;

pub(crate) use learner::{learning_mode, LearnMode, Learner};
