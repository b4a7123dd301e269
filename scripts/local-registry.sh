#!/usr/bin/env bash
# A container registry on loopback only (Debian's docker-registry), for the fresh-runner
# benchmark and the integration test that runs from published images. It listens on
# 127.0.0.1 at a free port; everything it stores stays in DIR. Docker pulls from 127.0.0.0/8
# over plain HTTP without configuration.
#   local-registry.sh start DIR             start it; prints its address (127.0.0.1:PORT)
#   local-registry.sh push DIR IMAGE NAME   push IMAGE as NAME; prints <address>/NAME@<digest>
#   local-registry.sh stop DIR              stop it (the registry this script started in DIR)
set -euo pipefail
cmd=$1
dir=$2
fail() { printf 'local-registry: %s\n' "$1" >&2; exit 1; }
command -v docker-registry >/dev/null || fail "docker-registry is not installed (scripts/setup.sh installs it)"

case $cmd in
  start)
    mkdir -p "$dir/data"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    printf '%s\n' 'version: 0.1' 'log: {level: error}' \
      "storage: {filesystem: {rootdirectory: $dir/data}, delete: {enabled: true}}" \
      "http: {addr: 127.0.0.1:$port}" >"$dir/config.yml"
    "$(dirname "$0")/detach.sh" docker-registry serve "$dir/config.yml" </dev/null >"$dir/registry.log" 2>&1 &
    echo $! >"$dir/pid"
    for _ in $(seq 1 100); do
      curl -sf -o /dev/null "http://127.0.0.1:$port/v2/" && break
      sleep 0.1
    done
    curl -sf -o /dev/null "http://127.0.0.1:$port/v2/" || fail "the registry did not answer (log: $dir/registry.log)"
    echo "127.0.0.1:$port" | tee "$dir/address"
    ;;
  push)
    image=$3
    name="$(cat "$dir/address")/$4"
    docker tag "$image" "$name:latest"
    docker push --quiet "$name:latest" >/dev/null
    ref=$(docker image inspect --format '{{range .RepoDigests}}{{println .}}{{end}}' "$name:latest" | grep "^$name@sha256:")
    # Nothing stays recorded on this machine under that name: a pull by digest must fetch it.
    docker rmi "$name:latest" >/dev/null
    docker rmi "$ref" >/dev/null 2>&1 || true
    echo "$ref"
    ;;
  stop)
    [ -f "$dir/pid" ] || exit 0
    pid=$(cat "$dir/pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$dir/pid"
    ;;
  *) fail "unknown command $cmd (start, push, stop)" ;;
esac
