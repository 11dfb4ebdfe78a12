//! `help COMMAND` text of virsh's Storage Volume commands: each command's
//! DESCRIPTION and per-option help, as stock virsh 9.0 prints them.

use super::CmdHelp;

#[rustfmt::skip]
pub static HELP: &[CmdHelp] = &[
    ("vol-clone", "Clone an existing volume within the parent pool.", &[
        ("vol", "vol name, key or path"),
        ("newname", "clone name"),
        ("pool", "pool name or uuid"),
        ("prealloc-metadata", "preallocate metadata (for qcow2 instead of full allocation)"),
        ("reflink", "use btrfs COW lightweight copy"),
        ("print-xml", "print XML document rather than clone the volume"),
    ]),
    ("vol-create-as", "Create a vol.", &[
        ("pool", "pool name"),
        ("name", "name of the volume"),
        ("capacity", "size of the vol, as scaled integer (default bytes)"),
        ("allocation", "initial allocation size, as scaled integer (default bytes)"),
        ("format", "file format type raw,bochs,qcow,qcow2,qed,vmdk"),
        ("backing-vol", "the backing volume if taking a snapshot"),
        ("backing-vol-format", "format of backing volume if taking a snapshot"),
        ("prealloc-metadata", "preallocate metadata (for qcow2 instead of full allocation)"),
        ("print-xml", "print XML document, but don't define/create"),
    ]),
    ("vol-create", "Create a vol.", &[
        ("pool", "pool name"),
        ("file", "file containing an XML vol description"),
        ("prealloc-metadata", "preallocate metadata (for qcow2 instead of full allocation)"),
        ("validate", "validate the XML against the schema"),
    ]),
    ("vol-create-from", "Create a vol from an existing volume.", &[
        ("pool", "pool name or uuid"),
        ("file", "file containing an XML vol description"),
        ("vol", "vol name, key or path"),
        ("inputpool", "pool name or uuid of the input volume's pool"),
        ("prealloc-metadata", "preallocate metadata (for qcow2 instead of full allocation)"),
        ("reflink", "use btrfs COW lightweight copy"),
        ("validate", "validate the XML against the schema"),
    ]),
    ("vol-delete", "Delete a given vol.", &[
        ("vol", "vol name, key or path"),
        ("pool", "pool name or uuid"),
        ("delete-snapshots", "delete snapshots associated with volume (must be supported by storage driver)"),
    ]),
    ("vol-download", "Download volume contents to a file", &[
        ("vol", "vol name, key or path"),
        ("file", "file"),
        ("pool", "pool name or uuid"),
        ("offset", "volume offset to download from"),
        ("length", "amount of data to download"),
        ("sparse", "preserve sparseness of volume"),
    ]),
    ("vol-dumpxml", "Output the vol information as an XML dump to stdout.", &[
        ("vol", "vol name, key or path"),
        ("pool", "pool name or uuid"),
        ("xpath", "xpath expression to filter the XML document"),
        ("wrap", "wrap xpath results in an common root element"),
    ]),
    ("vol-info", "Returns basic information about the storage vol.", &[
        ("vol", "vol name, key or path"),
        ("pool", "pool name or uuid"),
        ("bytes", "sizes are represented in bytes rather than pretty units"),
        ("physical", "return the physical size of the volume in allocation field"),
    ]),
    ("vol-key", "", &[
        ("vol", "volume name or path"),
        ("pool", "pool name or uuid"),
    ]),
    ("vol-list", "Returns list of vols by pool.", &[
        ("pool", "pool name or uuid"),
        ("details", "display extended details for volumes"),
    ]),
    ("vol-name", "", &[
        ("vol", "volume key or path"),
    ]),
    ("vol-path", "", &[
        ("vol", "volume name or key"),
        ("pool", "pool name or uuid"),
    ]),
    ("vol-pool", "", &[
        ("vol", "volume key or path"),
        ("uuid", "return the pool uuid rather than pool name"),
    ]),
    ("vol-resize", "Resizes a storage volume. This is safe only for storage volumes not in use by an active guest.\nSee blockresize for live resizing.", &[
        ("vol", "vol name, key or path"),
        ("capacity", "new capacity for the vol, as scaled integer (default bytes)"),
        ("pool", "pool name or uuid"),
        ("allocate", "allocate the new capacity, rather than leaving it sparse"),
        ("delta", "use capacity as a delta to current size, rather than the new size"),
        ("shrink", "allow the resize to shrink the volume"),
    ]),
    ("vol-upload", "Upload file contents to a volume", &[
        ("vol", "vol name, key or path"),
        ("file", "file"),
        ("pool", "pool name or uuid"),
        ("offset", "volume offset to upload to"),
        ("length", "amount of data to upload"),
        ("sparse", "preserve sparseness of volume"),
    ]),
    ("vol-wipe", "Ensure data previously on a volume is not accessible to future reads", &[
        ("vol", "vol name, key or path"),
        ("pool", "pool name or uuid"),
        ("algorithm", "perform selected wiping algorithm"),
    ]),
];
