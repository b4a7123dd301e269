/** The hosts the proxy decrypted reach the job summary and the CLI report, with header names only. */
import { buildReport, renderSummaryMarkdown, renderTextReport } from '../../src/report/index.js'

const FACTS = {
  mode: 'enforce' as const,
  exitCode: 0,
  durationMs: 1000,
  checks: ['host IPv4 rules in place and jumped to'],
  logsDir: '/tmp/awf-logs-1a2b3c4d',
  intercepted: [
    { host: 'api.example.test', headers: ['x-api-key'] },
    { host: 'github.com', headers: [] }
  ]
}

test('the summary names each decrypted host and the headers the proxy set, in code', () => {
  const md = renderSummaryMarkdown(buildReport([]), FACTS)
  expect(md).toContain(
    "Decrypted by the proxy with this run's CA: <code>api.example.test</code> (sets <code>x-api-key</code>), <code>github.com</code>"
  )
})

test('the CLI report says the same in one line', () => {
  const text = renderTextReport(buildReport([]), FACTS)
  expect(text).toContain(
    "decrypted by the proxy with this run's CA: api.example.test (sets x-api-key), github.com"
  )
})

test('a run that decrypted nothing says nothing about it', () => {
  for (const intercepted of [undefined, []]) {
    expect(renderSummaryMarkdown(buildReport([]), { ...FACTS, intercepted })).not.toContain(
      'Decrypted'
    )
    expect(renderTextReport(buildReport([]), { ...FACTS, intercepted })).not.toContain('decrypted')
  }
})
