/**
 * The proxy's own settings beyond the policy: a corporate proxy to leave through
 * (`upstream-proxy`, `upstream-proxy-auth`) and the CONNECT hosts whose TLS clients may omit
 * the server name (`tls-without-sni`). Validated once, like every input.
 */
import { InputError, problem, type InputProblem } from '../common/errors.js'
import { matchesDomain, parseDomainEntry, parseIpLiteral } from '../policy/index.js'
import type { DomainRule, Policy } from '../policy/types.js'

/** One value and where it was written (the policy file's key or the input). */
export interface WrittenValue {
  readonly text: string
  readonly where: string
}

/** The merged `upstream-proxy`, `upstream-proxy-auth` and `tls-without-sni` (file and inputs). */
export interface ProxySources {
  readonly upstream?: WrittenValue
  readonly auth?: WrittenValue
  readonly noSni: readonly { readonly value: string; readonly where: string }[]
}

export interface UpstreamProxySetting {
  /** An IPv4 literal or a domain name, resolved on the runner before the proxy starts. */
  readonly host: string
  readonly port: number
  /** The name of the variable holding `user:password`; its value is read only when the proxy starts. */
  readonly loginVariable?: string
}

export interface ProxySettings {
  readonly upstream?: UpstreamProxySetting
  readonly noSniHosts: readonly DomainRule[]
  readonly warnings: readonly string[]
}

const NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/
const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/

function parseUpstream(
  url: WrittenValue,
  auth: WrittenValue | undefined,
  env: Readonly<Record<string, string | undefined>>
): UpstreamProxySetting | InputProblem[] {
  const accepted = 'Give http://HOST:PORT, HOST a name or an IPv4 address.'
  const m = /^http:\/\/([^/:@\s]+):(\d{1,5})\/?$/i.exec(url.text)
  const host = m?.[1]?.toLowerCase() ?? ''
  const port = Number(m?.[2])
  const ip = parseIpLiteral(host)
  if (
    !m ||
    port < 1 ||
    port > 65535 ||
    (ip ? ip.family !== 4 || ip.address !== host : !NAME.test(host))
  )
    return [problem(url.where, url.text, 'is not a proxy address', accepted)]
  if (auth === undefined) return { host, port }
  if (!VARIABLE.test(auth.text))
    // Not echoed: a login written where the name belongs is a secret.
    return [
      problem(
        auth.where,
        `${auth.text.length} characters`,
        'is not the name of an environment variable',
        'Give the NAME of a variable that holds user:password (never the value itself).',
        `${auth.text.length} characters`
      )
    ]
  const value = env[auth.text] ?? ''
  if (!/^[^:\s]+:\S+$/.test(value) || /[\p{Cc}]/u.test(value))
    return [
      problem(
        auth.where,
        auth.text,
        value === ''
          ? 'names a variable that is empty or not set'
          : 'names a variable that does not hold user:password',
        "Set it in the step's env as user:password, without spaces."
      )
    ]
  return { host, port, loginVariable: auth.text }
}

function parseNoSniHosts(
  entries: ProxySources['noSni'],
  policy: Policy | undefined,
  problems: InputProblem[]
): DomainRule[] {
  const hosts: DomainRule[] = []
  for (const { value, where } of entries) {
    const rule = parseDomainEntry(value, where, 'block')
    if ('message' in rule) problems.push(rule)
    else if (policy && !policy.allowDomains.some((a) => matchesDomain(a, rule.name)))
      problems.push(
        problem(where, value, 'is not an allowed name', 'Name hosts that allow-domains allows.')
      )
    else hosts.push(rule)
  }
  return hosts
}

export function parseProxySettings(
  sources: ProxySources,
  policy: Policy | undefined,
  env: Readonly<Record<string, string | undefined>>
): ProxySettings {
  const problems: InputProblem[] = []
  const { upstream: url, auth } = sources
  let upstream: UpstreamProxySetting | undefined
  if (url !== undefined) {
    const parsed = parseUpstream(url, auth, env)
    if (Array.isArray(parsed)) problems.push(...parsed)
    else upstream = parsed
  } else if (auth !== undefined)
    problems.push(
      problem(
        auth.where,
        auth.text,
        'is given without upstream-proxy',
        'Set upstream-proxy too, or leave this empty.'
      )
    )
  const noSniHosts = parseNoSniHosts(sources.noSni, policy, problems)
  if (problems.length > 0) throw new InputError(problems)
  const warnings =
    noSniHosts.length > 0
      ? [
          `tls-without-sni: TLS clients may omit the server name in tunnels to ${noSniHosts.map((r) => (r.includeApex ? r.name : `*.${r.name}`)).join(', ')}; ` +
            'such a tunnel reaches whatever the address serves by default.'
        ]
      : []
  return { ...(upstream ? { upstream } : {}), noSniHosts, warnings }
}
