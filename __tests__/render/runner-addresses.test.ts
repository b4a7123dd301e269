/** Small rules about the runner's own addresses: its resolver, and the unspecified address. */
import { DENIED_NETWORKS_V6 } from '../../src/render/index.js'
import { planHostRules } from '../../src/render/host-rules.js'
import { POLICIES, TOPOLOGY } from './fixtures.js'

describe("the runner's own addresses", () => {
  const plan = planHostRules({
    policy: POLICIES.empty!,
    topology: { ...TOPOLOGY, upstreamDns: ['10.1.2.3'] }
  })
  const input = plan.v4[0]!.chains.find((c) => c.chain.endsWith('-IN'))!.rules.map((r) =>
    r.join(' ')
  )

  test('an upstream resolver on one of them is reached by the proxy through INPUT', () => {
    expect(input).toEqual(
      expect.arrayContaining([
        '-i awfe-1a2b3c4d -s 172.29.5.2 -d 10.1.2.3 -p udp --dport 53 -j RETURN',
        '-i awfe-1a2b3c4d -s 172.29.5.2 -d 10.1.2.3 -p tcp --dport 53 -j RETURN'
      ])
    )
  })

  test('only the proxy, only DNS, and before the drop', () => {
    const allows = input.filter((r) => r.includes('10.1.2.3'))
    expect(allows.every((r) => r.includes('-s 172.29.5.2') && r.includes('--dport 53'))).toBe(true)
    const drop = input.findIndex((r) => r.endsWith('-j DROP'))
    expect(input.findIndex((r) => r.includes('10.1.2.3'))).toBeLessThan(drop)
  })

  test('the unspecified IPv6 address is refused like 0.0.0.0', () => {
    expect(DENIED_NETWORKS_V6).toContain('::/128')
  })
})
