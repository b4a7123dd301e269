/**
 * TLS interception for the few hosts that need it (issue 16), on the peeking port of
 * squid-tls.ts. A tunnel whose CONNECT host and ClientHello server name both name an
 * intercepted host is stared at (Squid connects to the server and verifies its certificate
 * against the system store and the `ca-certificates` file), then bumped: the agent sees a
 * certificate for that host signed by the run's own CA, and every request inside becomes a
 * request Squid checks on its own. Every other tunnel keeps the splice: the agent sees the
 * server's own certificate.
 */
import { assert, assertDomain, PROXY_CONFIG_DIR, PROXY_TLS_DIR } from './names.js'

/** The proxy's entrypoint makes the certificate database for generated host certificates here. */
export const PROXY_CERT_DB = '/run/awf-proxy-certs/db'
/** Upstream servers' certificates are checked against the image's system store... */
export const SYSTEM_CA_FILE = '/etc/ssl/certs/ca-certificates.crt'
/** ...and, when given, the `ca-certificates` file, copied into the config folder. */
export const UPSTREAM_CA_FILE = `${PROXY_CONFIG_DIR}/ca-certificates.crt`
/**
 * The run's CA certificate (public half only) as the entrypoint copies it into the logs
 * folder, for the sandbox to build the agent's trust from. The private key stays in
 * PROXY_TLS_DIR inside the proxy container.
 */
export const INTERCEPTION_CA_LOG_FILE = 'interception-ca.crt'
export const PROXY_CA_KEY = `${PROXY_TLS_DIR}/key.pem`

/** A header the proxy sets on every decrypted request to `host`. */
export interface CredentialHeader {
  readonly host: string
  /** The header's name; the value never reaches a rendered file (see credentialMark). */
  readonly header: string
}

/** Which hosts are decrypted, and what the proxy does to their requests. */
export interface Interception {
  /** Exact host names (lowercase, no wildcard). */
  readonly hosts: readonly string[]
  readonly credentials: readonly CredentialHeader[]
  /** The `ca-certificates` file is in the config folder: Squid trusts it for upstream servers. */
  readonly upstreamCa: boolean
}

/**
 * Stands in for credential `index`'s header value in squid.conf. The proxy's entrypoint
 * reads the value from its environment variable of the same name and writes it only into
 * a private copy of the file inside the container.
 */
export const credentialMark = (index: number): string => `AWF_CREDENTIAL_${index}`

const HEADER = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/

/** The ACL names that pair an intercepted host with its ClientHello server name. */
const hostAcls = (i: number): string => `icpt_${i}_host icpt_${i}_sni`

export interface InterceptionRules {
  readonly acls: readonly string[]
  /** ssl_bump lines, after the refusals and before any splice. */
  readonly bump: readonly string[]
  /** http_access lines for decrypted requests on the peeking port. */
  readonly access: readonly string[]
  /** Header rewriting, the certificate helper, upstream verification. */
  readonly service: readonly string[]
}

export const NO_INTERCEPTION: InterceptionRules = { acls: [], bump: [], access: [], service: [] }

function credentialLines(i: Interception): string[] {
  return i.credentials.flatMap((c, n) => {
    assert(HEADER.test(c.header), 'header name', c.header)
    const at = i.hosts.indexOf(c.host)
    assert(at >= 0, 'credential host (not intercepted)', c.host)
    // Only on decrypted requests (tls_port, never CONNECT): a plain-HTTP request never
    // carries the secret, nor does the CONNECT Squid sends a corporate parent to reach the host.
    const on = `tls_port !CONNECT ${hostAcls(at)}`
    return [
      `request_header_access ${c.header} deny ${on}`,
      `request_header_add ${c.header} "${credentialMark(n)}" ${on}`
    ]
  })
}

/** `urlAccess`: allow-urls' rules for decrypted requests (squid-urls.ts), before the hosts' own. */
export function renderInterception(
  i: Interception | undefined,
  urlAccess: readonly string[] = []
): InterceptionRules {
  if (!i || i.hosts.length === 0) return NO_INTERCEPTION
  const acls = ['acl tls_step2 at_step SslBump2', 'acl tls_step3 at_step SslBump3']
  acls.push('acl trace_method method TRACE')
  i.hosts.forEach((h, n) => {
    assertDomain(h)
    acls.push(`acl icpt_${n}_host dstdomain -n ${h}`)
    acls.push(`acl icpt_${n}_sni ssl::server_name --client-requested ${h}`)
  })
  const pairs = i.hosts.map((_, n) => hostAcls(n))
  return {
    acls,
    bump: [
      '# Intercepted hosts: Squid checks the server first (stare), then decrypts (bump).',
      ...pairs.map((p) => `ssl_bump stare tls_step2 ${p}`),
      ...pairs.map((p) => `ssl_bump bump tls_step3 ${p}`)
    ],
    access: [
      "# Requests decrypted inside an intercepted tunnel: only to that tunnel's own host (the",
      '# Host header must name the server the ClientHello named). TRACE would echo our headers.',
      'http_access deny tls_port trace_method',
      ...urlAccess,
      ...pairs.map((p) => `http_access allow tls_port !CONNECT ${p}`)
    ],
    service: [
      `sslcrtd_program /usr/lib/squid/security_file_certgen -s ${PROXY_CERT_DB} -M 4MB`,
      'sslcrtd_children 8 startup=1 idle=1',
      [
        'tls_outgoing_options min-version=1.2',
        `cafile=${SYSTEM_CA_FILE}`,
        ...(i.upstreamCa ? [`cafile=${UPSTREAM_CA_FILE}`] : [])
      ].join(' '),
      ...credentialLines(i)
    ]
  }
}
