/**
 * A topology-only run (the Docker daemon elsewhere) says so in the job summary and the CLI
 * report, with every check it could not make, instead of the host-firewall-off line.
 */
import { buildReport, renderSummaryMarkdown, renderTextReport } from '../../src/report/index.js'
import { NOT_CHECKED_REMOTE, topologyOnly } from '../../src/sandbox/topology-only.js'

const FACTS = {
  mode: 'enforce' as const,
  exitCode: 0,
  durationMs: 1000,
  checks: ['agent IPv4 rules in place'],
  logsDir: '/tmp/awf-logs-1a2b3c4d',
  hostFirewall: false,
  topologyOnly: topologyOnly('DOCKER_HOST points at a daemon elsewhere (tcp://dind:2375)')
}

test('the summary says topology-only, why, and lists each check not made', () => {
  const md = renderSummaryMarkdown(buildReport([]), FACTS)
  expect(md).toMatch(/\*\*topology-only: the Docker daemon is not on this runner, so no host/)
  // The reason holds part of DOCKER_HOST: escaped like every other value.
  expect(md).toContain('DOCKER&#95;HOST points at a daemon elsewhere &#40;tcp:&#47;&#47;dind:2375')
  expect(md).toContain('Checks not made:')
  for (const check of NOT_CHECKED_REMOTE) expect(md).toContain(`\n- ${check}\n`)
  expect(md).not.toContain('host-firewall off: no host iptables rules')
})

test('the CLI report says the same, one check not made per line', () => {
  const text = renderTextReport(buildReport([]), FACTS)
  expect(text).toMatch(/^topology-only: the Docker daemon is not on this runner.*\(DOCKER_HOST/m)
  for (const check of NOT_CHECKED_REMOTE) expect(text).toContain(`  not checked: ${check}`)
  expect(text).not.toContain('host-firewall off: no host iptables rules')
})

test('a run with its own daemon has no topology-only line', () => {
  const local = { ...FACTS, topologyOnly: undefined }
  expect(renderTextReport(buildReport([]), local)).not.toContain('topology-only')
  expect(renderSummaryMarkdown(buildReport([]), local)).not.toContain('topology-only')
})
