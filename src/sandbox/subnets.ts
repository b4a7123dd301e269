/**
 * Choosing the run's two /24 subnets: inside 172.28.0.0/14, clear of every route on the host
 * and every Docker network. Pure; the caller supplies what is in use.
 */

export interface Ipv4Net {
  readonly base: number
  readonly prefix: number
}

const POOL: Ipv4Net = { base: ipv4ToInt('172.28.0.0'), prefix: 14 }
const BLOCK_PREFIX = 24

export function ipv4ToInt(text: string): number {
  const parts = text.split('.').map(Number)
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255))
    throw new Error(`not an IPv4 address: ${text}`)
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0
}

export function intToIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

export function parseIpv4Net(text: string): Ipv4Net | undefined {
  const [addr, len = '32'] = text.split('/')
  const prefix = Number(len)
  if (!addr || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined
  try {
    const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0
    return { base: (ipv4ToInt(addr) & mask) >>> 0, prefix }
  } catch {
    return undefined
  }
}

function overlaps(a: Ipv4Net, b: Ipv4Net): boolean {
  const prefix = Math.min(a.prefix, b.prefix)
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0
  return (a.base & mask) >>> 0 === (b.base & mask) >>> 0
}

/** IPv4 destinations from /proc/net/route (hex, host byte order on little-endian hosts). */
export function routesFromProcNetRoute(text: string): Ipv4Net[] {
  const nets: Ipv4Net[] = []
  for (const line of text.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/)
    if (cols.length < 8) continue
    const dest = leHexToInt(cols[1] ?? '')
    const mask = leHexToInt(cols[7] ?? '')
    if (dest === undefined || mask === undefined || mask === 0) continue // default route
    nets.push({ base: dest, prefix: popcount(mask) })
  }
  return nets
}

function leHexToInt(hex: string): number | undefined {
  if (!/^[0-9A-Fa-f]{8}$/.test(hex)) return undefined
  const n = parseInt(hex, 16)
  return (
    (((n & 255) << 24) | (((n >>> 8) & 255) << 16) | (((n >>> 16) & 255) << 8) | (n >>> 24)) >>> 0
  )
}

function popcount(n: number): number {
  let count = 0
  for (let v = n >>> 0; v; v >>>= 1) count += v & 1
  return count
}

/**
 * Picks `count` free /24 blocks. `start` (0..1023) spreads concurrent runs over the pool; the
 * caller passes a random one and retries on Docker's "overlaps" error with the next start.
 */
export function pickFreeSubnets(used: readonly Ipv4Net[], count: number, start: number): Ipv4Net[] {
  const blocks = 2 ** (BLOCK_PREFIX - POOL.prefix)
  const picked: Ipv4Net[] = []
  for (let i = 0; i < blocks && picked.length < count; i++) {
    const index = (start + i) % blocks
    const candidate = { base: (POOL.base + index * 256) >>> 0, prefix: BLOCK_PREFIX }
    if (used.some((u) => overlaps(u, candidate))) continue
    if (picked.some((p) => overlaps(p, candidate))) continue
    picked.push(candidate)
  }
  if (picked.length < count)
    throw new Error(
      'no free /24 subnet left in 172.28.0.0/14 for the sandbox networks: remove unused Docker ' +
        'networks (docker network prune) or routes in that range'
    )
  return picked
}

export function formatNet(net: Ipv4Net): string {
  return `${intToIpv4(net.base)}/${net.prefix}`
}

/** The n-th host address of a network (1 = gateway on Docker bridges). */
export function hostAddress(net: Ipv4Net, n: number): string {
  return intToIpv4((net.base + n) >>> 0)
}
