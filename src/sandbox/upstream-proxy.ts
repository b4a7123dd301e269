/** The corporate proxy's address: the host rules and Squid's parent need an IPv4 address. */
import { lookup } from 'node:dns/promises'
import { parseIpLiteral } from '../policy/index.js'
import { credentialMark } from '../render/squid-intercept.js'
import type { RenderInput, UpstreamProxy } from '../render/types.js'
import type { ProxyRequest } from './types.js'

export async function resolveUpstreamProxy(
  upstream: NonNullable<ProxyRequest['upstream']>
): Promise<UpstreamProxy> {
  const literal = parseIpLiteral(upstream.host)
  let address = literal?.family === 4 ? literal.address : undefined
  if (!address) {
    try {
      address = (await lookup(upstream.host, { family: 4 })).address
    } catch (e) {
      throw new Error(
        `the upstream proxy ${upstream.host}:${upstream.port} does not resolve to an IPv4 address on this runner (${e instanceof Error ? e.message : String(e)})`
      )
    }
  }
  return { address, port: upstream.port, login: upstream.login !== undefined }
}

/** What the proxy settings add to the render input (never a secret's value). */
export async function proxyRenderInput(
  proxy: ProxyRequest | undefined
): Promise<Pick<RenderInput, 'noSniHosts' | 'upstreamProxy' | 'interception'>> {
  if (!proxy) return {}
  const i = proxy.interception
  return {
    noSniHosts: proxy.noSniHosts,
    ...(proxy.upstream ? { upstreamProxy: await resolveUpstreamProxy(proxy.upstream) } : {}),
    ...(i && i.hosts.length > 0
      ? {
          interception: {
            hosts: i.hosts,
            credentials: i.credentials.map((c) => ({ host: c.host, header: c.header })),
            upstreamCa: i.caCertificates !== undefined
          }
        }
      : {})
  }
}

/**
 * The proxy container's environment: the login and the credentials' values travel here,
 * never in argv or a file (the entrypoint writes them into its private copy of squid.conf).
 */
export function proxyEnv(proxy: ProxyRequest | undefined): Record<string, string> {
  const login = proxy?.upstream?.login
  const credentials = proxy?.interception?.credentials ?? []
  return {
    ...(login ? { AWF_UPSTREAM_LOGIN: login } : {}),
    ...Object.fromEntries(credentials.map((c, n) => [credentialMark(n), c.value]))
  }
}
