"""Domain, pool and volume XML used by the workloads (identical for both daemons)."""

QEMU = "/usr/bin/qemu-system-x86_64"


def test_domain(name: str) -> str:
    return (f"<domain type='test'><name>{name}</name><memory unit='KiB'>8192</memory>"
            "<vcpu>1</vcpu><os><type>hvm</type></os></domain>")


def guest_domain(name: str, kernel: str, initrd: str) -> str:
    """The rvirt test guest: TCG, 256 MiB, direct kernel boot, serial console only."""
    return (f"<domain type='qemu'><name>{name}</name><memory unit='MiB'>256</memory>"
            "<vcpu>1</vcpu><os><type arch='x86_64' machine='pc'>hvm</type>"
            f"<kernel>{kernel}</kernel><initrd>{initrd}</initrd>"
            "<cmdline>console=ttyS0 quiet</cmdline></os>"
            f"<devices><emulator>{QEMU}</emulator>"
            "<serial type='pty'><target port='0'/></serial>"
            "<console type='pty'><target type='serial' port='0'/></console>"
            "</devices></domain>")


def dir_pool(name: str, path: str) -> str:
    return (f"<pool type='dir'><name>{name}</name><target><path>{path}</path></target>"
            "</pool>")


def raw_volume(name: str, size: int) -> str:
    return (f"<volume><name>{name}</name><capacity unit='bytes'>{size}</capacity>"
            "<target><format type='raw'/></target></volume>")
