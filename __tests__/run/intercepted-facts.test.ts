/** What the run decrypted reaches the report's facts: hosts and header names, never a value. */
import { concludeRun } from '../../src/run/conclude.js'
import { resolveSettings } from '../../src/run/settings.js'
import { runInputs, runOutcome } from '../helpers/run-fixtures.js'

const SECRET = 'sk-test-0123456789abcdef'

const settings = (given: Partial<Record<string, string>>) =>
  resolveSettings(
    runInputs({ 'allow-domains': 'allowed.test', 'dns-servers': '198.18.0.53', ...given }),
    { origin: 'input', baseDir: '/', runnerEnv: { API_KEY: SECRET }, totalMemory: 8 << 30 }
  )

const OUTCOME = runOutcome()

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
