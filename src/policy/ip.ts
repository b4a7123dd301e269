/** IP literals and CIDRs, strictly parsed and printed in one canonical form. */
import type { Cidr, IpFamily } from './types.js'
import { problem, type PolicyProblem } from './problem.js'

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/

export interface IpLiteral {
  readonly family: IpFamily
  readonly address: string
}

function ipv4Bytes(text: string): number[] {
  return text.split('.').map(Number)
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/

/** RFC 4291 text form: hex groups, at most one `::`, an optional dotted-quad tail; no zone. */
function isIpv6(text: string): boolean {
  if (text.length > 45) return false
  let head = text
  let tailGroups = 0
  const v4 = /^(.*:)([^:]+\.[^:]+)$/.exec(text)
  if (v4) {
    if (!IPV4.test(v4[2]!)) return false
    head = v4[1]!.endsWith('::') ? v4[1]! : v4[1]!.slice(0, -1)
    tailGroups = 2
  }
  const halves = head.split('::')
  if (halves.length > 2) return false
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'))
  const all = halves.flatMap(groups)
  if (!all.every((g) => HEX_GROUP.test(g))) return false
  const count = all.length + tailGroups
  return halves.length === 2 ? count <= 7 : count === 8
}

/** Eight 16-bit groups of an IPv6 address whose syntax isIpv6 has already checked. */
function ipv6Groups(text: string): number[] {
  let head = text
  const tail: number[] = []
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (v4?.[1]) {
    const b = ipv4Bytes(v4[1])
    tail.push((b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!)
    head = text.slice(0, -v4[1].length)
    if (!head.endsWith('::')) head = head.slice(0, -1)
  }
  const [left = '', right] = head.split('::')
  const parse = (s: string): number[] =>
    s
      ? s
          .split(':')
          .filter(Boolean)
          .map((g) => parseInt(g, 16))
      : []
  const l = parse(left)
  const r = right === undefined ? [] : parse(right)
  const fill = 8 - tail.length - l.length - r.length
  return [...l, ...(right === undefined ? [] : new Array<number>(fill).fill(0)), ...r, ...tail]
}

/** RFC 5952 text: lowercase, no leading zeros, the longest run of zero groups as `::`. */
function formatIpv6(groups: readonly number[]): string {
  let best = -1
  let bestLen = 1
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > bestLen) {
      best = i
      bestLen = j - i
    }
    i = j
  }
  const hex = groups.map((g) => g.toString(16))
  if (best === -1) return hex.join(':')
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`
}

/** A strict IP literal: dotted-quad IPv4 (no leading zeros, hex or short forms) or IPv6. */
export function parseIpLiteral(text: string): IpLiteral | undefined {
  if (IPV4.test(text)) return { family: 4, address: text }
  if (isIpv6(text)) return { family: 6, address: formatIpv6(ipv6Groups(text)) }
  return undefined
}

function bits(ip: IpLiteral): number[] {
  const bytes =
    ip.family === 4
      ? ipv4Bytes(ip.address)
      : ipv6Groups(ip.address).flatMap((g) => [g >> 8, g & 255])
  return bytes.flatMap((b) => [7, 6, 5, 4, 3, 2, 1, 0].map((i) => (b >> i) & 1))
}

function fromBits(family: IpFamily, b: readonly number[]): string {
  const bytes: number[] = []
  for (let i = 0; i < b.length; i += 8)
    bytes.push(b.slice(i, i + 8).reduce((a, x) => (a << 1) | x, 0))
  if (family === 4) return bytes.join('.')
  const groups: number[] = []
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!)
  return formatIpv6(groups)
}

/** Is `ip` inside `cidr`? */
export function cidrContains(cidr: Cidr, ip: IpLiteral): boolean {
  if (cidr.family !== ip.family) return false
  const a = bits({ family: cidr.family, address: cidr.address })
  const b = bits(ip)
  return a.slice(0, cidr.prefix).every((x, i) => x === b[i])
}

const CIDR_EXPECTED =
  'Give an IPv4 or IPv6 network such as 10.1.0.0/16 or fd00:1::/64, or a single address.'

export function parseCidr(text: string, where: string): Cidr | PolicyProblem {
  const [addr = '', len, extra] = text.split('/')
  const ip = parseIpLiteral(addr)
  if (!ip || extra !== undefined) return problem(where, text, 'is not a network', CIDR_EXPECTED)
  const max = ip.family === 4 ? 32 : 128
  if (len !== undefined && !/^(0|[1-9]\d{0,2})$/.test(len))
    return problem(where, text, 'has an invalid prefix length', `The prefix length is 0 to ${max}.`)
  const prefix = len === undefined ? max : Number(len)
  if (prefix > max)
    return problem(where, text, 'has an invalid prefix length', `The prefix length is 0 to ${max}.`)
  const minimum = ip.family === 4 ? 8 : 16
  if (prefix < minimum)
    return problem(
      where,
      text,
      `is too broad (shorter than /${minimum})`,
      'allow-networks opens private destinations one network at a time; name the networks you need.'
    )
  const b = bits(ip)
  const network = fromBits(ip.family, [
    ...b.slice(0, prefix),
    ...new Array<number>(max - prefix).fill(0)
  ])
  if (network !== ip.address)
    return problem(where, text, 'has host bits set', `Did you mean ${network}/${prefix}?`)
  return { family: ip.family, address: network, prefix }
}

export function isLoopbackStub(ip: string): boolean {
  const lit = parseIpLiteral(ip)
  if (!lit) return false
  return lit.family === 4 ? lit.address.startsWith('127.') : lit.address === '::1'
}

/** `nameserver` lines of a resolv.conf, valid IP literals only, in order. */
export function nameserversFromResolvConf(text: string): string[] {
  const servers: string[] = []
  for (const line of text.split('\n')) {
    const m = /^\s*nameserver\s+(\S+)/.exec(line)
    const ip = m?.[1] ? parseIpLiteral(m[1]) : undefined
    if (ip && !servers.includes(ip.address)) servers.push(ip.address)
  }
  return servers
}

const DNS_EXPECTED =
  'Give IPv4 or IPv6 addresses of resolvers, such as 1.1.1.1 or 2606:4700:4700::1111.'

export function parseDnsServer(text: string, where: string): string | PolicyProblem {
  const ip = parseIpLiteral(text)
  if (!ip) return problem(where, text, 'is not an IP address', DNS_EXPECTED)
  if (isLoopbackStub(ip.address))
    return problem(
      where,
      text,
      'is a loopback address, which the firewall’s DNS forwarder (in a container) cannot reach',
      'Give the upstream resolvers themselves, or leave dns-servers empty to detect them.'
    )
  const unusable =
    ip.address === '0.0.0.0' ||
    ip.address === '::' ||
    (ip.family === 4 && Number(ip.address.split('.')[0]) >= 224) ||
    (ip.family === 6 && ip.address.startsWith('ff'))
  if (unusable) return problem(where, text, 'is not a unicast address', DNS_EXPECTED)
  return ip.address
}
