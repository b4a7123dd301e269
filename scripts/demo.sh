#!/usr/bin/env bash
# The demo, offline: sets the machine up, starts the lab (a fake internet in a network
# namespace), runs a command behind the firewall that fetches an allowed and a blocked site,
# and shows what the proxy and the DNS forwarder recorded. Leaves nothing running.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash scripts/setup.sh
[ -d node_modules ] || npm install --no-audit --no-fund --loglevel=error
bash lab/lab.sh up
work=$(mktemp -d)
trap 'bash "$root/lab/lab.sh" down >/dev/null; rm -rf "$work"' EXIT
cp /run/awf-lab/ca.crt "$work/lab-ca.crt"
cd "$work"

echo
echo "== awf-action run --allow-domains allowed.test --dns-servers 198.18.0.53 -- bash -c ..."
set +e
node "$root/dist/cli.js" run --allow-domains allowed.test --dns-servers 198.18.0.53 --logs-dir "$work/logs" -- bash -c '
  echo "--- HTTPS to allowed.test (allowed):"
  curl -sS --max-time 5 --cacert lab-ca.crt https://allowed.test/hello
  echo "--- HTTP to blocked.test (not allowed): status $(curl -s -o /dev/null -w "%{http_code}" --max-time 5 http://blocked.test/)"
  echo "--- DNS for blocked.test: $(getent hosts blocked.test || echo "no answer")"
  echo "--- direct connection, ignoring the proxy:"
  curl -sS --max-time 5 --noproxy "*" http://198.18.0.11:8080/ 2>&1
  exit 0'
status=$?
set -e
echo
echo "== exit status: $status"
echo "== Squid access log (time client status method host port server bytes error url):"
cat "$work/logs/access.log"
echo "== DNS forwarder decisions:"
grep -E 'query\[A\]|is NXDOMAIN|reply' "$work/logs/dns.log" | grep -v ready.awf.invalid | sed 's/^.*dnsmasq\[[0-9]*\]: //'
