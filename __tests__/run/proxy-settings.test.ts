/** upstream-proxy, upstream-proxy-auth and tls-without-sni: accepted forms and clear refusals. */
import { InputError } from '../../src/common/errors.js'
import { buildPolicy, parseList } from '../../src/policy/index.js'
import { parseProxySettings } from '../../src/run/proxy-settings.js'

const { policy } = buildPolicy({ 'allow-domains': 'allowed.test\nlegacy.corp.test' }, 'input')
const where = (name: string): string => `input ${name}`
const parse = (
  inputs: Partial<Record<'upstream-proxy' | 'upstream-proxy-auth' | 'tls-without-sni', string>>,
  env: Record<string, string> = {}
): ReturnType<typeof parseProxySettings> =>
  parseProxySettings(
    {
      ...(inputs['upstream-proxy']
        ? { upstream: { text: inputs['upstream-proxy'], where: where('upstream-proxy') } }
        : {}),
      ...(inputs['upstream-proxy-auth']
        ? { auth: { text: inputs['upstream-proxy-auth'], where: where('upstream-proxy-auth') } }
        : {}),
      noSni: parseList(inputs['tls-without-sni'] ?? '').map((value) => ({
        value,
        where: where('tls-without-sni')
      }))
    },
    policy,
    env
  )
const refusal = (fn: () => unknown): string => {
  try {
    fn()
  } catch (e) {
    if (e instanceof InputError) return e.message
    throw e
  }
  throw new Error('accepted')
}
const PROXY = 'http://10.203.0.30:3129'

describe('upstream proxy settings', () => {
  test.each([
    ['http://10.203.0.30:3128', { host: '10.203.0.30', port: 3128 }],
    ['http://Proxy.Corp.Example:8080/', { host: 'proxy.corp.example', port: 8080 }]
  ])('%s is accepted', (url, upstream) => {
    expect(parse({ 'upstream-proxy': url }).upstream).toEqual(upstream)
  })

  test.each([
    'https://proxy.test:443',
    'http://proxy.test',
    'http://user:pw@proxy.test:8080',
    'http://proxy.test:99999',
    'http://[::1]:3128',
    'http://proxy.test:8080/path',
    'proxy.test:8080'
  ])('%s is refused with the input named', (url) => {
    expect(refusal(() => parse({ 'upstream-proxy': url }))).toMatch(
      /^input upstream-proxy: .* is not a proxy address\. Give http:\/\/HOST:PORT/
    )
  })

  test('the login is named by a variable, and only its name is kept', () => {
    const s = parse(
      { 'upstream-proxy': PROXY, 'upstream-proxy-auth': 'CORP_LOGIN' },
      { CORP_LOGIN: 'awf:s3cret' }
    )
    expect(s.upstream).toEqual({ host: '10.203.0.30', port: 3129, loginVariable: 'CORP_LOGIN' })
    expect(JSON.stringify(s)).not.toContain('s3cret')
  })

  test('a value where the name belongs is refused', () => {
    expect(
      refusal(() => parse({ 'upstream-proxy': PROXY, 'upstream-proxy-auth': 'awf:s3cret' }))
    ).toMatch(
      /^input upstream-proxy-auth: 10 characters is not the name of an environment variable\. Give the NAME/
    )
  })

  test.each([
    [{}, /names a variable that is empty or not set/],
    [{ CORP_LOGIN: 'no-colon' }, /names a variable that does not hold user:password/],
    [{ CORP_LOGIN: 'a: secret b' }, /names a variable that does not hold user:password/]
  ])('a variable without a usable login is refused, its value never shown (%#)', (env, why) => {
    const message = refusal(() =>
      parse({ 'upstream-proxy': PROXY, 'upstream-proxy-auth': 'CORP_LOGIN' }, env)
    )
    expect(message).toMatch(why)
    expect(message).not.toMatch(/no-colon|secret/)
  })

  test('auth without a proxy is refused', () => {
    expect(refusal(() => parse({ 'upstream-proxy-auth': 'CORP_LOGIN' }))).toMatch(
      /upstream-proxy-auth: .* is given without upstream-proxy/
    )
  })
})

describe('tls-without-sni', () => {
  test('allowed hosts are accepted, with a warning naming them', () => {
    const s = parse({ 'tls-without-sni': 'legacy.corp.test' })
    expect(s.noSniHosts.map((r) => r.name)).toEqual(['legacy.corp.test'])
    expect(s.warnings.join('\n')).toMatch(/legacy\.corp\.test/)
  })

  test('a name the policy does not allow is refused', () => {
    expect(refusal(() => parse({ 'tls-without-sni': 'blocked.test' }))).toMatch(
      /input tls-without-sni: "blocked\.test" is not an allowed name/
    )
  })

  test('nothing given: no opt-in, no warning', () => {
    expect(parse({})).toEqual({ noSniHosts: [], warnings: [] })
  })
})
