import {
  formatNet,
  hostAddress,
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
