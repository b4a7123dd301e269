/**
 * The report never says "nothing blocked" when something was blocked: drops beyond the
 * rate-limited log are counted from the rule counters, the canary's probe is left out only in
 * its window, and the unread part of a log is counted.
 */
import {
  blockedAnnotations,
  buildReport,
  countDnsmasqLines,
  countSquidLines,
  commandStartMark,
  parseKernelLog,
  renderSummaryMarkdown,
  renderTextReport,
  unlistedCounts,
  type EventScope,
  type NetEvent,
  type ReportIntegrity
} from '../../src/report/index.js'

const SCOPE: EventScope = {
  agentIp: '172.31.218.3',
  runId: 'c4d76862',
  bootTimeMs: 1795485000000,
  internalNames: ['canary.awf.invalid'],
  internalEndpoints: ['172.31.218.2:9'],
  commandStartMs: 1795490000000
}
const FACTS = {
  mode: 'enforce' as const,
  exitCode: 0,
  durationMs: 1000,
  checks: ['a check'],
  logsDir: '/tmp/awf-logs-00000000'
}

const drop = (seconds: number, dst: string, dpt: number): string =>
  `[ ${seconds.toFixed(6)}] awf-c4d76862-agent-drop: IN= OUT=eth0 SRC=172.31.218.3 DST=${dst} LEN=60 PROTO=TCP SPT=40000 DPT=${dpt} SYN URGP=0`

const agentDrop = (i: number): NetEvent => ({
  time: i,
  layer: 'agent',
  decision: 'blocked',
  target: '198.18.0.99',
  port: 4242,
  protocol: 'tcp',
  reason: ''
})

describe('the canary’s probe', () => {
  test('is left out only inside its window, before the command starts', () => {
    const before = (SCOPE.commandStartMs - SCOPE.bootTimeMs - 1000) / 1000
    const after = (SCOPE.commandStartMs - SCOPE.bootTimeMs + 1000) / 1000
    const log = [drop(before, '172.31.218.2', 9), drop(after, '172.31.218.2', 9)].join('\n')
    expect(parseKernelLog(log, SCOPE).map((e) => [e.target, e.port, e.time])).toEqual([
      ['172.31.218.2', 9, SCOPE.commandStartMs + 1000]
    ])
  })

  test('with the run’s start mark, the kernel’s own clock decides, whatever the wall clock says', () => {
    // Kernel time drifted from wall-clock time: the command's packet 5 ms after the mark
    // converts to a wall-clock time before commandStartMs.
    const start = (SCOPE.commandStartMs - SCOPE.bootTimeMs - 50) / 1000
    const log = [
      drop(start - 0.1, '172.31.218.2', 9),
      `[ ${start.toFixed(6)}] ${commandStartMark(SCOPE.runId)}`,
      drop(start + 0.005, '172.31.218.2', 9),
      `[ ${(start + 1).toFixed(6)}] ${commandStartMark('0000ffff')}`
    ].join('\n')
    expect(parseKernelLog(log, SCOPE).map((e) => [e.target, e.port])).toEqual([['172.31.218.2', 9]])
    expect(parseKernelLog(log, SCOPE)[0]!.time).toBeLessThan(SCOPE.commandStartMs)
  })
})

describe('drops counted from the rule counters', () => {
  const integrity = (packets: number, final = true): ReportIntegrity => ({
    drops: [
      { layer: 'agent', packets, final },
      { layer: 'host', packets: 0, final: true }
    ],
    ownDrops: { agent: 1 },
    unread: []
  })

  test('a flood past the LOG rate limit is counted, less the canary’s own packet', () => {
    const logged = Array.from({ length: 50 }, (_, i) => agentDrop(i))
    expect(unlistedCounts(logged, integrity(5001))).toEqual([
      expect.objectContaining({ decision: 'blocked', layer: 'agent', count: 4950, atLeast: false })
    ])
    const report = buildReport(logged, [], 'domains', integrity(5001))
    expect(report.totals.blocked).toBe(5000)
    const md = renderSummaryMarkdown(report, FACTS)
    expect(md).toContain('### Counted, not itemised')
    expect(md).toMatch(/4950 blocked attempt\(s\) packets dropped by the agent rules/)
    expect(renderTextReport(report, FACTS)).toMatch(/counted, not itemised: 4950 blocked/)
    expect(blockedAnnotations(report).at(-1)).toEqual({
      title: 'awf-action counted blocks it cannot itemise',
      message: expect.stringMatching(
        /^4950 blocked attempt\(s\) packets dropped by the agent rules/
      )
    })
  })

  test('nothing logged at all (the log lost every line): still never "nothing blocked"', () => {
    const report = buildReport([], [], 'domains', integrity(8, false))
    expect(report.totals.blocked).toBe(7)
    const md = renderSummaryMarkdown(report, FACTS)
    expect(md).toMatch(/^## awf-action: 7 blocked attempt\(s\), not itemised$/m)
    expect(md).toContain('at least 7 blocked attempt(s)')
    expect(md).not.toContain('nothing blocked')
  })

  test('counters that match the log add nothing', () => {
    const logged = [agentDrop(1), agentDrop(2)]
    expect(unlistedCounts(logged, integrity(3))).toEqual([])
    expect(renderSummaryMarkdown(buildReport([], [], 'domains', integrity(1)), FACTS)).toMatch(
      /^## awf-action: nothing blocked$/m
    )
  })
})

describe('logs past what the collector reads', () => {
  test('the unread part is counted by decision and reported', () => {
    const report = buildReport([], [], 'domains', {
      drops: [],
      ownDrops: {},
      unread: [
        {
          file: 'access.log',
          layer: 'proxy',
          totalBytes: 300,
          readBytes: 100,
          allowed: 2,
          blocked: 5
        }
      ]
    })
    expect(report.totals).toEqual({ allowed: 2, blocked: 5 })
    expect(renderSummaryMarkdown(report, FACTS)).toContain(
      '5 blocked attempt(s) in the part of access.log past what the report reads (100 of 300 bytes)'
    )
  })

  test('Squid lines are counted with the same rules as the parser', () => {
    const lines = [
      '1795490636.609 172.31.218.3 TCP_TUNNEL/200 CONNECT allowed.test 443 198.18.0.10 3144 - allowed.test:443',
      '1795490636.702 172.31.218.3 TCP_DENIED/403 GET blocked.test 80 - 3584 ERR_ACCESS_DENIED http://blocked.test/',
      '1795490636.703 172.31.218.1 TCP_DENIED/403 GET blocked.test 80 - 3584 ERR_ACCESS_DENIED http://blocked.test/'
    ].join('\n')
    expect(countSquidLines(lines, SCOPE)).toEqual({ allowed: 1, blocked: 1 })
  })

  test('dnsmasq lines are counted by kind, whatever the chunk boundary', () => {
    const lines = [
      '1795492419.687000 dnsmasq[10]: 5 172.31.218.3/54165 query[A] evil.test from 172.31.218.3',
      '1795492419.687100 dnsmasq[10]: 5 172.31.218.3/54165 config evil.test is NXDOMAIN',
      '1795492419.696000 dnsmasq[10]: 7 172.31.218.3/45638 query[A] allowed.test from 172.31.218.3',
      '1795492419.696100 dnsmasq[10]: 7 172.31.218.3/45638 forwarded allowed.test to 198.18.0.53',
      '1795492419.698000 dnsmasq[10]: 8 172.31.218.3/45639 query[AAAA] allowed.test from 172.31.218.3',
      '1795492419.698100 dnsmasq[10]: 8 172.31.218.3/45639 config allowed.test is NODATA',
      '1795492419.699000 dnsmasq[10]: 9 172.31.218.1/45640 query[A] ready.awf.invalid from 172.31.218.1'
    ]
    expect(countDnsmasqLines(lines.join('\n'), SCOPE)).toEqual({ allowed: 1, blocked: 1 })
    const split = [lines.slice(0, 3), lines.slice(3)].map((l) =>
      countDnsmasqLines(l.join('\n'), SCOPE)
    )
    expect(
      split.reduce((a, b) => ({ allowed: a.allowed + b.allowed, blocked: a.blocked + b.blocked }))
    ).toEqual({ allowed: 1, blocked: 1 })
  })
})
