/**
 * credentials and ca-certificates: accepted forms, clear refusals that name the input and
 * never show a secret, the command's placeholders, and what reaches the proxy.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildAgentEnv } from '../../src/agent/env.js'
import { InputError } from '../../src/common/errors.js'
import { buildPolicy } from '../../src/policy/index.js'
import {
  credentialValue,
  CREDENTIAL_PLACEHOLDER,
  parseCredentials
} from '../../src/run/credentials.js'
import {
  parseInterceptionSettings,
  withCredentialPlaceholders
} from '../../src/run/interception-settings.js'
import { proxyEnv, proxyRenderInput } from '../../src/sandbox/upstream-proxy.js'
import { scratchDir } from '../helpers/scratch.js'

const { policy } = buildPolicy(
  { 'allow-domains': 'api.example.test\nhttp://plain.test\nexample.org' },
  'input'
)
const SECRET = 'sk-test-0123456789abcdef'
const env = { API_KEY: SECRET, OTHER: 'tok-9876543210' }
const parse = (text: string, e: Record<string, string> = env) =>
  parseCredentials(text, 'input credentials', policy, e)

describe('credentials', () => {
  test('HOST HEADER=TEMPLATE lines, with literal text around the variables', () => {
    const { credentials, problems } = parse(
      [
        '# the model API',
        'API.Example.test x-api-key=${API_KEY}',
        'api.example.test Authorization=Bearer ${API_KEY}',
        '',
        'example.org X-Pair=${API_KEY}:${OTHER}'
      ].join('\n')
    )
    expect(problems).toEqual([])
    expect(credentials.map((c) => [c.host, c.header, credentialValue(c, env)])).toEqual([
      ['api.example.test', 'x-api-key', SECRET],
      ['api.example.test', 'authorization', `Bearer ${SECRET}`],
      ['example.org', 'x-pair', `${SECRET}:tok-9876543210`]
    ])
  })

  test.each([
    ['api.example.test', 'is not HOST HEADER=TEMPLATE'],
    ['*.example.test x-api-key=${API_KEY}', 'is not a host name'],
    ['https://api.example.test x-api-key=${API_KEY}', 'is not a host name'],
    ['198.18.0.10 x-api-key=${API_KEY}', 'is not a host name'],
    ['api.example.test Host=${API_KEY}', 'is not a header the proxy may set'],
    ['api.example.test Proxy-Authorization=${API_KEY}', 'is not a header the proxy may set'],
    ['api.example.test x_key=${API_KEY}', 'is not a header the proxy may set'],
    ['api.example.test x-api-key=${MISSING}', 'names a variable that is empty or not set'],
    ['api.example.test x-api-key="${API_KEY}"', 'characters a header value cannot carry'],
    ['api.example.test x-api-key=100%${API_KEY}', 'characters a header value cannot carry'],
    ['plain.test x-api-key=${API_KEY}', 'is not allowed over HTTPS'],
    ['other.test x-api-key=${API_KEY}', 'is not allowed over HTTPS']
  ])('%s is refused: %s', (line, why) => {
    const { problems } = parse(line)
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(new RegExp(`^input credentials: .*${why.replace(/[.*]/g, '\\$&')}`))
    ])
  })

  test('a key pasted into the input is refused without being shown', () => {
    const { problems } = parse(`api.example.test x-api-key=${SECRET}`)
    expect(problems[0]!.message).toContain('names no variable')
    expect(problems[0]!.message).not.toContain(SECRET)
    expect(parse(`${SECRET}`).problems[0]!.message).not.toContain(SECRET)
  })

  test('a variable whose value squid.conf cannot carry is named, its value never shown', () => {
    const bad = 'has"quote%and\\back'
    const { problems } = parse('api.example.test x-api-key=${API_KEY}', { API_KEY: bad })
    expect(problems[0]!.message).toMatch(/"API_KEY" names a variable whose value/)
    expect(problems[0]!.message).not.toContain(bad)
  })

  test('a header given twice for a host is refused', () => {
    const { problems } = parse(
      'api.example.test x-api-key=${API_KEY}\napi.example.test X-Api-Key=${OTHER}'
    )
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('is set twice')])
  })
})

describe('the command gets placeholders, the proxy the values', () => {
  const { credentials } = parse('api.example.test x-api-key=${API_KEY}')
  const agentEnv = (entries: { name: string; value?: string }[]) =>
    buildAgentEnv({ entries, runnerEnv: env, passPath: false })

  test('the variable holds the placeholder, even when env passes it; the value is masked', () => {
    const result = withCredentialPlaceholders(
      agentEnv([{ name: 'API_KEY' }]),
      credentials,
      env,
      'input env'
    )
    expect(result.vars.API_KEY).toBe(CREDENTIAL_PLACEHOLDER)
    expect(result.secrets).toContain(SECRET)
  })

  test('env passing the key under another name is refused', () => {
    expect(() =>
      withCredentialPlaceholders(
        agentEnv([{ name: 'COPY', value: SECRET }]),
        credentials,
        env,
        'input env'
      )
    ).toThrow(/input env: "COPY" passes the value of a credential variable/)
  })

  test('the render input names hosts and headers only; the values travel in the environment', async () => {
    const interception = {
      hosts: ['api.example.test'],
      credentials: [{ host: 'api.example.test', header: 'x-api-key', value: SECRET }]
    }
    const render = await proxyRenderInput({ noSniHosts: [], interception })
    expect(JSON.stringify(render)).not.toContain(SECRET)
    expect(render.interception).toEqual({
      hosts: ['api.example.test'],
      credentials: [{ host: 'api.example.test', header: 'x-api-key' }],
      upstreamCa: false
    })
    expect(proxyEnv({ noSniHosts: [], interception })).toEqual({ AWF_CREDENTIAL_0: SECRET })
  })
})

describe('ca-certificates', () => {
  const dir = scratchDir('awf-ca-')
  const where = (name: string): string => `input ${name}`
  const settings = (path: string) =>
    parseInterceptionSettings(
      { credentials: 'api.example.test x-api-key=${API_KEY}', 'ca-certificates': path },
      policy,
      where,
      {
        baseDir: dir,
        runnerEnv: env
      }
    )
  const refusal = (path: string): string => {
    try {
      settings(path)
    } catch (e) {
      if (e instanceof InputError) return e.message
      throw e
    }
    throw new Error('accepted')
  }

  test.each([
    ['missing.pem', 'cannot be read'],
    ['.', 'is not a file'],
    ['empty.pem', 'holds no PEM certificate'],
    ['garbage.pem', 'is not a readable CA certificate']
  ])('%s is refused: %s', (path, why) => {
    writeFileSync(join(dir, 'empty.pem'), 'no certificate here\n')
    writeFileSync(
      join(dir, 'garbage.pem'),
      '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'
    )
    expect(refusal(path)).toMatch(new RegExp(`^input ca-certificates: ".*" .*${why}`))
  })

  test('a file of CA certificates is read; a certificate that is no CA is refused', () => {
    const fixtures = join(import.meta.dirname, '..', 'fixtures', 'ca')
    const ok = parseInterceptionSettings(
      { credentials: '', 'ca-certificates': join(fixtures, 'test-ca.crt') },
      policy,
      where,
      { baseDir: dir, runnerEnv: env }
    )
    expect(ok.interception.caCertificates).toMatch(/^-----BEGIN CERTIFICATE-----\n/)
    expect(ok.warnings).toEqual([
      'ca-certificates: no host is intercepted, so the file is not used'
    ])
    expect(refusal(join(fixtures, 'leaf.crt'))).toContain('is not a readable CA certificate')
  })

  test('intercepted hosts come from the credentials; without any, the file is unused (warned)', () => {
    const none = parseInterceptionSettings(
      { credentials: '', 'ca-certificates': '' },
      policy,
      where,
      {
        baseDir: dir,
        runnerEnv: env
      }
    )
    expect(none.interception.hosts).toEqual([])
    expect(settings('').interception.hosts).toEqual(['api.example.test'])
  })
})
