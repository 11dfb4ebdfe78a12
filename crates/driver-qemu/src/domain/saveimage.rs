//! libvirt's QEMU save image (`virQEMUSaveHeader`): a fixed header, the domain XML
//! (NUL-terminated, padded), then QEMU's migration stream. Used by `virDomainSave`,
//! `virDomainRestore`, `virDomainManagedSave` and the `save-image-*` APIs.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

/// Magic of a complete image (`QEMU_SAVE_MAGIC`).
pub const SAVE_MAGIC: &[u8; 16] = b"LibvirtQemudSave";
/// Magic of an image still being written (`QEMU_SAVE_PARTIAL`).
pub const PARTIAL_MAGIC: &[u8; 16] = b"LibvirtQemudPart";
/// Header version written (`QEMU_SAVE_VERSION`).
pub const SAVE_VERSION: u32 = 2;
/// Header size: magic, five `u32` fields, fifteen unused `u32`s.
pub const HEADER_LEN: usize = 16 + 4 * 5 + 4 * 15;
/// The migration stream starts at a multiple of this (room to rewrite the XML in place).
const ALIGN: usize = 4096;
/// Largest XML section accepted when reading (bounded memory on hostile files).
const MAX_DATA: u32 = 10 * 1024 * 1024;

/// The header fields after the magic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaveHeader {
    pub version: u32,
    /// Length of the XML section (XML, NUL, optional cookie, padding).
    pub data_len: u32,
    /// Whether the guest was running (restore resumes it) or paused.
    pub was_running: bool,
    /// `QEMU_SAVE_FORMAT_RAW` (0) is the only format written or read.
    pub compressed: u32,
    /// Offset of the cookie within the XML section (0: none).
    pub cookie_offset: u32,
}

impl SaveHeader {
    /// Offset of the migration stream in the file.
    pub fn stream_offset(&self) -> u64 {
        HEADER_LEN as u64 + u64::from(self.data_len)
    }
}

fn err(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::OperationFailed, ErrorDomain::Qemu, detail.into())
}

/// Encodes the header with `magic` (native byte order, as libvirt writes it).
pub fn encode_header(magic: &[u8; 16], h: &SaveHeader) -> Vec<u8> {
    let mut b = Vec::with_capacity(HEADER_LEN);
    b.extend_from_slice(magic);
    for v in [
        h.version,
        h.data_len,
        u32::from(h.was_running),
        h.compressed,
        h.cookie_offset,
    ] {
        b.extend_from_slice(&v.to_ne_bytes());
    }
    b.resize(HEADER_LEN, 0);
    b
}

/// The header and XML section for `xml`: everything before the migration stream.
pub fn encode_prefix(magic: &[u8; 16], xml: &str, was_running: bool) -> Vec<u8> {
    let used = HEADER_LEN + xml.len() + 1;
    let total = used.div_ceil(ALIGN) * ALIGN;
    let h = SaveHeader {
        version: SAVE_VERSION,
        data_len: (total - HEADER_LEN) as u32,
        was_running,
        compressed: 0,
        cookie_offset: 0,
    };
    let mut b = encode_header(magic, &h);
    b.extend_from_slice(xml.as_bytes());
    b.resize(total, 0);
    b
}

/// Decodes a header; fails with libvirt's wording on a wrong or partial magic.
pub fn decode_header(b: &[u8]) -> VirResult<SaveHeader> {
    if b.len() < HEADER_LEN {
        return Err(err("failed to read qemu header"));
    }
    if &b[..16] == PARTIAL_MAGIC {
        return Err(err("save image is incomplete"));
    }
    if &b[..16] != SAVE_MAGIC {
        return Err(err("image magic is incorrect"));
    }
    let word = |i: usize| {
        let o = 16 + 4 * i;
        u32::from_ne_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]])
    };
    let mut words: [u32; 5] = [word(0), word(1), word(2), word(3), word(4)];
    if words[0] > SAVE_VERSION {
        // written on a host of the other byte order
        for w in words.iter_mut() {
            *w = w.swap_bytes();
        }
    }
    if words[0] > SAVE_VERSION || words[0] == 0 {
        return Err(err(format!(
            "image version is not supported ({} > {SAVE_VERSION})",
            words[0]
        )));
    }
    if words[1] == 0 || words[1] > MAX_DATA {
        return Err(err("invalid XML length in save image"));
    }
    if words[3] != 0 {
        return Err(err("compressed save images are not supported"));
    }
    Ok(SaveHeader {
        version: words[0],
        data_len: words[1],
        was_running: words[2] != 0,
        compressed: words[3],
        cookie_offset: words[4],
    })
}

/// A save image's header and domain XML.
#[derive(Debug, Clone)]
pub struct SaveImage {
    pub header: SaveHeader,
    pub xml: String,
}

fn io_err(path: &Path, what: &str, e: std::io::Error) -> VirError {
    VirError::new(
        ErrorCode::OperationFailed,
        ErrorDomain::Qemu,
        format!("{what} '{}': {e}", path.display()),
    )
}

/// Reads the header and XML of the image at `path`.
pub fn read_image(path: &Path) -> VirResult<SaveImage> {
    let mut f =
        std::fs::File::open(path).map_err(|e| io_err(path, "cannot read domain image", e))?;
    let mut hb = vec![0u8; HEADER_LEN];
    f.read_exact(&mut hb)
        .map_err(|_| err("failed to read qemu header"))?;
    let header = decode_header(&hb)?;
    let mut data = vec![0u8; header.data_len as usize];
    f.read_exact(&mut data)
        .map_err(|_| err("failed to read domain XML"))?;
    let end = match header.cookie_offset {
        0 => data.iter().position(|c| *c == 0).unwrap_or(data.len()),
        n => (n as usize).min(data.len()),
    };
    let xml = String::from_utf8_lossy(&data[..end])
        .trim_end_matches('\0')
        .to_string();
    Ok(SaveImage { header, xml })
}

/// Replaces the XML of an existing image in place (`virDomainSaveImageDefineXML`); it must
/// fit the XML section; `was_running` overrides the running flag when given.
pub fn rewrite_xml(path: &Path, xml: &str, was_running: Option<bool>) -> VirResult<()> {
    let img = read_image(path)?;
    if xml.len() + 1 > img.header.data_len as usize {
        return Err(err("new xml too large to fit in file"));
    }
    let h = SaveHeader {
        was_running: was_running.unwrap_or(img.header.was_running),
        cookie_offset: 0,
        ..img.header
    };
    let mut b = encode_header(SAVE_MAGIC, &h);
    b.extend_from_slice(xml.as_bytes());
    b.resize(HEADER_LEN + h.data_len as usize, 0);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| io_err(path, "cannot open", e))?;
    f.seek(SeekFrom::Start(0))
        .and_then(|_| f.write_all(&b))
        .and_then(|_| f.sync_all())
        .map_err(|e| io_err(path, "failed to write header to domain save file", e))
}

/// Turns a partial image into a complete one (the last step of a save).
pub fn mark_complete(path: &Path) -> VirResult<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| io_err(path, "cannot open", e))?;
    f.sync_all()
        .and_then(|_| f.seek(SeekFrom::Start(0)))
        .and_then(|_| f.write_all(SAVE_MAGIC))
        .and_then(|_| f.sync_all())
        .map_err(|e| io_err(path, "failed to write header to domain save file", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_round_trip_and_layout() {
        let b = encode_prefix(SAVE_MAGIC, "<domain/>", true);
        assert_eq!(b.len() % ALIGN, 0);
        assert_eq!(&b[..16], SAVE_MAGIC);
        let h = decode_header(&b).unwrap();
        assert_eq!(h.version, 2);
        assert!(h.was_running);
        assert_eq!(h.stream_offset(), b.len() as u64);
        assert_eq!(&b[HEADER_LEN..HEADER_LEN + 9], b"<domain/>");
        assert_eq!(b[HEADER_LEN + 9], 0);
    }

    #[test]
    fn partial_and_bad_magic_are_refused() {
        let b = encode_prefix(PARTIAL_MAGIC, "<domain/>", false);
        assert!(decode_header(&b)
            .unwrap_err()
            .message
            .contains("incomplete"));
        let mut b = encode_prefix(SAVE_MAGIC, "<domain/>", false);
        b[0] = b'X';
        assert!(decode_header(&b).unwrap_err().message.contains("magic"));
        assert!(decode_header(&b[..10]).is_err());
    }

    #[test]
    fn xml_rewritten_in_place() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("img");
        let mut b = encode_prefix(PARTIAL_MAGIC, "<domain><name>a</name></domain>", true);
        b.extend_from_slice(b"QEVM-stream");
        std::fs::write(&p, &b).unwrap();
        assert!(read_image(&p).is_err());
        mark_complete(&p).unwrap();
        assert_eq!(
            read_image(&p).unwrap().xml,
            "<domain><name>a</name></domain>"
        );
        rewrite_xml(&p, "<domain><name>b</name></domain>", Some(false)).unwrap();
        let img = read_image(&p).unwrap();
        assert_eq!(img.xml, "<domain><name>b</name></domain>");
        assert!(!img.header.was_running);
        let all = std::fs::read(&p).unwrap();
        assert!(all.ends_with(b"QEVM-stream"));
    }
}
