//! Errors of the QMP and guest-agent clients.

/// What went wrong talking to QEMU or its guest agent.
#[derive(Debug, Clone, thiserror::Error, PartialEq)]
pub enum QmpError {
    #[error("cannot connect to monitor socket {path}: {reason}")]
    Connect { path: String, reason: String },
    #[error("I/O error on monitor: {0}")]
    Io(String),
    #[error("monitor closed the connection")]
    Closed,
    #[error("timed out waiting for {0}")]
    Timeout(String),
    #[error("monitor sent a line longer than {max} bytes")]
    LineTooLong { max: usize },
    #[error("monitor sent malformed JSON: {0}")]
    Malformed(String),
    #[error("unexpected reply from monitor: {0}")]
    Protocol(String),
    /// QEMU answered with `{"error": {"class": …, "desc": …}}`.
    #[error("{desc}")]
    Command { class: String, desc: String },
}

impl From<std::io::Error> for QmpError {
    fn from(e: std::io::Error) -> Self {
        QmpError::Io(e.to_string())
    }
}

impl QmpError {
    /// The error QEMU or the agent returned: `{"class": …, "desc": …}`.
    pub fn from_reply(err: &serde_json::Value) -> Self {
        let field = |k: &str, d: &str| {
            err.get(k)
                .and_then(serde_json::Value::as_str)
                .unwrap_or(d)
                .to_string()
        };
        QmpError::Command {
            class: field("class", "GenericError"),
            desc: field("desc", "unknown error"),
        }
    }
}
