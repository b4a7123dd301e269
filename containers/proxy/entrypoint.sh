#!/bin/bash
# Runs dnsmasq and Squid side by side and exits as soon as either exits, with its status:
# the container dies with the daemon, so the agent's traffic fails closed.
set -euo pipefail

config=/awf/config
logs=/awf/logs
for f in squid.conf dnsmasq.conf; do
  [ -r "$config/$f" ] || { echo "awf-proxy: $config/$f is missing" >&2; exit 64; }
done

# Squid writes its logs as user proxy. dnsmasq logs to stderr, appended here to dns.log, so
# every log file stays readable by the runner's user. (pipefail: the pipeline's status is
# dnsmasq's.)
touch "$logs/access.log" "$logs/cache.log" "$logs/dns.log"
chmod 0644 "$logs/access.log" "$logs/cache.log" "$logs/dns.log"
chown proxy:proxy "$logs/access.log" "$logs/cache.log"

# Each line stamped with the epoch time (bash's own clock: no process per line).
dnsmasq --keep-in-foreground --user=nobody --group=nogroup -C "$config/dnsmasq.conf" 2>&1 >/dev/null \
  | while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done >>"$logs/dns.log" &
squid -N -f "$config/squid.conf" &

trap 'kill -TERM $(jobs -p) 2>/dev/null; wait; exit 143' TERM INT
set +e
wait -n
status=$?
echo "awf-proxy: a daemon exited with status $status; stopping" >&2
kill -TERM $(jobs -p) 2>/dev/null
exit "$status"
