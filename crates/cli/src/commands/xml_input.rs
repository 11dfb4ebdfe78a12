//! XML documents read from files for define/create commands: bytes that are not UTF-8
//! are refused the way libxml2 refuses them when libvirt parses the document
//! (`(what):LINE: Input is not proper UTF-8, indicate encoding !`).

use rvirt::VirError;

use super::util::read_file_bytes;
use crate::parser::Cmd;
use crate::vsh::Failure;

/// libxml2's report for the first byte sequence in `bytes` that is not UTF-8, as libvirt's
/// XML error handler prints it for a document named `what` (e.g. `domain_definition`).
pub fn non_utf8_error(bytes: &[u8], what: &str) -> Option<VirError> {
    let bad = match std::str::from_utf8(bytes) {
        Ok(_) => return None,
        Err(e) => e.valid_up_to(),
    };
    let line_start = bytes[..bad]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line_no = bytes[..bad].iter().filter(|&&b| b == b'\n').count() + 1;
    let line_end = bytes[bad..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| bad + i);
    let line = String::from_utf8_lossy(&bytes[line_start..line_end]);
    let col = String::from_utf8_lossy(&bytes[line_start..bad])
        .chars()
        .count();
    let shown = if bytes.len() - bad < 4 {
        format!("0x{:02X}", bytes[bad])
    } else {
        bytes[bad..bad + 4]
            .iter()
            .map(|b| format!("0x{b:02X}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    Some(VirError::raw(
        rvirt::ErrorCode::XmlDetail,
        rvirt::ErrorDomain::Xml,
        format!(
            "({what}):{line_no}: Input is not proper UTF-8, indicate encoding !\n\
             Bytes: {shown}\n{line}\n{}^",
            "-".repeat(col)
        ),
    ))
}

/// Reads the XML file named by option `opt`: (path, text or libxml2's UTF-8 refusal).
pub fn read_xml(
    cmd: &Cmd,
    opt: &str,
    what: &str,
) -> Result<(String, Result<String, VirError>), Failure> {
    let (path, bytes) = read_file_bytes(cmd, opt)?;
    let text = match non_utf8_error(&bytes, what) {
        Some(e) => Err(e),
        None => Ok(String::from_utf8_lossy(&bytes).into_owned()),
    };
    Ok((path, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_like_libxml2() {
        let e = non_utf8_error(b"<a>\n<b>x\xff\xfe</b></a>\n", "domain_definition").unwrap();
        assert_eq!(
            e.message,
            "(domain_definition):2: Input is not proper UTF-8, indicate encoding !\n\
             Bytes: 0xFF 0xFE 0x3C 0x2F\n<b>x\u{fffd}\u{fffd}</b></a>\n----^"
        );
        let e = non_utf8_error(b"<a>\xff", "network_definition").unwrap();
        assert!(
            e.message.contains("Bytes: 0xFF\n<a>\u{fffd}\n---^"),
            "{}",
            e.message
        );
        assert!(non_utf8_error("<a>é</a>".as_bytes(), "x").is_none());
    }
}
