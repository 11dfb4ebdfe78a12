//! virsh's command-line grammar: splitting a command string into words and commands
//! (`vshCommandStringParse`), and binding words to a command's options (`vshCommandParse`).

use crate::defs::{self, CmdDef, Kind};

/// A parsed command: its definition and the options given, in order.
#[derive(Debug, Clone)]
pub struct Cmd {
    pub def: &'static CmdDef,
    /// (option name, value); `None` for boolean flags.
    pub opts: Vec<(&'static str, Option<String>)>,
}

/// A parse failure: the text after `error: `.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(pub String);

impl Cmd {
    /// Whether the option was given (`vshCommandOptBool`).
    pub fn has(&self, name: &str) -> bool {
        self.opts.iter().any(|(n, _)| *n == name)
    }

    /// The value of a string option (`vshCommandOptString`).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.opts
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, v)| v.as_deref())
    }

    /// The value of a string option that must not be empty (`vshCommandOptStringReq`).
    pub fn req(&self, name: &str) -> Result<Option<&str>, String> {
        match self.get(name) {
            Some("") => Err(format!(
                "Failed to get option '{name}': Option argument is empty"
            )),
            v => Ok(v),
        }
    }

    /// Every value of an argv option, in order (`vshCommandOptArgv`).
    pub fn argv(&self, name: &str) -> Vec<&str> {
        self.opts
            .iter()
            .filter(|(n, _)| *n == name)
            .filter_map(|(_, v)| v.as_deref())
            .collect()
    }

    /// The value of a signed numeric option (`vshCommandOptInt`/`OptLongLong`).
    pub fn int(&self, name: &str) -> Result<Option<i64>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => parse_i64(v).map(Some).ok_or_else(|| numeric_error(v, name)),
        }
    }

    /// The value of an unsigned numeric option (`vshCommandOptUInt`/`OptULongLong`).
    pub fn uint(&self, name: &str) -> Result<Option<u64>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => parse_u64(v).map(Some).ok_or_else(|| numeric_error(v, name)),
        }
    }
}

fn numeric_error(v: &str, name: &str) -> String {
    format!("Numeric value '{v}' for <{name}> option is malformed or out of range")
}

/// Parses a decimal signed number as `virStrToLong_ll` with base 10 does.
pub fn parse_i64(s: &str) -> Option<i64> {
    let t = s.trim_start();
    if t.is_empty() {
        return None;
    }
    t.parse::<i64>().ok()
}

/// Parses an unsigned number as `virStrToLong_ullp` (no negative values).
pub fn parse_u64(s: &str) -> Option<u64> {
    let t = s.trim_start();
    let t = t.strip_prefix('+').unwrap_or(t);
    if t.is_empty() || t.starts_with('-') {
        return None;
    }
    t.parse::<u64>().ok()
}

/// Splits one command string into commands, each a list of words (virsh's string parser):
/// blanks separate words, `;` and newlines separate commands, quotes and backslashes group,
/// `#` at the start of a word comments out the rest of the line.
pub fn split_commands(line: &str) -> Result<Vec<Vec<String>>, ParseError> {
    let mut cmds: Vec<Vec<String>> = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0usize;
    loop {
        while i < chars.len() && (chars[i] == ' ' || chars[i] == '\t') {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let c = chars[i];
        if c == ';' || c == '\n' {
            i += 1;
            if !cur.is_empty() {
                cmds.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if c == '#' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        let mut word = String::new();
        let mut dq = false;
        let mut sq = false;
        while i < chars.len() {
            let c = chars[i];
            if !dq && !sq && (c == ' ' || c == '\t' || c == ';' || c == '\n') {
                break;
            }
            if c == '\\' && !sq {
                i += 1;
                if i >= chars.len() {
                    return Err(ParseError("dangling \\".into()));
                }
                word.push(chars[i]);
            } else if c == '"' && !sq {
                dq = !dq;
            } else if c == '\'' && !dq {
                sq = !sq;
            } else {
                word.push(c);
            }
            i += 1;
        }
        if dq || sq {
            return Err(ParseError("missing \"".into()));
        }
        cur.push(word);
    }
    if !cur.is_empty() {
        cmds.push(cur);
    }
    Ok(cmds)
}

/// Binds the words of one command to its definition's options.
pub fn parse_command(words: &[String]) -> Result<Cmd, ParseError> {
    let Some(name) = words.first() else {
        return Err(ParseError("missing command".into()));
    };
    let def = defs::find(name).ok_or_else(|| ParseError(format!("unknown command: '{name}'")))?;
    let mut opts: Vec<(&'static str, Option<String>)> = Vec::new();
    let mut data_only = false;
    let mut i = 1usize;
    while i < words.len() {
        let w = &words[i];
        i += 1;
        if !data_only && w.starts_with("--") {
            if w == "--" {
                data_only = true;
                continue;
            }
            let body = &w[2..];
            let (oname, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (body, None),
            };
            // `COMMAND --help` is `help COMMAND` (virsh's parser does the same)
            if oname == "help" && !def.opts.iter().any(|o| o.name == "help") {
                if inline.is_some() {
                    return Err(ParseError("invalid '=' after option --help".into()));
                }
                if let Some(help) = defs::find("help") {
                    return Ok(Cmd {
                        def: help,
                        opts: vec![("command", Some(def.name.to_string()))],
                    });
                }
            }
            let od = def.opts.iter().find(|o| o.name == oname).ok_or_else(|| {
                ParseError(format!(
                    "command '{}' doesn't support option --{oname}",
                    def.name
                ))
            })?;
            if od.kind != Kind::Argv && opts.iter().any(|(n, _)| *n == od.name) {
                return Err(ParseError(format!("option --{} already seen", od.name)));
            }
            if od.kind == Kind::Bool {
                if inline.is_some() {
                    return Err(ParseError(format!(
                        "invalid '=' after option --{}",
                        od.name
                    )));
                }
                opts.push((od.name, None));
            } else {
                let val = match inline {
                    Some(v) => v,
                    None => {
                        if i < words.len() {
                            i += 1;
                            words[i - 1].clone()
                        } else {
                            let ty = if od.kind == Kind::Int {
                                "number"
                            } else {
                                "string"
                            };
                            return Err(ParseError(format!(
                                "expected syntax: --{} <{ty}>",
                                od.name
                            )));
                        }
                    }
                };
                opts.push((od.name, Some(val)));
            }
        } else {
            let slot = def.opts.iter().find(|o| {
                o.kind != Kind::Bool
                    && !o.named_only
                    && (o.kind == Kind::Argv || !opts.iter().any(|(n, _)| *n == o.name))
            });
            match slot {
                Some(od) => opts.push((od.name, Some(w.clone()))),
                None => return Err(ParseError(format!("unexpected data '{w}'"))),
            }
        }
    }
    // virsh reports every missing required option, numeric ones spelled `--name`
    let missing: Vec<String> = def
        .opts
        .iter()
        .filter(|o| o.required && !opts.iter().any(|(n, _)| *n == o.name))
        .map(|od| {
            if od.named_only || od.kind == Kind::Int {
                format!("command '{}' requires --{} option", def.name, od.name)
            } else {
                format!("command '{}' requires <{}> option", def.name, od.name)
            }
        })
        .collect();
    if !missing.is_empty() {
        return Err(ParseError(missing.join("\nerror: ")));
    }
    Ok(Cmd { def, opts })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn splits_commands_and_quotes() {
        let c = split_commands("list --all; dominfo 'a b' # x\nuri").unwrap();
        assert_eq!(c.len(), 3);
        assert_eq!(c[1], vec!["dominfo".to_string(), "a b".to_string()]);
        assert_eq!(c[2], vec!["uri".to_string()]);
    }

    #[test]
    fn binds_options() {
        let c = parse_command(&words("dominfo test")).unwrap();
        assert_eq!(c.get("domain"), Some("test"));
        let e = parse_command(&words("list --bogus")).unwrap_err();
        assert_eq!(e.0, "command 'list' doesn't support option --bogus");
        let e = parse_command(&words("dominfo")).unwrap_err();
        assert_eq!(e.0, "command 'dominfo' requires <domain> option");
        let e = parse_command(&words("dominfo a b")).unwrap_err();
        assert_eq!(e.0, "unexpected data 'b'");
        let e = parse_command(&words("list --all=1")).unwrap_err();
        assert_eq!(e.0, "invalid '=' after option --all");
        let e = parse_command(&words("dominfo --domain")).unwrap_err();
        assert_eq!(e.0, "expected syntax: --domain <string>");
    }
}
