import type { DomainRule, Policy } from '../policy/types.js'
import type { Interception } from './squid-intercept.js'

/**
 * Facts about one run's sandbox that the renderers need besides the policy. Produced by
 * src/sandbox/ before anything starts; every field is already validated there.
 */
export interface SandboxTopology {
  /** Run id: 8 lowercase hex characters. Names chains, networks, containers and log prefixes. */
  readonly runId: string
  /** The internal network (agent + proxy), e.g. { address: '172.30.12.0', prefix: 24 }. */
  readonly internalSubnet: { readonly address: string; readonly prefix: number }
  /** Linux bridge interface of the internal network, e.g. `awfi-1a2b3c4d`. */
  readonly internalBridge: string
  /** The runner's own address on the internal bridge: host.docker.internal for host ports. */
  readonly internalGateway: string
  /** The proxy's address on the internal network (Squid and the DNS forwarder listen here). */
  readonly proxyIp: string
  /** The egress network (proxy only). */
  readonly egressSubnet: { readonly address: string; readonly prefix: number }
  /** Linux bridge interface of the egress network, e.g. `awfe-1a2b3c4d`. */
  readonly egressBridge: string
  /** The proxy's address on the egress network. */
  readonly proxyEgressIp: string
  /** Upstream resolvers the forwarder uses: the policy's, or those detected on the runner. */
  readonly upstreamDns: readonly string[]
}

/** Fixed ports inside the proxy container. */
export const SQUID_PORT = 3128
/** Squid's peeking (ssl-bump) port, on the proxy's loopback only: see src/render/squid-tls.ts. */
export const SQUID_TLS_PORT = 3129
export const DNS_PORT = 53

/** Everything a run renders, as text, keyed by the file name it is written to. */
export interface RenderedConfig {
  readonly 'squid.conf': string
  readonly 'dnsmasq.conf': string
  readonly 'seccomp.json': string
  readonly 'host-rules.v4': string
  readonly 'host-rules.v6': string
  readonly 'container-rules.v4': string
  readonly 'container-rules.v6': string
}

/** A corporate proxy that every request leaves through (Squid's parent). */
export interface UpstreamProxy {
  /** Resolved by the sandbox before rendering: the host rules admit only this address. */
  readonly address: string
  readonly port: number
  /**
   * The parent wants a login. Its value never reaches a rendered file: the proxy's entrypoint
   * reads it from its environment and fills it in where the file says `login=${UPSTREAM_LOGIN_MARK}`.
   */
  readonly login: boolean
}

/** Stands in for the upstream proxy's `user:password` in squid.conf; see entrypoint.sh. */
export const UPSTREAM_LOGIN_MARK = 'AWF_UPSTREAM_LOGIN'

export interface RenderInput {
  readonly policy: Policy
  readonly topology: SandboxTopology
  /** CONNECT hosts whose TLS clients may omit the server name (an opt-in, warned about). */
  readonly noSniHosts?: readonly DomainRule[]
  readonly upstreamProxy?: UpstreamProxy
  /** Hosts whose TLS the proxy decrypts, and the headers it sets for them (issue 16). */
  readonly interception?: Interception
}
