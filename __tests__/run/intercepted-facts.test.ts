/** What the run decrypted reaches the report's facts: hosts and header names, never a value. */
import { BOOLEAN_INPUTS, TEXT_INPUTS, type RunInputs } from '../../src/run/inputs.js'
import { concludeRun } from '../../src/run/conclude.js'
import { resolveSettings } from '../../src/run/settings.js'
import type { RunOutcome } from '../../src/sandbox/types.js'

const SECRET = 'sk-test-0123456789abcdef'

const inputs = (given: Partial<Record<string, string>>): RunInputs =>
  Object.fromEntries([
    ...TEXT_INPUTS.map((n) => [n, given[n] ?? '']),
    ...BOOLEAN_INPUTS.map((n) => [n, false])
  ]) as RunInputs

const settings = (given: Partial<Record<string, string>>) =>
  resolveSettings(
    inputs({ 'allow-domains': 'allowed.test', 'dns-servers': '198.18.0.53', ...given }),
    { origin: 'input', baseDir: '/', runnerEnv: { API_KEY: SECRET }, totalMemory: 8 << 30 }
  )

const OUTCOME: RunOutcome = {
  runId: '0a1b2c3d',
  exitCode: 0,
  logsDir: '/tmp/logs',
  agentIp: '172.28.0.3',
  proxyIp: '172.28.0.2',
  commandStartMs: 0,
  checks: [],
  mode: 'host',
  timedOut: false,
  hostFirewall: true,
  masked: [],
  gitFindings: [],
  drops: [],
  images: []
}

test('credential hosts and HTTPS URL-rule hosts are listed with the headers set', () => {
  const s = settings({
    'allow-domains': 'allowed.test api.example.test',
    credentials: 'api.example.test x-api-key=${API_KEY}',
    'allow-urls': 'GET https://github.com/my-org/*'
  })
  const { facts } = concludeRun([], OUTCOME, s, 1000)
  expect(facts.intercepted).toEqual([
    { host: 'api.example.test', headers: ['x-api-key'] },
    { host: 'github.com', headers: [] }
  ])
  expect(JSON.stringify(facts)).not.toContain(SECRET)
})

test('a run without interception lists nothing', () => {
  expect(concludeRun([], OUTCOME, settings({}), 1000).facts.intercepted).toEqual([])
})
