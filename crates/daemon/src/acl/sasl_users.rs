//! The SASL user name each connection authenticated as (`virIdentitySetSASLUserName`), by
//! connection number, for the `sasl:` subject of the ACL rules.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

fn map() -> &'static Mutex<HashMap<u64, String>> {
    static USERS: OnceLock<Mutex<HashMap<u64, String>>> = OnceLock::new();
    USERS.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Records that connection `id` authenticated as `user`.
pub fn set(id: u64, user: &str) {
    let mut m = match map().lock() {
        Ok(m) => m,
        Err(p) => p.into_inner(),
    };
    m.insert(id, user.to_string());
}

/// The SASL user of connection `id`, if it authenticated with SASL.
pub fn get(id: u64) -> Option<String> {
    match map().lock() {
        Ok(m) => m.get(&id).cloned(),
        Err(p) => p.into_inner().get(&id).cloned(),
    }
}

/// Forgets a closed connection.
pub fn forget(id: u64) {
    let mut m = match map().lock() {
        Ok(m) => m,
        Err(p) => p.into_inner(),
    };
    m.remove(&id);
}

#[cfg(test)]
mod tests {
    #[test]
    fn set_get_forget() {
        super::set(9_999_001, "fred");
        assert_eq!(super::get(9_999_001).as_deref(), Some("fred"));
        super::forget(9_999_001);
        assert_eq!(super::get(9_999_001), None);
    }
}
