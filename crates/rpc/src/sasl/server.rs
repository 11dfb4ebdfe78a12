//! The server side of a SASL exchange (cyrus-sasl's `sasl_server_start`/`sasl_server_step`
//! as libvirtd drives them): SCRAM-SHA-256 always, PLAIN only when the caller allows it.

use std::sync::Arc;

use super::scram::{self, attr, attributes};
use super::users::{ScramCredential, UserDb, DEFAULT_ITERATIONS};
use super::{b64, err, SaslError};

/// Result of one server step: more to exchange, or authenticated (with optional final data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaslStep {
    /// `SASL_CONTINUE`: send the data (None = libvirt's `nil`) and wait for a STEP.
    Continue(Option<Vec<u8>>),
    /// `SASL_OK`: authenticated; the data (if any) goes back with `complete = 1`.
    Complete(Option<Vec<u8>>),
}

enum State {
    Idle,
    /// PLAIN or SCRAM started without an initial response.
    AwaitInitial(Mech),
    ScramSent(Box<ScramPending>),
    Done,
}

/// What the server remembers between server-first and client-final.
struct ScramPending {
    user: String,
    /// False for an unknown user: the exchange goes on with a made-up verifier and fails
    /// at the proof, so user names cannot be probed (RFC 5802 §5.1).
    known: bool,
    cred: ScramCredential,
    gs2_header: String,
    client_first_bare: String,
    server_first: String,
    nonce: String,
}

#[derive(Clone, Copy)]
enum Mech {
    Scram,
    Plain,
}

/// One server-side SASL session (`virNetSASLSession`).
pub struct SaslServer {
    db: Arc<UserDb>,
    allow_plain: bool,
    state: State,
    identity: Option<String>,
    mechanism: Option<&'static str>,
}

impl SaslServer {
    /// A session against `db`; PLAIN is offered only when `allow_plain` (TLS connections).
    pub fn new(db: Arc<UserDb>, allow_plain: bool) -> Self {
        SaslServer {
            db,
            allow_plain,
            state: State::Idle,
            identity: None,
            mechanism: None,
        }
    }

    /// `sasl_listmech` with libvirt's separators: the comma-separated mechanism list.
    pub fn mechanisms(&self) -> String {
        if self.allow_plain {
            "SCRAM-SHA-256,PLAIN".into()
        } else {
            "SCRAM-SHA-256".into()
        }
    }

    /// The authenticated user name, once the exchange is complete.
    pub fn identity(&self) -> Option<&str> {
        self.identity.as_deref()
    }

    /// The mechanism the client chose at START.
    pub fn mechanism(&self) -> Option<&'static str> {
        self.mechanism
    }

    /// `sasl_server_start`: `data` is None when the client sent `nil`.
    pub fn start(&mut self, mech: &str, data: Option<&[u8]>) -> Result<SaslStep, SaslError> {
        if !matches!(self.state, State::Idle) {
            return err("SASL exchange already started");
        }
        let m = match mech {
            "SCRAM-SHA-256" => Mech::Scram,
            "PLAIN" if self.allow_plain => Mech::Plain,
            other => return err(format!("mechanism '{other}' not offered")),
        };
        self.mechanism = Some(match m {
            Mech::Scram => "SCRAM-SHA-256",
            Mech::Plain => "PLAIN",
        });
        match data {
            None => {
                self.state = State::AwaitInitial(m);
                Ok(SaslStep::Continue(Some(Vec::new())))
            }
            Some(d) => self.initial(m, d),
        }
    }

    /// `sasl_server_step`.
    pub fn step(&mut self, data: Option<&[u8]>) -> Result<SaslStep, SaslError> {
        let data = data.unwrap_or_default();
        match std::mem::replace(&mut self.state, State::Done) {
            State::AwaitInitial(m) => self.initial(m, data),
            State::ScramSent(pending) => {
                let ScramPending {
                    user,
                    known,
                    cred,
                    gs2_header,
                    client_first_bare,
                    server_first,
                    nonce,
                } = *pending;
                let msg = text(data)?;
                let Some(idx) = msg.rfind(",p=") else {
                    return err("SCRAM client-final without proof");
                };
                let without_proof = &msg[..idx];
                let proof = b64::decode(&msg[idx + 3..])
                    .and_then(|p| <scram::Key>::try_from(p).ok())
                    .ok_or_else(|| SaslError("bad SCRAM proof".into()))?;
                let attrs = attributes(without_proof)?;
                let cb = attr(&attrs, 'c').and_then(b64::decode);
                if cb.as_deref() != Some(gs2_header.as_bytes()) {
                    return err("SCRAM channel binding mismatch");
                }
                if attr(&attrs, 'r') != Some(nonce.as_str()) {
                    return err("SCRAM nonce mismatch");
                }
                let auth = format!("{client_first_bare},{server_first},{without_proof}");
                let sig = scram::hmac(&cred.stored_key, auth.as_bytes());
                let client_key = scram::xor(&proof, &sig);
                if !known {
                    return err(format!("unknown SASL user '{user}'"));
                }
                if !scram::same(&scram::h(&client_key), &cred.stored_key) {
                    return err(format!("SCRAM proof of '{user}' does not match"));
                }
                let server_sig = scram::hmac(&cred.server_key, auth.as_bytes());
                self.identity = Some(user);
                Ok(SaslStep::Complete(Some(
                    format!("v={}", b64::encode(&server_sig)).into_bytes(),
                )))
            }
            State::Idle | State::Done => err("SASL step without a started exchange"),
        }
    }

    fn initial(&mut self, m: Mech, data: &[u8]) -> Result<SaslStep, SaslError> {
        match m {
            Mech::Plain => self.plain(data),
            Mech::Scram => self.scram_first(data),
        }
    }

    fn plain(&mut self, data: &[u8]) -> Result<SaslStep, SaslError> {
        self.state = State::Done;
        let parts: Vec<&[u8]> = data.split(|b| *b == 0).collect();
        let [authz, user, pass] = parts.as_slice() else {
            return err("malformed PLAIN message");
        };
        let (authz, user, pass) = (text(authz)?, text(user)?, text(pass)?);
        if !authz.is_empty() && authz != user {
            return err("PLAIN authorization identity differs from the user");
        }
        match self.db.get(user) {
            Some(c) if c.verify_password(pass) => {
                self.identity = Some(user.to_string());
                Ok(SaslStep::Complete(None))
            }
            _ => err(format!("PLAIN password of '{user}' does not match")),
        }
    }

    fn scram_first(&mut self, data: &[u8]) -> Result<SaslStep, SaslError> {
        self.state = State::Done;
        let msg = text(data)?;
        let mut it = msg.splitn(3, ',');
        let (Some(cbind), Some(authz), Some(bare)) = (it.next(), it.next(), it.next()) else {
            return err("malformed SCRAM client-first message");
        };
        if cbind != "n" && cbind != "y" {
            return err("SCRAM channel binding is not supported");
        }
        let attrs = attributes(bare)?;
        if attr(&attrs, 'm').is_some() {
            return err("SCRAM mandatory extension not supported");
        }
        let user = scram::decode_name(
            attr(&attrs, 'n').ok_or_else(|| SaslError("SCRAM user name missing".into()))?,
        )?;
        if let Some(a) = authz.strip_prefix("a=") {
            if scram::decode_name(a)? != user {
                return err("SCRAM authorization identity differs from the user");
            }
        } else if !authz.is_empty() {
            return err("malformed SCRAM authorization identity");
        }
        let cnonce = attr(&attrs, 'r').filter(|r| !r.is_empty());
        let Some(cnonce) = cnonce else {
            return err("SCRAM client nonce missing");
        };
        let (cred, known) = match self.db.get(&user) {
            Some(c) => (c.clone(), true),
            None => (
                ScramCredential::new(&scram::nonce(), DEFAULT_ITERATIONS),
                false,
            ),
        };
        let nonce = format!("{cnonce}{}", scram::nonce());
        let server_first = format!(
            "r={nonce},s={},i={}",
            b64::encode(&cred.salt),
            cred.iterations
        );
        let out = server_first.clone().into_bytes();
        self.state = State::ScramSent(Box::new(ScramPending {
            user,
            known,
            cred,
            gs2_header: format!("{cbind},{authz},"),
            client_first_bare: bare.to_string(),
            server_first,
            nonce,
        }));
        Ok(SaslStep::Continue(Some(out)))
    }
}

fn text(d: &[u8]) -> Result<&str, SaslError> {
    std::str::from_utf8(d).map_err(|_| SaslError("SASL data is not UTF-8".into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sasl::ScramClient;

    fn db() -> Arc<UserDb> {
        let mut db = UserDb::default();
        db.insert("fred", ScramCredential::new("pw", 4096));
        Arc::new(db)
    }

    fn run(user: &str, pass: &str) -> (Result<SaslStep, SaslError>, SaslServer, ScramClient) {
        let mut s = SaslServer::new(db(), false);
        let mut c = ScramClient::new(user, pass);
        let first = c.client_first();
        let SaslStep::Continue(Some(sf)) = s.start("SCRAM-SHA-256", Some(&first)).unwrap() else {
            panic!("expected server-first")
        };
        let fin = c.client_final(&sf).unwrap();
        (s.step(Some(&fin)), s, c)
    }

    #[test]
    fn scram_round_trip() {
        let (r, s, mut c) = run("fred", "pw");
        let SaslStep::Complete(Some(v)) = r.unwrap() else {
            panic!("expected completion")
        };
        c.verify_server_final(&v).unwrap();
        assert_eq!(s.identity(), Some("fred"));
    }

    #[test]
    fn scram_wrong_password_and_user() {
        let (r, s, _) = run("fred", "nope");
        assert!(r.unwrap_err().0.contains("does not match"));
        assert_eq!(s.identity(), None);
        // an unknown user gets a server-first like anyone else and fails at the proof
        let (r, s, _) = run("bob", "pw");
        assert!(r.unwrap_err().0.contains("unknown SASL user 'bob'"));
        assert_eq!(s.identity(), None);
    }

    #[test]
    fn plain_only_when_allowed() {
        let mut s = SaslServer::new(db(), false);
        assert_eq!(s.mechanisms(), "SCRAM-SHA-256");
        assert!(s.start("PLAIN", Some(b"\0fred\0pw")).is_err());
        let mut s = SaslServer::new(db(), true);
        assert_eq!(s.mechanisms(), "SCRAM-SHA-256,PLAIN");
        assert_eq!(
            s.start("PLAIN", Some(b"\0fred\0pw")).unwrap(),
            SaslStep::Complete(None)
        );
        assert_eq!(s.identity(), Some("fred"));
        let mut s = SaslServer::new(db(), true);
        assert!(s.start("PLAIN", Some(b"\0fred\0bad")).is_err());
    }
}
