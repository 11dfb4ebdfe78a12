//! rvirt's SASL user database (`rvirt-sasl-users`): one `NAME:SCRAM-SHA-256:ITER:SALT:STORED:SERVER`
//! line per user (base64 values), never a plaintext password.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use super::b64;
use super::scram::{self, Key};

/// PBKDF2 iteration count for new entries (RFC 7677 recommends at least 4096).
pub const DEFAULT_ITERATIONS: u32 = 4096;

const TAG: &str = "SCRAM-SHA-256";

/// The SCRAM verifier stored for one user (RFC 5802 §2.2: salt, i, StoredKey, ServerKey).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScramCredential {
    pub salt: Vec<u8>,
    pub iterations: u32,
    pub stored_key: Key,
    pub server_key: Key,
}

impl ScramCredential {
    /// Derives the verifier of `password` with a fresh random salt.
    pub fn new(password: &str, iterations: u32) -> Self {
        let salt: [u8; 16] = rand::random();
        Self::derive(password, &salt, iterations)
    }

    /// Derives the verifier of `password` with the given salt.
    pub fn derive(password: &str, salt: &[u8], iterations: u32) -> Self {
        let salted = scram::salted_password(password.as_bytes(), salt, iterations);
        ScramCredential {
            salt: salt.to_vec(),
            iterations,
            stored_key: scram::h(&scram::client_key(&salted)),
            server_key: scram::server_key(&salted),
        }
    }

    /// Whether `password` matches (PLAIN).
    pub fn verify_password(&self, password: &str) -> bool {
        let other = Self::derive(password, &self.salt, self.iterations);
        scram::same(&other.stored_key, &self.stored_key)
    }

    fn line(&self, name: &str) -> String {
        format!(
            "{name}:{TAG}:{}:{}:{}:{}",
            self.iterations,
            b64::encode(&self.salt),
            b64::encode(&self.stored_key),
            b64::encode(&self.server_key)
        )
    }
}

fn key(s: &str) -> Option<Key> {
    b64::decode(s)?.try_into().ok()
}

fn parse_line(line: &str) -> Option<(String, ScramCredential)> {
    let f: Vec<&str> = line.split(':').collect();
    if f.len() != 6 || f[1] != TAG || f[0].is_empty() {
        return None;
    }
    Some((
        f[0].to_string(),
        ScramCredential {
            iterations: f[2].parse().ok().filter(|i| *i > 0)?,
            salt: b64::decode(f[3])?,
            stored_key: key(f[4])?,
            server_key: key(f[5])?,
        },
    ))
}

/// The users rvirtd accepts over SASL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserDb {
    users: BTreeMap<String, ScramCredential>,
}

impl UserDb {
    /// Parses the file's text; blank lines and `#` comments are skipped.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut users = BTreeMap::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, cred) = parse_line(line)
                .ok_or_else(|| format!("line {}: malformed SASL user entry", n + 1))?;
            users.insert(name, cred);
        }
        Ok(UserDb { users })
    }

    /// Reads the file; a missing file is an empty database.
    pub fn load(path: &Path) -> Result<Self, String> {
        match std::fs::read_to_string(path) {
            Ok(t) => Self::parse(&t).map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        }
    }

    /// The verifier of `name`.
    pub fn get(&self, name: &str) -> Option<&ScramCredential> {
        self.users.get(name)
    }

    /// Adds or replaces a user.
    pub fn insert(&mut self, name: &str, cred: ScramCredential) {
        self.users.insert(name.to_string(), cred);
    }

    /// Removes a user; false when there was none.
    pub fn remove(&mut self, name: &str) -> bool {
        self.users.remove(name).is_some()
    }

    /// The user names, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.users.keys().map(String::as_str)
    }

    /// Number of users.
    pub fn len(&self) -> usize {
        self.users.len()
    }

    /// Whether there are no users.
    pub fn is_empty(&self) -> bool {
        self.users.is_empty()
    }

    /// The file's text.
    pub fn to_text(&self) -> String {
        let mut s = String::from(
            "# rvirt SASL users (SCRAM-SHA-256 verifiers); edit with rvirt-saslpasswd\n",
        );
        for (name, c) in &self.users {
            s.push_str(&c.line(name));
            s.push('\n');
        }
        s
    }
}

/// Adds (or replaces) `name` with `password` in the file at `path`, written with mode 0600.
pub fn add_user(path: &Path, name: &str, password: &str) -> Result<(), String> {
    if name.is_empty() || name.contains([':', '\n', '\r']) {
        return Err(format!("invalid SASL user name '{name}'"));
    }
    let mut db = UserDb::load(path)?;
    db.insert(name, ScramCredential::new(password, DEFAULT_ITERATIONS));
    save(path, &db)
}

/// Removes `name` from the file at `path`.
pub fn remove_user(path: &Path, name: &str) -> Result<(), String> {
    let mut db = UserDb::load(path)?;
    if !db.remove(name) {
        return Err(format!("user '{name}' not found in {}", path.display()));
    }
    save(path, &db)
}

/// Writes the database atomically with mode 0600.
pub fn save(path: &Path, db: &UserDb) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let tmp = path.with_extension("new");
    let write = || -> std::io::Result<()> {
        use std::os::unix::fs::OpenOptionsExt;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)?;
        f.write_all(db.to_text().as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    };
    write().map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_verify() {
        let dir = tempfile_dir();
        let path = dir.join("users");
        add_user(&path, "fred", "secret").unwrap();
        add_user(&path, "anna", "other").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("secret"));
        let db = UserDb::load(&path).unwrap();
        assert_eq!(db.len(), 2);
        assert!(db.get("fred").unwrap().verify_password("secret"));
        assert!(!db.get("fred").unwrap().verify_password("other"));
        assert!(add_user(&path, "a:b", "x").is_err());
        assert!(UserDb::parse("x:y\n").is_err());
        let _ = std::fs::remove_dir_all(dir);
    }

    fn tempfile_dir() -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("rvirt-sasl-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
