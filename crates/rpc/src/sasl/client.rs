//! The client side of SCRAM-SHA-256 (RFC 5802 §5), as the rvirt library drives it over
//! AUTH_SASL_START / AUTH_SASL_STEP.

use super::scram::{self, attr, attributes};
use super::{b64, err, SaslError};

/// One SCRAM-SHA-256 client exchange.
pub struct ScramClient {
    user: String,
    password: String,
    nonce: String,
    client_first_bare: String,
    server_signature: Option<scram::Key>,
}

const GS2_HEADER: &str = "n,,";

impl ScramClient {
    /// A client for `user` with `password`.
    pub fn new(user: &str, password: &str) -> Self {
        let nonce = scram::nonce();
        ScramClient {
            client_first_bare: format!("n={},r={nonce}", scram::encode_name(user)),
            user: user.to_string(),
            password: password.to_string(),
            nonce,
            server_signature: None,
        }
    }

    /// The user name this client authenticates as.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// The client-first message (AUTH_SASL_START data).
    pub fn client_first(&mut self) -> Vec<u8> {
        format!("{GS2_HEADER}{}", self.client_first_bare).into_bytes()
    }

    /// Answers the server-first message with the client-final message (AUTH_SASL_STEP data).
    pub fn client_final(&mut self, server_first: &[u8]) -> Result<Vec<u8>, SaslError> {
        let sf = std::str::from_utf8(server_first)
            .map_err(|_| SaslError("server-first is not UTF-8".into()))?;
        let attrs = attributes(sf)?;
        let nonce = attr(&attrs, 'r').unwrap_or_default();
        if !nonce.starts_with(&self.nonce) || nonce.len() == self.nonce.len() {
            return err("SCRAM server nonce does not extend the client nonce");
        }
        let salt = attr(&attrs, 's')
            .and_then(b64::decode)
            .ok_or_else(|| SaslError("SCRAM salt missing".into()))?;
        let iterations: u32 = attr(&attrs, 'i')
            .and_then(|i| i.parse().ok())
            .filter(|i| *i > 0)
            .ok_or_else(|| SaslError("SCRAM iteration count missing".into()))?;
        let without_proof = format!("c={},r={nonce}", b64::encode(GS2_HEADER.as_bytes()));
        let auth = format!("{},{sf},{without_proof}", self.client_first_bare);
        let salted = scram::salted_password(self.password.as_bytes(), &salt, iterations);
        let ck = scram::client_key(&salted);
        let proof = scram::xor(&ck, &scram::hmac(&scram::h(&ck), auth.as_bytes()));
        self.server_signature = Some(scram::hmac(&scram::server_key(&salted), auth.as_bytes()));
        Ok(format!("{without_proof},p={}", b64::encode(&proof)).into_bytes())
    }

    /// Checks the server-final message (`v=`): mutual authentication.
    pub fn verify_server_final(&mut self, server_final: &[u8]) -> Result<(), SaslError> {
        let sf = std::str::from_utf8(server_final)
            .map_err(|_| SaslError("server-final is not UTF-8".into()))?;
        let attrs = attributes(sf)?;
        if let Some(e) = attr(&attrs, 'e') {
            return err(format!("server reported SCRAM error '{e}'"));
        }
        let v = attr(&attrs, 'v').and_then(b64::decode);
        match (v, &self.server_signature) {
            (Some(v), Some(expected)) if scram::same(&v, expected) => Ok(()),
            _ => err("SCRAM server signature does not match"),
        }
    }
}
