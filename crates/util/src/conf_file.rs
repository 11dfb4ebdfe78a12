//! libvirt's `.conf` syntax (`virConf`): `key = value` lines, values being strings
//! (`"…"`, `'…'`, `"""…"""`), integers or lists `[ v, v, … ]`; `#` starts a comment;
//! statements end at a newline or `;`.

use std::fmt;

/// One configuration value (`virConfValue`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfValue {
    String(String),
    Int(i64),
    List(Vec<ConfValue>),
}

impl ConfValue {
    /// The value as a string, if it is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            ConfValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// The value as an integer, if it is one.
    pub fn as_int(&self) -> Option<i64> {
        match self {
            ConfValue::Int(n) => Some(*n),
            _ => None,
        }
    }

    /// A list of strings (a single string counts as a one-element list, as libvirt allows).
    pub fn as_str_list(&self) -> Option<Vec<String>> {
        match self {
            ConfValue::String(s) => Some(vec![s.clone()]),
            ConfValue::List(items) => items
                .iter()
                .map(|v| v.as_str().map(str::to_owned))
                .collect(),
            ConfValue::Int(_) => None,
        }
    }
}

/// A syntax error with the (1-based) line it was found on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ConfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ConfError {}

/// A parsed configuration file: entries in file order (a later duplicate wins on lookup).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfFile {
    entries: Vec<(String, ConfValue)>,
}

impl ConfFile {
    /// Parses `text` (`virConfReadString`).
    pub fn parse(text: &str) -> Result<Self, ConfError> {
        let mut p = Parser {
            s: text.as_bytes(),
            pos: 0,
            line: 1,
        };
        let mut entries = Vec::new();
        loop {
            p.skip_blank_lines();
            if p.at_end() {
                break;
            }
            let name = p.name()?;
            p.skip_spaces();
            if p.peek() != Some(b'=') {
                return Err(p.err("expecting an assignment"));
            }
            p.pos += 1;
            p.skip_spaces();
            let value = p.value()?;
            p.skip_spaces();
            match p.peek() {
                None | Some(b'\n') | Some(b'\r') | Some(b'#') | Some(b';') => {}
                _ => return Err(p.err("expecting a separator")),
            }
            if p.peek() == Some(b';') {
                p.pos += 1;
            }
            entries.push((name, value));
        }
        Ok(ConfFile { entries })
    }

    /// The value of `key` (the last assignment wins).
    pub fn get(&self, key: &str) -> Option<&ConfValue> {
        self.entries
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// Every assignment in file order.
    pub fn entries(&self) -> &[(String, ConfValue)] {
        &self.entries
    }
}

struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
    line: usize,
}

impl Parser<'_> {
    fn at_end(&self) -> bool {
        self.pos >= self.s.len()
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn err(&self, msg: &str) -> ConfError {
        ConfError {
            line: self.line,
            message: msg.to_owned(),
        }
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    fn skip_comment(&mut self) {
        if self.peek() == Some(b'#') {
            while !matches!(self.peek(), None | Some(b'\n')) {
                self.pos += 1;
            }
        }
    }

    /// Skips spaces, comments, newlines and stray `;`.
    fn skip_blank_lines(&mut self) {
        loop {
            self.skip_spaces();
            self.skip_comment();
            match self.peek() {
                Some(b'\n') => {
                    self.line += 1;
                    self.pos += 1;
                }
                Some(b'\r' | b';') => self.pos += 1,
                _ => return,
            }
        }
    }

    fn name(&mut self) -> Result<String, ConfError> {
        let start = self.pos;
        match self.peek() {
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => self.pos += 1,
            _ => return Err(self.err("expecting a name")),
        }
        while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric() || c == b'_' || c == b'.')
        {
            self.pos += 1;
        }
        Ok(String::from_utf8_lossy(&self.s[start..self.pos]).into_owned())
    }

    fn value(&mut self) -> Result<ConfValue, ConfError> {
        match self.peek() {
            Some(b'"' | b'\'') => self.string().map(ConfValue::String),
            Some(b'[') => self.list(),
            Some(c) if c.is_ascii_digit() || c == b'-' || c == b'+' => self.int(),
            None => Err(self.err("expecting a value")),
            _ => Err(self.err("expecting a value")),
        }
    }

    fn int(&mut self) -> Result<ConfValue, ConfError> {
        let start = self.pos;
        if matches!(self.peek(), Some(b'-' | b'+')) {
            self.pos += 1;
        }
        while matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
            self.pos += 1;
        }
        let text = String::from_utf8_lossy(&self.s[start..self.pos]).into_owned();
        text.parse::<i64>()
            .map(ConfValue::Int)
            .map_err(|_| self.err("invalid integer"))
    }

    fn string(&mut self) -> Result<String, ConfError> {
        let quote = self.peek().unwrap_or(b'"');
        let triple = quote == b'"' && self.s.get(self.pos..self.pos + 3) == Some(b"\"\"\"");
        if triple {
            self.pos += 3;
            let start = self.pos;
            loop {
                if self.at_end() {
                    return Err(self.err("unterminated string"));
                }
                if self.s.get(self.pos..self.pos + 3) == Some(b"\"\"\"") {
                    let v = String::from_utf8_lossy(&self.s[start..self.pos]).into_owned();
                    self.pos += 3;
                    return Ok(v);
                }
                if self.peek() == Some(b'\n') {
                    self.line += 1;
                }
                self.pos += 1;
            }
        }
        self.pos += 1;
        let start = self.pos;
        loop {
            match self.peek() {
                None | Some(b'\n') => return Err(self.err("unterminated string")),
                Some(c) if c == quote => {
                    let v = String::from_utf8_lossy(&self.s[start..self.pos]).into_owned();
                    self.pos += 1;
                    return Ok(v);
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    fn list(&mut self) -> Result<ConfValue, ConfError> {
        self.pos += 1; // '['
        let mut items = Vec::new();
        loop {
            self.skip_blank_lines_in_list();
            match self.peek() {
                Some(b']') => {
                    self.pos += 1;
                    return Ok(ConfValue::List(items));
                }
                None => return Err(self.err("list is not closed with ]")),
                _ => {}
            }
            items.push(self.value()?);
            self.skip_blank_lines_in_list();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {}
                None => return Err(self.err("list is not closed with ]")),
                _ => return Err(self.err("expecting a separator in list")),
            }
        }
    }

    fn skip_blank_lines_in_list(&mut self) {
        loop {
            self.skip_spaces();
            self.skip_comment();
            match self.peek() {
                Some(b'\n') => {
                    self.line += 1;
                    self.pos += 1;
                }
                Some(b'\r') => self.pos += 1,
                _ => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_libvirtd_conf_forms() {
        let text = "# comment\nlisten_tls = 0\nunix_sock_group = \"libvirt\"  # trailing\n\
                    unix_sock_rw_perms = \"0770\"\nlog_outputs='3:stderr'\n\
                    access_drivers = [ \"polkit\",\n  \"none\", ]\nmax_clients = -5; min_workers = 2\n";
        let c = ConfFile::parse(text).unwrap();
        assert_eq!(c.get("listen_tls"), Some(&ConfValue::Int(0)));
        assert_eq!(
            c.get("unix_sock_group").and_then(ConfValue::as_str),
            Some("libvirt")
        );
        assert_eq!(
            c.get("log_outputs").and_then(ConfValue::as_str),
            Some("3:stderr")
        );
        assert_eq!(
            c.get("access_drivers").and_then(ConfValue::as_str_list),
            Some(vec!["polkit".to_owned(), "none".to_owned()])
        );
        assert_eq!(c.get("max_clients").and_then(ConfValue::as_int), Some(-5));
        assert_eq!(c.get("min_workers").and_then(ConfValue::as_int), Some(2));
        assert_eq!(c.entries().len(), 7);
    }

    #[test]
    fn triple_quoted_and_empty_list() {
        let c = ConfFile::parse("a = \"\"\"x\ny\"\"\"\nb = []\n").unwrap();
        assert_eq!(c.get("a").and_then(ConfValue::as_str), Some("x\ny"));
        assert_eq!(c.get("b"), Some(&ConfValue::List(vec![])));
    }

    #[test]
    fn errors_carry_line_numbers() {
        let e = ConfFile::parse("a = 1\n\nb = \"open\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("unterminated"));
        let e = ConfFile::parse("a = 1\nb 2\n").unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (2, "expecting an assignment"));
        let e = ConfFile::parse("x = [1,\n2\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(ConfFile::parse("a = 1 2\n").is_err());
        assert!(ConfFile::parse("1a = 1\n").is_err());
        assert!(ConfFile::parse("a = yes\n").is_err());
        assert!(ConfFile::parse("a = 99999999999999999999999\n").is_err());
    }

    #[test]
    fn never_panics_on_arbitrary_input() {
        let pieces: [&[u8]; 14] = [
            b"a", b" = ", b"\"", b"'", b"[", b"]", b",", b"\n", b"#", b"-", b"1", b"\"\"\"", b";",
            b"\xff",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let mut buf = Vec::new();
            for _ in 0..(seed % 12) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                buf.extend_from_slice(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let text = String::from_utf8_lossy(&buf);
            let _ = ConfFile::parse(&text);
            seed = seed.wrapping_add(1);
        }
        assert!(ConfFile::parse("").is_ok_and(|c| c.entries().is_empty()));
    }
}
