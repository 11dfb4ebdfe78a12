//! Markup the scanner passes over: the XML declaration, processing instructions,
//! comments and CDATA sections.

use super::chars::{is_blank, is_xml_char};
use super::scanner::{Scanner, Step, Stop};

impl Scanner<'_> {
    pub(crate) fn xml_decl(&mut self) -> Step<()> {
        self.i += 5;
        self.skip_blanks();
        if !self.starts_with("version") {
            return self.fatal("Malformed declaration expecting version", self.i);
        }
        self.i += 7;
        self.decl_equals()?;
        let quote = self.decl_quote()?;
        let start = self.i;
        if self.peek(0).is_ascii_digit() {
            self.i += 1;
            if self.peek(0) == b'.' {
                self.i += 1;
                while self.peek(0).is_ascii_digit() {
                    self.i += 1;
                }
            }
        }
        self.decl_close(quote)?;
        if !self.b.get(start..).is_some_and(|r| r.starts_with(b"1.")) {
            return Err(Stop::Unknown);
        }
        if self.decl_end_or_blank()? {
            return Ok(());
        }
        self.skip_blanks();
        if self.starts_with("encoding") {
            self.i += 8;
            self.decl_equals()?;
            let quote = self.decl_quote()?;
            let start = self.i;
            while self.peek(0).is_ascii_alphanumeric() || matches!(self.peek(0), b'-' | b'_' | b'.')
            {
                self.i += 1;
            }
            let name = self.text.get(start..self.i).unwrap_or("");
            if !(name.eq_ignore_ascii_case("UTF-8") || name.eq_ignore_ascii_case("UTF8")) {
                return Err(Stop::Unknown);
            }
            if self.peek(0) != quote {
                return Err(Stop::Unknown);
            }
            self.i += 1;
            if !(is_blank(self.peek(0)) || self.starts_with("?>")) {
                return Err(Stop::Unknown);
            }
            self.skip_blanks();
        }
        if self.starts_with("standalone") {
            self.i += 10;
            self.decl_equals()?;
            let quote = self.decl_quote()?;
            if self.starts_with("yes") {
                self.i += 3;
            } else if self.starts_with("no") {
                self.i += 2;
            } else {
                return Err(Stop::Unknown);
            }
            if self.peek(0) != quote {
                return Err(Stop::Unknown);
            }
            self.i += 1;
            self.skip_blanks();
        }
        if self.starts_with("?>") {
            self.i += 2;
            return Ok(());
        }
        self.fatal("parsing XML declaration: '?>' expected", self.i)
    }

    /// `S? '=' S?` inside the XML declaration.
    pub(crate) fn decl_equals(&mut self) -> Step<()> {
        self.skip_blanks();
        if self.peek(0) != b'=' {
            return self.fatal("expected '='", self.i);
        }
        self.i += 1;
        self.skip_blanks();
        Ok(())
    }

    /// An opening quote inside the XML declaration; returns it.
    pub(crate) fn decl_quote(&mut self) -> Step<u8> {
        let quote = self.peek(0);
        if quote != b'"' && quote != b'\'' {
            return self.fatal("String not started expecting ' or \"", self.i);
        }
        self.i += 1;
        Ok(quote)
    }

    pub(crate) fn decl_close(&mut self, quote: u8) -> Step<()> {
        if self.peek(0) != quote {
            return self.fatal("String not closed expecting \" or '", self.i);
        }
        self.i += 1;
        Ok(())
    }

    /// After the version: `true` at `?>` (consumed); an error unless a blank follows.
    pub(crate) fn decl_end_or_blank(&mut self) -> Step<bool> {
        if is_blank(self.peek(0)) {
            return Ok(false);
        }
        if self.starts_with("?>") {
            self.i += 2;
            return Ok(true);
        }
        self.fatal("Blank needed here", self.i)
    }

    /// `<?target ...?>` after the document start.
    pub(crate) fn pi(&mut self) -> Step<()> {
        self.i += 2;
        let Some(target) = self.name() else {
            return self.fatal("xmlParsePI : no target name", self.i);
        };
        if target == "xml" {
            return self.fatal(
                "XML declaration allowed only at the start of the document",
                self.i,
            );
        }
        if target.eq_ignore_ascii_case("xml") {
            return self.fatal("Invalid PI name", self.i);
        }
        if self.starts_with("?>") {
            self.i += 2;
            return Ok(());
        }
        if self.skip_blanks() == 0 {
            return self.fatal(format!("ParsePI: PI {target} space expected"), self.i);
        }
        loop {
            match self.xml_char_at(self.i) {
                Some(('?', p)) if self.b.get(p + 1) == Some(&b'>') => {
                    self.i = p + 2;
                    return Ok(());
                }
                Some((c, p)) if is_xml_char(c) => self.i = p + c.len_utf8(),
                Some((_, p)) => {
                    self.i = p;
                    break;
                }
                None => break,
            }
        }
        self.fatal(format!("ParsePI: PI {target} never end ..."), self.i)
    }

    /// `<!-- ... -->`. libxml2 first runs over plain ASCII (reporting `--` where it
    /// starts, with the text so far), then goes character by character.
    pub(crate) fn comment(&mut self) -> Step<()> {
        self.i += 4;
        let mut buf = String::new();
        let mut have_buf = false;
        let mut cur = self.i;
        let mut j = self.i;
        loop {
            while let Some(&c) = self.b.get(j) {
                if c == b'\t' || c == b'\n' || ((0x20..=0x7f).contains(&c) && c != b'-') {
                    j += 1;
                } else {
                    break;
                }
            }
            if j > cur {
                buf.push_str(self.text.get(cur..j).unwrap_or(""));
                have_buf = true;
            }
            cur = j;
            match self.b.get(j).copied() {
                Some(b'\r') if self.b.get(j + 1) == Some(&b'\n') => {
                    cur = j + 1;
                    j += 2;
                }
                Some(b'-') if self.b.get(j + 1) == Some(&b'-') => {
                    if self.b.get(j + 2) == Some(&b'>') {
                        self.i = j + 3;
                        return Ok(());
                    }
                    let msg = if have_buf {
                        format!("Double hyphen within comment: <!--{}", clip50(&buf))
                    } else {
                        "Double hyphen within comment".to_string()
                    };
                    return self.fatal(msg, cur);
                }
                Some(b'-') => j += 1,
                _ => break,
            }
        }
        self.i = cur;
        self.comment_complex(buf)
    }

    /// The character-by-character rest of a comment.
    fn comment_complex(&mut self, mut buf: String) -> Step<()> {
        let mut q = self.comment_start_char()?;
        let mut r = self.comment_start_char()?;
        let mut first = true;
        loop {
            match self.xml_char_at(self.i) {
                None if first => return self.fatal("Comment not terminated", self.i),
                None => {
                    return self.fatal(
                        format!("Comment not terminated \n<!--{}", clip50(&buf)),
                        self.i,
                    )
                }
                Some((c, p)) if !is_xml_char(c) => {
                    return self.fatal(
                        format!("xmlParseComment: invalid xmlChar value {}", u32::from(c)),
                        p,
                    )
                }
                Some((c, p)) => {
                    if c == '>' && r == '-' && q == '-' {
                        self.i = p + 1;
                        return Ok(());
                    }
                    if r == '-' && q == '-' {
                        return self.fatal("Comment must not contain '--' (double-hyphen)", p);
                    }
                    buf.push(q);
                    q = r;
                    r = c;
                    self.i = p + c.len_utf8();
                    first = false;
                }
            }
        }
    }

    /// One of the first two characters `comment_complex` reads.
    fn comment_start_char(&mut self) -> Step<char> {
        match self.xml_char_at(self.i) {
            None => self.fatal("Comment not terminated", self.i),
            Some((c, p)) if !is_xml_char(c) => self.fatal(
                format!("xmlParseComment: invalid xmlChar value {}", u32::from(c)),
                p,
            ),
            Some((c, p)) => {
                self.i = p + c.len_utf8();
                Ok(c)
            }
        }
    }

    /// `<![CDATA[ ... ]]>`.
    pub(crate) fn cdata(&mut self) -> Step<()> {
        self.i += 9;
        let mut r = self.cdata_start_char()?;
        let mut s = self.cdata_start_char()?;
        let mut buf = String::new();
        loop {
            match self.xml_char_at(self.i) {
                Some((c, p)) if is_xml_char(c) => {
                    if r == ']' && s == ']' && c == '>' {
                        self.i = p + 1;
                        return Ok(());
                    }
                    buf.push(r);
                    r = s;
                    s = c;
                    self.i = p + c.len_utf8();
                }
                other => {
                    let pos = other.map_or(self.i, |(_, p)| p);
                    return self
                        .fatal(format!("CData section not finished\n{}", clip50(&buf)), pos);
                }
            }
        }
    }

    /// One of the first two characters of a CDATA section (libxml2 has no wording for
    /// a section that ends there).
    fn cdata_start_char(&mut self) -> Step<char> {
        match self.xml_char_at(self.i) {
            Some((c, p)) if is_xml_char(c) => {
                self.i = p + c.len_utf8();
                Ok(c)
            }
            other => {
                let pos = other.map_or(self.i, |(_, p)| p);
                self.fatal("Unregistered error message", pos)
            }
        }
    }

    /// libxml2's `CUR_CHAR` at byte `p`: the character and where it is; `\r\n` reads as
    /// the `\n`, a lone `\r` as `\n`. `None` at the end of the input.
    fn xml_char_at(&self, p: usize) -> Option<(char, usize)> {
        let c = self.text.get(p..)?.chars().next()?;
        if c == '\r' {
            if self.b.get(p + 1) == Some(&b'\n') {
                return Some(('\n', p + 1));
            }
            return Some(('\n', p));
        }
        Some((c, p))
    }
}

/// `%.50s`: at most 50 bytes (cut back to a character boundary).
fn clip50(s: &str) -> &str {
    let mut end = s.len().min(50);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}
