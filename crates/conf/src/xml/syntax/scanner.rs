//! The scanner: document, elements, attributes, references and text.

use super::chars::{is_blank, is_byte_char, is_name_char, is_name_start, is_xml_char, local_name};
use super::context::line_of;

/// The first fatal error: libxml2's message (without the trailing newline), the byte
/// offset its parser was at and the line number it reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub message: String,
    pub pos: usize,
    pub line: usize,
}

/// Why scanning stopped.
pub(crate) enum Stop {
    /// A fatal error as libxml2 reports it.
    Fatal(SyntaxError),
    /// A construct this scanner does not model.
    Unknown,
}

pub(crate) type Step<T> = Result<T, Stop>;

/// Only used through `Scanner::fatal`, which knows the text for the line number.
fn fatal_in<T>(b: &[u8], message: impl Into<String>, pos: usize) -> Step<T> {
    Err(Stop::Fatal(SyntaxError {
        message: message.into(),
        pos,
        line: line_of(b, pos),
    }))
}

/// Scans `text` (already cut at its first NUL) and returns libxml2's first fatal error,
/// or `None` when the document looks well-formed to this scanner or uses something it
/// does not model.
pub(crate) fn first_error(text: &str) -> Option<SyntaxError> {
    let mut s = Scanner::new(text);
    match s.document() {
        Ok(()) | Err(Stop::Unknown) => None,
        Err(Stop::Fatal(e)) => Some(e),
    }
}

/// The root element's name when the document is well-formed for libxml2 but the root's
/// own prefix is not declared on it (`<a:b xmlns:c="x"/>`): libxml2 only warns about
/// that and names the element `a:b`, where roxmltree refuses the document.
pub(crate) fn undeclared_root_prefix(text: &str) -> Option<&str> {
    let mut s = Scanner::new(text);
    s.document().ok()?;
    let (qname, decls) = s.root?;
    let (prefix, local) = qname.split_once(':')?;
    if prefix.is_empty() || local.is_empty() || local.contains(':') || prefix == "xml" {
        return None;
    }
    let declared = decls
        .iter()
        .any(|d| d.strip_prefix("xmlns:") == Some(prefix));
    (!declared).then_some(qname)
}

/// Nesting beyond libxml2's default depth limit is not modelled.
const MAX_DEPTH: usize = 256;

/// An element whose start tag has been read: local name and the line it began on.
pub(crate) struct Open<'a> {
    name: &'a str,
    line: usize,
}

pub(crate) struct Scanner<'a> {
    pub(crate) text: &'a str,
    pub(crate) b: &'a [u8],
    pub(crate) i: usize,
    pub(crate) open: Vec<Open<'a>>,
    /// The root element's qualified name and the namespace declarations on it.
    pub(crate) root: Option<(&'a str, Vec<&'a str>)>,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Scanner {
            text,
            b: text.as_bytes(),
            i: 0,
            open: Vec::new(),
            root: None,
        }
    }

    pub(crate) fn fatal<T>(&self, message: impl Into<String>, pos: usize) -> Step<T> {
        fatal_in(self.b, message, pos)
    }

    pub(crate) fn peek(&self, k: usize) -> u8 {
        self.b.get(self.i + k).copied().unwrap_or(0)
    }

    pub(crate) fn at_end(&self) -> bool {
        self.i >= self.b.len()
    }

    pub(crate) fn starts_with(&self, s: &str) -> bool {
        self.b
            .get(self.i..)
            .is_some_and(|r| r.starts_with(s.as_bytes()))
    }

    pub(crate) fn cur_char(&self) -> Option<char> {
        self.text.get(self.i..).and_then(|r| r.chars().next())
    }

    pub(crate) fn line(&self) -> usize {
        line_of(self.b, self.i)
    }

    pub(crate) fn skip_blanks(&mut self) -> usize {
        let start = self.i;
        while !self.at_end() && is_blank(self.peek(0)) {
            self.i += 1;
        }
        self.i - start
    }

    /// `Name`; `None` (position unchanged) when no name starts here.
    pub(crate) fn name(&mut self) -> Option<&'a str> {
        let start = self.i;
        let first = self.cur_char()?;
        if !is_name_start(first) {
            return None;
        }
        self.i += first.len_utf8();
        while let Some(c) = self.cur_char() {
            if !is_name_char(c) {
                break;
            }
            self.i += c.len_utf8();
        }
        self.text.get(start..self.i)
    }

    pub(crate) fn document(&mut self) -> Step<()> {
        if self.at_end() {
            return self.fatal("Document is empty", 0);
        }
        if self.starts_with("\u{FEFF}") {
            self.i += 3;
        }
        if self.starts_with("<?xml") && is_blank(self.peek(5)) {
            self.xml_decl()?;
        }
        self.misc()?;
        if self.starts_with("<!DOCTYPE") {
            return Err(Stop::Unknown);
        }
        if self.peek(0) != b'<' {
            return self.fatal("Start tag expected, '<' not found", self.i);
        }
        self.element()?;
        self.misc()?;
        if !self.at_end() {
            return self.fatal("Extra content at the end of the document", self.i);
        }
        Ok(())
    }

    /// Comments, processing instructions and blanks around the root element.
    pub(crate) fn misc(&mut self) -> Step<()> {
        loop {
            self.skip_blanks();
            if self.starts_with("<?") {
                self.pi()?;
            } else if self.starts_with("<!--") {
                self.comment()?;
            } else {
                return Ok(());
            }
        }
    }

    /// `<?xml version=... encoding=... standalone=...?>`. Only a UTF-8 (or no)
    /// encoding is modelled.
    /// The root element and everything inside it.
    pub(crate) fn element(&mut self) -> Step<()> {
        if !self.start_tag()? {
            return Ok(());
        }
        loop {
            if self.at_end() {
                let (name, line) = self
                    .open
                    .last()
                    .map(|o| (o.name, o.line))
                    .ok_or(Stop::Unknown)?;
                return self.fatal(
                    format!("Premature end of data in tag {name} line {line}"),
                    self.i,
                );
            }
            if self.starts_with("<?") {
                self.pi()?;
            } else if self.starts_with("<![CDATA[") {
                self.cdata()?;
            } else if self.starts_with("<!--") {
                self.comment()?;
            } else if self.starts_with("</") {
                self.end_tag()?;
                if self.open.is_empty() {
                    return Ok(());
                }
            } else if self.peek(0) == b'<' {
                self.start_tag()?;
            } else if self.peek(0) == b'&' {
                self.reference()?;
            } else {
                self.char_data()?;
            }
        }
    }

    /// A start tag; `true` when it opened an element (not `<x/>`).
    pub(crate) fn start_tag(&mut self) -> Step<bool> {
        let line = self.line();
        self.i += 1;
        let Some(qname) = self.name() else {
            return self.fatal("StartTag: invalid element name", self.i);
        };
        let name = local_name(qname);
        self.skip_blanks();
        let mut attrs: Vec<&str> = Vec::new();
        let mut ns_decls: Vec<&str> = Vec::new();
        while !self.at_end()
            && is_byte_char(self.peek(0))
            && self.peek(0) != b'>'
            && !(self.peek(0) == b'/' && self.peek(1) == b'>')
        {
            let Some(attr) = self.name() else {
                return self.fatal("error parsing attribute name", self.i);
            };
            self.skip_blanks();
            if self.peek(0) != b'=' {
                return self.fatal(
                    format!(
                        "Specification mandates value for attribute {}",
                        local_name(attr)
                    ),
                    self.i,
                );
            }
            self.i += 1;
            self.skip_blanks();
            self.att_value()?;
            if attr == "xmlns" || attr.starts_with("xmlns:") {
                if ns_decls.contains(&attr) {
                    return self.fatal(format!("Attribute {attr} redefined"), self.i);
                }
                ns_decls.push(attr);
            } else {
                attrs.push(attr);
            }
            if self.peek(0) == b'>' || (self.peek(0) == b'/' && self.peek(1) == b'>') {
                break;
            }
            if self.skip_blanks() == 0 {
                return self.fatal("attributes construct error", self.i);
            }
        }
        if self.root.is_none() {
            self.root = Some((qname, ns_decls.clone()));
        }
        for (k, a) in attrs.iter().enumerate() {
            if attrs.get(..k).is_some_and(|before| before.contains(a)) {
                return self.fatal(format!("Attribute {a} redefined"), self.i);
            }
        }
        if self.starts_with("/>") {
            self.i += 2;
            return Ok(false);
        }
        if self.peek(0) == b'>' {
            self.i += 1;
            if self.open.len() >= MAX_DEPTH {
                return Err(Stop::Unknown);
            }
            self.open.push(Open { name, line });
            return Ok(true);
        }
        self.fatal(
            format!("Couldn't find end of Start Tag {name} line {line}"),
            self.i,
        )
    }

    pub(crate) fn end_tag(&mut self) -> Step<()> {
        self.i += 2;
        let found = self.name().map(local_name);
        self.skip_blanks();
        if self.peek(0) != b'>' {
            return self.fatal("expected '>'", self.i);
        }
        self.i += 1;
        let open = self.open.pop().ok_or(Stop::Unknown)?;
        if found != Some(open.name) {
            return self.fatal(
                format!(
                    "Opening and ending tag mismatch: {} line {} and {}",
                    open.name,
                    open.line,
                    found.unwrap_or("unparsable")
                ),
                self.i,
            );
        }
        Ok(())
    }

    pub(crate) fn att_value(&mut self) -> Step<()> {
        let quote = self.peek(0);
        if quote != b'"' && quote != b'\'' {
            return self.fatal("AttValue: \" or ' expected", self.i);
        }
        self.i += 1;
        while let Some(c) = self.cur_char() {
            if c as u32 == u32::from(quote) {
                self.i += 1;
                return Ok(());
            }
            if c == '<' {
                return self.fatal("Unescaped '<' not allowed in attributes values", self.i);
            }
            if !is_xml_char(c) {
                return self.fatal("invalid character in attribute value", self.i);
            }
            if c == '&' {
                self.reference()?;
            } else {
                self.i += c.len_utf8();
            }
        }
        self.fatal("AttValue: ' expected", self.i)
    }

    /// `&name;` or `&#...;`.
    pub(crate) fn reference(&mut self) -> Step<()> {
        if self.peek(1) == b'#' {
            return self.char_ref();
        }
        self.i += 1;
        let Some(name) = self.name() else {
            return self.fatal("xmlParseEntityRef: no name", self.i);
        };
        if self.peek(0) != b';' {
            return self.fatal("EntityRef: expecting ';'", self.i);
        }
        self.i += 1;
        if matches!(name, "lt" | "gt" | "amp" | "apos" | "quot") {
            Ok(())
        } else {
            self.fatal(format!("Entity '{name}' not defined"), self.i)
        }
    }

    pub(crate) fn char_ref(&mut self) -> Step<()> {
        let hex = self.peek(2) == b'x';
        self.i += if hex { 3 } else { 2 };
        let radix = if hex { 16 } else { 10 };
        let mut val: u32 = 0;
        let mut digits = 0;
        while self.peek(0) != b';' {
            digits += 1;
            if digits > 20 {
                return Err(Stop::Unknown);
            }
            match char::from(self.peek(0)).to_digit(radix) {
                Some(d) => val = val.saturating_mul(radix).saturating_add(d).min(0x11_0000),
                None => {
                    let what = if hex { "hexadecimal" } else { "decimal" };
                    return self.fatal(format!("CharRef: invalid {what} value"), self.i);
                }
            }
            self.i += 1;
        }
        self.i += 1;
        if val >= 0x11_0000 {
            return self.fatal("xmlParseCharRef: character reference out of bounds", self.i);
        }
        if char::from_u32(val).is_some_and(is_xml_char) {
            Ok(())
        } else {
            self.fatal(
                format!("xmlParseCharRef: invalid xmlChar value {val}"),
                self.i,
            )
        }
    }

    /// Text up to the next `<` or `&`. Like libxml2, a first pass over plain ASCII leaves
    /// the reported position at the start of the run (a `]]>` found there is reported
    /// with the run's start but the line of the `]]>`); anything else is then checked
    /// character by character at its own position.
    pub(crate) fn char_data(&mut self) -> Step<()> {
        let mut j = self.i;
        loop {
            let c = self.b.get(j).copied().unwrap_or(0);
            match c {
                0 if j >= self.b.len() => {
                    self.i = j;
                    return Ok(());
                }
                b'<' | b'&' => {
                    self.i = j;
                    return Ok(());
                }
                b']' if self.b.get(j + 1) == Some(&b']') && self.b.get(j + 2) == Some(&b'>') => {
                    return Err(Stop::Fatal(SyntaxError {
                        message: "Sequence ']]>' not allowed in content".into(),
                        pos: self.i,
                        line: line_of(self.b, j),
                    }));
                }
                b'\t' | b'\n' | 0x20..=0x7f => j += 1,
                b'\r' if self.b.get(j + 1) == Some(&b'\n') => {
                    self.i = j + 1;
                    j += 2;
                }
                _ => {
                    self.i = j;
                    break;
                }
            }
        }
        while let Some(c) = self.cur_char() {
            if c == '<' || c == '&' {
                return Ok(());
            }
            if c == ']' && self.starts_with("]]>") {
                return self.fatal("Sequence ']]>' not allowed in content", self.i);
            }
            if !is_xml_char(c) {
                return self.fatal(
                    format!("PCDATA invalid Char value {}", u32::from(c)),
                    self.i,
                );
            }
            self.i += c.len_utf8();
        }
        Ok(())
    }
}
