/** The summary says which policy file the run used and what the inputs added to it. */
import { buildPolicy } from '../../src/policy/index.js'
import { buildReport, renderSummaryMarkdown } from '../../src/report/index.js'

const FACTS = { mode: 'enforce' as const, exitCode: 0, durationMs: 1000, checks: [], logsDir: '/l' }

describe('policy sources in the summary', () => {
  test('the file, its lock, and per key what the inputs added (env by name only)', () => {
    const { provenance } = buildPolicy(
      { 'block-domains': 'x.a.com', env: 'API_KEY\nDEBUG=secret-value' },
      'input',
      { path: 'abc:.github/p.yml', text: 'lock: true\nallow-domains: [a.com]\n' }
    )
    const md = renderSummaryMarkdown(buildReport([]), { ...FACTS, policySources: provenance })
    expect(md).toContain(
      'Policy file <code>abc:.github&#47;p.yml</code> (locked: inputs may only add blocks), with inputs added:'
    )
    expect(md).toContain('- <code>block-domains</code>: <code>x.a.com</code>')
    expect(md).toContain('- <code>env</code>: <code>API&#95;KEY</code>, <code>DEBUG</code>')
    expect(md).not.toContain('secret-value')
  })

  test('nothing is said without a policy file', () => {
    const { provenance } = buildPolicy({ 'allow-domains': 'a.com' }, 'input')
    const md = renderSummaryMarkdown(buildReport([]), { ...FACTS, policySources: provenance })
    expect(md).not.toContain('Policy file')
  })
})
