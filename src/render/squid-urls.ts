/**
 * squid.conf rules for `allow-urls`. A host a URL rule names is governed by the URL rules
 * alone: a request to it passes only when a rule's host, port, method and path all match, and
 * everything else to it is refused before the domain rules could allow it. Plain HTTP
 * requests are checked on the agent's port; HTTPS requests once the tunnel is intercepted.
 *
 * The path is matched with `urlpath_regex`, which sees the path and the query: every rule's
 * regex is anchored at both ends, `*` becomes `[^?]*` (within the path) and any query is
 * accepted after it. Paths that a server would resolve differently from how they read (dot
 * segments, encoded slashes or backslashes) are refused for every rule host first, so a
 * pattern can never be walked out of.
 */
import type { UrlRule } from '../policy/types.js'
import { assert, assertDomain, assertPort } from './names.js'

/** What policy.ts lets a path hold; anything else here is a bug, never rendered. */
const RENDERABLE_PATH = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/
const METHOD = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/

/** The POSIX extended regex for a rule's path: anchored, literal but for `*`, any query. */
export function pathRegex(path: string): string {
  assert(RENDERABLE_PATH.test(path), 'URL rule path', path)
  const body = [...path]
    .map((c) => (c === '*' ? '[^?]*' : /[.()+$]/.test(c) ? `\\${c}` : c))
    .join('')
  return `^${body}(\\?.*)?$`
}

export interface UrlAccessRules {
  readonly acls: readonly string[]
  /**
   * The agent port's rules, after the block list and the denied networks and before any
   * domain rule: plain HTTP rules, CONNECT to an HTTPS rule's host and port (to be
   * intercepted), and the refusal of everything else to a rule host.
   */
  readonly agentAccess: readonly string[]
  /**
   * Rules for the requests of an intercepted (bumped) tunnel on the peeking port: HTTPS
   * rules (the request's host and the tunnel's server name both the rule's), then refusal.
   */
  readonly interceptedAccess: readonly string[]
  /**
   * ssl_bump lines after the interception's bump and before any splice: a tunnel to or naming
   * a rule host that was not intercepted is never spliced, whatever allow-domains says.
   */
  readonly tunnelRefusals: readonly string[]
  /** Exact hosts of HTTPS rules: the proxy must intercept each (squid-intercept.ts). */
  readonly interceptedHosts: readonly string[]
  /** The ACL of every rule host (exact names), for exemptions elsewhere; none without rules. */
  readonly hostsAcl?: string
}

const NO_URL_RULES: UrlAccessRules = {
  acls: [],
  agentAccess: [],
  interceptedAccess: [],
  tunnelRefusals: [],
  interceptedHosts: []
}

function ruleAcls(rule: UrlRule, i: number, acls: string[]): string {
  assertDomain(rule.host)
  assertPort(rule.port)
  rule.methods.forEach((m) => assert(METHOD.test(m), 'URL rule method', m))
  acls.push(
    `acl url_${i}_host dstdomain -n ${rule.host}`,
    `acl url_${i}_port port ${rule.port}`,
    `acl url_${i}_path urlpath_regex ${pathRegex(rule.path)}`
  )
  if (rule.methods.length > 0) acls.push(`acl url_${i}_method method ${rule.methods.join(' ')}`)
  return [
    `url_${i}_host`,
    `url_${i}_port`,
    ...(rule.methods.length > 0 ? [`url_${i}_method`] : []),
    `url_${i}_path`
  ].join(' ')
}

export function renderUrlRules(rules: readonly UrlRule[]): UrlAccessRules {
  if (rules.length === 0) return NO_URL_RULES
  const hosts = [...new Set(rules.map((r) => r.host))].sort()
  hosts.forEach(assertDomain)
  const acls = [
    `acl url_hosts dstdomain -n ${hosts.join(' ')}`,
    'acl proto_https proto HTTPS',
    // Dot segments and encoded slashes or backslashes in the path (never in the query).
    'acl url_unsafe_path urlpath_regex -i ^[^?]*/(\\.|%2e){1,2}([/;?]|$) ^[^?]*(%2f|%5c|\\\\)'
  ]
  const plain: string[] = []
  const tunnels = new Map<string, string>()
  const intercepted: string[] = []
  rules.forEach((rule, i) => {
    const match = ruleAcls(rule, i, acls)
    if (rule.protocol === 'http') plain.push(`http_access allow !CONNECT proto_http ${match}`)
    else {
      const line = `http_access allow CONNECT url_${i}_host url_${i}_port`
      if (!tunnels.has(`${rule.host}:${rule.port}`)) tunnels.set(`${rule.host}:${rule.port}`, line)
      // The tunnel's server name too: a Host header cannot switch to another rule's host.
      acls.push(`acl url_${i}_sni ssl::server_name --client-requested ${rule.host}`)
      intercepted.push(`http_access allow tls_port !CONNECT proto_https ${match} url_${i}_sni`)
    }
  })
  const httpsHosts = [
    ...new Set(rules.filter((r) => r.protocol === 'https').map((r) => r.host))
  ].sort()
  acls.push(`acl url_hosts_sni ssl::server_name --client-requested ${hosts.join(' ')}`)
  return {
    acls,
    agentAccess: [
      '# allow-urls: a rule host is reached only by the requests its rules match.',
      'http_access deny url_hosts url_unsafe_path',
      ...plain,
      // One CONNECT rule per host and port is enough: the requests inside are checked.
      ...tunnels.values(),
      'http_access deny url_hosts'
    ],
    interceptedAccess: [
      '# allow-urls: requests inside an intercepted tunnel pass only when a rule matches.',
      'http_access deny tls_port url_hosts url_unsafe_path',
      ...intercepted,
      'http_access deny tls_port url_hosts'
    ],
    tunnelRefusals: [
      '# allow-urls: a tunnel to a rule host, or naming one, that was not intercepted ends here.',
      'ssl_bump terminate url_hosts',
      'ssl_bump terminate url_hosts_sni'
    ],
    interceptedHosts: httpsHosts,
    hostsAcl: 'url_hosts'
  }
}
