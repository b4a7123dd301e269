/**
 * The watchdog with a fake Netfilter serving what iptables-save printed for these plans
 * (__tests__/fixtures/iptables-save/): content changes are found, a check that cannot be made
 * fails closed after one retry, and the drop counters come back when it stops.
 */
import { jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { planRules } from '../../src/render/index.js'
import type { Netfilter } from '../../src/sandbox/netfilter.js'
import { RETRIES, RETRY_MS, WATCH_INTERVAL_MS, watchFirewall } from '../../src/sandbox/watchdog.js'
import { input, POLICIES } from '../render/fixtures.js'

const saved = (family: 4 | 6): string =>
  readFileSync(
    join(import.meta.dirname, '..', 'fixtures', 'iptables-save', `typical.v${family}`),
    'utf8'
  )
const plans = planRules(input(POLICIES.typical!))

/** A Netfilter whose saves come from `text` (which may throw). */
const fake = (text: (family: 4 | 6) => string): Netfilter =>
  ({ saveWithCounters: (f: 4 | 6) => Promise.resolve().then(() => text(f)) }) as Netfilter

function watch(host: Netfilter, agentNet: Netfilter) {
  const failures: (readonly string[])[] = []
  const stop = watchFirewall({
    plans,
    rules: { netfilter: host, agentNet },
    proxyRunning: () => Promise.resolve(true),
    onFailure: (p) => failures.push(p)
  })
  return { failures, stop }
}

beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

describe('watchdog', () => {
  test('rules as planned: no failure; stopping returns the drop counters', async () => {
    const w = watch(fake(saved), fake(saved))
    await jest.advanceTimersByTimeAsync(WATCH_INTERVAL_MS * 3)
    expect(w.failures).toEqual([])
    // The fixture's agent chain dropped three packets (to Docker's resolver address).
    expect(await w.stop()).toEqual([
      { layer: 'host', packets: 0, final: true },
      { layer: 'runner', packets: 0, final: true },
      { layer: 'ipv6', packets: 0, final: true },
      { layer: 'agent', packets: 3, final: true }
    ])
  })

  test('a rule replaced in place (the count unchanged) fails the run', async () => {
    const tampered = (f: 4 | 6): string =>
      saved(f).replace(/(-A AWF-OUT -p tcp) -j REJECT --reject-with tcp-reset/, '$1 -j ACCEPT')
    const w = watch(fake(saved), fake(tampered))
    await jest.advanceTimersByTimeAsync(WATCH_INTERVAL_MS)
    expect(w.failures).toEqual([
      [expect.stringMatching(/^agent: rule 9 of AWF-OUT is not the planned one/)]
    ])
  })

  test('a check that cannot be made fails closed: the host’s after a retry, the agent’s after a few', async () => {
    const broken = fake(() => {
      throw new Error('iptables-save: cannot lock')
    })
    const host = watch(broken, fake(saved))
    await jest.advanceTimersByTimeAsync(WATCH_INTERVAL_MS)
    expect(host.failures).toEqual([])
    await jest.advanceTimersByTimeAsync(RETRY_MS * RETRIES.host)
    expect(host.failures).toEqual([
      ['the watchdog could not check the firewall: iptables-save: cannot lock']
    ])
    const agent = watch(fake(saved), broken)
    await jest.advanceTimersByTimeAsync(WATCH_INTERVAL_MS + RETRY_MS * (RETRIES.agent - 1))
    expect(agent.failures).toEqual([])
    await jest.advanceTimersByTimeAsync(RETRY_MS)
    expect(agent.failures).toHaveLength(1)
  })

  test('one failed read is retried; the command ending in between is not a failure', async () => {
    let calls = 0
    const flaky = fake((f) => {
      calls++
      if (calls <= 2) throw new Error('namespace gone')
      return saved(f)
    })
    const w = watch(fake(saved), flaky)
    await jest.advanceTimersByTimeAsync(WATCH_INTERVAL_MS + RETRY_MS + WATCH_INTERVAL_MS)
    expect(w.failures).toEqual([])
    const ended = watch(
      fake(saved),
      fake(() => {
        throw new Error('namespace gone')
      })
    )
    await jest.advanceTimersByTimeAsync(WATCH_INTERVAL_MS)
    await ended.stop()
    await jest.advanceTimersByTimeAsync(RETRY_MS * 2)
    expect(ended.failures).toEqual([])
  })

  test('after the command the agent’s rules are gone: its count is the last check’s', async () => {
    let gone = false
    const agentNet = fake((f) => {
      if (gone) throw new Error('no such namespace')
      return saved(f)
    })
    const w = watch(fake(saved), agentNet)
    await jest.advanceTimersByTimeAsync(WATCH_INTERVAL_MS)
    gone = true
    const counts = await w.stop()
    expect(counts).toContainEqual({ layer: 'agent', packets: 3, final: false })
    expect(counts).toContainEqual({ layer: 'host', packets: 0, final: true })
  })
})
