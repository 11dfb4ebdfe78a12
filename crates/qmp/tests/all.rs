//! QMP client against a real QEMU (TCG, `-machine none`) and against a scripted fake
#![allow(clippy::unwrap_used, clippy::expect_used)]
//! monitor for error paths QEMU cannot produce on demand.

use rvirt_qmp::{AgentClient, QmpClient, QmpError};
use serde_json::{json, Value};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::UnixListener;

const QEMU: &str = "/usr/bin/qemu-system-x86_64";
const T: Duration = Duration::from_secs(10);

#[tokio::test]
async fn real_qemu_commands_and_events() {
    if !Path::new(QEMU).exists() {
        eprintln!("SKIP real_qemu_commands_and_events: {QEMU} not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sock = dir.path().join("qmp.sock");
    let mut child = Command::new(QEMU)
        .args([
            "-machine",
            "none",
            "-nodefaults",
            "-display",
            "none",
            "-S",
            "-qmp",
        ])
        .arg(format!("unix:{},server=on,wait=off", sock.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    for _ in 0..500 {
        if sock.exists() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let qmp = QmpClient::connect(&sock, T).await.unwrap();
    assert!(
        qmp.greeting()["QMP"]["version"]["qemu"]["major"]
            .as_u64()
            .unwrap()
            >= 7
    );
    let status = qmp.execute("query-status", None, T).await.unwrap();
    assert_eq!(status["status"], "prelaunch");

    let mut events = qmp.events();
    qmp.execute("cont", None, T).await.unwrap();
    let ev = tokio::time::timeout(T, events.recv())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ev.event, "RESUME");
    assert!(ev.seconds > 0);

    let err = qmp.execute("no-such-command", None, T).await.unwrap_err();
    match err {
        QmpError::Command { class, desc } => {
            assert_eq!(class, "CommandNotFound");
            assert!(desc.contains("no-such-command"), "{desc}");
        }
        other => panic!("unexpected {other:?}"),
    }

    // getfd: the fd travels with the command (SCM_RIGHTS); closefd finds it by name
    let err = qmp
        .execute("getfd", Some(json!({"fdname": "nofd"})), T)
        .await
        .unwrap_err();
    assert!(matches!(err, QmpError::Command { .. }), "{err:?}");
    let (r, _w) = std::io::pipe().unwrap();
    use std::os::fd::AsFd;
    qmp.getfd("rvirt-test", r.as_fd(), T).await.unwrap();
    qmp.closefd("rvirt-test", T).await.unwrap();
    let err = qmp.closefd("rvirt-test", T).await.unwrap_err();
    assert!(matches!(err, QmpError::Command { .. }), "{err:?}");
    // add-fd: a new fd set, then a second fd in the same set
    let (set, inner) = qmp
        .add_fd(None, Some("rvirt-test-fd"), r.as_fd(), T)
        .await
        .unwrap();
    assert!(inner >= 0);
    let (same, _) = qmp.add_fd(Some(set), None, r.as_fd(), T).await.unwrap();
    assert_eq!(same, set);
    let sets = qmp.execute("query-fdsets", None, T).await.unwrap();
    let ours = sets
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["fdset-id"] == json!(set))
        .unwrap();
    assert_eq!(ours["fds"].as_array().unwrap().len(), 2);
    assert!(ours.to_string().contains("rvirt-test-fd"), "{ours}");
    qmp.execute("remove-fd", Some(json!({"fdset-id": set})), T)
        .await
        .unwrap();

    // Concurrent commands on one connection are matched by id.
    let (a, b) = tokio::join!(
        qmp.execute("query-version", None, T),
        qmp.execute("query-name", None, T)
    );
    assert!(a.unwrap()["qemu"].is_object());
    assert!(b.unwrap().is_object());

    let _ = qmp.execute("quit", None, T).await;
    let ev = tokio::time::timeout(T, async {
        loop {
            match events.recv().await {
                Ok(e) if e.event == "SHUTDOWN" => return e,
                Ok(_) => continue,
                Err(e) => panic!("{e}"),
            }
        }
    })
    .await
    .unwrap();
    assert_eq!(ev.data["guest"], Value::Bool(false));
    child.wait().unwrap();
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(qmp.is_closed());
    assert_eq!(
        qmp.execute("query-status", None, T).await.unwrap_err(),
        QmpError::Closed
    );
}

/// A fake monitor: greets, accepts qmp_capabilities, then runs `script` on the next command.
async fn fake_monitor(script: &'static str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fake.sock");
    let listener = UnixListener::bind(&path).unwrap();
    tokio::spawn(async move {
        let (s, _) = listener.accept().await.unwrap();
        let (r, mut w) = s.into_split();
        let mut lines = BufReader::new(r).lines();
        w.write_all(b"{\"QMP\": {\"version\": {}, \"capabilities\": []}}\n")
            .await
            .unwrap();
        let caps: Value = serde_json::from_str(&lines.next_line().await.unwrap().unwrap()).unwrap();
        w.write_all(format!("{{\"return\": {{}}, \"id\": {}}}\n", caps["id"]).as_bytes())
            .await
            .unwrap();
        let cmd: Value = serde_json::from_str(&lines.next_line().await.unwrap().unwrap()).unwrap();
        match script {
            "huge" => {
                let junk = vec![b'x'; 17 * 1024 * 1024];
                let _ = w.write_all(&junk).await;
            }
            "silent" => tokio::time::sleep(Duration::from_secs(30)).await,
            "hangup" => drop(w),
            "garbage-then-reply" => {
                w.write_all(b"not json at all\n{\"event\": \"X\"}\n")
                    .await
                    .unwrap();
                w.write_all(format!("{{\"return\": 42, \"id\": {}}}\n", cmd["id"]).as_bytes())
                    .await
                    .unwrap();
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            _ => {}
        }
    });
    (dir, path)
}

#[tokio::test]
async fn oversize_reply_is_cut_off() {
    let (_d, p) = fake_monitor("huge").await;
    let qmp = QmpClient::connect(&p, T).await.unwrap();
    let err = qmp.execute("query-status", None, T).await.unwrap_err();
    assert!(matches!(err, QmpError::LineTooLong { .. }), "{err:?}");
}

#[tokio::test]
async fn missing_reply_times_out() {
    let (_d, p) = fake_monitor("silent").await;
    let qmp = QmpClient::connect(&p, T).await.unwrap();
    let err = qmp
        .execute("query-status", None, Duration::from_millis(200))
        .await
        .unwrap_err();
    assert_eq!(err, QmpError::Timeout("QMP command 'query-status'".into()));
}

#[tokio::test]
async fn hangup_fails_pending_command() {
    let (_d, p) = fake_monitor("hangup").await;
    let qmp = QmpClient::connect(&p, T).await.unwrap();
    let err = qmp.execute("query-status", None, T).await.unwrap_err();
    assert_eq!(err, QmpError::Closed);
}

#[tokio::test]
async fn malformed_lines_are_skipped() {
    let (_d, p) = fake_monitor("garbage-then-reply").await;
    let qmp = QmpClient::connect(&p, T).await.unwrap();
    assert_eq!(
        qmp.execute("query-status", None, T).await.unwrap(),
        json!(42)
    );
}

#[tokio::test]
async fn agent_resyncs_and_runs_commands() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("agent.sock");
    let listener = UnixListener::bind(&path).unwrap();
    tokio::spawn(async move {
        let (s, _) = listener.accept().await.unwrap();
        let (r, mut w) = s.into_split();
        let mut reader = BufReader::new(r);
        // Stale output from an earlier user of the channel, then proper answers.
        w.write_all(b"{\"return\": {\"stale\": true}}\n")
            .await
            .unwrap();
        loop {
            let mut raw = Vec::new();
            if reader.read_until(b'\n', &mut raw).await.unwrap_or(0) == 0 {
                break;
            }
            raw.retain(|&b| b != 0xFF);
            let Ok(v) = serde_json::from_slice::<Value>(&raw) else {
                continue;
            };
            match v["execute"].as_str() {
                Some("guest-sync-delimited") => {
                    w.write_all(&[0xFF]).await.unwrap();
                    w.write_all(format!("{{\"return\": {}}}\n", v["arguments"]["id"]).as_bytes())
                        .await
                        .unwrap();
                }
                Some("guest-get-host-name") => {
                    w.write_all(b"{\"return\": {\"host-name\": \"tiny\"}}\n")
                        .await
                        .unwrap();
                }
                _ => w
                    .write_all(
                        b"{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"nope\"}}\n",
                    )
                    .await
                    .unwrap(),
            }
        }
    });
    let agent = AgentClient::new(&path);
    let r = agent.execute("guest-get-host-name", None, T).await.unwrap();
    assert_eq!(r["host-name"], "tiny");
    let e = agent.execute("guest-bogus", None, T).await.unwrap_err();
    assert_eq!(
        e,
        QmpError::Command {
            class: "CommandNotFound".into(),
            desc: "nope".into()
        }
    );
    let r = agent.execute("guest-get-host-name", None, T).await.unwrap();
    assert_eq!(r["host-name"], "tiny");
}

#[tokio::test]
async fn agent_missing_socket_is_a_clear_error() {
    let agent = AgentClient::new(Path::new("/nonexistent/agent.sock"));
    let e = agent.execute("guest-ping", None, T).await.unwrap_err();
    assert!(matches!(e, QmpError::Connect { .. }), "{e:?}");
}
