//! QMP and guest-agent client
