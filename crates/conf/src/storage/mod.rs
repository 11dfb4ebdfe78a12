//! Storage pools (`<pool>`) and volumes (`<volume>`).

mod encryption;
mod perms;
mod pool;
mod pool_format;
mod pool_type;
mod source;
mod volume;
mod volume_format;

pub use encryption::{Encryption, EncryptionSecret};
pub use perms::{sanitize_path, Permissions};
pub use pool::{PoolDef, TEST_DRIVER_POOL_CAPACITY};
pub use pool_type::PoolType;
pub use source::{PoolSource, SourceAdapter, SourceAuth, SourceHost};
pub use volume::{
    volume_formats, BackingStore, VolumeDef, FILE_FORMATS, PARTITION_FORMATS, VOLUME_TYPES,
};
