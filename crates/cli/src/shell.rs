//! The interactive shell on a terminal: line editing, a history file and Tab completion of
//! command names, options and object names (virsh's readline front end).

use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};

use crate::commands::complete::{candidates_with, Names};
use crate::vsh::{run_string, Ctl};

/// Completion state: the object names fetched before each prompt.
#[derive(Default)]
struct VshHelper {
    names: Names,
}

/// Splits the line before the cursor into words; the last one is the word being completed
/// (empty after a blank). Returns the words and where the last one starts.
fn words_before(line: &str) -> (Vec<&str>, usize) {
    // only the current command of a `;`-separated line
    let start_cmd = line.rfind(';').map_or(0, |i| i + 1);
    let cur = &line[start_cmd..];
    let mut words = Vec::new();
    let mut start = line.len();
    let mut word_start: Option<usize> = None;
    for (i, c) in cur.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = word_start.take() {
                words.push(&cur[s..i]);
            }
        } else if word_start.is_none() {
            word_start = Some(i);
        }
    }
    match word_start {
        Some(s) => {
            words.push(&cur[s..]);
            start = start_cmd + s;
        }
        None => words.push(""),
    }
    (words, start)
}

impl Completer for VshHelper {
    type Candidate = String;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        let before = &line[..pos];
        let (words, start) = words_before(before);
        let mut cands = candidates_with(&words, &self.names);
        // a unique match ends the word, as readline does
        if cands.len() == 1 {
            cands[0].push(' ');
        }
        Ok((start.min(pos), cands))
    }
}

impl Hinter for VshHelper {
    type Hint = String;
}
impl Highlighter for VshHelper {}
impl Validator for VshHelper {}
impl Helper for VshHelper {}

/// virsh's history file: `$XDG_CACHE_HOME/virsh/history` (else `~/.cache/virsh/history`).
fn history_path() -> Option<std::path::PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|s| !s.is_empty())
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".cache")))?;
    Some(base.join("virsh").join("history"))
}

/// Reads and runs lines with rustyline until EOF or `quit`; returns the last status.
pub async fn run(ctl: &mut Ctl) -> bool {
    let config = rustyline::Config::builder()
        .completion_type(rustyline::CompletionType::List)
        .auto_add_history(false)
        .build();
    let mut rl: Editor<VshHelper, DefaultHistory> = match Editor::with_config(config) {
        Ok(r) => r,
        Err(_) => return false,
    };
    rl.set_helper(Some(VshHelper::default()));
    let hist = history_path();
    if let Some(h) = &hist {
        let _ = rl.load_history(h);
    }
    let mut ok = true;
    loop {
        let names = Names::fetch(ctl).await;
        if let Some(h) = rl.helper_mut() {
            h.names = names;
        }
        ctl.flush();
        let prompt = if ctl.readonly { "virsh > " } else { "virsh # " };
        match rl.readline(prompt) {
            Ok(line) => {
                let trimmed = line.trim();
                if trimmed.is_empty() {
                    continue;
                }
                let _ = rl.add_history_entry(line.as_str());
                if trimmed == "quit" || trimmed == "exit" {
                    ok = true;
                    break;
                }
                ok = run_string(ctl, &line).await;
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(_) => break,
        }
    }
    if let Some(h) = &hist {
        if let Some(dir) = h.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = rl.save_history(h);
    }
    ctl.print("\n");
    ctl.flush();
    ok
}

#[cfg(test)]
mod tests {
    use super::words_before;

    #[test]
    fn splits_the_current_command() {
        assert_eq!(words_before("dominfo te"), (vec!["dominfo", "te"], 8));
        assert_eq!(words_before("list; domi"), (vec!["domi"], 6));
        assert_eq!(words_before("dominfo "), (vec!["dominfo", ""], 8));
        assert_eq!(words_before(""), (vec![""], 0));
    }
}
