//! Block jobs: blockpull, blockcommit, blockcopy, blockjob; and domdirtyrate-calc.

use rvirt::Connect;

use crate::lookup;
use crate::parser::Cmd;
use crate::vsh::{CmdResult, Ctl, Failure};

/// `--bandwidth` in MiB/s (or bytes/s with `--bytes`), with virsh's error text.
fn bandwidth(cmd: &Cmd) -> Result<u64, Failure> {
    let Some(raw) = cmd.get("bandwidth") else {
        return Ok(0);
    };
    raw.parse::<u64>().map_err(|_| {
        Failure::msg(format!(
            "Scaled numeric value '{raw}' for <--bandwidth> option is malformed or out of range"
        ))
    })
}

fn flag_bits(cmd: &Cmd, table: &[(&str, u32)]) -> u32 {
    table
        .iter()
        .filter(|(o, _)| cmd.has(o))
        .fold(0, |f, (_, b)| f | b)
}

pub async fn run(ctl: &mut Ctl, conn: &Connect, cmd: &Cmd) -> CmdResult {
    let d = lookup::domain(conn, cmd, "domain").await?;
    let path = cmd.get("path").unwrap_or("");
    match cmd.def.name {
        "blockpull" => {
            let bw = bandwidth(cmd)?;
            match cmd.get("base") {
                Some(base) => {
                    // VIR_DOMAIN_BLOCK_REBASE_RELATIVE, _BANDWIDTH_BYTES
                    let f = flag_bits(cmd, &[("keep-relative", 16), ("bytes", 64)]);
                    conn.domain_block_rebase(&d, path, Some(base.to_string()), bw, f)
                        .await?
                }
                None => {
                    // VIR_DOMAIN_BLOCK_PULL_BANDWIDTH_BYTES
                    let f = flag_bits(cmd, &[("bytes", 64)]);
                    conn.domain_block_pull(&d, path, bw, f).await?
                }
            }
            ctl.print_extra("Block Pull started");
        }
        "blockcommit" => {
            let bw = bandwidth(cmd)?;
            let f = flag_bits(
                cmd,
                &[
                    ("shallow", 1),
                    ("delete", 2),
                    ("active", 4),
                    ("keep-relative", 8),
                    ("bytes", 16),
                ],
            );
            conn.domain_block_commit(
                &d,
                path,
                cmd.get("base").map(str::to_string),
                cmd.get("top").map(str::to_string),
                bw,
                f,
            )
            .await?;
            ctl.print_extra("Block Commit started");
        }
        "blockcopy" => {
            let Some(dest) = cmd.get("dest") else {
                return Err(Failure::msg("need either --dest or --xml"));
            };
            let bw = bandwidth(cmd)?;
            // VIR_DOMAIN_BLOCK_REBASE_COPY plus the shallow/reuse/raw bits
            let mut f = 8 | flag_bits(
                cmd,
                &[("shallow", 1), ("reuse-external", 2), ("blockdev", 128)],
            );
            if cmd.get("format") == Some("raw") {
                f |= 4;
            }
            if cmd.has("bytes") {
                f |= 64;
            }
            conn.domain_block_rebase(&d, path, Some(dest.to_string()), bw, f)
                .await?;
            ctl.print_extra("Block Copy started");
        }
        "blockjob" => {
            if cmd.has("abort") || cmd.has("pivot") {
                // VIR_DOMAIN_BLOCK_JOB_ABORT_ASYNC / _PIVOT
                let f = flag_bits(cmd, &[("async", 1), ("pivot", 2)]);
                conn.domain_block_job_abort(&d, path, f).await?;
                return Ok(());
            }
            if cmd.get("bandwidth").is_some() {
                let f = flag_bits(cmd, &[("bytes", 1)]);
                conn.domain_block_job_set_speed(&d, path, bandwidth(cmd)?, f)
                    .await?;
                return Ok(());
            }
            let f = flag_bits(cmd, &[("bytes", 1)]);
            match conn.domain_get_block_job_info(&d, path, f).await? {
                None => ctl.print_extra(&format!("No current block job for {path}\n")),
                Some(info) => {
                    if cmd.has("raw") {
                        ctl.print(&format!(
                            " type={},bandwidth={},cur={},end={}\n",
                            info.job_type, info.bandwidth, info.cur, info.end
                        ));
                    } else {
                        let kind = match info.job_type {
                            1 => "Block Pull",
                            2 => "Block Copy",
                            3 => "Block Commit",
                            4 => "Active Block Commit",
                            5 => "Backup",
                            _ => "Unknown job",
                        };
                        let pct = info
                            .cur
                            .saturating_mul(100)
                            .checked_div(info.end)
                            .unwrap_or(100);
                        ctl.print(&format!("{kind}: [{pct:>3} %]\n"));
                    }
                }
            }
        }
        "domdirtyrate-calc" => {
            let secs = cmd.int("seconds").map_err(Failure::msg)?.unwrap_or(1);
            let secs = i32::try_from(secs).map_err(|_| {
                Failure::msg(format!(
                    "Numeric value '{secs}' for <seconds> option is malformed or out of range"
                ))
            })?;
            let f = match cmd.get("mode") {
                None | Some("page-sampling") => 0,
                Some("dirty-bitmap") => 1,
                Some("dirty-ring") => 2,
                Some(m) => return Err(Failure::msg(format!("Unknown calculation mode '{m}'"))),
            };
            conn.domain_start_dirty_rate_calc(&d, secs, f).await?;
            ctl.print_extra("Start to calculate domain's memory dirty rate successfully.\n");
        }
        _ => return super::unhandled(cmd),
    }
    Ok(())
}
