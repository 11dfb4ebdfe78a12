//! Server-side keepalive (`wire-protocol.md` §9): once started, PING after `interval` of
//! silence, then every `interval`; close after `count` unanswered pings.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use rvirt_proto::Packet;

use super::client::Client;

pub(crate) async fn run(client: Arc<Client>, interval: Duration, count: u32) {
    if !client.keepalive_started.load(Ordering::SeqCst) {
        client.keepalive_start.notified().await;
    }
    let mut sent: u32 = 0;
    let mut last_seen = client.last_rx();
    loop {
        let rx = client.last_rx();
        if rx != last_seen {
            last_seen = rx;
            sent = 0;
        }
        let deadline = last_seen + interval * (sent + 1);
        tokio::time::sleep_until(deadline.into()).await;
        if client.last_rx() != last_seen {
            continue;
        }
        if sent >= count {
            tracing::info!(
                client = client.info().id,
                "keepalive timed out, closing connection"
            );
            client.abort();
            return;
        }
        tracing::debug!(client = client.info().id, "sending keepalive ping");
        if !client.send(Packet::keepalive_ping()) {
            return;
        }
        sent += 1;
    }
}
