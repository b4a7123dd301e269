import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  blockedAnnotations,
  buildReport,
  escapeText,
  renderSummaryMarkdown,
  renderTextReport,
  unexpectedBlocks,
  type NetEvent
} from '../../src/report/index.js'
import { parseExpectedBlocks } from '../../src/policy/index.js'

const GOLDEN = join(import.meta.dirname, '..', 'golden')
function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name)
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

const FACTS = {
  mode: 'enforce' as const,
  exitCode: 0,
  durationMs: 4200,
  checks: [
    'host IPv4 rules in place and jumped to',
    'agent processes (2) hold no capabilities, NoNewPrivs 1, Seccomp 2'
  ],
  logsDir: '/tmp/awf-logs-1a2b3c4d'
}
const ev = (
  target: string,
  decision: 'allowed' | 'blocked',
  port: number,
  layer: NetEvent['layer'] = 'proxy',
  i = 0
): NetEvent => ({
  time: 1795490636000 + i,
  layer,
  decision,
  target,
  port,
  protocol: port === 443 ? 'https' : 'http',
  reason: ''
})

const TYPICAL: NetEvent[] = [
  ev('github.com', 'allowed', 443),
  ev('github.com', 'allowed', 443),
  ev('api.evil.test', 'blocked', 443),
  ev('api.evil.test', 'blocked', 53, 'dns'),
  ev('telemetry.test', 'blocked', 8443),
  ev('198.18.0.99', 'blocked', 4242, 'agent'),
  ev('com', 'blocked', 443)
]

/** Data hidden in names, next to real hosts: what report-detail domains must not print. */
const HIDING: NetEvent[] = [
  ev('api.github.com', 'allowed', 443),
  ev('6b6579-3d-736563726574.exfil.test', 'blocked', 53, 'dns'),
  ev('mzxw6ytboi.exfil.test', 'blocked', 53, 'dns', 1),
  ev('c2VjcmV0.exfil.test', 'blocked', 53, 'dns', 2),
  ev('www.exfil.test', 'blocked', 443, 'proxy', 3),
  ev('qzkxwvbnmtrplk.com', 'blocked', 443, 'proxy', 4),
  ev('registry.npmjs.org', 'blocked', 443, 'proxy', 5),
  ...[1001, 1002, 1003, 1004, 1005, 1006, 1007].map((port, i) =>
    ev('198.18.0.99', 'blocked', port, 'agent', 10 + i)
  )
]

describe('report and summary', () => {
  test('per-destination rows, blocked first, with the line to add or why there is none', () => {
    const report = buildReport(TYPICAL)
    expect(report.blocked.map((b) => [b.target, b.suggestion ?? b.advice])).toEqual([
      ['api.evil.test', 'api.evil.test'],
      [
        '198.18.0.99',
        'an IP address: clients must use a name; for a private network, see allow-networks'
      ],
      ['com', 'a public suffix cannot be allowed'],
      ['telemetry.test', 'telemetry.test:8443']
    ])
    expect(report.allowedTargets).toEqual(['github.com'])
    expect(report.totals).toEqual({ allowed: 2, blocked: 5 })
  })

  test.each([
    ['empty', [] as NetEvent[], 'domains' as const],
    ['typical', TYPICAL, 'domains' as const],
    [
      'huge',
      Array.from({ length: 5000 }, (_, i) =>
        ev(`host${i % 700}.example.test`, i % 3 ? 'allowed' : 'blocked', 443, 'proxy', i)
      ),
      'full' as const
    ],
    ['hidden', HIDING, 'domains' as const]
  ])('golden summary: %s', (name, events, detail) => {
    const report = buildReport(events, [], detail)
    golden(`summary-${name}.md`, renderSummaryMarkdown(report, FACTS))
    golden(`report-${name}.txt`, renderTextReport(report, FACTS))
  })

  test('markdown, HTML and workflow commands in a destination cannot alter the summary', () => {
    const evil = '<script>x</script>|**bold**\n::set-output name=x::y'
    const md = renderSummaryMarkdown(buildReport([ev(evil, 'blocked', 80)]), FACTS)
    expect(md).not.toContain('<script>')
    expect(md).not.toContain('|**bold**')
    expect(md).not.toMatch(/^::/m)
    expect(escapeText('a|b')).toBe('a&#124;b')
  })

  test('annotations: one per unexpected block, bounded, with the line to add', () => {
    const many = Array.from({ length: 30 }, (_, i) => ev(`b${i}.test`, 'blocked', 443))
    const annotations = blockedAnnotations(buildReport(many))
    expect(annotations).toHaveLength(11)
    expect(annotations[0]!.message).toMatch(
      /To allow it, add this line to allow-domains: b\d+\.test/
    )
    expect(annotations[10]!.message).toMatch(/20 more destinations/)
  })

  test('expected blocks do not count against fail-on-blocked', () => {
    const report = buildReport(TYPICAL, parseExpectedBlocks('*.evil.test', 'input'))
    expect(unexpectedBlocks(report).map((b) => b.target)).toEqual([
      '198.18.0.99',
      'com',
      'telemetry.test'
    ])
  })
})
