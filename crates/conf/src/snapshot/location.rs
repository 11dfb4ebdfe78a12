//! Snapshot enums: `<memory snapshot=…>`/`<disk snapshot=…>` locations and `<state>`.

/// `virDomainSnapshotLocation`: where a memory or disk snapshot lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SnapshotLocation {
    /// Not given: the driver picks (never formatted).
    #[default]
    Default,
    No,
    Internal,
    External,
    Manual,
}

impl SnapshotLocation {
    /// Parses a `snapshot='…'` value (`default` is not accepted, as in libvirt).
    pub fn from_name(s: &str) -> Option<Self> {
        Some(match s {
            "no" => Self::No,
            "internal" => Self::Internal,
            "external" => Self::External,
            "manual" => Self::Manual,
            _ => return None,
        })
    }

    /// The XML value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Default => "default",
            Self::No => "no",
            Self::Internal => "internal",
            Self::External => "external",
            Self::Manual => "manual",
        }
    }
}

/// `virDomainSnapshotState`: the `<state>` of a snapshot (a domain state or `disk-snapshot`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SnapshotState {
    #[default]
    NoState,
    Running,
    Blocked,
    Paused,
    Shutdown,
    Shutoff,
    Crashed,
    PmSuspended,
    DiskSnapshot,
}

impl SnapshotState {
    const NAMES: [(&'static str, SnapshotState); 9] = [
        ("nostate", Self::NoState),
        ("running", Self::Running),
        ("blocked", Self::Blocked),
        ("paused", Self::Paused),
        ("shutdown", Self::Shutdown),
        ("shutoff", Self::Shutoff),
        ("crashed", Self::Crashed),
        ("pmsuspended", Self::PmSuspended),
        ("disk-snapshot", Self::DiskSnapshot),
    ];

    /// Parses a `<state>` value.
    pub fn from_name(s: &str) -> Option<Self> {
        Self::NAMES.iter().find(|(n, _)| *n == s).map(|(_, v)| *v)
    }

    /// The XML value.
    pub fn as_str(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, v)| *v == self)
            .map_or("nostate", |(n, _)| n)
    }

    /// Whether the snapshot was taken of an active guest with its memory (running/paused).
    pub fn is_active(self) -> bool {
        matches!(
            self,
            Self::Running | Self::Paused | Self::Blocked | Self::PmSuspended
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for (n, v) in SnapshotState::NAMES {
            assert_eq!(SnapshotState::from_name(n), Some(v));
            assert_eq!(v.as_str(), n);
        }
        assert_eq!(SnapshotState::from_name("bogus"), None);
        for l in ["no", "internal", "external", "manual"] {
            assert_eq!(SnapshotLocation::from_name(l).map(|x| x.as_str()), Some(l));
        }
        assert_eq!(SnapshotLocation::from_name("default"), None);
    }
}
