/** The one typed, validated policy every later stage reads. Built only by src/policy/. */

/** Protocol an allowed domain may be reached with through the proxy. */
export type Protocol = 'http' | 'https'

/** One (protocol, port) pair a domain entry grants. `https` means CONNECT to that port. */
export interface Access {
  readonly protocol: Protocol
  readonly port: number
}

/**
 * A normalised domain entry. `name` is lowercase ASCII (punycode), no trailing dot, and
 * matches /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.
 * `includeApex` is true for `example.com` (apex and every subdomain) and false for
 * `*.example.com` (subdomains only, any depth).
 */
export interface DomainRule {
  readonly name: string
  readonly includeApex: boolean
  /** What the entry grants; always non-empty and sorted (protocol, then port). */
  readonly access: readonly Access[]
  /** The entry as the user wrote it, for messages only; never rendered into a config file. */
  readonly source: string
}

export type IpFamily = 4 | 6

/** A normalised CIDR: `address` is the network address in canonical text form. */
export interface Cidr {
  readonly family: IpFamily
  readonly address: string
  readonly prefix: number
  /** allow-networks only: the special range it reaches, confirmed by the user with `!`. */
  readonly confirmed?: string
}

export type Mode = 'enforce' | 'audit'

/** A preset named in allow-domains and what it expanded to (shown in the summary and configs). */
export interface PresetUse {
  readonly name: string
  readonly domains: readonly string[]
}

/** A runner port the command may reach at host.docker.internal. */
export interface HostPort {
  readonly port: number
  /** Usually a database or remote shell; the user confirmed it with `!`. */
  readonly sensitive: boolean
}

/** The allowed domains that grant one (protocol, port), overlaps collapsed. */
export interface AccessGroup {
  readonly access: Access
  readonly rules: readonly DomainRule[]
}

/** Derived once from the allowed domains by buildPolicy; renderers never recompute them. */
export interface PolicyViews {
  /** One group per (protocol, port), in a stable order: squid.conf's per-port ACLs. */
  readonly accessGroups: readonly AccessGroup[]
  /** Every allowed name whatever its ports, overlaps collapsed (`access` is empty). */
  readonly allowedNames: readonly DomainRule[]
  /** The exact hosts allow-urls names, each once, sorted: only matching requests reach them. */
  readonly urlHosts: readonly string[]
}

/** A request method an `allow-urls` rule may name (CONNECT is the proxy's, never a rule's). */
export type UrlMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS'

/**
 * One `allow-urls` rule. `host` is one exact normalised name (as DomainRule.name; never its
 * subdomains); `path` starts with `/` and holds only RFC 3986 path characters, with `*`
 * matching any run of characters within the path. The query string never takes part.
 */
export interface UrlRule {
  /** Allowed methods; empty = every method. */
  readonly methods: readonly UrlMethod[]
  readonly protocol: Protocol
  readonly host: string
  readonly port: number
  readonly path: string
  /** The rule as the user wrote it, for messages only; never rendered into a config file. */
  readonly source: string
}

export interface Policy {
  readonly mode: Mode
  /** Allowed domains, overlaps collapsed, none under a blocked entry. Empty = no egress. */
  readonly allowDomains: readonly DomainRule[]
  /** Blocked domains; their `access` is every protocol and port (a block is total). */
  readonly blockDomains: readonly DomainRule[]
  /** Private or internal destinations the proxy may reach despite the default deny. */
  readonly allowNetworks: readonly Cidr[]
  /** Upstream resolvers for the DNS forwarder (canonical IP text); empty = detect on the runner. */
  readonly dnsServers: readonly string[]
  /** Presets used in allow-domains, in first-use order, with their expansion. */
  readonly presets: readonly PresetUse[]
  /** Runner ports reachable as host.docker.internal, sorted; empty = nothing on the runner. */
  readonly allowHostPorts: readonly HostPort[]
  /**
   * URL rules: requests to a host they name pass only when a rule matches (whatever
   * allow-domains says of that exact host); its subdomains keep their domain entries.
   */
  readonly allowUrls: readonly UrlRule[]
  readonly views: PolicyViews
}
