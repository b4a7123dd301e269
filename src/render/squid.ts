/**
 * squid.conf: a forward proxy (no intercept port) that serves only the agent's network and
 * allows only the policy's domains, per protocol and port. Rule order is the security
 * argument; each block says why it sits where it does.
 */
import type { AccessGroup, DomainRule, Policy, PresetUse } from '../policy/types.js'
import { assert, assertDomain, assertIp, assertPort, assertPrefix, PROXY_LOG_DIR } from './names.js'
import { DENIED_NETWORKS_V4, DENIED_NETWORKS_V6 } from './networks.js'
import { renderTlsRules } from './squid-tls.js'
import { renderUrlRules, type UrlAccessRules } from './squid-urls.js'
import type { Interception } from './squid-intercept.js'
import { SQUID_PORT, UPSTREAM_LOGIN_MARK, type RenderInput, type UpstreamProxy } from './types.js'

/**
 * The access log format the report parser reads; see docs/squid-log-format.md. The last three
 * fields (server name, URL-encoded; bump action; Squid's local port) come after the URL so
 * that the first ten keep their places.
 */
export const SQUID_LOG_FORMAT =
  '%ts.%03tu %>a %Ss/%03>Hs %rm %>rd %>rP %<a %st %err_code %ru %#ssl::>sni %ssl::bump_mode %>lp'

const escapeRegex = (name: string): string => name.replace(/\./g, '\\.')

/**
 * ACL lines for a set of rules: `dstdomain -n .example.com` for apex-and-subdomain entries,
 * `dstdom_regex -n \.example\.com$` for subdomain-only ones. `-n` stops Squid from looking
 * names up in reverse DNS. Returns the ACL names defined (zero, one or two).
 */
function domainAcls(name: string, rules: readonly DomainRule[], lines: string[]): string[] {
  const defined: string[] = []
  const apex = rules.filter((r) => r.includeApex)
  const subs = rules.filter((r) => !r.includeApex)
  for (const r of rules) assertDomain(r.name)
  if (apex.length > 0) {
    lines.push(`acl ${name} dstdomain -n ${apex.map((r) => `.${r.name}`).join(' ')}`)
    defined.push(name)
  }
  if (subs.length > 0) {
    lines.push(
      `acl ${name}_sub dstdom_regex -n ${subs.map((r) => `\\.${escapeRegex(r.name)}$`).join(' ')}`
    )
    defined.push(`${name}_sub`)
  }
  return defined
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** Long ACLs are split over several `acl` lines (Squid appends same-named lines). */
function splitAclLines(lines: readonly string[]): string[] {
  return lines.flatMap((line) => {
    const [acl = '', name = '', type = '', ...rest] = line.split(' ')
    const flags = rest[0]?.startsWith('-') ? rest.slice(0, 1) : []
    return chunk(rest.slice(flags.length), 50).map((c) =>
      [acl, name, type, ...flags, ...c].join(' ')
    )
  })
}

/** Presets never widen silently: the file says what each one expanded to. */
function presetLines(presets: readonly PresetUse[]): string[] {
  return presets.map((p) => {
    assert(/^[a-z][a-z0-9-]*$/.test(p.name), 'preset name', p.name)
    for (const d of p.domains) assertDomain(d.replace(/^https?:\/\//, ''))
    return `# allow-domains @${p.name} = ${p.domains.join(' ')}`
  })
}

/** The upstream parent, when there is one: everything leaves through it, nothing goes direct. */
function upstreamLines(upstream: UpstreamProxy | undefined): string[] {
  if (!upstream) return []
  assertIp(upstream.address)
  assertPort(upstream.port)
  const login = upstream.login ? ` login=${UPSTREAM_LOGIN_MARK}` : ''
  return [
    '# The corporate proxy: every request leaves through it, after our own policy allowed it.',
    `cache_peer ${upstream.address} parent ${upstream.port} 0 no-query no-digest no-netdb-exchange name=upstream${login}`,
    'cache_peer_access upstream allow tls_port',
    'cache_peer_access upstream allow agent_port !CONNECT',
    'cache_peer_access upstream deny all',
    'never_direct allow all'
  ]
}

interface AccessRules {
  readonly acls: string[]
  readonly access: string[]
  readonly blocked: string[]
  readonly anyAllowed: string[]
  readonly allowNets: string[]
  readonly groups: readonly AccessGroup[]
  readonly urls: UrlAccessRules
}

function accessRules(policy: Policy): AccessRules {
  const acls: string[] = []
  const access: string[] = []
  const blocked = domainAcls('blocked', policy.blockDomains, acls)
  const groups = policy.views.accessGroups
  groups.forEach((g, i) => {
    assertPort(g.access.port)
    const names = domainAcls(`allow_${i}`, g.rules, acls)
    acls.push(`acl allow_${i}_port port ${g.access.port}`)
    for (const n of names)
      access.push(
        g.access.protocol === 'https'
          ? `http_access allow CONNECT ${n} allow_${i}_port`
          : `http_access allow !CONNECT proto_http ${n} allow_${i}_port`
      )
  })
  // A name no entry allows is refused before Squid resolves it: no DNS lookup for it, ever.
  const anyAllowedAcls = domainAcls('allowed_any', policy.views.allowedNames, acls)
  for (const net of policy.allowNetworks) {
    assertIp(net.address)
    assertPrefix(net.prefix, net.family)
  }
  const allowNets = policy.allowNetworks.map((n) => `${n.address}/${n.prefix}`)
  if (allowNets.length > 0) acls.push(`acl allowed_nets dst ${allowNets.join(' ')}`)
  const urls = renderUrlRules(policy.allowUrls)
  acls.push(...urls.acls)
  return { acls, access, blocked, anyAllowed: anyAllowedAcls, allowNets, groups, urls }
}

const AUDIT_ACCESS = [
  '# Audit mode: any other public name on the default ports is allowed (and logged).',
  'acl audit_http_port port 80',
  'acl audit_https_port port 443',
  'http_access allow CONNECT audit_https_port',
  'http_access allow !CONNECT proto_http audit_http_port'
]

/** The agent port's http_access rules, in the order that is the security argument. */
function agentAccess(policy: Policy, r: AccessRules, deniedNets: string): string[] {
  return [
    "# The proxy's own start-up probe of the peeking port.",
    'http_access allow loopback CONNECT tls_canary tls_canary_port',
    'http_access deny !agent',
    'http_access deny manager',
    '# IP literals first: dstdomain would otherwise match them through reverse DNS.',
    'http_access deny ip_literal',
    "# The canary's tunnel (refused by the peeking port, whatever server name it sends).",
    'http_access allow CONNECT tls_canary tls_canary_port',
    "# The sandbox's own probe names are refused in every mode, and never resolved.",
    'http_access deny awf_internal',
    '# The block list wins over every allow rule.',
    ...r.blocked.map((a) => `http_access deny ${a}`),
    ...(r.anyAllowed.length + (r.urls.hostsAcl ? 1 : 0) > 0 && policy.mode === 'enforce'
      ? [
          `http_access deny ${[...r.anyAllowed, ...(r.urls.hostsAcl ? [r.urls.hostsAcl] : [])].map((a) => `!${a}`).join(' ')}`
        ]
      : []),
    '# An allowed name that resolves to a private, loopback or metadata address is refused.',
    `http_access deny ${deniedNets}`,
    ...r.urls.agentAccess,
    ...r.access,
    ...(policy.mode === 'audit' ? AUDIT_ACCESS : []),
    'http_access deny all'
  ]
}

/** Everything after the rules: no cache, no identifying headers, logs in our format. */
function serviceLines(input: RenderInput): string[] {
  const { policy, topology } = input
  return [
    'cache deny all',
    'cache_mem 0 MB',
    'via off',
    'forwarded_for delete',
    'host_verify_strict on',
    'httpd_suppress_version_string on',
    'shutdown_lifetime 0 seconds',
    // Squid probes its own peeking port (a cache_peer) once at start, before that port listens,
    // and probes a peer it found down again only when its clock's second changes: 0 to 1 s
    // before the first tunnel. One retry 50 ms later finds the port listening. For servers it
    // means one more attempt after a refused connection.
    '# A refused connection is tried once more, 50 ms later.',
    'connect_retries 2',
    // In audit mode Squid resolves any name through the upstreams; the agent's own lookups
    // still go through the filtering forwarder.
    `dns_nameservers ${policy.mode === 'audit' ? topology.upstreamDns.join(' ') : '127.0.0.1'}`,
    'client_persistent_connections on',
    'server_persistent_connections on',
    '',
    `logformat awf ${SQUID_LOG_FORMAT}`,
    `access_log stdio:${PROXY_LOG_DIR}/access.log logformat=awf`,
    `cache_log ${PROXY_LOG_DIR}/cache.log`,
    'cache_store_log none',
    'logfile_rotate 0',
    'coredump_dir /tmp',
    ''
  ]
}

/**
 * The hosts of HTTPS URL rules are always intercepted: the renderer does not rely on its
 * caller for that, since a rule host's tunnel that is not intercepted cannot be checked.
 */
function withUrlHosts(
  interception: Interception | undefined,
  hosts: readonly string[]
): Interception | undefined {
  if (hosts.length === 0) return interception
  const base = interception ?? { hosts: [], credentials: [], upstreamCa: false }
  return { ...base, hosts: [...new Set([...base.hosts, ...hosts])] }
}

export function renderSquidConf(input: RenderInput): string {
  const { policy, topology } = input
  assertIp(topology.internalSubnet.address)
  topology.upstreamDns.forEach(assertIp)
  assertPrefix(topology.internalSubnet.prefix, 4)
  const r = accessRules(policy)
  const deniedNets = r.allowNets.length > 0 ? 'denied_nets !allowed_nets' : 'denied_nets'
  const tls = renderTlsRules({
    mode: policy.mode,
    groups: r.groups.filter((g) => g.access.protocol === 'https'),
    blocked: policy.blockDomains,
    noSniHosts: input.noSniHosts ?? [],
    deniedNets,
    interception: withUrlHosts(input.interception, r.urls.interceptedHosts),
    urls: { access: r.urls.interceptedAccess, tunnelRefusals: r.urls.tunnelRefusals }
  })
  const lines = [
    `# squid.conf for awf-action run ${topology.runId}. Generated; do not edit.`,
    ...presetLines(policy.presets),
    `http_port ${SQUID_PORT} name=agent_port`,
    tls.port,
    'visible_hostname awf-proxy',
    'pid_filename none',
    '',
    '# Only the agent network is served.',
    `acl agent src ${topology.internalSubnet.address}/${topology.internalSubnet.prefix}`,
    'acl agent_port myportname agent_port',
    'acl CONNECT method CONNECT',
    'acl proto_http proto HTTP',
    // Squid turns every numeric IPv4 notation into dotted quad before ACLs run.
    'acl ip_literal dstdom_regex -n ^[0-9]+(\\.[0-9]+){3}$ ^\\[?[0-9a-fA-F.]*:[0-9a-fA-F:.]*\\]?$',
    'acl awf_internal dstdomain -n .awf.invalid',
    'acl tls_canary_port port 443',
    `acl denied_nets dst ${[...DENIED_NETWORKS_V4, ...DENIED_NETWORKS_V6].join(' ')}`,
    ...splitAclLines(r.acls),
    ...splitAclLines([...tls.acls]),
    '',
    ...tls.access,
    ...agentAccess(policy, r, deniedNets),
    '',
    ...tls.routing,
    ...upstreamLines(input.upstreamProxy),
    '',
    ...tls.bump,
    ...tls.service,
    '',
    ...serviceLines(input)
  ]
  const text = lines.join('\n')
  // Belt and braces: a rendered line can never be continued or injected by a value.
  if (/\\\n/.test(text) || text.includes('\0'))
    throw new Error('refusing to render squid.conf with a continuation or NUL')
  return text
}
