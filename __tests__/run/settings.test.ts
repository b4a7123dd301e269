/**
 * The run settings from inputs merged over a policy file: the file is the contract for the
 * policy and the run settings, inputs add to its lists, a locked file refuses widening, and
 * every refusal names the file key or input it came from.
 */
import { InputError } from '../../src/common/errors.js'
import { TEXT_INPUTS, type RunInputs } from '../../src/run/inputs.js'
import { resolveSettings } from '../../src/run/settings.js'

const GIB = 1024 * 1024 * 1024
const ctx = {
  origin: 'input' as const,
  baseDir: '/w',
  runnerEnv: { API_KEY: 'sk-0123456789' },
  totalMemory: 16 * GIB
}

function inputs(given: Partial<Record<string, string | boolean>> = {}): RunInputs {
  return {
    ...Object.fromEntries(TEXT_INPUTS.map((n) => [n, ''])),
    tty: false,
    'fail-on-blocked': false,
    ...given
  } as RunInputs
}

const ORG = `version: 1
allow-domains: ['@npm', github.com]
fail-on-blocked: true
expected-blocks: [telemetry.example.com]
agent-timeout: 600
memory-limit: 2g
pids-limit: 256
env: [API_KEY!]
`

function refused(given: Parameters<typeof inputs>[0], text: string): string {
  try {
    resolveSettings(inputs(given), ctx, { path: 'org.yml', text })
  } catch (e) {
    if (e instanceof InputError) return e.message
    throw e
  }
  throw new Error('accepted')
}

describe('run settings from the policy file', () => {
  test('every run setting of the file applies', () => {
    const s = resolveSettings(inputs(), ctx, { path: 'org.yml', text: ORG })
    expect(s.failOnBlocked).toBe(true)
    expect(s.expectedBlocks.map((r) => r.name)).toEqual(['telemetry.example.com'])
    expect(s.limits).toEqual({
      timeoutMs: 600 * 60000,
      memoryBytes: 2 * GIB,
      pidsLimit: 256,
      tty: false
    })
    expect(s.agentEnv.vars.API_KEY).toBe('sk-0123456789')
    expect(s.agentEnv.secrets).toContain('sk-0123456789')
    expect(s.provenance.file).toBe('org.yml')
  })

  test('inputs add to the lists and replace single values', () => {
    const s = resolveSettings(
      inputs({ 'allow-domains': 'api.example.com', 'memory-limit': '4g', env: 'DEBUG=1' }),
      ctx,
      { path: 'org.yml', text: ORG }
    )
    expect(s.policy.allowDomains.map((r) => r.name)).toEqual([
      'api.example.com',
      'github.com',
      'registry.npmjs.org',
      'registry.yarnpkg.com'
    ])
    expect(s.limits.memoryBytes).toBe(4 * GIB)
    expect(s.agentEnv.vars).toMatchObject({ API_KEY: 'sk-0123456789', DEBUG: '1' })
    expect(s.provenance.keys.find((k) => k.key === 'allow-domains')?.fromInput).toEqual([
      'api.example.com'
    ])
    expect(s.provenance.keys.find((k) => k.key === 'env')?.fromInput).toEqual(['DEBUG'])
  })

  test('the fail-on-blocked input cannot turn off the file’s, but can turn it on', () => {
    const text = 'allow-domains: [a.com]\n'
    expect(
      resolveSettings(inputs({ 'fail-on-blocked': true }), ctx, { path: 'p.yml', text })
        .failOnBlocked
    ).toBe(true)
    expect(resolveSettings(inputs(), ctx, { path: 'p.yml', text: ORG }).failOnBlocked).toBe(true)
  })

  test.each([
    [1, {}, 'agent-timeout: 0\n', /^org\.yml: agent-timeout: "0" is not a timeout/m],
    [
      2,
      {},
      'memory-limit: lots\n',
      /^org\.yml: memory-limit: "lots" is not a usable memory limit/m
    ],
    [
      3,
      {},
      'fail-on-blocked: maybe\n',
      /^org\.yml: fail-on-blocked: "maybe" is not true or false/m
    ],
    [
      4,
      {},
      'host-firewall: sometimes\n',
      /^org\.yml: host-firewall: "sometimes" is not a host-firewall setting/m
    ],
    [
      5,
      { 'pids-limit': '1' },
      'pids-limit: 100\n',
      /^input pids-limit: "1" is not a process limit/m
    ],
    [6, {}, 'env: [HOME]\n', /^org\.yml: env\[0\]: "HOME" is set by the firewall itself/m],
    [
      7,
      { 'allow-domains': 'evil.example.com', 'memory-limit': '8g' },
      'lock: true\nallow-domains: [a.com]\nmemory-limit: 2g\n',
      /^input allow-domains: "evil\.example\.com" is refused: the policy file is locked[\s\S]*^input memory-limit: "8g" is refused: the policy file is locked and sets it/m
    ]
  ])('%i: a bad value is refused, naming where it was written', (_n, given, text, why) => {
    expect(refused(given, text)).toMatch(why)
  })
})

describe('docker-daemon (an input only)', () => {
  test.each([
    ['', false],
    ['auto', false],
    [' remote ', true]
  ])('%j -> topology-only forced: %s', (value, remote) => {
    expect(resolveSettings(inputs({ 'docker-daemon': value }), ctx).remoteDaemon).toBe(remote)
  })

  test('anything else is refused, naming the input and the values accepted', () => {
    expect(() => resolveSettings(inputs({ 'docker-daemon': 'dind' }), ctx)).toThrow(
      /input docker-daemon: "dind" is not a docker-daemon setting\. Use auto .* or remote/
    )
  })
})

describe('allow-urls as a run setting', () => {
  test('plain HTTP rules are accepted; a locked file refuses an input that adds rules', () => {
    const s = resolveSettings(inputs({ 'allow-urls': 'GET http://allowed.test/a/*' }), ctx)
    expect(s.policy.allowUrls.map((r) => r.path)).toEqual(['/a/*'])
    expect(
      refused({ 'allow-urls': 'GET http://allowed.test/a/*' }, 'version: 1\nlock: true\n')
    ).toMatch(/input allow-urls: .* is refused: the policy file is locked/)
  })

  test('the hosts of HTTPS rules are intercepted (each once); plain HTTP rule hosts are not', () => {
    const s = resolveSettings(
      inputs({
        'allow-urls':
          'GET https://github.com/my-org/*\nPOST https://github.com/x\nGET http://plain.test/a'
      }),
      ctx
    )
    expect(s.interception.hosts).toEqual(['github.com'])
  })
})

describe('credentials (issue 16)', () => {
  test('the named variable reaches the command as a placeholder; its host is intercepted', () => {
    const s = resolveSettings(
      inputs({
        'allow-domains': 'api.example.test',
        env: 'API_KEY',
        credentials: 'api.example.test x-api-key=${API_KEY}'
      }),
      ctx
    )
    expect(s.agentEnv.vars.API_KEY).toBe('awf-placeholder-key')
    expect(s.interception.hosts).toEqual(['api.example.test'])
    expect(s.agentEnv.secrets).toContain('sk-0123456789')
    expect(JSON.stringify(s.interception)).not.toContain('sk-0123456789')
  })

  test('problems of credentials are reported with the other inputs', () => {
    expect(
      refused(
        { credentials: 'api.example.test x-api-key=${API_KEY}', 'pids-limit': 'x' },
        'version: 1\n'
      )
    ).toMatch(/pids-limit[\s\S]*input credentials: "api.example.test" is not allowed over HTTPS/)
  })
})
