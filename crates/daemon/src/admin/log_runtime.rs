//! The daemon's tracing subscriber driven by libvirt's logging settings, changeable at run
//! time (`virt-admin daemon-log-filters` / `daemon-log-outputs`):
//! - a message of level L (1 debug, 2 info, 3 warning, 4 error) is kept when the first
//!   filter `LEVEL:match` whose `match` is a substring of the message's target (its Rust
//!   module path, e.g. `rvirt_rpc::server::connection`, as libvirt matches its source
//!   names) has LEVEL <= L, or, with no matching filter, when L >= `log_level`;
//! - it is then written to every output `LEVEL:stderr` / `LEVEL:file:PATH` with LEVEL <= L
//!   (`syslog` and `journald` outputs go to stderr).

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use tracing::Metadata;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::Layer;

#[derive(Clone)]
enum Sink {
    Stderr,
    File(Arc<Mutex<std::fs::File>>),
}

#[derive(Clone)]
struct Output {
    level: u8,
    sink: Sink,
}

struct State {
    default: u8,
    filters: Vec<(u8, String)>,
    outputs: Vec<Output>,
}

fn slot() -> &'static RwLock<State> {
    static S: OnceLock<RwLock<State>> = OnceLock::new();
    S.get_or_init(|| {
        RwLock::new(State {
            default: 3,
            filters: Vec::new(),
            outputs: vec![Output {
                level: 3,
                sink: Sink::Stderr,
            }],
        })
    })
}

fn with_state<R>(f: impl FnOnce(&State) -> R) -> R {
    match slot().read() {
        Ok(s) => f(&s),
        Err(p) => f(&p.into_inner()),
    }
}

/// Changes the settings; tracing caches per-callsite verdicts, so they are recomputed.
fn update(f: impl FnOnce(&mut State)) {
    match slot().write() {
        Ok(mut s) => f(&mut s),
        Err(p) => f(&mut p.into_inner()),
    }
    tracing::callsite::rebuild_interest_cache();
}

/// libvirt's priority of a tracing level.
fn priority(level: &tracing::Level) -> u8 {
    match *level {
        tracing::Level::ERROR => 4,
        tracing::Level::WARN => 3,
        tracing::Level::INFO => 2,
        _ => 1,
    }
}

fn parse_level(s: &str) -> Option<u8> {
    s.parse::<u8>().ok().filter(|l| (1..=4).contains(l))
}

/// Parses `LEVEL:match …` (a leading `+` on the match, libvirt's "stack trace", is dropped).
pub fn parse_filters(text: &str) -> Result<Vec<(u8, String)>, String> {
    text.split_whitespace()
        .map(|item| {
            let bad = || format!("Failed to parse filter '{item}'");
            let (l, m) = item.split_once(':').ok_or_else(bad)?;
            let m = m.trim_start_matches('+');
            match parse_level(l) {
                Some(l) if !m.is_empty() => Ok((l, m.to_string())),
                _ => Err(bad()),
            }
        })
        .collect()
}

fn parse_outputs(text: &str) -> Result<Vec<Output>, String> {
    text.split_whitespace()
        .map(|item| {
            let bad = || format!("Failed to parse output '{item}'");
            let (l, dest) = item.split_once(':').ok_or_else(bad)?;
            let level = parse_level(l).ok_or_else(bad)?;
            let sink = match dest.split_once(':') {
                None if dest == "stderr" || dest == "journald" => Sink::Stderr,
                Some(("syslog", name)) if !name.is_empty() => Sink::Stderr,
                Some(("file", path)) if path.starts_with('/') => {
                    let f = std::fs::OpenOptions::new()
                        .create(true)
                        .append(true)
                        .open(path)
                        .map_err(|e| format!("failed to open {path}: {e}"))?;
                    Sink::File(Arc::new(Mutex::new(f)))
                }
                _ => return Err(bad()),
            };
            Ok(Output { level, sink })
        })
        .collect()
}

/// Checks an outputs string without opening anything.
pub fn validate_outputs(text: &str) -> Result<(), String> {
    for item in text.split_whitespace() {
        let bad = || format!("Failed to parse output '{item}'");
        let (l, dest) = item.split_once(':').ok_or_else(bad)?;
        parse_level(l).ok_or_else(bad)?;
        let ok = match dest.split_once(':') {
            None => dest == "stderr" || dest == "journald",
            Some(("syslog", n)) => !n.is_empty(),
            Some(("file", p)) => p.starts_with('/'),
            Some(_) => false,
        };
        if !ok {
            return Err(bad());
        }
    }
    Ok(())
}

/// The default level `init` installed, if it ran.
pub fn default_level() -> Option<u8> {
    INITIALISED.get().map(|_| with_state(|s| s.default))
}

static INITIALISED: OnceLock<()> = OnceLock::new();

/// `virLogSetFilters`: replaces the filters.
pub fn set_filters(text: &str) -> Result<(), String> {
    let f = parse_filters(text)?;
    update(|s| s.filters = f);
    Ok(())
}

/// `virLogSetOutputs`: replaces the outputs (empty = `LEVEL:stderr` at the default level).
pub fn set_outputs(text: &str) -> Result<(), String> {
    let mut o = parse_outputs(text)?;
    update(|s| {
        if o.is_empty() {
            o.push(Output {
                level: s.default,
                sink: Sink::Stderr,
            });
        }
        s.outputs = o;
    });
    Ok(())
}

fn enabled(meta: &Metadata<'_>) -> bool {
    let p = priority(meta.level());
    with_state(|s| {
        let min = s
            .filters
            .iter()
            .find(|(_, m)| meta.target().contains(m.as_str()))
            .map_or(s.default, |(l, _)| *l);
        p >= min && s.outputs.iter().any(|o| p >= o.level)
    })
}

/// Writers that buffer one formatted event and hand it to every output it qualifies for.
struct Outputs;

struct EventWriter {
    level: u8,
    buf: Vec<u8>,
}

impl Write for EventWriter {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for EventWriter {
    fn drop(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let outputs = with_state(|s| s.outputs.clone());
        for o in outputs.iter().filter(|o| self.level >= o.level) {
            match &o.sink {
                Sink::Stderr => {
                    let _ = std::io::stderr().write_all(&self.buf);
                }
                Sink::File(f) => {
                    let mut f = match f.lock() {
                        Ok(f) => f,
                        Err(p) => p.into_inner(),
                    };
                    let _ = f.write_all(&self.buf);
                }
            }
        }
    }
}

impl<'a> MakeWriter<'a> for Outputs {
    type Writer = EventWriter;
    fn make_writer(&'a self) -> EventWriter {
        EventWriter {
            level: 4,
            buf: Vec::new(),
        }
    }
    fn make_writer_for(&'a self, meta: &Metadata<'_>) -> EventWriter {
        EventWriter {
            level: priority(meta.level()),
            buf: Vec::new(),
        }
    }
}

/// Installs the subscriber: `default` is `log_level` (1–4); `filters`/`outputs` come from
/// libvirtd.conf (outputs default to `DEFAULT:stderr`). Bad settings are reported and
/// replaced by the defaults, as libvirtd does.
pub fn init(default: u8, filters: Option<&str>, outputs: Option<&str>) {
    update(|s| {
        s.default = default.clamp(1, 4);
        s.outputs = vec![Output {
            level: s.default,
            sink: Sink::Stderr,
        }];
    });
    let mut problems = Vec::new();
    if let Some(f) = filters {
        if let Err(e) = set_filters(f) {
            problems.push(e);
        }
    }
    if let Some(o) = outputs {
        if let Err(e) = set_outputs(o) {
            problems.push(e);
        }
    }
    let layer = tracing_subscriber::fmt::layer()
        .with_ansi(false)
        .with_writer(Outputs)
        .with_filter(tracing_subscriber::filter::filter_fn(enabled));
    if tracing_subscriber::registry()
        .with(layer)
        .try_init()
        .is_ok()
    {
        let _ = INITIALISED.set(());
    }
    for p in problems {
        tracing::error!("{p}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_and_output_syntax() {
        assert_eq!(
            parse_filters("1:rpc +3:util").unwrap(),
            vec![(1, "rpc".to_string()), (3, "util".to_string())]
        );
        assert!(parse_filters("5:rpc").is_err());
        assert!(parse_filters("rpc").is_err());
        assert!(validate_outputs("1:file:/tmp/x 3:stderr 2:syslog:rvirtd 4:journald").is_ok());
        assert!(validate_outputs("1:file:relative").is_err());
        assert!(validate_outputs("1:nowhere").is_err());
    }
}
