//! The line number and context lines libvirt prints for a libxml2 error.

/// libxml2's line number for byte offset `pos`: one more than the newlines before it.
pub(crate) fn line_of(b: &[u8], pos: usize) -> usize {
    1 + b.iter().take(pos).filter(|&&c| c == b'\n').count()
}

/// The context libvirt prints under the message (`catchXMLError`): the line holding
/// `pos` (or the last non-empty one before a run of line ends), `(null)` when that is
/// empty, and a caret line with one `-` per byte before `pos` (tabs kept).
pub(crate) fn context(text: &str, pos: usize) -> (String, String) {
    let b = text.as_bytes();
    let at = |k: usize| b.get(k).copied().unwrap_or(0);
    let is_eol = |c: u8| c == b'\n' || c == b'\r';
    let pos = pos.min(b.len());
    let mut c = pos;
    while c > 0 && is_eol(at(c)) {
        c -= 1;
    }
    while c > 0 && !is_eol(at(c)) {
        c -= 1;
    }
    if is_eol(at(c)) {
        c += 1;
    }
    let col = pos.saturating_sub(c);
    let mut end = c;
    while end < b.len() && !is_eol(at(end)) {
        end += 1;
    }
    let line = text.get(c..end).unwrap_or("");
    let mut caret: String = line
        .bytes()
        .take(col)
        .map(|ch| if ch == b'\t' { '\t' } else { '-' })
        .collect();
    caret.push('^');
    let shown = if line.is_empty() {
        "(null)".to_string()
    } else {
        line.to_string()
    };
    (shown, caret)
}
