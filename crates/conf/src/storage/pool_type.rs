//! Storage pool types (`virStoragePoolType`) and what each one requires.

/// `<pool type='…'>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoolType {
    Dir,
    Fs,
    Netfs,
    Logical,
    Disk,
    Iscsi,
    IscsiDirect,
    Scsi,
    Mpath,
    Rbd,
    Sheepdog,
    Gluster,
    Zfs,
    Vstorage,
}

const ALL: [(PoolType, &str); 14] = [
    (PoolType::Dir, "dir"),
    (PoolType::Fs, "fs"),
    (PoolType::Netfs, "netfs"),
    (PoolType::Logical, "logical"),
    (PoolType::Disk, "disk"),
    (PoolType::Iscsi, "iscsi"),
    (PoolType::IscsiDirect, "iscsi-direct"),
    (PoolType::Scsi, "scsi"),
    (PoolType::Mpath, "mpath"),
    (PoolType::Rbd, "rbd"),
    (PoolType::Sheepdog, "sheepdog"),
    (PoolType::Gluster, "gluster"),
    (PoolType::Zfs, "zfs"),
    (PoolType::Vstorage, "vstorage"),
];

impl PoolType {
    /// The XML name.
    pub fn as_str(self) -> &'static str {
        ALL.iter()
            .find(|(t, _)| *t == self)
            .map(|(_, n)| *n)
            .unwrap_or("dir")
    }

    /// Parses a `type` attribute value.
    pub fn from_name(s: &str) -> Option<PoolType> {
        ALL.iter().find(|(_, n)| *n == s).map(|(t, _)| *t)
    }

    /// Needs `<source><host>`.
    pub fn needs_host(self) -> bool {
        matches!(
            self,
            PoolType::Netfs
                | PoolType::Iscsi
                | PoolType::IscsiDirect
                | PoolType::Rbd
                | PoolType::Sheepdog
                | PoolType::Gluster
        )
    }

    /// Needs `<source><device>`.
    pub fn needs_device(self) -> bool {
        matches!(
            self,
            PoolType::Fs | PoolType::Disk | PoolType::Iscsi | PoolType::IscsiDirect
        )
    }

    /// Needs `<source><dir>`.
    pub fn needs_dir(self) -> bool {
        matches!(self, PoolType::Netfs)
    }

    /// Has a `<source><name>`.
    pub fn has_source_name(self) -> bool {
        matches!(
            self,
            PoolType::Logical
                | PoolType::Rbd
                | PoolType::Sheepdog
                | PoolType::Gluster
                | PoolType::Zfs
                | PoolType::Vstorage
        )
    }

    /// Needs `<source><initiator><iqn>`.
    pub fn needs_initiator(self) -> bool {
        matches!(self, PoolType::IscsiDirect)
    }

    /// Network pools have no local `<target>`.
    pub fn is_network(self) -> bool {
        matches!(
            self,
            PoolType::Rbd | PoolType::Sheepdog | PoolType::Gluster | PoolType::IscsiDirect
        )
    }

    /// The source `<format>` names this pool type knows and the default one, if it has formats.
    pub fn formats(self) -> Option<(&'static [&'static str], &'static str)> {
        const FS: &[&str] = &[
            "auto", "ext2", "ext3", "ext4", "ufs", "iso9660", "udf", "gfs", "gfs2", "vfat", "hfs+",
            "xfs", "ocfs2", "vmfs",
        ];
        const NETFS: &[&str] = &["auto", "nfs", "glusterfs", "cifs"];
        const DISK: &[&str] = &[
            "unknown", "dos", "dvh", "gpt", "mac", "bsd", "pc98", "sun", "lvm2",
        ];
        const LOGICAL: &[&str] = &["unknown", "lvm2"];
        match self {
            PoolType::Fs => Some((FS, "auto")),
            PoolType::Netfs => Some((NETFS, "auto")),
            PoolType::Disk => Some((DISK, "unknown")),
            PoolType::Logical => Some((LOGICAL, "lvm2")),
            _ => None,
        }
    }

    /// Whether a source with a name but no `<name>` under the pool takes its name from it.
    pub fn name_from_source(self) -> bool {
        self.has_source_name()
    }
}
