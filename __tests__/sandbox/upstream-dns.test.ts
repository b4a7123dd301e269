import { detectUpstreamDns } from '../../src/sandbox/upstream-dns.js'

const files = (map: Record<string, string>) => (path: string) => map[path]

describe('upstream DNS detection', () => {
  test('uses resolv.conf when it names real resolvers', () => {
    expect(
      detectUpstreamDns(
        files({ '/etc/resolv.conf': 'nameserver 10.1.0.2\nnameserver 10.1.0.2\nsearch x\n' })
      )
    ).toEqual(['10.1.0.2'])
  })

  test('follows systemd-resolved’s upstream file behind the 127.0.0.53 stub', () => {
    const read = files({
      '/etc/resolv.conf': 'nameserver 127.0.0.53\noptions edns0 trust-ad\n',
      '/run/systemd/resolve/resolv.conf': 'nameserver 168.63.129.16\nnameserver fd00::53\n'
    })
    expect(detectUpstreamDns(read)).toEqual(['168.63.129.16', 'fd00::53'])
  })

  test('never returns a loopback stub, and says what to do', () => {
    expect(() =>
      detectUpstreamDns(files({ '/etc/resolv.conf': 'nameserver 127.0.0.53\n' }))
    ).toThrow(/Set dns-servers/)
  })
})
