#!/bin/bash
# Runs Squid and dnsmasq side by side and exits as soon as either exits, with its status:
# the container dies with the daemon, so the agent's traffic fails closed. Bash builtins and
# the image's few tools only (mkdir, touch, chmod, chown, openssl).
set -euo pipefail

config=/awf/config
logs=/awf/logs
private=/run/awf-proxy
for f in squid.conf dnsmasq.conf; do
  [ -r "$config/$f" ] || { echo "awf-proxy: $config/$f is missing" >&2; exit 64; }
done

# A pause without a sleep binary: a read that times out on a pipe nobody writes to.
exec {pause_fd}<> <(:)
pause() { read -r -t "$1" -u "$pause_fd" _ || true; }

# Key material for Squid's peeking port, made for this run only, readable only by root in
# this container (Squid loads it before it drops to its own user), and gone with the
# container. It is a CA: for the hosts the run intercepts (issue 16) Squid signs a certificate
# per host with it, and the agent trusts only its certificate, copied to the logs folder
# below. The private key never leaves this container. Spliced tunnels never see it.
# (The image has no openssl.cnf: the request's few settings are written here.)
mkdir -p -m 0700 "$private"
(umask 077 && printf '[req]\ndistinguished_name = dn\n[dn]\n' >"$private/req.cnf" \
  && openssl req -config "$private/req.cnf" -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
    -nodes -days 2 -subj "/O=awf-action/CN=awf-action per-run CA" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -addext subjectKeyIdentifier=hash \
    -keyout "$private/key.pem" -out "$private/cert.pem" 2>/dev/null) \
  || { echo "awf-proxy: could not make the key material for the peeking port" >&2; exit 70; }

squid_conf=$config/squid.conf
text=$(<"$squid_conf")

# Interception: the database of generated host certificates (Squid's helper runs as proxy),
# and the CA's certificate for the sandbox, which builds the agent's trust from it.
if [[ $text == *"generate-host-certificates=on"* ]]; then
  certs=/run/awf-proxy-certs
  mkdir -p -m 0700 "$certs"
  /usr/lib/squid/security_file_certgen -c -s "$certs/db" -M 4MB >/dev/null \
    || { echo "awf-proxy: could not make the certificate database" >&2; exit 70; }
  chown -R proxy:proxy "$certs"
  cat "$private/cert.pem" >"$logs/interception-ca.crt"
  chmod 0644 "$logs/interception-ca.crt"
fi

# Secrets (the corporate proxy's login, credential header values) arrive in the environment
# and are written only into this private copy of squid.conf: never into the rendered file,
# a log, or anyone's argv.
shopt -u patsub_replacement 2>/dev/null || true
secret_marks=0
if [[ $text == *" login=AWF_UPSTREAM_LOGIN"* ]]; then
  login=${AWF_UPSTREAM_LOGIN:-}
  [ -n "$login" ] || { echo "awf-proxy: the upstream proxy needs a login, and its variable is empty" >&2; exit 64; }
  if [[ $login == *[[:space:][:cntrl:]]* ]]; then
    echo "awf-proxy: the upstream proxy login holds a space or control character, which squid.conf cannot carry" >&2
    exit 64
  fi
  text=${text//login=AWF_UPSTREAM_LOGIN/login=$login}
  secret_marks=1
  unset login
fi
unset AWF_UPSTREAM_LOGIN
# A header value is a quoted string in squid.conf: printable ASCII without quote, backslash or
# percent (checked by the action too, before it hands the value over).
for ((n = 0; n < 64; n++)); do
  mark="\"AWF_CREDENTIAL_$n\""
  var=AWF_CREDENTIAL_$n
  [[ $text == *"$mark"* ]] || { unset "$var"; continue; }
  value=${!var:-}
  if [ -z "$value" ] || [[ $value == *[^\ -~]* || $value == *[\"\\%]* ]]; then
    echo "awf-proxy: credential $n is empty or holds a character squid.conf cannot carry" >&2
    exit 64
  fi
  text=${text//$mark/\"$value\"}
  secret_marks=1
  unset value "$var"
done
if [ "$secret_marks" = 1 ]; then
  (umask 077 && printf '%s\n' "$text" >"$private/squid.conf")
  squid_conf=$private/squid.conf
fi

# Whether address:port accepts a TCP connection within $3 seconds.
accepts() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null &
  local pid=$! i
  for ((i = 0; i < $3 * 20; i++)); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid"; return; }
    pause 0.05
  done
  kill "$pid" 2>/dev/null || true
  return 1
}

# A parent that is down fails the start with its name, instead of every request later.
text=$(<"$config/squid.conf")
peer='(^|'$'\n'')cache_peer ([^ ]+) parent ([0-9]+) [^'$'\n'']* name=upstream'
if [[ $text =~ $peer ]]; then
  up_addr=${BASH_REMATCH[2]} up_port=${BASH_REMATCH[3]}
  accepts "$up_addr" "$up_port" 5 \
    || { echo "awf-proxy: the upstream proxy $up_addr:$up_port does not accept connections" >&2; exit 69; }
fi
unset text

# Squid writes its logs as user proxy. dnsmasq logs to stderr, appended here to dns.log, so
# every log file stays readable by the runner's user.
touch "$logs/access.log" "$logs/cache.log" "$logs/dns.log"
chmod 0644 "$logs/access.log" "$logs/cache.log" "$logs/dns.log"
chown proxy:proxy "$logs/access.log" "$logs/cache.log"

squid -N -f "$squid_conf" &
squid_pid=$!

# Squid probes its peeking port (a cache_peer) once at start, before that port listens, and
# treats it as down until a probe connects; squid.conf's connect_retries has it try again 50 ms
# later. Ask from here until a tunnel is accepted, before the DNS forwarder starts: the
# readiness probe waits for both.
tunnel_accepted() {
  exec 3<>/dev/tcp/127.0.0.1/3128 || return 1
  printf 'CONNECT tunnel.awf.invalid:443 HTTP/1.1\r\nHost: tunnel.awf.invalid:443\r\n\r\n' >&3
  local status=''
  read -r -t 2 _ status _ <&3 || true
  exec 3<&- 3>&-
  [ "$status" = 200 ]
}
for ((i = 0; i < 500; i++)); do
  kill -0 "$squid_pid" 2>/dev/null || { wait "$squid_pid"; exit $?; }
  tunnel_accepted 2>/dev/null && break
  pause 0.02
done

# Each line stamped with the epoch time (bash's own clock: no process per line).
# (pipefail: the pipeline's status is dnsmasq's.)
dnsmasq --keep-in-foreground --user=nobody --group=nogroup -C "$config/dnsmasq.conf" 2>&1 >/dev/null \
  | while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done >>"$logs/dns.log" &

trap 'kill -TERM $(jobs -p) 2>/dev/null; wait; exit 143' TERM INT
set +e
wait -n
status=$?
echo "awf-proxy: a daemon exited with status $status; stopping" >&2
kill -TERM $(jobs -p) 2>/dev/null
exit "$status"
