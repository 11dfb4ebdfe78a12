#!/usr/bin/env bash
# Builds rvirt's tiny test guest from Debian packages: Debian's kernel plus an initramfs of
# busybox-static, the virtio/ACPI modules, busybox acpid (power button -> poweroff), Debian's
# qemu-ga with its shared libraries, udhcpc on every NIC, a shell on ttyS0 and a readiness
# line "RVIRT-GUEST-READY" on ttyS0.
#
# usage: build-guest.sh OUTDIR   (writes OUTDIR/vmlinuz and OUTDIR/initrd.img)
set -euo pipefail
out=${1:?usage: build-guest.sh OUTDIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
here=$(cd "$(dirname "$0")" && pwd)

for tool in depmod modprobe cpio gzip dpkg apt-get ldd; do
  command -v "$tool" >/dev/null || { echo "build-guest: $tool is missing (apt-get install kmod cpio)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

kpkg=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
[ -n "$kpkg" ] || { echo "build-guest: cannot resolve linux-image-amd64 (run apt-get update)" >&2; exit 1; }
apt-get download "$kpkg" busybox-static qemu-guest-agent >/dev/null 2>&1
for deb in *.deb; do dpkg -x "$deb" pkgroot; done

kver=$(ls pkgroot/lib/modules)
cp "pkgroot/boot/vmlinuz-$kver" "$out/vmlinuz.tmp"

init=initramfs
mkdir -p $init/{bin,sbin,etc/acpi/PWRF,proc,sys,dev,run,tmp,var/run,lib/modules,usr/share/udhcpc,root}
cp pkgroot/bin/busybox $init/bin/busybox

# Kernel modules, in dependency order, without duplicates.
depmod -b pkgroot "$kver"
: > $init/etc/modules.order
for m in virtio_pci virtio_blk virtio_net virtio_scsi virtio_console virtio_balloon button evdev; do
  modprobe -d pkgroot -S "$kver" --show-depends "$m" | awk '$1 == "insmod" {print $2}'
done | awk '!seen[$0]++' | while read -r ko; do
  name=$(basename "$ko")
  case "$ko" in
    *.xz) xz -dc "$ko" > "$init/lib/modules/${name%.xz}"; name=${name%.xz} ;;
    *.zst) zstd -dqc "$ko" > "$init/lib/modules/${name%.zst}"; name=${name%.zst} ;;
    *) cp "$ko" "$init/lib/modules/$name" ;;
  esac
  echo "$name" >> $init/etc/modules.order
done

# qemu-ga and the shared libraries it links (taken from this host, same Debian release).
cp pkgroot/usr/sbin/qemu-ga $init/sbin/qemu-ga
ldd pkgroot/usr/sbin/qemu-ga | awk '/=>/ {print $3} /^\t\/lib64/ {print $1}' | while read -r lib; do
  [ -e "$lib" ] || continue
  mkdir -p "$init$(dirname "$lib")"
  cp -L "$lib" "$init$lib"
done

install -m 0755 "$here/init" $init/init
install -m 0755 "$here/udhcpc.script" $init/usr/share/udhcpc/default.script
printf '#!/bin/sh\nexec /bin/busybox poweroff -f\n' > $init/etc/acpi/PWRF/00000080
chmod 0755 $init/etc/acpi/PWRF/00000080
echo "root:x:0:0:root:/root:/bin/sh" > $init/etc/passwd
echo "root:x:0:" > $init/etc/group

(cd $init && find . | cpio -o -H newc --quiet | gzip -1) > "$out/initrd.img.tmp"
mv "$out/vmlinuz.tmp" "$out/vmlinuz"
mv "$out/initrd.img.tmp" "$out/initrd.img"
echo "$kpkg" > "$out/kernel-package"
echo "built $out/vmlinuz ($kpkg) and $out/initrd.img"
