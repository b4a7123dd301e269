import { buildPolicy } from '../../src/policy/index.js'
import { suggestPolicy, type NetEvent } from '../../src/report/index.js'

const reached = (
  target: string,
  port = 443,
  decision: NetEvent['decision'] = 'allowed',
  layer: NetEvent['layer'] = 'proxy'
): NetEvent => ({
  time: 0,
  layer,
  decision,
  target,
  port,
  protocol: port === 80 ? 'http' : 'https',
  reason: ''
})

describe('suggested policy (audit mode)', () => {
  test('several hosts of one registrable domain collapse into it; few stay as they are', () => {
    const s = suggestPolicy([
      reached('a.example.test'),
      reached('b.example.test'),
      reached('c.example.test', 80),
      reached('api.other.test'),
      reached('api.other.test')
    ])
    expect(s.entries).toEqual(['api.other.test', 'example.test'])
    expect(s.yaml).toBe('allow-domains:\n  - api.other.test\n  - example.test\n')
  })

  test('other ports are kept; private suffixes never collapse to the suffix; IPs and blocks are not suggested', () => {
    const s = suggestPolicy([
      reached('registry.test', 8443),
      reached('a.github.io'),
      reached('b.github.io'),
      reached('c.github.io'),
      reached('198.18.0.10'),
      reached('blocked.test', 443, 'blocked'),
      reached('dns-only.test', 53, 'allowed', 'dns')
    ])
    expect(s.entries).toEqual(['a.github.io', 'b.github.io', 'c.github.io', 'registry.test:8443'])
  })

  test('the suggestion is a valid policy file', () => {
    const s = suggestPolicy([
      reached('a.x.test'),
      reached('b.x.test'),
      reached('c.x.test'),
      reached('y.test', 8080)
    ])
    const { policy } = buildPolicy({}, 'input', { path: 'suggested-policy.yml', text: s.yaml })
    expect(policy.allowDomains.map((r) => r.name)).toEqual(['x.test', 'y.test'])
  })

  test('nothing reached: an empty list', () => {
    expect(suggestPolicy([]).yaml).toBe('allow-domains: []\n')
  })

  test('with report-detail domains, a host that looks like data collapses into its domain', () => {
    const events = [
      reached('6b6579736563726574.exfil.test'),
      reached('www.other.test'),
      reached('mzxw6ytboi.ports.test', 8443)
    ]
    expect(suggestPolicy(events).entries).toEqual([
      'exfil.test',
      'ports.test:8443',
      'www.other.test'
    ])
    const withDomain = suggestPolicy([...events, reached('qzkxwvbnmtrplk.com')])
    expect(withDomain.entries).not.toContain('qzkxwvbnmtrplk.com')
    expect(withDomain.yaml).toMatch(/^# 1 random-looking domain\(s\) left out/m)
    expect(suggestPolicy(events, 'full').entries).toEqual([
      '6b6579736563726574.exfil.test',
      'mzxw6ytboi.ports.test:8443',
      'www.other.test'
    ])
  })
})
