#!/usr/bin/env bash
# Installs the Debian packages rvirt's tests use: stock libvirt clients and a real
# libvirtd as oracles, QEMU for guests, tshark for wire decoding, dnsmasq/nftables for
# networks. Idempotent: does nothing when everything is present.
set -euo pipefail

packages=(
  libvirt-clients python3-libvirt libvirt-daemon libvirt-daemon-driver-qemu
  qemu-system-x86 qemu-utils tshark libvirt-wireshark dnsmasq-base nftables
  kmod cpio xz-utils busybox-static parted scrub gnutls-bin openssh-server netcat-openbsd libsasl2-modules
  tgt libiscsi-bin qemu-block-extra
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
echo "installing: ${missing[*]}"
$SUDO apt-get update -qq
# qemu-system-x86 and qemu-utils go together: the image's newer qemu-utils would
# otherwise conflict with qemu-system-x86 7.2.
$SUDO apt-get install -y -qq qemu-system-x86 qemu-utils >/dev/null
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
