/**
 * report-detail domains: the report never republishes data hidden in names (issue: the
 * summary, annotations and outputs are often public). Full names stay in events.jsonl.
 */
import {
  blockedAnnotations,
  buildReport,
  MAX_NAMES_PER_DOMAIN,
  parseReportDetail,
  parseSquidLog,
  plausibleLabel,
  renderSummaryMarkdown,
  renderTextReport,
  showTargets,
  type NetEvent,
  type ReportDetail
} from '../../src/report/index.js'
import { InputError } from '../../src/common/errors.js'
import { parseExpectedBlocks } from '../../src/policy/index.js'

const FACTS = {
  mode: 'enforce' as const,
  exitCode: 0,
  durationMs: 1000,
  checks: ['a check'],
  logsDir: '/tmp/awf-logs-00000000'
}

const blocked = (target: string, port = 53, i = 0): NetEvent => ({
  time: 1795490636000 + i,
  layer: port === 53 ? 'dns' : 'proxy',
  decision: 'blocked',
  target,
  port,
  protocol: port === 53 ? 'dns' : 'https',
  reason: ''
})

/** Everything a run prints of its report: summary, text, annotations, the two outputs. */
function printed(events: readonly NetEvent[], detail: ReportDetail): string {
  const report = buildReport(events, [], detail)
  return [
    renderSummaryMarkdown(report, FACTS),
    renderTextReport(report, FACTS),
    JSON.stringify(blockedAnnotations(report)),
    JSON.stringify(report.blockedTargets),
    JSON.stringify(report.allowedTargets)
  ].join('\n')
}

describe('plausibleLabel', () => {
  test.each([
    'api',
    'github',
    'githubusercontent',
    'registry',
    'npmjs',
    'www',
    's3',
    'ec2',
    'k8s',
    'i18n',
    '1e100',
    'objects-origin',
    'codeload',
    'telemetry',
    'us-east-1',
    'login'
  ])('%s looks like a host label', (label) => expect(plausibleLabel(label)).toBe(true))

  test.each([
    ['hex', '6b6579736563726574'],
    ['base32', 'mzxw6ytboi'],
    ['base64 lowercased', 'c2vjcmv0'],
    ['random letters', 'qzkxwvbnmtrplk'],
    ['letter-digit jumble', 'a1b2c3d4'],
    ['a suite nonce', 'n3f9a0b1c2d3e-d1'],
    ['too long', 'averyveryverylongwordthatgoeson'],
    ['upper case', 'GitHub'],
    ['empty', '']
  ])('%s (%s) does not', (_, label) => expect(plausibleLabel(label)).toBe(false))
})

describe('showTargets', () => {
  test('few plausible names are shown; data-looking ones are counted under their domain', () => {
    const shown = showTargets(['www.exfil.test', '6b6579736563726574.exfil.test'], 'domains')
    expect(shown.get('www.exfil.test')).toEqual({ label: 'www.exfil.test', hidden: false })
    expect(shown.get('6b6579736563726574.exfil.test')).toEqual({
      label: 'exfil.test',
      hidden: true
    })
  })

  test('more than MAX_NAMES_PER_DOMAIN names under one domain: every one is counted', () => {
    const names = Array.from(
      { length: MAX_NAMES_PER_DOMAIN + 1 },
      (_, i) => `${'ab'[i % 2]}${'cdefg'[i]}.example.com`
    )
    const shown = showTargets(names, 'domains')
    expect([...shown.values()].every((s) => s.hidden && s.label === 'example.com')).toBe(true)
    expect(showTargets(names.slice(1), 'domains').get(names[1]!)?.hidden).toBe(false)
  })

  test('a random-looking registrable domain is counted under its public suffix', () => {
    expect(showTargets(['qzkxwvbnmtrplk.com'], 'domains').get('qzkxwvbnmtrplk.com')).toEqual({
      label: '(hidden).com',
      hidden: true
    })
    expect(showTargets(['x.qzkxwvbnmtrplk'], 'domains').get('x.qzkxwvbnmtrplk')?.label).toBe(
      '(hidden names)'
    )
  })

  test('addresses are shown while few; placeholders always', () => {
    const few = ['198.18.0.1', '198.18.0.2']
    expect([...showTargets(few, 'domains').values()].map((s) => s.hidden)).toEqual([false, false])
    const many = Array.from({ length: 6 }, (_, i) => `198.18.0.${i + 1}`)
    expect(showTargets(many, 'domains').get('198.18.0.1')).toEqual({
      label: '(addresses)',
      hidden: true
    })
    expect(
      showTargets(["Docker's embedded resolver"], 'domains').get("Docker's embedded resolver")
        ?.hidden
    ).toBe(false)
  })

  test('full shows every name', () => {
    const shown = showTargets(['6b6579736563726574.exfil.test'], 'full')
    expect(shown.get('6b6579736563726574.exfil.test')?.hidden).toBe(false)
  })
})

describe('the report never republishes data hidden in names', () => {
  const secret = '6b6579736563726574'
  const events = [
    blocked(`${secret}.anything.test`),
    blocked(`${secret}-2.anything.test`, 53, 1),
    blocked(`aa.${secret}.test`, 443, 2),
    blocked(`www.anything.test`, 443, 3)
  ]

  test('domains: not in the summary, the text report, the annotations or the outputs', () => {
    const out = printed(events, 'domains')
    expect(out).not.toContain(secret)
    expect(out).toContain('anything.test')
    expect(out).toContain('www.anything.test')
    expect(out).toMatch(/anything\.test<\/code> \(2 names hidden\)/)
    expect(buildReport(events).totals.blocked).toBe(4)
  })

  test('full: every name, for those who ask', () => {
    expect(printed(events, 'full')).toContain(`${secret}.anything.test`)
  })

  test('never a URL path or query string, whatever the detail', () => {
    const log = `1795490636.000 172.28.0.3 TCP_DENIED/403 GET blocked.test 80 - 0 - 403 ERR_ACCESS_DENIED http://blocked.test/${secret}?q=${secret}`
    const scope = {
      agentIp: '172.28.0.3',
      runId: '00000000',
      bootTimeMs: 0,
      internalNames: [],
      commandStartMs: 0,
      internalEndpoints: []
    }
    const parsed = parseSquidLog(log, scope)
    expect(parsed).toHaveLength(1)
    for (const detail of ['domains', 'full'] as const)
      expect(printed(parsed, detail)).not.toContain(secret)
  })

  test('a hidden group is expected only when every name in it is', () => {
    const report = buildReport(events, parseExpectedBlocks('*.anything.test', 'input'))
    expect(report.blocked.find((b) => b.target === 'anything.test')?.expected).toBe(true)
    expect(report.blocked.find((b) => b.target === '(hidden).test')?.expected).toBe(false)
  })

  test('ports beyond five are counted', () => {
    const many = [1, 2, 3, 4, 5, 6, 7].map((p, i) => blocked('blocked.test', 8000 + p, i))
    expect(buildReport(many).blocked[0]).toMatchObject({
      ports: [8001, 8002, 8003, 8004, 8005],
      morePorts: 2
    })
    expect(buildReport(many, [], 'full').blocked[0]?.morePorts).toBe(0)
  })
})

describe('parseReportDetail', () => {
  test.each([
    ['', 'domains'],
    ['domains', 'domains'],
    [' full ', 'full']
  ])('%j is %s', (value, want) =>
    expect(parseReportDetail(value, 'input report-detail')).toBe(want)
  )

  test('anything else names the input, the value and what is accepted', () => {
    expect(() => parseReportDetail('all', 'input report-detail')).toThrow(InputError)
    expect(() => parseReportDetail('all', 'input report-detail')).toThrow(
      /input report-detail: "all" is not a report-detail setting\. Use domains .* or full/
    )
  })
})
