/**
 * Addresses that need care: opening them to the command through allow-networks hands it
 * something of the runner's (its loopback, the cloud's metadata service and the credentials
 * it serves, Docker's default bridge), so they need a confirming `!`; and the private ranges
 * allow-networks exists for, which tell whether an IP literal in allow-domains could be
 * reached by name with allow-networks.
 */
import { cidrContains, parseCidr, parseIpLiteral, type IpLiteral } from './ip.js'
import { isProblem, problem, type PolicyProblem } from './problem.js'
import type { Cidr } from './types.js'

export interface SpecialRange {
  readonly cidr: Cidr
  /** What it is, for messages: "the cloud metadata service (169.254.169.254)". */
  readonly what: string
}

const v4 = (address: string, prefix: number): Cidr => ({ family: 4, address, prefix })
const v6 = (address: string, prefix: number): Cidr => ({ family: 6, address, prefix })

/** Most specific first: a network covering several is named by the first it covers. */
export const RISKY_RANGES: readonly SpecialRange[] = [
  { cidr: v4('169.254.169.254', 32), what: 'the cloud metadata service (169.254.169.254)' },
  { cidr: v4('168.63.129.16', 32), what: "Azure's wire server and metadata (168.63.129.16)" },
  { cidr: v6('fd00:ec2::254', 128), what: "AWS's IPv6 metadata service (fd00:ec2::254)" },
  { cidr: v4('127.0.0.0', 8), what: 'loopback (127.0.0.0/8)' },
  { cidr: v6('::1', 128), what: 'loopback (::1)' },
  { cidr: v4('169.254.0.0', 16), what: 'link-local addresses (169.254.0.0/16)' },
  { cidr: v6('fe80::', 10), what: 'link-local addresses (fe80::/10)' },
  { cidr: v4('172.17.0.0', 16), what: "Docker's default bridge (172.17.0.0/16)" }
]

/** Private and internal space: where allow-networks lets an allowed name resolve to. */
const PRIVATE_RANGES: readonly Cidr[] = [
  v4('10.0.0.0', 8),
  v4('172.16.0.0', 12),
  v4('192.168.0.0', 16),
  v4('100.64.0.0', 10),
  v6('fc00::', 7)
]

/** Do the two networks share any address? */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  if (a.family !== b.family) return false
  const [wider, narrower] = a.prefix <= b.prefix ? [a, b] : [b, a]
  return cidrContains(wider, { family: narrower.family, address: narrower.address })
}

/** The first risky range the network reaches into, if any. */
export function riskyRangeIn(cidr: Cidr): SpecialRange | undefined {
  return RISKY_RANGES.find((r) => cidrsOverlap(cidr, r.cidr))
}

export function addressKind(ip: IpLiteral): 'risky' | 'private' | 'public' {
  const asCidr: Cidr = { ...ip, prefix: ip.family === 4 ? 32 : 128 }
  if (riskyRangeIn(asCidr)) return 'risky'
  return PRIVATE_RANGES.some((r) => cidrsOverlap(r, asCidr)) ? 'private' : 'public'
}

/**
 * One allow-networks entry: a network (ip.ts) that, when it reaches into a risky range, is
 * confirmed with a trailing `!`, as a database port is in allow-host-ports.
 */
export function parseAllowNetwork(text: string, where: string): Cidr | PolicyProblem {
  const confirmed = text.endsWith('!')
  const body = confirmed ? text.slice(0, -1) : text
  const cidr = parseCidr(body, where)
  if (isProblem(cidr)) return confirmed ? { ...cidr, value: text } : cidr
  const risky = riskyRangeIn(cidr)
  if (risky && !confirmed)
    return problem(
      where,
      text,
      `reaches ${risky.what}: opening it hands the command something of the runner or of its cloud account`,
      `If that is intended, write it as ${body}! to confirm.`
    )
  if (confirmed && !risky)
    return problem(
      where,
      text,
      'ends with "!", which confirms only a network reaching metadata, loopback, link-local or Docker bridge addresses',
      `Write it as ${body}.`
    )
  return risky ? { ...cidr, confirmed: risky.what } : cidr
}

/** Would WHATWG URL parsing (which Squid and every client mirror) read this host as an IP? */
export function looksLikeIp(host: string): boolean {
  const labels = host.split('.')
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return true
  if (labels.every((l) => /^(0x[0-9a-f]*|\d+)$/.test(l))) return true
  try {
    return /^[\d.]+$/.test(new URL(`http://${host}/`).hostname)
  } catch {
    return false
  }
}

/**
 * An IP literal where a domain belongs. The proxy refuses every request to an IP address, so
 * allow-networks helps only where it works: a private address an allowed name resolves to.
 */
export function ipLiteralProblem(where: string, raw: string, host: string): PolicyProblem {
  const ip = parseIpLiteral(host.replace(/^\[|\]$/g, ''))
  const kind = ip ? addressKind(ip) : undefined
  const why = 'is an IP address, and the proxy refuses every request to an IP address'
  if (kind === 'private')
    return problem(
      where,
      raw,
      why,
      `Allow the name the command uses; if that name resolves to this private address, also add ${ip!.address} to allow-networks.`
    )
  if (kind === 'risky') return problem(where, raw, why, 'Allow the name the command uses instead.')
  return problem(
    where,
    raw,
    why,
    'Allow the name the command uses instead (allow-networks opens private addresses for allowed names; it cannot open a public address).'
  )
}
