//! Benchmark: parse + format of a ~4 MiB `<domain>` document (thousands of disks and
//! interfaces) through `DomainDef::parse` / `DomainDef::format`.
//!
//!     cargo run --release -p rvirt-conf --example bench_domain

use std::time::Instant;

use rvirt_conf::domain::{DomainDef, FormatOptions, ParseOptions};

/// Builds a domain document of at least `target` bytes.
fn big_domain(target: usize) -> String {
    let mut xml = String::from(
        "<domain type='kvm'>\n  <name>bench</name>\n  <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>\n\
         <memory unit='GiB'>4</memory>\n  <vcpu>4</vcpu>\n  <os>\n    <type arch='x86_64' machine='pc'>hvm</type>\n  </os>\n  <devices>\n",
    );
    let mut i = 0u32;
    while xml.len() < target {
        let (c, u) = (i / 7, i % 7);
        xml.push_str(&format!(
            "    <disk type='file' device='disk'>\n      <driver name='qemu' type='qcow2' cache='none'/>\n      \
             <source file='/var/lib/libvirt/images/disk-{i}.qcow2'/>\n      <target dev='sd{}' bus='scsi'/>\n      \
             <serial>SERIAL{i:08}</serial>\n      <address type='drive' controller='{c}' bus='0' target='0' unit='{u}'/>\n    </disk>\n",
            disk_name(i)
        ));
        xml.push_str(&format!(
            "    <interface type='bridge'>\n      <mac address='52:54:00:{:02x}:{:02x}:{:02x}'/>\n      \
             <source bridge='br{}'/>\n      <target dev='tap{i}'/>\n      <model type='virtio'/>\n    </interface>\n",
            (i >> 16) & 0xff,
            (i >> 8) & 0xff,
            i & 0xff,
            i % 8
        ));
        i += 1;
    }
    xml.push_str("  </devices>\n</domain>\n");
    xml
}

/// `sda`, …, `sdz`, `sdaa`, … (inverse of `virDiskNameToIndex`).
fn disk_name(mut i: u32) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'a' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}

fn main() {
    let xml = big_domain(4 << 20);
    let runs = 5;
    let mut best = f64::MAX;
    let mut best_parse = f64::MAX;
    let mut out_len = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let def = match DomainDef::parse(&xml, &ParseOptions::default()) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("parse failed: {e}");
                std::process::exit(1);
            }
        };
        best_parse = best_parse.min(t.elapsed().as_secs_f64() * 1000.0);
        let out = def.format(&FormatOptions {
            inactive: true,
            ..Default::default()
        });
        best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        out_len = out.len();
    }
    println!(
        "bench_domain: {:.2} MiB in, {:.2} MiB out, best of {runs}: parse {best_parse:.1} ms, parse+format {best:.1} ms",
        xml.len() as f64 / (1 << 20) as f64,
        out_len as f64 / (1 << 20) as f64
    );
}
