//! The fine-grained ACL file (`<root>/etc/libvirt/rvirt-acl.conf`, format in docs/acl.md):
//! ordered `allow`/`deny` rules by client identity, permission glob and object-name glob.

use std::path::Path;

/// Who is calling: the identity libvirt's access drivers see (`virIdentity`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    pub uid: Option<u32>,
    /// Primary and supplementary groups of the caller.
    pub gids: Vec<u32>,
    /// TLS client certificate subject DN.
    pub x509_dname: Option<String>,
    /// SASL user name, once SASL authentication succeeded.
    pub sasl_user: Option<String>,
}

/// Whom a rule applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Any,
    Uid(u32),
    Gid(u32),
    Dn(String),
    Sasl(String),
}

impl Subject {
    fn matches(&self, who: &Identity) -> bool {
        match self {
            Subject::Any => true,
            Subject::Uid(u) => who.uid == Some(*u),
            Subject::Gid(g) => who.gids.contains(g),
            Subject::Dn(p) => who.x509_dname.as_deref().is_some_and(|d| glob(p, d)),
            Subject::Sasl(p) => who.sasl_user.as_deref().is_some_and(|u| glob(p, u)),
        }
    }
}

/// One line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub allow: bool,
    pub subject: Subject,
    /// `object:permission` glob, e.g. `domain:start`, `domain:*`, `*`.
    pub permission: String,
    /// Object-name glob (`*` = every object, also unnamed ones).
    pub name: String,
    pub line: usize,
}

/// A parsed ACL file: rules in order, plus the verdict when none matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AclRules {
    pub rules: Vec<Rule>,
    pub default_allow: bool,
}

impl Default for AclRules {
    /// No file: everything allowed (libvirt without an access driver).
    fn default() -> Self {
        AclRules {
            rules: Vec::new(),
            default_allow: true,
        }
    }
}

/// How one permission check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Allow,
    /// Denied by the rule on this line (0 = the default).
    Deny(usize),
}

impl AclRules {
    /// Reads `path`; a missing file means "allow everything".
    pub fn load(path: &Path) -> anyhow::Result<AclRules> {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                AclRules::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(AclRules::default()),
            Err(e) => Err(anyhow::anyhow!("cannot read {}: {e}", path.display())),
        }
    }

    /// Parses the file text (see docs/acl.md).
    pub fn parse(text: &str) -> Result<AclRules, String> {
        let mut acl = AclRules::default();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let toks = tokens(raw).map_err(|e| format!("line {line}: {e}"))?;
            let Some(first) = toks.first() else { continue };
            match first.as_str() {
                "default" => match toks.get(1).map(String::as_str) {
                    Some("allow") if toks.len() == 2 => acl.default_allow = true,
                    Some("deny") if toks.len() == 2 => acl.default_allow = false,
                    _ => return Err(format!("line {line}: expected 'default allow|deny'")),
                },
                "allow" | "deny" => {
                    if !(3..=4).contains(&toks.len()) {
                        return Err(format!(
                            "line {line}: expected '{first} SUBJECT PERMISSION [NAME]'"
                        ));
                    }
                    let subject = subject(&toks[1]).map_err(|e| format!("line {line}: {e}"))?;
                    let permission = toks[2].clone();
                    if permission != "*" && !permission.contains(':') {
                        return Err(format!(
                            "line {line}: permission '{permission}' is not OBJECT:PERMISSION"
                        ));
                    }
                    acl.rules.push(Rule {
                        allow: first == "allow",
                        subject,
                        permission,
                        name: toks.get(3).cloned().unwrap_or_else(|| "*".into()),
                        line,
                    });
                }
                other => return Err(format!("line {line}: unknown keyword '{other}'")),
            }
        }
        Ok(acl)
    }

    /// Checks one `object:permission` for `who` on the object called `name` (if known).
    ///
    /// A rule restricted to a name pattern applies to a call whose object name is unknown
    /// before it runs (lookup by UUID, create from XML) only if it denies: unknown names
    /// never widen access.
    pub fn check(&self, who: &Identity, permission: &str, name: Option<&str>) -> Verdict {
        for r in &self.rules {
            if !r.subject.matches(who) || !glob(&r.permission, permission) {
                continue;
            }
            let name_ok = match name {
                _ if r.name == "*" => true,
                Some(n) => glob(&r.name, n),
                None => !r.allow,
            };
            if name_ok {
                return if r.allow {
                    Verdict::Allow
                } else {
                    Verdict::Deny(r.line)
                };
            }
        }
        if self.default_allow {
            Verdict::Allow
        } else {
            Verdict::Deny(0)
        }
    }
}

fn subject(tok: &str) -> Result<Subject, String> {
    if tok == "*" || tok == "all" {
        return Ok(Subject::Any);
    }
    let (kind, value) = tok
        .split_once(':')
        .ok_or_else(|| format!("subject '{tok}' is not KIND:VALUE"))?;
    let num = |v: &str| {
        v.parse::<u32>()
            .map_err(|_| format!("'{v}' is not a number"))
    };
    Ok(match kind {
        "uid" => Subject::Uid(num(value)?),
        "gid" => Subject::Gid(num(value)?),
        "user" => Subject::Uid(user_id(value)?),
        "group" => Subject::Gid(crate::listeners::group_id(value).map_err(|e| e.to_string())?),
        "dn" | "x509" => Subject::Dn(value.to_string()),
        "sasl" => Subject::Sasl(value.to_string()),
        other => return Err(format!("unknown subject kind '{other}'")),
    })
}

/// Splits a line into words; `"…"` quotes keep spaces, `#` starts a comment.
fn tokens(line: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                in_word = true;
            }
            '#' if !quoted => break,
            c if c.is_whitespace() && !quoted => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            c => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if quoted {
        return Err("unterminated quote".into());
    }
    if in_word {
        out.push(cur);
    }
    Ok(out)
}

/// Shell-style glob: `*` any run, `?` one character.
pub fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// `getpwnam_r`: a user name (or number) to its uid.
pub fn user_id(name: &str) -> Result<u32, String> {
    if let Ok(n) = name.parse::<u32>() {
        return Ok(n);
    }
    let cname = std::ffi::CString::new(name).map_err(|_| format!("bad user name '{name}'"))?;
    // SAFETY: an all-zero passwd is a valid value (null pointers, zero ids).
    let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buf = vec![0u8; 16384];
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer refers to live, correctly sized storage owned by this frame.
    let rc = unsafe {
        libc::getpwnam_r(
            cname.as_ptr(),
            &mut pw,
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut result,
        )
    };
    if rc != 0 || result.is_null() {
        return Err(format!("Failed to find user record for name '{name}'"));
    }
    Ok(pw.pw_uid)
}

/// The caller's groups: `gid` plus the supplementary groups of `uid`'s user record.
pub fn groups_of(uid: Option<u32>, gid: Option<u32>) -> Vec<u32> {
    let mut out: Vec<u32> = gid.into_iter().collect();
    let Some(uid) = uid else { return out };
    // SAFETY: as in user_id; getpwuid_r writes only within `pw` and `buf`.
    let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buf = vec![0u8; 16384];
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    let rc = unsafe {
        libc::getpwuid_r(
            uid,
            &mut pw,
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut result,
        )
    };
    if rc != 0 || result.is_null() {
        return out;
    }
    let mut groups = vec![0 as libc::gid_t; 256];
    let mut n: libc::c_int = 256;
    // SAFETY: pw_name points into `buf`, alive here; `groups` holds `n` entries.
    let rc = unsafe { libc::getgrouplist(pw.pw_name, pw.pw_gid, groups.as_mut_ptr(), &mut n) };
    if rc >= 0 {
        groups.truncate(usize::try_from(n).unwrap_or(0));
        for g in groups {
            if !out.contains(&g) {
                out.push(g);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> Identity {
        Identity {
            uid: Some(0),
            gids: vec![0],
            ..Identity::default()
        }
    }

    #[test]
    fn globs() {
        assert!(glob("*", ""));
        assert!(glob("domain:*", "domain:start"));
        assert!(!glob("domain:*", "network:start"));
        assert!(glob("web-??", "web-01"));
        assert!(glob("*:read", "storage_pool:read"));
        assert!(!glob("*:read", "storage_pool:read_secure"));
        assert!(glob("CN=*,O=Example", "CN=client1,O=Example"));
    }

    #[test]
    fn first_matching_rule_wins() {
        let acl = AclRules::parse(
            "# comment\n\
             allow uid:0 domain:start web-*\n\
             deny  uid:0 domain:start\n\
             deny  dn:\"CN=bad, O=X\" *\n",
        )
        .unwrap();
        assert_eq!(acl.rules.len(), 3);
        assert_eq!(
            acl.check(&root(), "domain:start", Some("web-1")),
            Verdict::Allow
        );
        assert_eq!(
            acl.check(&root(), "domain:start", Some("db")),
            Verdict::Deny(3)
        );
        assert_eq!(
            acl.check(&root(), "domain:read", Some("db")),
            Verdict::Allow
        );
        let bad = Identity {
            x509_dname: Some("CN=bad, O=X".into()),
            ..Identity::default()
        };
        assert_eq!(acl.check(&bad, "connect:getattr", None), Verdict::Deny(4));
    }

    #[test]
    fn unknown_names_never_widen_access() {
        let acl =
            AclRules::parse("allow * domain:* web-*\ndeny * domain:stop db-*\ndefault deny\n")
                .unwrap();
        assert_eq!(acl.check(&root(), "domain:read", None), Verdict::Deny(0));
        assert_eq!(
            acl.check(&root(), "domain:stop", Some("web-1")),
            Verdict::Allow
        );
        assert_eq!(acl.check(&root(), "domain:stop", None), Verdict::Deny(2));
    }

    #[test]
    fn subjects_and_errors() {
        let acl =
            AclRules::parse("deny group:root connect:write\ndeny user:root domain:*\n").unwrap();
        assert_eq!(acl.rules[0].subject, Subject::Gid(0));
        assert_eq!(acl.rules[1].subject, Subject::Uid(0));
        let e = AclRules::parse("permit uid:0 domain:start").unwrap_err();
        assert!(e.contains("line 1") && e.contains("permit"), "{e}");
        assert!(AclRules::parse("allow uid:x domain:start").is_err());
        assert!(AclRules::parse("allow uid:0 start").is_err());
        assert!(AclRules::parse("allow \"uid:0 domain:start").is_err());
        assert!(AclRules::parse("default maybe").is_err());
        assert_eq!(AclRules::parse("").unwrap(), AclRules::default());
        assert!(groups_of(Some(0), Some(0)).contains(&0));
    }
}
