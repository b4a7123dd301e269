/**
 * The probes the integration suite runs inside the sandbox and, unchanged, in the unfirewalled
 * control container. Each prints one line `PROBE <id> <exit status> <base64 output>`.
 * Every probe carries the nonce so that a leak would show in the lab's logs.
 */
import { LAB } from '../helpers/lab.js'

const A = LAB.addresses

export interface ProbeResult {
  readonly code: number
  readonly out: string
}

/** id -> shell command (run with bash; `$N` is the nonce, `$CA` the lab CA file). */
export function probes(): Record<string, string> {
  const py = (code: string): string => `python3 -c '${code}'`
  return {
    https_allowed: 'curl -sS --max-time 5 --cacert "$CA" https://allowed.test/$N-https',
    http_allowed: 'curl -sS --max-time 5 http://allowed.test/$N-http',
    http_blocked:
      'curl -sS --max-time 5 -o /dev/null -w "%{http_code}" http://blocked.test/$N-blocked',
    https_blocked: 'curl -sS --max-time 5 --cacert "$CA" https://blocked.test/$N-sblocked',
    ip_literal: `curl -sS --max-time 5 -o /dev/null -w "%{http_code}" http://${A.allowed}/$N-ip`,
    other_port:
      'curl -sS --max-time 5 -o /dev/null -w "%{http_code}" http://allowed.test:8080/$N-port',
    direct_80: `curl -sS --max-time 5 --noproxy "*" -H "Host: allowed.test" http://${A.blocked}/$N-direct80`,
    direct_tcp: `curl -sS --http0.9 --max-time 5 --noproxy "*" http://${A.sink}:$NPORT/$N-directtcp`,
    dns_blocked: 'getent hosts $N.blocked.test',
    dns_rogue_udp: py(
      `import socket,os; n=os.environ["N"]; q=b"\\x12\\x34\\x01\\x00\\x00\\x01\\x00\\x00\\x00\\x00\\x00\\x00"+bytes([len(n)])+n.encode()+b"\\x04test\\x00\\x00\\x01\\x00\\x01"; s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.settimeout(3); s.sendto(q,("${A.rogue}",53)); print(s.recv(512))`
    ),
    dns_rogue_tcp: py(
      `import socket; s=socket.create_connection(("${A.rogue}",53),timeout=3); print("connected")`
    ),
    udp_sink: py(
      `import socket,os; s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.sendto(os.environ["N"].encode(),("${A.sink}",5353)); print("sent")`
    ),
    icmp_dgram: py(
      `import socket,os; s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM,socket.IPPROTO_ICMP); s.sendto(b"\\x08\\x00\\x00\\x00\\x00\\x01\\x00\\x01"+os.environ["N"].encode(),("${A.sink}",0)); print("sent")`
    ),
    icmp_raw: py(
      `import socket; socket.socket(socket.AF_INET,socket.SOCK_RAW,socket.IPPROTO_ICMP); print("raw socket")`
    ),
    ipv6_off: 'cat /proc/sys/net/ipv6/conf/all/disable_ipv6',
    capabilities:
      'grep -E "^(CapInh|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs|Seccomp):" /proc/self/status',
    unshare_user: 'unshare -U true',
    // In host mode the runner's docker binaries are masked by empty, non-executable files.
    docker_socket: 'ls -l /var/run/docker.sock /run/docker.sock; docker version',
    embedded_dns: py(
      `import socket; q=b"\\x12\\x34\\x01\\x00\\x00\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x07allowed\\x04test\\x00\\x00\\x01\\x00\\x01"; s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.settimeout(3); s.sendto(q,("127.0.0.11",53)); print(s.recv(512))`
    )
  }
}

/** A TCP port derived from the nonce, so a leaked connection to the sink is attributable. */
export function noncePort(nonce: string): number {
  return 20000 + (parseInt(nonce.slice(1, 5), 16) % 20000)
}

/** A bash script running every probe with the nonce and CA given, one line per probe. */
export function probeScript(nonce: string, ca: string): string {
  const lines = Object.entries(probes()).map(
    ([id, cmd]) =>
      `out=$( ( ${cmd} ) 2>&1 ); echo "PROBE ${id} $? $(printf %s "$out" | base64 -w0)"`
  )
  return [`export N=${nonce} CA=${ca} NPORT=${noncePort(nonce)}`, ...lines].join('\n')
}

export function parseProbes(stdout: string): Record<string, ProbeResult> {
  const results: Record<string, ProbeResult> = {}
  for (const line of stdout.split('\n')) {
    const m = /^PROBE (\S+) (\d+) ?(\S*)$/.exec(line.trim())
    if (m)
      results[m[1]!] = {
        code: Number(m[2]),
        out: Buffer.from(m[3] ?? '', 'base64').toString('utf8')
      }
  }
  return results
}
