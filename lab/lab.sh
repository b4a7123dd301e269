#!/usr/bin/env bash
# The offline test lab: a network namespace holding fake internet and corporate hosts, reached
# from the host through one veth and routes for the lab prefixes only. See lab/README.md.
#   lab.sh up | down | status | check
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
detach="$here/../scripts/detach.sh"
NS=awf-lab
HOST_IF=awf-lab-h
LAB_IF=awf-lab-w
STATE=/run/awf-lab
hosts_json="$here/hosts.json"
json() { node -e "const h=require('$hosts_json'); const v=$1; console.log(Array.isArray(v)?v.join(' '):v)"; }
LINK_HOST=$(json h.linkHost)
LINK_LAB=$(json h.linkLab)
PREFIXES=$(json h.prefixes)
ADDRESSES=$(json 'Object.values(h.addresses)')
SINK=$(json h.addresses.sink)

die() { echo "lab: $*" >&2; exit 1; }

# Every lab prefix must route into the lab and nowhere else, or no probe may run.
check() {
  for prefix in $PREFIXES; do
    addr=${prefix%/*}; addr=${addr%.0}.1
    dev=$(ip -o route get "$addr" 2>/dev/null | sed -n 's/.* dev \([^ ]*\).*/\1/p')
    [ "$dev" = "$HOST_IF" ] || die "$prefix does not route into the lab (via '${dev:-nothing}'): refusing to probe"
  done
  ip netns exec "$NS" ip route show default | grep -q . && die "the lab has a default route"
  return 0
}

overlaps() {
  for prefix in $PREFIXES 198.18.255.0/30; do
    if ip -o route show to match "${prefix%/*}" | grep -v "^default" | grep -vq "dev $HOST_IF"; then
      die "$prefix overlaps an existing route on this machine: $(ip -o route show to match "${prefix%/*}" | grep -v '^default' | head -1)"
    fi
  done
}

serving() {
  [ -f "$STATE/server.pid" ] && kill -0 "$(cat "$STATE/server.pid")" 2>/dev/null
}

# The corporate proxy stand-in: a second Squid in the lab (open, login and refusing ports)
# that logs every request it forwards to corporate.log. It runs under its own process name,
# so that nothing stopping a host Squid by name (setup.sh) stops it.
corporate_up() {
  local pidfile=$STATE/corporate.pid addr port_open port_login port_refusing user
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null && return 0
  addr=$(json h.addresses.corporate)
  port_open=$(json h.corporateProxy.open)
  port_login=$(json h.corporateProxy.login)
  port_refusing=$(json h.corporateProxy.refusing)
  user=$(json h.corporateProxy.user)
  ip netns exec "$NS" ip addr add "$addr/32" dev lo 2>/dev/null || true
  if [ ! -f "$STATE/corporate.login" ]; then
    (umask 077 && printf '%s:%s\n' "$user" "$(openssl rand -hex 12)" >"$STATE/corporate.login")
  fi
  printf '%s:%s\n' "$user" "$(openssl passwd -apr1 "$(cut -d: -f2- "$STATE/corporate.login")")" >"$STATE/corporate.htpasswd"
  cat >"$STATE/corporate.conf" <<EOF
http_port $addr:$port_open name=open
http_port $addr:$port_login name=login
http_port $addr:$port_refusing name=refusing
pid_filename none
visible_hostname awf-lab-corporate
pinger_enable off
acl open_port myportname open
acl login_port myportname login
acl refusing_port myportname refusing
auth_param basic program /usr/lib/squid/basic_ncsa_auth $STATE/corporate.htpasswd
auth_param basic realm awf-lab-corporate
acl logged_in proxy_auth REQUIRED
http_access deny refusing_port
http_access allow open_port
http_access allow login_port logged_in
http_access deny all
cache deny all
dns_nameservers $(json h.addresses.resolver)
logformat corporate %ts.%03tu %>a %Ss/%03>Hs %rm %ru %un %>lp
access_log stdio:$STATE/corporate.log logformat=corporate
cache_log $STATE/corporate-cache.log
shutdown_lifetime 0 seconds
EOF
  touch "$STATE/corporate.log" "$STATE/corporate-cache.log"
  chown proxy "$STATE/corporate.log" "$STATE/corporate-cache.log" "$STATE/corporate.htpasswd"
  ln -sf "$(command -v squid)" "$STATE/awf-lab-corporate"
  "$detach" ip netns exec "$NS" "$STATE/awf-lab-corporate" -N -f "$STATE/corporate.conf" </dev/null >"$STATE/corporate.out" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 1 100); do
    timeout 1 bash -c "</dev/tcp/$addr/$port_open" 2>/dev/null && return 0
    sleep 0.1
  done
  cat "$STATE/corporate.out" >&2
  die "the corporate proxy stand-in did not start"
}

up() {
  [ "$(id -u)" = 0 ] || die "needs root"
  if ! ip netns list | grep -qw "$NS"; then
    overlaps
    ip netns add "$NS"
    ip link add "$HOST_IF" type veth peer name "$LAB_IF"
    ip link set "$LAB_IF" netns "$NS"
    ip addr add "$LINK_HOST/30" dev "$HOST_IF"
    ip link set "$HOST_IF" up
    ip netns exec "$NS" ip link set lo up
    ip netns exec "$NS" ip addr add "$LINK_LAB/30" dev "$LAB_IF"
    ip netns exec "$NS" ip link set "$LAB_IF" up
    # Host addresses live on the namespace's loopback (no dummy module needed).
    for a in $ADDRESSES; do ip netns exec "$NS" ip addr add "$a/32" dev lo; done
    for prefix in $PREFIXES; do ip route add "$prefix" via "$LINK_LAB" dev "$HOST_IF"; done
    # The sink takes every TCP and UDP port.
    ip netns exec "$NS" iptables -t nat -A PREROUTING -d "$SINK" -p tcp -j DNAT --to-destination "$SINK:9999"
    ip netns exec "$NS" iptables -t nat -A PREROUTING -d "$SINK" -p udp -j DNAT --to-destination "$SINK:9998"
  fi
  check
  mkdir -p "$STATE"
  if [ ! -f "$STATE/lab.crt" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=awf lab CA" \
      -keyout "$STATE/ca.key" -out "$STATE/ca.crt" >/dev/null 2>&1
    openssl req -newkey rsa:2048 -nodes -subj "/CN=allowed.test" -keyout "$STATE/lab.key" \
      -out "$STATE/lab.csr" >/dev/null 2>&1
    printf 'subjectAltName=DNS:allowed.test,DNS:*.allowed.test,DNS:blocked.test,DNS:*.blocked.test,DNS:shared-allowed.test,DNS:shared-blocked.test\n' >"$STATE/ext.cnf"
    openssl x509 -req -in "$STATE/lab.csr" -CA "$STATE/ca.crt" -CAkey "$STATE/ca.key" -CAcreateserial \
      -days 30 -extfile "$STATE/ext.cnf" -out "$STATE/lab.crt" >/dev/null 2>&1
  fi
  if ! serving; then
    : >"$STATE/lab.log"
    "$detach" ip netns exec "$NS" node "$here/server.mjs" "$STATE" </dev/null >"$STATE/server.out" 2>&1 &
    echo $! >"$STATE/server.pid"
    "$detach" ip netns exec "$NS" python3 "$here/icmp-sink.py" "$STATE/lab.log" </dev/null >"$STATE/icmp.out" 2>&1 &
    echo $! >"$STATE/icmp.pid"
  fi
  if command -v squid >/dev/null; then corporate_up; fi
  key_api_up
  for _ in $(seq 1 100); do
    grep -q '"data":"up"' "$STATE/lab.log" 2>/dev/null && timeout 2 bash -c "</dev/tcp/$(json h.addresses.allowed)/80" 2>/dev/null && { echo "lab: up"; return 0; }
    sleep 0.1
  done
  cat "$STATE/server.out" >&2
  die "the lab servers did not start"
}

# The API that wants a key (key-api.mjs): its own process, so that adding it never restarts
# the main server under a running test.
key_api_up() {
  local pidfile=$STATE/key-api.pid
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null && return 0
  [ -f "$STATE/api.key" ] || (umask 077 && printf 'lab-key-%s\n' "$(openssl rand -hex 16)" >"$STATE/api.key")
  "$detach" ip netns exec "$NS" node "$here/key-api.mjs" "$STATE" </dev/null >"$STATE/key-api.out" 2>&1 &
  echo $! >"$pidfile"
}

down() {
  for p in server icmp corporate key-api; do
    [ -f "$STATE/$p.pid" ] && kill "$(cat "$STATE/$p.pid")" 2>/dev/null || true
  done
  ip netns pids "$NS" 2>/dev/null | xargs -r kill 2>/dev/null || true
  for prefix in $PREFIXES; do ip route del "$prefix" 2>/dev/null || true; done
  ip link del "$HOST_IF" 2>/dev/null || true
  ip netns del "$NS" 2>/dev/null || true
  rm -rf "$STATE"
  echo "lab: down"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  check) check && echo "lab: routes ok" ;;
  status) if serving && check; then echo "lab: up"; else echo "lab: down"; exit 1; fi ;;
  *) echo "usage: lab.sh up|down|status|check" >&2; exit 2 ;;
esac
