/** Which images a run used reaches the job summary and the CLI report, escaped like the rest. */
import { buildReport, renderSummaryMarkdown, renderTextReport } from '../../src/report/index.js'

const FACTS = {
  mode: 'enforce' as const,
  exitCode: 0,
  durationMs: 1000,
  checks: ['host IPv4 rules in place and jumped to'],
  logsDir: '/tmp/awf-logs-1a2b3c4d',
  images: [
    {
      kind: 'proxy',
      ref: `127.0.0.1:5000/o/r/awf-proxy@sha256:${'a'.repeat(64)}`,
      source: 'pulled'
    },
    { kind: 'agent', ref: 'awf-agent:0123456789ab', source: 'local' }
  ]
}

test('the CLI report names each image and where it came from', () => {
  const text = renderTextReport(buildReport([]), FACTS)
  expect(text).toContain(
    `proxy image 127.0.0.1:5000/o/r/awf-proxy@sha256:${'a'.repeat(64)} (pulled)`
  )
  expect(text).toContain('agent image awf-agent:0123456789ab (local)')
})

test('the summary has one line of images, in code, escaped', () => {
  const md = renderSummaryMarkdown(buildReport([]), FACTS)
  const line = md.split('\n').find((l) => l.startsWith('Images: '))
  expect(line).toMatch(
    /^Images: <code>proxy image 127.0.0.1:5000&#47;o&#47;r&#47;awf-proxy&#64;sha256:a{64} &#40;pulled&#41;<\/code>, <code>agent image awf-agent:0123456789ab &#40;local&#41;<\/code>$/
  )
})

test('without image facts there is no images line', () => {
  expect(renderSummaryMarkdown(buildReport([]), { ...FACTS, images: [] })).not.toContain('Images: ')
  expect(renderSummaryMarkdown(buildReport([]), { ...FACTS, images: undefined })).not.toContain(
    'Images: '
  )
})
