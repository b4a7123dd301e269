#!/usr/bin/env bash
# Makes a fresh Debian 12 machine (as root) ready for the demo, the tests and the benchmarks:
# Debian packages, a running Docker engine, a base image, and the proxy and agent images.
# Idempotent: every step checks first and does nothing when already done.
#   scripts/setup.sh          set up
#   scripts/setup.sh --check  only report what is missing (exit 1 if anything is)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
logs=/var/log/awf-setup
DEFAULT_BASE=debian:bookworm-slim
LOCAL_BASE=awf-base:bookworm
PACKAGES=(docker.io squid-openssl dnsmasq-base iptables seccomp debootstrap conntrack iproute2 openssl curl util-linux procps kmod
  wget python3-pip docker-registry) # wget, python3-pip: client families the integration suite runs
# on the host; docker-registry: the loopback registry of the fresh-runner benchmark and its test
check_only=false
[ "${1:-}" = "--check" ] && check_only=true

say() { printf 'setup: %s\n' "$*"; }
fail() {
  printf 'setup: FAILED: %s\n' "$1" >&2
  [ -n "${2:-}" ] && [ -f "$2" ] && tail -n 30 "$2" >&2
  exit 1
}

[ "$(id -u)" = 0 ] || fail "run as root (it installs packages, starts dockerd and changes iptables)"
mkdir -p "$logs"

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $check_only && { say "missing packages: ${missing[*]}"; exit 1; }
  say "installing ${missing[*]}"
  # Packages must not start their services here (a host squid would hold port 3128).
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; } \
    >"$logs/apt.log" 2>&1 || fail "apt-get install" "$logs/apt.log"
  rm -f /usr/sbin/policy-rc.d
fi
pkill -x squid 2>/dev/null || true

if ! docker info >/dev/null 2>&1; then
  $check_only && { say "no Docker engine running"; exit 1; }
  command -v dockerd >/dev/null || fail "dockerd is not installed"
  say "starting dockerd (log: $logs/dockerd.log)"
  "$(dirname "$0")/detach.sh" dockerd </dev/null >"$logs/dockerd.log" 2>&1 &
  for _ in $(seq 1 300); do docker info >/dev/null 2>&1 && break; sleep 0.2; done
  docker info >/dev/null 2>&1 || fail "dockerd did not answer within 60 s" "$logs/dockerd.log"
fi

base=$DEFAULT_BASE
if ! docker image inspect "$DEFAULT_BASE" >/dev/null 2>&1 && ! timeout 60 docker pull -q "$DEFAULT_BASE" >"$logs/pull.log" 2>&1; then
  base=$LOCAL_BASE
  if ! docker image inspect "$LOCAL_BASE" >/dev/null 2>&1; then
    $check_only && { say "no base image ($DEFAULT_BASE cannot be pulled, $LOCAL_BASE absent)"; exit 1; }
    say "$DEFAULT_BASE cannot be pulled: building $LOCAL_BASE with debootstrap (about a minute)"
    rootfs=$(mktemp -d /var/tmp/awf-rootfs.XXXXXX)
    debootstrap --variant=minbase bookworm "$rootfs" >"$logs/debootstrap.log" 2>&1 \
      || { rm -rf "$rootfs"; fail "debootstrap" "$logs/debootstrap.log"; }
    tar -C "$rootfs" -c . | docker import - "$LOCAL_BASE" >>"$logs/debootstrap.log" 2>&1 \
      || { rm -rf "$rootfs"; fail "docker import" "$logs/debootstrap.log"; }
    rm -rf "$rootfs"
  fi
fi
say "base image: $base"

for kind in proxy agent; do
  tag="awf-$kind:$(bash "$root/scripts/image-tag.sh" "$root/containers/$kind" "$base")"
  if ! docker image inspect "$tag" >/dev/null 2>&1; then
    $check_only && { say "image $tag is not built"; exit 1; }
    say "building $tag"
    docker build --quiet --build-arg "BASE_IMAGE=$base" --tag "$tag" "$root/containers/$kind" \
      >"$logs/build-$kind.log" 2>&1 || fail "docker build $kind" "$logs/build-$kind.log"
  fi
  say "image: $tag"
done
say "ready"
