//! A writer that lays out XML exactly as libvirt's `virBuffer` formatting does:
//! two-space indentation, single-quoted attributes, `<x/>` for empty elements.

/// Escapes text or an attribute value the way libvirt's `virBufferEscapeString` does.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\'' => out.push_str("&apos;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// An ordered attribute list; `None` values are skipped, so optional attributes read naturally.
#[derive(Debug, Default, Clone)]
pub struct Attrs {
    items: Vec<(String, String)>,
}

impl Attrs {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `name='value'`.
    pub fn add(mut self, name: &str, value: impl ToString) -> Self {
        self.items.push((name.to_string(), value.to_string()));
        self
    }

    /// Adds `name='value'` when `value` is `Some`.
    pub fn opt<T: ToString>(mut self, name: &str, value: Option<T>) -> Self {
        if let Some(v) = value {
            self.items.push((name.to_string(), v.to_string()));
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    fn render(&self, out: &mut String) {
        for (k, v) in &self.items {
            out.push(' ');
            out.push_str(k);
            out.push_str("='");
            out.push_str(&escape(v));
            out.push('\'');
        }
    }
}

/// Builds an indented document line by line.
#[derive(Debug, Default)]
pub struct XmlWriter {
    buf: String,
    depth: usize,
}

impl XmlWriter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts at a given depth (for fragments nested in another document).
    pub fn with_depth(depth: usize) -> Self {
        XmlWriter {
            buf: String::new(),
            depth,
        }
    }

    fn pad(&mut self) {
        for _ in 0..self.depth {
            self.buf.push_str("  ");
        }
    }

    /// `<name attrs>` and one level deeper.
    pub fn open(&mut self, name: &str, attrs: Attrs) {
        self.pad();
        self.buf.push('<');
        self.buf.push_str(name);
        attrs.render(&mut self.buf);
        self.buf.push_str(">\n");
        self.depth += 1;
    }

    /// `</name>` one level up.
    pub fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.pad();
        self.buf.push_str("</");
        self.buf.push_str(name);
        self.buf.push_str(">\n");
    }

    /// `<name attrs/>`.
    pub fn empty(&mut self, name: &str, attrs: Attrs) {
        self.pad();
        self.buf.push('<');
        self.buf.push_str(name);
        attrs.render(&mut self.buf);
        self.buf.push_str("/>\n");
    }

    /// `<name attrs>text</name>` (text escaped).
    pub fn text(&mut self, name: &str, attrs: Attrs, text: &str) {
        self.pad();
        self.buf.push('<');
        self.buf.push_str(name);
        attrs.render(&mut self.buf);
        self.buf.push('>');
        self.buf.push_str(&escape(text));
        self.buf.push_str("</");
        self.buf.push_str(name);
        self.buf.push_str(">\n");
    }

    /// `<name>text</name>` when `text` is `Some`.
    pub fn opt_text(&mut self, name: &str, text: Option<&str>) {
        if let Some(t) = text {
            self.text(name, Attrs::new(), t);
        }
    }

    /// Writes already formatted lines, re-indented to the current depth.
    pub fn raw_lines(&mut self, block: &str) {
        for line in block.lines() {
            self.pad();
            self.buf.push_str(line);
            self.buf.push('\n');
        }
    }

    /// Writes text as is (no indentation, no escaping).
    pub fn raw(&mut self, s: &str) {
        self.buf.push_str(s);
    }

    pub fn depth(&self) -> usize {
        self.depth
    }

    pub fn finish(self) -> String {
        self.buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lays_out_like_libvirt() {
        let mut w = XmlWriter::new();
        w.open("domain", Attrs::new().add("type", "kvm"));
        w.text("name", Attrs::new(), "a<b");
        w.empty("boot", Attrs::new().add("dev", "hd").opt::<&str>("x", None));
        w.close("domain");
        assert_eq!(
            w.finish(),
            "<domain type='kvm'>\n  <name>a&lt;b</name>\n  <boot dev='hd'/>\n</domain>\n"
        );
    }
}
