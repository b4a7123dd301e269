import { buildPolicy, PolicyError } from '../../src/policy/index.js'

const names = (rules: readonly { name: string; includeApex: boolean }[]): string[] =>
  rules.map((r) => `${r.includeApex ? '' : '*.'}${r.name}`)

function problems(f: () => unknown): string[] {
  try {
    f()
  } catch (e) {
    if (e instanceof PolicyError) return e.problems.map((p) => p.message)
    throw e
  }
  throw new Error('no PolicyError')
}

describe('buildPolicy', () => {
  test.each([
    [1, 'api.github.com\ngithub.com'],
    [2, 'github.com\napi.github.com']
  ])('%i: an entry under another collapses, in either order', (_n, list) => {
    expect(names(buildPolicy({ 'allow-domains': list }, 'input').policy.allowDomains)).toEqual([
      'github.com'
    ])
  })

  test('a wildcard under its apex entry collapses; the reverse does not', () => {
    expect(
      names(buildPolicy({ 'allow-domains': '*.a.com, a.com' }, 'input').policy.allowDomains)
    ).toEqual(['a.com'])
    expect(
      names(buildPolicy({ 'allow-domains': '*.a.com, x.a.com' }, 'input').policy.allowDomains)
    ).toEqual(['*.a.com'])
  })

  test('entries for the same name merge their access; narrower access is not collapsed away', () => {
    const { policy } = buildPolicy(
      { 'allow-domains': 'http://a.com\nhttps://a.com:8443\nhttps://api.a.com' },
      'input'
    )
    expect(
      policy.allowDomains.map((r) => [r.name, r.access.map((a) => `${a.protocol}:${a.port}`)])
    ).toEqual([
      ['a.com', ['http:80', 'https:8443']],
      ['api.a.com', ['https:443']]
    ])
  })

  test('the block list wins: allowed entries under a block are dropped with a warning', () => {
    const built = buildPolicy(
      { 'allow-domains': 'api.github.com, gist.github.com', 'block-domains': 'gist.github.com' },
      'input'
    )
    expect(names(built.policy.allowDomains)).toEqual(['api.github.com'])
    expect(names(built.policy.blockDomains)).toEqual(['gist.github.com'])
    expect(built.warnings.join()).toMatch(/gist\.github\.com.*dropped/)
  })

  test('an empty allow list is valid and warns that there is no egress', () => {
    const built = buildPolicy({}, 'input')
    expect(built.policy.allowDomains).toEqual([])
    expect(built.warnings.join()).toMatch(/no network access at all/)
  })

  test('every problem of every input is reported at once, naming the input', () => {
    const messages = problems(() =>
      buildPolicy(
        {
          'allow-domains': 'com\n1.2.3.4',
          'dns-servers': '127.0.0.53',
          'allow-networks': '10.1.2.3/24'
        },
        'input'
      )
    )
    expect(messages).toEqual([
      expect.stringMatching(/^input allow-domains: "com"/),
      expect.stringMatching(/^input allow-domains: "1\.2\.3\.4"/),
      expect.stringMatching(
        /^input allow-networks: "10\.1\.2\.3\/24" has host bits set\. Did you mean 10\.1\.2\.0\/24\?/
      ),
      expect.stringMatching(/^input dns-servers: "127\.0\.0\.53" is a loopback address/)
    ])
  })

  test('flags are named as flags', () => {
    expect(problems(() => buildPolicy({ 'allow-domains': 'com' }, 'flag'))[0]).toMatch(
      /^flag --allow-domains: /
    )
  })

  test('the policy is immutable', () => {
    const { policy } = buildPolicy({ 'allow-domains': 'a.com' }, 'input')
    expect(Object.isFrozen(policy)).toBe(true)
    expect(Object.isFrozen(policy.allowDomains[0])).toBe(true)
  })
})

describe('allow-networks and dns-servers', () => {
  test.each([
    [1, '10.203.0.0/24', '10.203.0.0/24'],
    [2, '10.1.2.3', '10.1.2.3/32'],
    [3, 'fd00:1::/64', 'fd00:1::/64'],
    [4, 'FD00:0001:0000::/48', 'fd00:1::/48'],
    [5, '192.168.0.0/16', '192.168.0.0/16'],
    [6, '10.0.0.0/8', '10.0.0.0/8']
  ])('%i: network %j is accepted as %j', (_n, text, cidr) => {
    const n = buildPolicy({ 'allow-networks': text }, 'input').policy.allowNetworks[0]!
    expect(`${n.address}/${n.prefix}`).toBe(cidr)
  })

  test.each([
    [1, '0.0.0.0/0', /too broad/],
    [2, '::/0', /too broad/],
    [3, '10.0.0.0/7', /too broad/],
    [4, '10.1.2.3/24', /host bits set/],
    [5, '10.0.0.0/33', /prefix length/],
    [6, '10.0.0.0/08', /prefix length/],
    [7, 'example.com', /not a network/],
    [8, '10.0.0.0/8/8', /not a network/],
    [9, '010.0.0.0/8', /not a network/],
    [10, '10.0.0/24', /not a network/],
    [11, 'fe80::1%eth0/64', /not a network/]
  ])('%i: network %j is refused', (_n, text, why) => {
    expect(problems(() => buildPolicy({ 'allow-networks': text }, 'input'))[0]).toMatch(why)
  })

  test.each([
    [1, '1.1.1.1', '1.1.1.1'],
    [2, '2606:4700:4700:0000:0000:0000:0000:1111', '2606:4700:4700::1111'],
    [3, '198.18.0.53', '198.18.0.53'],
    [4, '::ffff:1.2.3.4', '::ffff:102:304']
  ])('%i: resolver %j is accepted as %j', (_n, text, ip) => {
    expect(buildPolicy({ 'dns-servers': text }, 'input').policy.dnsServers).toEqual([ip])
  })

  test.each([
    [1, '127.0.0.53', /loopback/],
    [2, '::1', /loopback/],
    [3, '0.0.0.0', /not a unicast/],
    [4, '224.0.0.1', /not a unicast/],
    [5, 'dns.google', /not an IP address/],
    [6, '1.1.1.1:53', /not an IP address/],
    [7, '1.1.1.0/24', /not an IP address/],
    [
      8,
      '1.2.3.4, 1.2.3.5, 1.2.3.6, 1.2.3.7, 1.2.3.8, 1.2.3.9, 1.2.3.10, 1.2.3.11, 1.2.3.12',
      /too many/
    ]
  ])('%i: resolver %j is refused', (_n, text, why) => {
    expect(problems(() => buildPolicy({ 'dns-servers': text }, 'input'))[0]).toMatch(why)
  })
})

describe('allow-host-ports', () => {
  test('ports are deduplicated and sorted; a confirmed database port warns', () => {
    const built = buildPolicy({ 'allow-host-ports': '5432!, 3000\n3000' }, 'input')
    expect(built.policy.allowHostPorts).toEqual([
      { port: 3000, sensitive: false },
      { port: 5432, sensitive: true }
    ])
    expect(built.warnings).toContainEqual(expect.stringContaining('runner port 5432 is open'))
  })

  test('an unconfirmed database port is refused with the input named', () => {
    expect(() => buildPolicy({ 'allow-host-ports': '6379' }, 'input')).toThrow(
      /input allow-host-ports: "6379" is usually Redis/
    )
  })
})
