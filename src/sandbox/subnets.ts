/**
 * Choosing the run's two /24 subnets: inside the address pool (172.28.0.0/14 unless the
 * address-pool input names another), clear of every route on the host and every Docker
 * network. Pure; the caller supplies what is in use and retries on a collision.
 */
import { problem, type InputProblem } from '../common/errors.js'

export interface Ipv4Net {
  readonly base: number
  readonly prefix: number
}

const BLOCK_PREFIX = 24
/** The pool runs take their networks from when no address pool is given. */
export const DEFAULT_ADDRESS_POOL = '172.28.0.0/14'

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

const DEFAULT_POOL = parseIpv4Net(DEFAULT_ADDRESS_POOL)!

export function overlaps(a: Ipv4Net, b: Ipv4Net): boolean {
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

/** How many /24 blocks a pool holds. */
function poolBlocks(pool: Ipv4Net): number {
  return 2 ** (BLOCK_PREFIX - pool.prefix)
}

/**
 * Picks `count` free /24 blocks of `pool`. `start` (any integer, taken modulo the number of
 * blocks) spreads concurrent runs over the pool; the caller passes a random one and, when
 * Docker reports that another network took a block meanwhile, picks again with a new one.
 */
export function pickFreeSubnets(
  used: readonly Ipv4Net[],
  count: number,
  start: number,
  pool: Ipv4Net = DEFAULT_POOL
): Ipv4Net[] {
  const blocks = poolBlocks(pool)
  const picked: Ipv4Net[] = []
  for (let i = 0; i < blocks && picked.length < count; i++) {
    const index = (((start + i) % blocks) + blocks) % blocks
    const candidate = { base: (pool.base + index * 256) >>> 0, prefix: BLOCK_PREFIX }
    if (used.some((u) => overlaps(u, candidate))) continue
    if (picked.some((p) => overlaps(p, candidate))) continue
    picked.push(candidate)
  }
  if (picked.length < count)
    throw new Error(
      `no free /24 subnet left in ${formatNet(pool)} for the sandbox networks: remove unused ` +
        'Docker networks (docker network prune) or routes in that range, or give another ' +
        'address-pool'
    )
  return picked
}

/**
 * Docker's refusal when a subnet is taken by a network created after we looked: the one error
 * that picking again can cure.
 */
export function isSubnetCollision(message: string): boolean {
  return /overlaps with other one|Pool overlaps|networks have overlapping IPv4|invalid pool request/i.test(
    message
  )
}

/** Ranges a pool may never come from: the runner itself, link-local, multicast, reserved. */
const UNUSABLE_POOL_RANGES = ['0.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '224.0.0.0/3'].map(
  (text) => parseIpv4Net(text)!
)
const POOL_EXPECTED =
  'Expected an IPv4 network in CIDR form with a prefix from /8 to /23 and no host bits set, ' +
  'outside loopback, link-local, multicast and reserved space (default 172.28.0.0/14).'

/**
 * Reads the address-pool input: the IPv4 network every run's /24 subnets are taken from, for
 * clusters whose address plan already uses the default. Empty means the default.
 */
export function parseAddressPool(text: string, where: string): Ipv4Net | InputProblem {
  const value = text.trim()
  if (value === '') return DEFAULT_POOL
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(value)
  const net = m ? parseIpv4Net(value) : undefined
  if (!m || !net) return problem(where, text, 'is not an IPv4 network in CIDR form', POOL_EXPECTED)
  if (net.prefix < 8 || net.prefix > BLOCK_PREFIX - 1)
    return problem(
      where,
      text,
      `has prefix /${net.prefix}: a pool must hold at least two /24 networks and at most a /8`,
      POOL_EXPECTED
    )
  if (ipv4ToInt(m[1]!) !== net.base)
    return problem(
      where,
      text,
      `has host bits set (the network is ${formatNet(net)})`,
      POOL_EXPECTED
    )
  if (UNUSABLE_POOL_RANGES.some((r) => overlaps(r, net)))
    return problem(
      where,
      text,
      'overlaps loopback, link-local, multicast or reserved space',
      POOL_EXPECTED
    )
  return net
}

export function formatNet(net: Ipv4Net): string {
  return `${intToIpv4(net.base)}/${net.prefix}`
}

/** The n-th host address of a network (1 = gateway on Docker bridges). */
export function hostAddress(net: Ipv4Net, n: number): string {
  return intToIpv4((net.base + n) >>> 0)
}
