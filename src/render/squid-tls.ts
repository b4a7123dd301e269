/**
 * Server-name enforcement for squid.conf. Every CONNECT the agent's port allows is handed to a
 * second Squid port on loopback (`tls_port`, an ssl-bump port) through a cache_peer. There
 * Squid peeks at the ClientHello (nothing is decrypted, no certificate is ever shown) and
 * splices the tunnel only when the server name belongs to the same policy entry as the CONNECT
 * host, for that port; anything else is terminated.
 *
 * Why two ports: on an ssl-bump port Squid answers every CONNECT that http_access denies by
 * bumping the connection to show its error page over TLS (with our certificate). On the
 * agent's plain port a denied CONNECT keeps its honest `403`, and only allowed tunnels ever
 * reach the peeking port.
 */
import type { AccessGroup, DomainRule } from '../policy/types.js'
import { assertDomain, PROXY_TLS_DIR, TLS_CANARY_TUNNEL } from './names.js'
import { NO_INTERCEPTION, renderInterception, type Interception } from './squid-intercept.js'
import { SQUID_TLS_PORT } from './types.js'

/** What the rendered file asks the proxy's entrypoint to generate at start (see entrypoint.sh). */
export const PROXY_TLS_CERT = `${PROXY_TLS_DIR}/cert.pem`
export const PROXY_TLS_KEY = `${PROXY_TLS_DIR}/key.pem`

const escapeRegex = (name: string): string => name.replace(/\./g, '\\.')

/**
 * One rule as a pair of ACLs: the CONNECT host (`dstdomain`/`dstdom_regex`) and the server
 * name (`ssl::server_name`/`ssl::server_name_regex`, client-requested only: the name the
 * ClientHello carries, never one a server sends back).
 */
function entryAcls(
  prefix: string,
  rule: DomainRule
): { lines: string[]; host: string; sni: string } {
  assertDomain(rule.name)
  const host = `${prefix}_host`
  const sni = `${prefix}_sni`
  return {
    host,
    sni,
    lines: rule.includeApex
      ? [
          `acl ${host} dstdomain -n .${rule.name}`,
          `acl ${sni} ssl::server_name --client-requested .${rule.name}`
        ]
      : [
          `acl ${host} dstdom_regex -n \\.${escapeRegex(rule.name)}$`,
          `acl ${sni} ssl::server_name_regex --client-requested \\.${escapeRegex(rule.name)}$`
        ]
  }
}

/**
 * ACLs for a list of rules (the block list, the no-server-name opt-ins): `name` for entries
 * with their apex, `name_sub` for subdomain-only ones. Returns the ACL names defined.
 */
function listAcls(
  name: string,
  type: 'sni' | 'host',
  rules: readonly DomainRule[],
  lines: string[]
): string[] {
  rules.forEach((r) => assertDomain(r.name))
  const apex = rules.filter((r) => r.includeApex).map((r) => `.${r.name}`)
  const subs = rules.filter((r) => !r.includeApex).map((r) => `\\.${escapeRegex(r.name)}$`)
  const [exact, regex] =
    type === 'sni'
      ? ['ssl::server_name --client-requested', 'ssl::server_name_regex --client-requested']
      : ['dstdomain -n', 'dstdom_regex -n']
  const defined: string[] = []
  if (apex.length > 0) {
    lines.push(`acl ${name} ${exact} ${apex.join(' ')}`)
    defined.push(name)
  }
  if (subs.length > 0) {
    lines.push(`acl ${name}_sub ${regex} ${subs.join(' ')}`)
    defined.push(`${name}_sub`)
  }
  return defined
}

export interface TlsRules {
  /** The ssl-bump port line (after the agent's port). */
  readonly port: string
  readonly acls: readonly string[]
  /** http_access lines for the loopback port, placed before any rule about the agent. */
  readonly access: readonly string[]
  /** cache_peer, cache_peer_access and never_direct lines. */
  readonly routing: readonly string[]
  readonly bump: readonly string[]
  /** The certificate helper, upstream verification and header rewriting of interception. */
  readonly service: readonly string[]
}

export interface TlsOptions {
  readonly mode: 'enforce' | 'audit'
  /** Allowed https groups (one per CONNECT port), overlaps collapsed. */
  readonly groups: readonly AccessGroup[]
  readonly blocked: readonly DomainRule[]
  /** CONNECT hosts whose clients may omit the server name (an explicit opt-in). */
  readonly noSniHosts: readonly DomainRule[]
  /** The agent's port ACL (`myportname`) and the denied-networks condition. */
  readonly deniedNets: string
  /** Hosts whose tunnels are decrypted (squid-intercept.ts); none when absent. */
  readonly interception?: Interception
  /** allow-urls: rules for decrypted requests, and the tunnels never spliced (squid-urls.ts). */
  readonly urls?: { readonly access: readonly string[]; readonly tunnelRefusals: readonly string[] }
}

/** Where the proxy image keeps the helper that tells whether a ClientHello named a server. */
export const SNI_HELPER_PATH = '/usr/local/bin/awf-sni-present'

/**
 * The no-server-name test is an external ACL fed `%ssl::>sni` (`-` when absent): Squid's
 * server-name ACLs fall back to the CONNECT host when the ClientHello has none.
 */
const SNI_HELPER =
  'external_acl_type awf_sni ttl=60 negative_ttl=60 children-max=2 children-startup=1 ' +
  `%ssl::>sni ${SNI_HELPER_PATH}`

export function renderTlsRules(o: TlsOptions): TlsRules {
  const acls = [
    'acl tls_port myportname tls_port',
    'acl loopback src 127.0.0.1/32',
    'acl tls_step1 at_step SslBump1',
    SNI_HELPER,
    'acl sni_sent external awf_sni',
    `acl tls_canary dstdomain -n ${TLS_CANARY_TUNNEL}`
  ]
  const blocked = listAcls('sni_blocked', 'sni', o.blocked, acls)
  const noSniOk = listAcls('no_sni_ok', 'host', o.noSniHosts, acls)
  const icpt = renderInterception(o.interception, o.urls?.access)
  const urlRefusals = o.urls?.tunnelRefusals ?? []
  acls.push(...icpt.acls)
  const splices: string[] = []
  o.groups.forEach((g, i) => {
    acls.push(`acl tls_${i}_port port ${g.access.port}`)
    g.rules.forEach((rule, j) => {
      const e = entryAcls(`tls_${i}_${j}`, rule)
      acls.push(...e.lines)
      splices.push(`ssl_bump splice tls_${i}_port ${e.host} ${e.sni}`)
    })
  })
  const bump = [
    '# Peek at the ClientHello (step 1); decide at step 2, before any server is contacted.',
    'ssl_bump peek tls_step1',
    '# The enforcement canary tunnel never splices, whatever name it sends.',
    'ssl_bump terminate tls_canary',
    ...blocked.map((a) => `ssl_bump terminate ${a}`),
    ...(o.mode === 'audit'
      ? [
          ...icpt.bump,
          ...urlRefusals,
          '# Audit mode: every other tunnel is spliced, its server name logged.',
          'ssl_bump splice all'
        ]
      : [
          '# A ClientHello without a server name is refused unless its CONNECT host opted in.',
          ['ssl_bump terminate !sni_sent', ...noSniOk.map((a) => `!${a}`)].join(' '),
          ...icpt.bump,
          ...urlRefusals,
          '# One tunnel, one destination: the server name must belong to the CONNECT host entry.',
          ...splices
        ]),
    'ssl_bump terminate all',
    '# Anything that is not TLS inside a tunnel is answered with an error, never tunnelled.',
    'on_unsupported_protocol respond all'
  ]
  return {
    port: `http_port 127.0.0.1:${SQUID_TLS_PORT} name=tls_port ssl-bump tls-cert=${PROXY_TLS_CERT} tls-key=${PROXY_TLS_KEY} generate-host-certificates=${icpt === NO_INTERCEPTION ? 'off' : 'on'}`,
    acls,
    access: [
      "# The peeking port serves only the agent port's own hop over loopback.",
      'http_access deny tls_port !loopback',
      '# (the canary tunnel is refused at the ClientHello; its name is never resolved)',
      'http_access allow tls_port CONNECT tls_canary',
      `http_access deny tls_port ${o.deniedNets}`,
      'http_access allow tls_port CONNECT',
      ...icpt.access,
      'http_access deny tls_port'
    ],
    routing: [
      '# Every tunnel the agent opens goes through the peeking port; never around it.',
      `cache_peer 127.0.0.1 parent ${SQUID_TLS_PORT} 0 no-query no-digest no-netdb-exchange name=tls_check`,
      'cache_peer_access tls_check allow agent_port CONNECT',
      'cache_peer_access tls_check deny all',
      'never_direct allow agent_port CONNECT'
    ],
    bump,
    service: icpt.service
  }
}
