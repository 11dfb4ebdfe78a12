//! ns/op of rvirt's hot paths: the XDR codec (packet header, `remote_connect_list_all_domains_ret`)
//! and the XML parsers/formatters (`virDomainDefParseString`, `virNetworkDefParseString`).
//!
//! `cargo run --release -- [--quick]`; prints one line per benchmark: median ns/op (min–max)
//! over a few timed batches.

use std::hint::black_box;
use std::time::{Duration, Instant};

use rvirt_conf::domain::{DomainDef, FormatOptions, ParseOptions};
use rvirt_conf::network::{NetworkDef, NetworkFormatOptions};
use rvirt_core::{DomainRef, Uuid};
use rvirt_proto::remote::ConnectListAllDomainsRet;
use rvirt_proto::{Header, Packet, REMOTE_PROGRAM};

const DOMAIN_XML: &str = "<domain type='qemu'><name>bench</name>\
<uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>\
<memory unit='MiB'>256</memory><currentMemory unit='MiB'>256</currentMemory><vcpu>2</vcpu>\
<os><type arch='x86_64' machine='pc'>hvm</type><kernel>/boot/vmlinuz</kernel>\
<initrd>/boot/initrd.img</initrd><cmdline>console=ttyS0 quiet</cmdline></os>\
<features><acpi/><apic/></features><clock offset='utc'/>\
<on_poweroff>destroy</on_poweroff><on_reboot>restart</on_reboot><on_crash>destroy</on_crash>\
<devices><emulator>/usr/bin/qemu-system-x86_64</emulator>\
<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>\
<source file='/var/lib/libvirt/images/a.qcow2'/><target dev='vda' bus='virtio'/></disk>\
<disk type='file' device='cdrom'><source file='/tmp/x.iso'/><target dev='hdc' bus='ide'/>\
<readonly/></disk>\
<interface type='network'><mac address='52:54:00:12:34:56'/><source network='default'/>\
<model type='virtio'/></interface>\
<serial type='pty'><target port='0'/></serial>\
<console type='pty'><target type='serial' port='0'/></console>\
<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>\
<memballoon model='virtio'/></devices></domain>";

const NETWORK_XML: &str = "<network><name>default</name>\
<uuid>7b6c2a43-5d0a-4c8e-9a3f-1b2c3d4e5f60</uuid><forward mode='nat'/>\
<bridge name='virbr0' stp='on' delay='0'/><mac address='52:54:00:0a:0b:0c'/>\
<ip address='192.168.122.1' netmask='255.255.255.0'><dhcp>\
<range start='192.168.122.2' end='192.168.122.254'/>\
<host mac='52:54:00:00:00:01' name='a' ip='192.168.122.10'/></dhcp></ip></network>";

struct Bench {
    target: Duration,
}

impl Bench {
    /// Runs `f` in batches sized to ~`target`, prints median (min–max) ns/op.
    fn run<T>(&self, name: &str, mut f: impl FnMut() -> T) {
        let mut n: u64 = 1;
        loop {
            let t = Instant::now();
            for _ in 0..n {
                black_box(f());
            }
            if t.elapsed() >= self.target / 10 {
                break;
            }
            n *= 2;
        }
        let mut per: Vec<f64> = (0..7)
            .map(|_| {
                let t = Instant::now();
                for _ in 0..n {
                    black_box(f());
                }
                t.elapsed().as_nanos() as f64 / n as f64
            })
            .collect();
        per.sort_by(f64::total_cmp);
        println!(
            "{name:<48} {:>12.1} ns/op  ({:.1}–{:.1}, {n} ops × 7)",
            per[3], per[0], per[6]
        );
    }
}

fn list_ret(n: usize) -> ConnectListAllDomainsRet {
    ConnectListAllDomainsRet {
        domains: (0..n)
            .map(|i| DomainRef {
                name: format!("domain-{i}"),
                uuid: Uuid([i as u8; 16]),
                id: i as i32,
            })
            .collect(),
        ret: n as u32,
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let quick = std::env::args().any(|a| a == "--quick");
    let b = Bench {
        target: Duration::from_millis(if quick { 100 } else { 1000 }),
    };

    let header = Header::call(REMOTE_PROGRAM, 1, 7);
    let header_bytes = rvirt_xdr::to_bytes(&header)?;
    b.run("xdr: encode packet header (24 B)", || {
        rvirt_xdr::to_bytes(&header)
    });
    b.run("xdr: decode packet header (24 B)", || {
        rvirt_xdr::from_bytes::<Header>(&header_bytes)
    });
    for n in [10usize, 1000] {
        let ret = list_ret(n);
        let bytes = rvirt_xdr::to_bytes(&ret)?;
        b.run(
            &format!("xdr: encode list_all_domains_ret ({n} domains)"),
            || rvirt_xdr::to_bytes(&ret),
        );
        b.run(
            &format!("xdr: decode list_all_domains_ret ({n} domains)"),
            || rvirt_xdr::from_bytes::<ConnectListAllDomainsRet>(&bytes),
        );
    }
    let ret = list_ret(10);
    b.run("proto: Packet::with_body + decode_body (10 doms)", || {
        Packet::with_body(header, &ret).map(|p| p.decode_body::<ConnectListAllDomainsRet>())
    });

    let popts = ParseOptions::default();
    let fopts = FormatOptions::default();
    let dom = DomainDef::parse(DOMAIN_XML, &popts)?;
    b.run("xml: DomainDef::parse (qemu guest, 2 disks, nic)", || {
        DomainDef::parse(DOMAIN_XML, &popts)
    });
    b.run("xml: DomainDef::format (same)", || dom.format(&fopts));
    let net = NetworkDef::parse(NETWORK_XML)?;
    let nopts = NetworkFormatOptions::default();
    b.run("xml: NetworkDef::parse (NAT + DHCP)", || {
        NetworkDef::parse(NETWORK_XML)
    });
    b.run("xml: NetworkDef::format (same)", || net.format(&nopts));
    Ok(())
}
