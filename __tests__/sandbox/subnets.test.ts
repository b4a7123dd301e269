import {
  formatNet,
  hostAddress,
  isSubnetCollision,
  parseAddressPool,
  parseIpv4Net,
  pickFreeSubnets,
  routesFromProcNetRoute
} from '../../src/sandbox/subnets.js'

const PROC_NET_ROUTE = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0
eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
br-x\t00001CAC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
`

describe('subnets', () => {
  test('reads routes from /proc/net/route, skipping the default route', () => {
    expect(routesFromProcNetRoute(PROC_NET_ROUTE).map(formatNet)).toEqual([
      '192.0.2.0/24',
      '172.28.0.0/16'
    ])
  })

  test('picks /24 blocks clear of every used network and of each other', () => {
    const used = [parseIpv4Net('172.28.0.0/23')!, parseIpv4Net('172.28.3.0/24')!]
    expect(pickFreeSubnets(used, 2, 0).map(formatNet)).toEqual(['172.28.2.0/24', '172.28.4.0/24'])
  })

  test('wraps around the pool from a random start', () => {
    expect(pickFreeSubnets([], 2, 1023).map(formatNet)).toEqual([
      '172.31.255.0/24',
      '172.28.0.0/24'
    ])
  })

  test('fails with advice when the pool is exhausted', () => {
    expect(() => pickFreeSubnets([parseIpv4Net('172.28.0.0/14')!], 1, 0)).toThrow(
      /docker network prune/
    )
  })

  test('host addresses', () => {
    expect(hostAddress(parseIpv4Net('172.29.7.0/24')!, 2)).toBe('172.29.7.2')
  })
})

describe('address pool', () => {
  const pool = (text: string) => {
    const r = parseAddressPool(text, 'input address-pool')
    if ('message' in r) throw new Error(r.message)
    return r
  }

  test.each([
    ['', '172.28.0.0/14'],
    ['  10.99.0.0/16 ', '10.99.0.0/16'],
    ['192.168.64.0/23', '192.168.64.0/23'],
    ['100.64.0.0/10', '100.64.0.0/10']
  ])('%#: %j is the pool %s', (text, expected) => {
    expect(formatNet(pool(text))).toBe(expected)
  })

  test.each([
    ['10.0.0.0', /not an IPv4 network in CIDR form/],
    ['10.0.0.0/24', /prefix \/24: a pool must hold at least two \/24 networks/],
    ['10.0.0.0/7', /prefix \/7/],
    ['10.1.2.0/16', /host bits set \(the network is 10\.1\.0\.0\/16\)/],
    ['127.0.0.0/16', /loopback, link-local, multicast or reserved/],
    ['169.254.0.0/16', /loopback/],
    ['240.0.0.0/8', /reserved/],
    ['300.1.1.0/16', /not an IPv4 network/],
    ['fd00::/64', /not an IPv4 network/],
    ['10.0.0.0/16\n--x', /not an IPv4 network/]
  ])('%#: %j is refused, naming the input, the value and the accepted form', (text, why) => {
    const r = parseAddressPool(text, 'input address-pool')
    expect('message' in r).toBe(true)
    const message = (r as { message: string }).message
    expect(message).toMatch(why)
    expect(message).toContain(`input address-pool: ${JSON.stringify(text)}`)
    expect(message).toMatch(/Expected an IPv4 network in CIDR form/)
    expect(message).not.toContain('\n')
  })

  test('subnets come from the given pool, wrapping around it', () => {
    const p = pool('10.99.0.0/23')
    expect(pickFreeSubnets([], 2, 1, p).map(formatNet)).toEqual(['10.99.1.0/24', '10.99.0.0/24'])
    expect(() => pickFreeSubnets([parseIpv4Net('10.99.0.0/24')!], 2, 0, p)).toThrow(
      /no free \/24 subnet left in 10\.99\.0\.0\/23 .*address-pool/
    )
  })

  test('Docker’s refusal of a taken subnet is recognised as a collision', () => {
    expect(
      isSubnetCollision(
        'docker network create failed: Error response from daemon: invalid pool request: Pool overlaps with other one on this address space'
      )
    ).toBe(true)
    expect(
      isSubnetCollision('docker network create failed: network with name x already exists')
    ).toBe(false)
  })
})
