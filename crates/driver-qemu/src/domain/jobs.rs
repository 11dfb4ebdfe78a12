//! Async job progress (`virDomainGetJobInfo`, `virDomainGetJobStats`) for save and restore,
//! filled from QEMU's `query-migrate`.

use rvirt_core::info::JobInfo;
use rvirt_core::typed_param::{TypedParam, TypedValue};
use serde_json::Value;
use std::time::Instant;

/// `virDomainJobType`.
pub mod job_type {
    pub const NONE: i32 = 0;
    pub const UNBOUNDED: i32 = 2;
    pub const COMPLETED: i32 = 3;
    pub const FAILED: i32 = 4;
}

/// `virDomainJobOperation`.
pub mod operation {
    pub const SAVE: i32 = 2;
    pub const RESTORE: i32 = 3;
}

/// One async job's progress.
#[derive(Debug, Clone)]
pub struct JobProgress {
    pub operation: i32,
    pub started: Instant,
    /// Milliseconds the job took, once it has finished.
    pub elapsed_ms: Option<u64>,
    pub status: i32,
    pub mem_total: u64,
    pub mem_processed: u64,
    pub mem_remaining: u64,
    /// The switch-over downtime QEMU measured (migration), milliseconds.
    pub downtime_ms: Option<u64>,
}

impl JobProgress {
    /// A job that has just started.
    pub fn start(operation: i32) -> Self {
        JobProgress {
            operation,
            started: Instant::now(),
            elapsed_ms: None,
            status: job_type::UNBOUNDED,
            mem_total: 0,
            mem_processed: 0,
            mem_remaining: 0,
            downtime_ms: None,
        }
    }

    /// Takes the RAM counters of a `query-migrate` reply.
    pub fn update(&mut self, v: &Value) {
        let ram = &v["ram"];
        if let Some(t) = ram["total"].as_u64() {
            self.mem_total = t;
        }
        if let Some(t) = ram["transferred"].as_u64() {
            self.mem_processed = t;
        }
        if let Some(t) = ram["remaining"].as_u64() {
            self.mem_remaining = t;
        }
        if let Some(d) = v["downtime"].as_u64() {
            self.downtime_ms = Some(d);
        }
    }

    /// Marks the job finished (COMPLETED or FAILED).
    pub fn finish(&mut self, ok: bool) {
        self.elapsed_ms = Some(self.started.elapsed().as_millis() as u64);
        self.status = if ok {
            job_type::COMPLETED
        } else {
            job_type::FAILED
        };
        if ok {
            self.mem_processed = self.mem_processed.max(self.mem_total);
            self.mem_remaining = 0;
        }
    }

    fn elapsed(&self) -> u64 {
        self.elapsed_ms
            .unwrap_or_else(|| self.started.elapsed().as_millis() as u64)
    }

    /// `virDomainJobInfo`.
    pub fn info(&self) -> JobInfo {
        JobInfo {
            job_type: self.status,
            time_elapsed: self.elapsed(),
            data_total: self.mem_total,
            data_processed: self.mem_processed,
            data_remaining: self.mem_remaining,
            mem_total: self.mem_total,
            mem_processed: self.mem_processed,
            mem_remaining: self.mem_remaining,
            ..Default::default()
        }
    }

    /// `virDomainGetJobStats` parameters (`VIR_DOMAIN_JOB_*` field names).
    pub fn params(&self) -> Vec<TypedParam> {
        let u = |k: &str, v: u64| TypedParam::new(k, TypedValue::ULLong(v));
        let mut p = vec![
            TypedParam::new("operation", TypedValue::Int(self.operation)),
            u("time_elapsed", self.elapsed()),
            u("data_total", self.mem_total),
            u("data_processed", self.mem_processed),
            u("data_remaining", self.mem_remaining),
            u("memory_total", self.mem_total),
            u("memory_processed", self.mem_processed),
            u("memory_remaining", self.mem_remaining),
        ];
        if let Some(d) = self.downtime_ms {
            p.push(u("downtime", d));
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_from_query_migrate() {
        let mut j = JobProgress::start(operation::SAVE);
        j.update(&serde_json::json!({"status": "active",
            "ram": {"total": 1000, "transferred": 400, "remaining": 600}}));
        let i = j.info();
        assert_eq!(i.job_type, job_type::UNBOUNDED);
        assert_eq!(
            (i.mem_total, i.mem_processed, i.mem_remaining),
            (1000, 400, 600)
        );
        j.finish(true);
        assert_eq!(j.info().job_type, job_type::COMPLETED);
        assert_eq!(j.info().mem_remaining, 0);
        assert!(j
            .params()
            .iter()
            .any(|p| p.field == "operation" && p.value == TypedValue::Int(operation::SAVE)));
    }
}
