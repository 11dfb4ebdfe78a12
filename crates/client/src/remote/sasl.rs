//! The client half of `REMOTE_AUTH_SASL` (`remoteAuthSASL`): AUTH_SASL_INIT,
//! AUTH_SASL_START and AUTH_SASL_STEP with SCRAM-SHA-256.

use bytes::Bytes;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::uri::ConnectUri;
use rvirt_rpc::sasl::ScramClient;
use rvirt_xdr::Chars;

use super::auth::{collect, AuthCallback};
use super::conn::RemoteConnection;
use super::procs as p;
use super::wire::args;

const MECH: &str = "SCRAM-SHA-256";

fn failed(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::AuthFailed, ErrorDomain::Remote, detail.into())
}

impl RemoteConnection {
    /// Authenticates with SCRAM-SHA-256; credentials from `auth.conf`, then `callback`.
    pub(crate) async fn authenticate_sasl(
        &self,
        secure: bool,
        callback: Option<&AuthCallback>,
    ) -> VirResult<()> {
        let uri = ConnectUri::parse(&self.uri).ok();
        let wanted = uri
            .as_ref()
            .and_then(|u| u.param("auth"))
            .and_then(|a| a.strip_prefix("sasl."))
            .map(str::to_ascii_uppercase);
        let mut r = self.call(p::AUTH_SASL_INIT, Bytes::new()).await?;
        let mechlist: String = r.get()?;
        if let Some(w) = &wanted {
            if w != MECH {
                return Err(failed(format!("SASL mechanism {w} not supported by rvirt")));
            }
        }
        if !mechlist.split(',').any(|m| m.trim() == MECH) {
            return Err(failed(format!(
                "Failed to start SASL negotiation: no mechanism in '{mechlist}' supported by rvirt"
            )));
        }
        if !secure {
            // libvirt: without TLS or a unix socket the mechanism must give SSF >= 56
            return Err(failed("negotiation SSF 0 was not strong enough"));
        }
        let host = uri
            .as_ref()
            .and_then(|u| u.host.clone())
            .unwrap_or_else(|| "localhost".into());
        let authfile = uri.as_ref().and_then(|u| u.param("authfile"));
        let (user, pass) = collect(&host, authfile, callback)?;
        let (Some(user), Some(pass)) = (user, pass) else {
            return Err(failed("Failed to collect auth credentials"));
        };
        let mut scram = ScramClient::new(&user, &pass);
        let first = Chars(scram.client_first());
        let mut r = self
            .call(p::AUTH_SASL_START, args!(MECH.to_string(), 0i32, first))
            .await?;
        let (complete, _nil, server_first): (i32, i32, Chars) = (r.get()?, r.get()?, r.get()?);
        if complete != 0 {
            return Err(failed(
                "SASL server completed before the client proved anything",
            ));
        }
        let fin = scram
            .client_final(&server_first.0)
            .map_err(|e| failed(e.to_string()))?;
        let mut r = self
            .call(p::AUTH_SASL_STEP, args!(0i32, Chars(fin)))
            .await?;
        let (complete, _nil, server_final): (i32, i32, Chars) = (r.get()?, r.get()?, r.get()?);
        scram
            .verify_server_final(&server_final.0)
            .map_err(|e| failed(e.to_string()))?;
        if complete != 1 {
            return Err(failed("SASL server did not complete the exchange"));
        }
        Ok(())
    }
}
