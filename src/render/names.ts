/**
 * Names, prefixes and value checks shared by every renderer. Values reaching a rendered file
 * are checked here once more, so a bug upstream cannot turn into config injection.
 */
import { hostChainNames as chainNamesOf, logPrefixes as prefixesOf } from '../common/run-names.js'
import { parseIpLiteral } from '../policy/ip.js'

export const PROXY_CONFIG_DIR = '/awf/config'
export const PROXY_LOG_DIR = '/awf/logs'
/** Inside the proxy container only: key material its entrypoint generates at start (0700). */
export const PROXY_TLS_DIR = '/run/awf-proxy'
/** Asked by the readiness probe; always refused by the forwarder and never reported. */
export const READINESS_PROBE_NAME = 'ready.awf.invalid'
/** Asked by the enforcement canary from inside the sandbox; refused, and never reported. */
export const CANARY_NAME = 'canary.awf.invalid'
/**
 * The tunnel the canary opens (with a server name that does not match) and the proxy's own
 * start-up probe of its peeking port use. It is never spliced and never resolves.
 */
export const TLS_CANARY_TUNNEL = 'tunnel.awf.invalid'
/** The canary's direct connection goes to this (closed) port of the proxy itself. */
export const CANARY_PORT = 9

export function hostChainNames(runId: string): ReturnType<typeof chainNamesOf> {
  assertRunId(runId)
  return chainNamesOf(runId)
}

/** LOG prefixes of the run, checked before they reach a rule. */
export function logPrefixes(runId: string): ReturnType<typeof prefixesOf> {
  assertRunId(runId)
  return prefixesOf(runId)
}

export class RenderAssertionError extends Error {}

export function assert(ok: boolean, what: string, value: string): void {
  if (!ok) throw new RenderAssertionError(`refusing to render ${what} ${JSON.stringify(value)}`)
}

export function assertRunId(v: string): void {
  assert(/^[0-9a-f]{8}$/.test(v), 'run id', v)
}

export function assertInterface(v: string): void {
  assert(/^[a-z0-9-]{1,15}$/.test(v), 'interface name', v)
}

export function assertIp(v: string): void {
  assert(parseIpLiteral(v)?.address === v, 'IP address', v)
}

export function assertIpv4(v: string): void {
  assert(parseIpLiteral(v)?.family === 4 && parseIpLiteral(v)?.address === v, 'IPv4 address', v)
}

export function assertDomain(v: string): void {
  assert(
    /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(v) && v.length <= 253,
    'domain',
    v
  )
}

export function assertPort(v: number): void {
  assert(Number.isInteger(v) && v >= 1 && v <= 65535, 'port', String(v))
}

export function assertPrefix(v: number, family: 4 | 6): void {
  assert(
    Number.isInteger(v) && v >= 0 && v <= (family === 4 ? 32 : 128),
    'prefix length',
    String(v)
  )
}
