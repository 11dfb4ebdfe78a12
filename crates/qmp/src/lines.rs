//! Bounded line reading: a peer can never make us buffer more than [`MAX_LINE_BYTES`].

use crate::error::QmpError;
use tokio::io::{AsyncRead, AsyncReadExt};

/// Longest JSON line accepted from QEMU or the agent (libvirt uses a similar cap).
pub const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// Reads `\n`-terminated lines (also splitting on the agent's 0xFF sync delimiter).
pub struct LineReader<R> {
    inner: R,
    buf: Vec<u8>,
    /// How much of `buf` is known to hold no terminator (avoids rescanning: O(n) total).
    scanned: usize,
    max: usize,
}

impl<R: AsyncRead + Unpin> LineReader<R> {
    pub fn new(inner: R) -> Self {
        Self::with_max(inner, MAX_LINE_BYTES)
    }

    pub fn with_max(inner: R, max: usize) -> Self {
        LineReader {
            inner,
            buf: Vec::new(),
            scanned: 0,
            max,
        }
    }

    /// The next non-empty line, without its terminator; `Closed` at end of stream.
    pub async fn next_line(&mut self) -> Result<Vec<u8>, QmpError> {
        loop {
            if let Some(off) = self.buf[self.scanned..]
                .iter()
                .position(|&b| b == b'\n' || b == 0xFF)
            {
                let pos = self.scanned + off;
                self.scanned = 0;
                let mut line: Vec<u8> = self.buf.drain(..=pos).collect();
                line.pop();
                if line.iter().all(|b| b.is_ascii_whitespace()) {
                    continue;
                }
                return Ok(line);
            }
            if self.buf.len() > self.max {
                return Err(QmpError::LineTooLong { max: self.max });
            }
            self.scanned = self.buf.len();
            let mut chunk = [0u8; 65536];
            let n = self.inner.read(&mut chunk).await?;
            if n == 0 {
                return Err(QmpError::Closed);
            }
            self.buf.extend_from_slice(&chunk[..n]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn splits_lines_and_bounds_length() {
        let data: &[u8] = b"{\"a\":1}\r\n\n{\"b\":2}\n";
        let mut r = LineReader::new(data);
        assert_eq!(r.next_line().await.unwrap(), b"{\"a\":1}\r");
        assert_eq!(r.next_line().await.unwrap(), b"{\"b\":2}");
        assert_eq!(r.next_line().await, Err(QmpError::Closed));

        let big = vec![b'x'; 100_000];
        let mut r = LineReader::with_max(&big[..], 1000);
        assert_eq!(
            r.next_line().await,
            Err(QmpError::LineTooLong { max: 1000 })
        );
    }
}
