//! Procedures that open a data stream: console, channel, screenshot, volume upload and
//! download (`wire-protocol.md` §10).

use rvirt_core::{DomainRef, StorageVolRef};
use rvirt_xdr::Xdr;

/// REMOTE_PROC_DOMAIN_OPEN_CONSOLE (201): CALL body (`remote_domain_open_console_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainOpenConsoleArgs {
    pub dom: DomainRef,
    pub dev_name: Option<String>,
    pub flags: u32,
}

/// REMOTE_PROC_STORAGE_VOL_UPLOAD (208): CALL body (`remote_storage_vol_upload_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolUploadArgs {
    pub vol: StorageVolRef,
    pub offset: u64,
    pub length: u64,
    pub flags: u32,
}

/// REMOTE_PROC_STORAGE_VOL_DOWNLOAD (209): CALL body (`remote_storage_vol_download_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct StorageVolDownloadArgs {
    pub vol: StorageVolRef,
    pub offset: u64,
    pub length: u64,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SCREENSHOT (211): CALL body (`remote_domain_screenshot_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainScreenshotArgs {
    pub dom: DomainRef,
    pub screen: u32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SCREENSHOT (211): REPLY body (`remote_domain_screenshot_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainScreenshotRet {
    pub mime: Option<String>,
}

/// REMOTE_PROC_DOMAIN_OPEN_CHANNEL (296): CALL body (`remote_domain_open_channel_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainOpenChannelArgs {
    pub dom: DomainRef,
    pub name: Option<String>,
    pub flags: u32,
}
