/**
 * One typed, ordered list of what the agent tried, from every layer's log: Squid's access log,
 * the DNS forwarder's query log, and the kernel log lines our LOG rules write. Pure: the
 * sandbox reads the files and hands the text here.
 */
import { SQUID_TLS_PORT } from '../render/types.js'
import { requestLine, type RequestLine } from './requests.js'

export type Layer = 'proxy' | 'dns' | 'host' | 'runner' | 'ipv6' | 'agent'
export type Decision = 'allowed' | 'blocked'

export interface NetEvent {
  /** Milliseconds since the epoch. */
  readonly time: number
  readonly layer: Layer
  readonly decision: Decision
  /** Domain name, or address when no name is known. */
  readonly target: string
  readonly port?: number
  readonly protocol: 'http' | 'https' | 'dns' | 'tcp' | 'udp' | 'icmp' | 'other'
  /** Why, in the layer's own words (Squid status, DNS answer, drop rule). */
  readonly reason: string
  /** A tunnel refused at its TLS ClientHello, and why (src/render/squid-tls.ts). */
  readonly tunnelRefusal?: TunnelRefusal
  /** An HTTP request's method and path (never its query): plain HTTP, or inside an intercepted tunnel. */
  readonly request?: RequestLine
}

export type TunnelRefusal = 'sni-mismatch' | 'no-sni' | 'not-tls' | 'untrusted-server'

/** Whose traffic counts: the agent's address; probes from the host and the proxy's own lookups do not. */
export interface EventScope {
  readonly agentIp: string
  readonly runId: string
  /** Kernel log lines carry seconds since boot; this converts them. */
  readonly bootTimeMs: number
  /**
   * Names the sandbox asks for itself from the agent's address (the canary) before the
   * command starts. The same names asked later are the command's, and are reported.
   */
  readonly internalNames: readonly string[]
  /** When the command was released (ms since the epoch). */
  readonly commandStartMs: number
  /** `address:port` the canary connects to directly (before commandStartMs). */
  readonly internalEndpoints: readonly string[]
  /** The corporate proxy's address, when the run leaves through one (`upstream-proxy`). */
  readonly upstreamProxy?: string
}

const HOST = /^[A-Za-z0-9._:[\]-]{1,253}$/

const isSandboxOwn = (scope: EventScope, name: string, timeMs: number): boolean =>
  scope.internalNames.includes(name) && timeMs < scope.commandStartMs

const REFUSAL_REASONS: Record<TunnelRefusal, string> = {
  'sni-mismatch': 'sni-mismatch: the TLS server name is not one the tunnel was allowed for',
  'no-sni': 'no-sni: TLS without a server name',
  'not-tls': 'not-tls: a tunnel that did not start with TLS',
  'untrusted-server':
    "untrusted-server: an intercepted host's certificate could not be verified (its CA may belong in ca-certificates)"
}

const decodeName = (raw: string): string => {
  try {
    const name = decodeURIComponent(raw).toLowerCase()
    return HOST.test(name) ? name : '(unreadable name)'
  } catch {
    return '(unreadable name)'
  }
}

/** Why the peeking port closed a tunnel, from the line's error code and bump action. */
function refusalOf(
  error: string,
  bump: string,
  sni: string | undefined
): TunnelRefusal | undefined {
  if (error === 'ERR_PROTOCOL_UNKNOWN') return 'not-tls'
  // An intercepted host's server failed verification: nothing was sent to it.
  if (error === 'ERR_SECURE_CONNECT_FAIL') return 'untrusted-server'
  if (bump === 'terminate') return sni === undefined ? 'no-sni' : 'sni-mismatch'
  return undefined
}

/**
 * A line of the peeking port (SQUID_TLS_PORT; the client is the agent port's own hop on
 * loopback): refusals at the ClientHello, and server names that differ from the CONNECT host
 * (so that audit mode suggests them too). `%#ssl::>sni %ssl::bump_mode %>lp` close the line.
 */
function tunnelCheckEvent(f: readonly string[], scope: EventScope): NetEvent | undefined {
  const [time = '', , status = '', , host = '', port = '', , , error = ''] = f
  const [sniField = '-', bump = '-'] = f.slice(-3)
  const timeMs = Number(time) * 1000
  if (isSandboxOwn(scope, host, timeMs)) return undefined
  const sni = sniField === '-' ? undefined : decodeName(sniField)
  const refusal = refusalOf(error, bump, sni)
  const spliced = bump === 'splice' && status.startsWith('TCP_TUNNEL/')
  if (!refusal && !(spliced && sni !== undefined && sni !== host.toLowerCase())) return undefined
  return {
    time: Math.round(timeMs),
    layer: 'proxy',
    decision: refusal ? 'blocked' : 'allowed',
    target: sni ?? (HOST.test(host) ? host : '(unreadable host)'),
    port: /^\d+$/.test(port) ? Number(port) : undefined,
    protocol: 'https',
    reason: refusal ? REFUSAL_REASONS[refusal] : 'server name inside an allowed tunnel',
    ...(refusal ? { tunnelRefusal: refusal } : {})
  }
}

/**
 * A request inside an intercepted (bumped) tunnel, as the peeking port logged it: allowed, or
 * refused by the allow-urls rules of its host.
 */
function interceptedRequestEvent(f: readonly string[], scope: EventScope): NetEvent | undefined {
  const [time = '', , status = '', method = '', host = '', port = '', , , error = '', url = ''] = f
  const timeMs = Number(time) * 1000
  if (isSandboxOwn(scope, host, timeMs) || !HOST.test(host)) return undefined
  const request = requestLine(method, url)
  if (!request) return undefined
  const denied = status.includes('DENIED')
  const ok = !denied && /^[23]/.test(status.split('/')[1] ?? '')
  // The server failed verification before the request was sent (nothing reached it).
  const untrusted = error === 'ERR_SECURE_CONNECT_FAIL'
  return {
    time: Math.round(timeMs),
    layer: 'proxy',
    decision: ok ? 'allowed' : 'blocked',
    target: host.toLowerCase(),
    port: /^\d+$/.test(port) ? Number(port) : undefined,
    protocol: 'https',
    reason: untrusted
      ? REFUSAL_REASONS['untrusted-server']
      : denied
        ? `request denied by allow-urls (${error})`
        : status,
    request,
    ...(untrusted ? { tunnelRefusal: 'untrusted-server' as const } : {})
  }
}

/**
 * `%ts.%03tu %>a %Ss/%03>Hs %rm %>rd %>rP %<a %st %err_code %ru %#ssl::>sni %ssl::bump_mode %>lp`
 * (docs/squid-log-format.md). Lines of the peeking port carry the tunnel checks and the
 * requests of intercepted tunnels.
 */
export function parseSquidLog(text: string, scope: EventScope): NetEvent[] {
  const events: NetEvent[] = []
  for (const line of text.split('\n')) {
    const f = line.split(' ')
    if (f.length >= 13 && f[1] === '127.0.0.1' && f.at(-1) === String(SQUID_TLS_PORT)) {
      const tunnel =
        f[3] !== 'CONNECT' && /^https:\/\//.test(f[9] ?? '')
          ? interceptedRequestEvent(f, scope)
          : tunnelCheckEvent(f, scope)
      if (tunnel) events.push(tunnel)
      continue
    }
    if (f.length < 10 || f[1] !== scope.agentIp) continue
    const [
      time,
      ,
      status = '',
      method = '',
      host = '',
      port = '',
      server = '',
      ,
      error = '',
      url = ''
    ] = f
    if (isSandboxOwn(scope, host, Number(time) * 1000)) continue
    const [squidStatus = '', httpStatus = ''] = status.split('/')
    const denied = squidStatus.includes('DENIED')
    const invalid = host === '-'
    const ok = !denied && !invalid && /^[23]/.test(httpStatus)
    const byParent = !ok && !denied && !invalid && server === scope.upstreamProxy
    events.push({
      time: Math.round(Number(time) * 1000),
      layer: 'proxy',
      decision: ok ? 'allowed' : 'blocked',
      target: invalid ? '(not a proxy request)' : HOST.test(host) ? host : '(unreadable host)',
      port: /^\d+$/.test(port) ? Number(port) : undefined,
      protocol: method === 'CONNECT' ? 'https' : 'http',
      reason: invalid
        ? 'direct connection redirected to the proxy'
        : denied
          ? `denied by policy (${error})`
          : byParent
            ? `refused by the upstream proxy ${server} (HTTP ${httpStatus})`
            : status,
      ...(invalid ? {} : requestField(method, url))
    })
  }
  return events
}

function requestField(method: string, url: string): { request?: RequestLine } {
  const request = requestLine(method, url)
  return request ? { request } : {}
}

/**
 * `log-queries=extra` lines, stamped by the proxy's entrypoint with the epoch time:
 * `<epoch> dnsmasq[pid]: <serial> <client>/<port> query[A] <name> from <client>`, then
 * `config <name> is NXDOMAIN` (refused) or `forwarded <name> to <upstream>` / `cached` (allowed).
 */
export function parseDnsmasqLog(text: string, scope: EventScope): NetEvent[] {
  const pending = new Map<string, { time: number; name: string; type: string }>()
  const events: NetEvent[] = []
  for (const line of text.split('\n')) {
    const m = /^(\d+\.\d+) dnsmasq\[\d+\]: (\d+) ([\d.]+)\/\d+ (.*)$/.exec(line)
    if (!m || m[3] !== scope.agentIp) continue
    const [, stamp = '', serial = '', , rest = ''] = m
    const query = /^query\[(\w+)\] (\S+) from /.exec(rest)
    if (query) {
      pending.set(serial, {
        time: Math.round(Number(stamp) * 1000),
        name: query[2]!.toLowerCase(),
        type: query[1]!
      })
      continue
    }
    const q = pending.get(serial)
    if (!q || isSandboxOwn(scope, q.name, q.time)) continue
    const refused = new RegExp(`^config \\S+ is (NXDOMAIN|NODATA)`).exec(rest)
    const forwarded = /^(forwarded \S+ to |cached \S+ is )/.test(rest)
    if (!refused && !forwarded) continue
    pending.delete(serial)
    // An AAAA query for an allowed name answers NODATA by design: not a block.
    if (refused?.[1] === 'NODATA') continue
    events.push({
      time: q.time,
      layer: 'dns',
      decision: forwarded ? 'allowed' : 'blocked',
      target: HOST.test(q.name) ? q.name : '(unreadable name)',
      port: 53,
      protocol: 'dns',
      reason: forwarded ? `${q.type} query forwarded` : `${q.type} query refused (NXDOMAIN)`
    })
  }
  return events
}

/** The line the sandbox writes to the kernel log as it releases the command. */
export const commandStartMark = (runId: string): string => `awf-${runId}-command-start`

/**
 * When the command was released, in the kernel log's own clock (seconds since boot), from the
 * run's mark; undefined when the log holds none. The canary's probes are told from the
 * command's by this rather than by converting kernel times to wall-clock time (boot time from
 * /proc/uptime, in hundredths, and a kernel clock that is not the wall clock): that conversion
 * was once seen to put the command's first packet before its start, and the two are only
 * milliseconds apart.
 */
function commandStartSeconds(text: string, runId: string): number | undefined {
  const mark = new RegExp(`^\\[\\s*([\\d.]+)\\] ${commandStartMark(runId)}$`, 'm')
  const m = mark.exec(text)
  return m ? Number(m[1]) : undefined
}

/** `[ 5449.69] awf-<run>-<layer>-drop: IN= OUT=eth0 SRC=... DST=... PROTO=TCP ... DPT=4242` */
export function parseKernelLog(text: string, scope: EventScope): NetEvent[] {
  const events: NetEvent[] = []
  const re = new RegExp(
    `^\\[\\s*([\\d.]+)\\] awf-${scope.runId}-(host|runner|ipv6|agent)-drop: (.*)$`
  )
  const startSeconds = commandStartSeconds(text, scope.runId)
  const beforeCommand = (seconds: number, time: number): boolean =>
    startSeconds === undefined ? time < scope.commandStartMs : seconds < startSeconds
  for (const line of text.split('\n')) {
    const m = re.exec(line.trim())
    if (!m) continue
    const fields = new Map(
      (m[3] ?? '').split(' ').flatMap((kv) => {
        const eq = kv.indexOf('=')
        return eq > 0 ? [[kv.slice(0, eq), kv.slice(eq + 1)] as const] : []
      })
    )
    const proto = (fields.get('PROTO') ?? 'other').toLowerCase()
    const dst = fields.get('DST') ?? '?'
    const dpt = fields.get('DPT')
    const time = Math.round(scope.bootTimeMs + Number(m[1]) * 1000)
    // The canary's own probe, only before the command starts: the same later is the command's.
    if (scope.internalEndpoints.includes(`${dst}:${dpt}`) && beforeCommand(Number(m[1]), time))
      continue
    events.push({
      time,
      layer: m[2] as Layer,
      decision: 'blocked',
      target: dst === '127.0.0.11' ? "Docker's embedded resolver" : dst,
      port: dpt ? Number(dpt) : undefined,
      protocol: proto === 'tcp' || proto === 'udp' || proto === 'icmp' ? proto : 'other',
      reason: `dropped by the ${m[2]} rules`
    })
  }
  return events
}

export function mergeEvents(...lists: readonly NetEvent[][]): NetEvent[] {
  return lists.flat().sort((a, b) => a.time - b.time)
}
