//! Embedded sub-documents (`<domain>`, `<inactiveDomain>`, `<cookie>`) kept as verbatim text.

/// The source text of `node`, with the indentation it had inside the outer document removed.
pub(crate) fn element_text(xml: &str, node: roxmltree::Node) -> String {
    let range = node.range();
    let start = range.start;
    let line_start = xml
        .get(..start)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1);
    let col = start.saturating_sub(line_start);
    let pad = xml.get(line_start..start).unwrap_or("");
    let pad = if pad.chars().all(|c| c == ' ') {
        pad
    } else {
        ""
    };
    let text = xml.get(range).unwrap_or("");
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(if col > 0 {
                line.strip_prefix(pad).unwrap_or(line)
            } else {
                line
            });
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_outer_indentation() {
        let xml = "<a>\n  <domain type='x'>\n    <name>n</name>\n  </domain>\n</a>";
        let doc = roxmltree::Document::parse(xml).unwrap();
        let d = doc.root_element().first_element_child().unwrap();
        assert_eq!(
            element_text(xml, d),
            "<domain type='x'>\n  <name>n</name>\n</domain>"
        );
    }
}
