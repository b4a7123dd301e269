/**
 * The watchdog's view of the running rules: iptables-save's own output (captured from these
 * very plans in a throwaway network namespace, __tests__/fixtures/iptables-save/) matches
 * the plan rule by rule; a rule changed in place is found; DROP and REJECT counters are
 * summed per layer.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { planProblems, planRules } from '../../src/render/index.js'
import { contentProblems, dropCounters, stripCounters } from '../../src/render/rule-content.js'
import { input, POLICIES } from './fixtures.js'

const saved = (family: 4 | 6): string =>
  readFileSync(
    join(import.meta.dirname, '..', 'fixtures', 'iptables-save', `typical.v${family}`),
    'utf8'
  )
const { host, container } = planRules(input(POLICIES.typical!))

describe('rule content against the plan', () => {
  test.each([4, 6] as const)('what iptables-save prints back matches the plan (IPv%s)', (f) => {
    const text = saved(f)
    expect(contentProblems(text, host, f, 'host')).toEqual([])
    expect(contentProblems(text, container, f, 'agent')).toEqual([])
    expect(planProblems(stripCounters(text), host, f, 'host')).toEqual([])
    expect(planProblems(stripCounters(text), container, f, 'agent')).toEqual([])
  })

  test('a rule replaced in place (same count) is found', () => {
    const tampered = saved(4).replace(
      /^(\[\d+:\d+\] -A AWF-OUT -p tcp) -j REJECT --reject-with tcp-reset$/m,
      '$1 -j ACCEPT'
    )
    expect(tampered).not.toBe(saved(4))
    expect(planProblems(stripCounters(tampered), container, 4, 'agent')).toEqual([])
    expect(contentProblems(tampered, container, 4, 'agent')).toEqual([
      'agent: rule 9 of AWF-OUT is not the planned one ("-p tcp -j REJECT --reject-with tcp-reset")'
    ])
  })

  test('an address widened in place is found', () => {
    const tampered = saved(4).replace(
      '-d 10.0.0.0/8 -i awfe-1a2b3c4d -j DROP',
      '-d 10.0.0.0/9 -i awfe-1a2b3c4d -j DROP'
    )
    expect(contentProblems(tampered, host, 4, 'host')).toHaveLength(1)
  })
})

describe('drop counters', () => {
  test('DROP and REJECT packets per layer; LOG rules are not counted twice', () => {
    // The fixture sent three packets to Docker's resolver address, which the agent rules drop.
    expect(dropCounters(saved(4), container, 4)).toEqual({ agent: 3 })
    expect(dropCounters(saved(4), host, 4)).toEqual({ host: 0, runner: 0 })
    expect(dropCounters(saved(6), host, 6)).toEqual({ ipv6: 0 })
  })

  test('every drop rule of the chain counts', () => {
    const text = saved(4)
      .replace(/^\[0:0\] (-A AWF-OUT -p tcp -j REJECT)/m, '[7:420] $1')
      .replace(/^\[0:0\] (-A AWF-OUT -j DROP)/m, '[2:80] $1')
      .replace(/^\[0:0\] (-A AWF-1a2b3c4d-IN -j DROP)/m, '[5:300] $1')
    expect(dropCounters(text, container, 4)).toEqual({ agent: 12 })
    expect(dropCounters(text, host, 4)).toEqual({ host: 0, runner: 5 })
  })
})
