//! TCP and TLS listeners (`virNetServerServiceNewTCP` / `…TLS`): bind with the
//! `max_queued_clients` backlog, accept, and for TLS run the handshake, check the client
//! certificate and send libvirt's one-byte confirmation before any RPC frame.

use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio_rustls::TlsAcceptor;

use super::client::Transport;
use super::listener::{admit, new_info, peer_name, run_client, Server, Shared};
use super::tls::{acceptor, certificate_error_message, rustls_error, TlsServerConfig};

/// How long a TLS client may take to finish its handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(30);

/// The byte libvirtd writes inside TLS once the client certificate was accepted.
const TLS_CONFIRMATION: u8 = 1;

async fn bind(addr: &str, backlog: u32) -> std::io::Result<TcpListener> {
    let mut last = None;
    for a in tokio::net::lookup_host(addr).await? {
        let sock = if a.is_ipv4() {
            TcpSocket::new_v4()?
        } else {
            TcpSocket::new_v6()?
        };
        sock.set_reuseaddr(true)?;
        match sock.bind(a).and_then(|()| sock.listen(backlog.max(1))) {
            Ok(l) => return Ok(l),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::AddrNotAvailable,
            format!("no address found for {addr}"),
        )
    }))
}

fn accept_loop<F>(shared: Arc<Shared>, listener: TcpListener, mut on_accept: F)
where
    F: FnMut(&Arc<Shared>, TcpStream, SocketAddr) + Send + 'static,
{
    tokio::spawn(async move {
        loop {
            let accepted = tokio::select! {
                a = listener.accept() => a,
                _ = shared.shutdown.cancelled() => return,
            };
            match accepted {
                Ok((sock, peer)) => {
                    let _ = sock.set_nodelay(true);
                    on_accept(&shared, sock, peer);
                }
                Err(e) => {
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
        }
    });
}

impl Server {
    /// Binds a plain TCP listener (`listen_tcp`, auth none) and serves it; returns the
    /// bound address.
    pub async fn listen_tcp(&self, addr: &str) -> std::io::Result<SocketAddr> {
        let listener = bind(addr, self.shared.config.max_queued_clients).await?;
        let local = listener.local_addr()?;
        accept_loop(Arc::clone(&self.shared), listener, |shared, sock, peer| {
            let info = new_info(shared, Transport::Tcp(peer.to_string()), false);
            super::listener::spawn_client(shared, sock, info, None);
        });
        Ok(local)
    }

    /// Binds a TLS listener (`listen_tls`, auth none) with `tls`'s credentials and serves
    /// it; returns the bound address. Errors name the certificate file that is unusable.
    pub async fn listen_tls(
        &self,
        addr: &str,
        tls: &TlsServerConfig,
    ) -> Result<SocketAddr, String> {
        let acc = acceptor(tls)?;
        let listener = bind(addr, self.shared.config.max_queued_clients)
            .await
            .map_err(|e| format!("Unable to bind to {addr}: {e}"))?;
        let local = listener
            .local_addr()
            .map_err(|e| format!("Unable to bind to {addr}: {e}"))?;
        accept_loop(
            Arc::clone(&self.shared),
            listener,
            move |shared, sock, peer| {
                accept_tls(shared, &acc, sock, peer);
            },
        );
        Ok(local)
    }
}

/// After a refused handshake the alert has been sent; read what the client still sends
/// until it hangs up (briefly), so closing does not reset the connection under a client
/// that is still writing (a reset would kill a C client with SIGPIPE before it can print
/// its error).
async fn drain(mut sock: TcpStream) {
    use tokio::io::AsyncReadExt;
    let _ = sock.shutdown().await;
    let mut buf = [0u8; 4096];
    let _ = tokio::time::timeout(Duration::from_secs(2), async {
        while let Ok(n) = sock.read(&mut buf).await {
            if n == 0 {
                break;
            }
        }
    })
    .await;
}

/// Decrements the count of unauthenticated connections when dropped.
struct Anonymous(Arc<Shared>);

impl Drop for Anonymous {
    fn drop(&mut self) {
        self.0.anonymous.fetch_sub(1, Ordering::SeqCst);
    }
}

fn accept_tls(shared: &Arc<Shared>, acc: &TlsAcceptor, sock: TcpStream, peer: SocketAddr) {
    let mut info = new_info(shared, Transport::Tls(peer.to_string()), false);
    let max_anon = shared.max_anonymous.load(Ordering::SeqCst);
    if shared.anonymous.load(Ordering::SeqCst) >= max_anon {
        tracing::error!(
            max_anonymous_clients = max_anon,
            "Too many unauthenticated clients ({max_anon}), dropping connection from {peer}"
        );
        return;
    }
    let Some(guard) = admit(shared, &info) else {
        return;
    };
    shared.anonymous.fetch_add(1, Ordering::SeqCst);
    let anon = Anonymous(Arc::clone(shared));
    let acc = acc.clone();
    let shared = Arc::clone(shared);
    tokio::spawn(async move {
        let hs = tokio::select! {
            r = tokio::time::timeout(HANDSHAKE_TIMEOUT, acc.accept(sock).into_fallible()) => r,
            _ = shared.shutdown.cancelled() => return,
        };
        let mut tls = match hs {
            Err(_) => {
                tracing::error!("TLS handshake with {peer} timed out, dropping connection");
                return;
            }
            Ok(Err((e, sock))) => {
                let msg = match rustls_error(&e) {
                    Some(re) => certificate_error_message(re, "client"),
                    None => format!("TLS handshake failed: {e}"),
                };
                tracing::error!(client = info.id, "{msg}; dropping connection from {peer}");
                drop(anon);
                drain(sock).await;
                return;
            }
            Ok(Ok(s)) => s,
        };
        let (_, conn) = tls.get_ref();
        info.x509_dname = conn
            .peer_certificates()
            .and_then(|c| c.first())
            .and_then(|c| crate::pki::subject_dname(c));
        if let Some(dn) = &info.x509_dname {
            tracing::info!(client = info.id, dname = %dn, "TLS client certificate accepted");
        }
        if let Err(e) = async {
            tls.write_all(&[TLS_CONFIRMATION]).await?;
            tls.flush().await
        }
        .await
        {
            tracing::info!(client = info.id, error = %e, "dropping {}", peer_name(&info));
            return;
        }
        drop(anon);
        run_client(shared, tls, info, guard, None).await;
    });
}
