import {
  buildAgentEnv,
  parseEnvEntries,
  parseEnvSources,
  proxyEnv,
  SAFE_ENV,
  withFixedEnv
} from '../../src/agent/env.js'
import { InputError } from '../../src/common/errors.js'

const refused = (text: string): string => {
  try {
    parseEnvEntries(text, 'input env')
  } catch (e) {
    if (e instanceof InputError) return e.message
    throw e
  }
  throw new Error(`accepted: ${text}`)
}

describe('env input', () => {
  test('names, literals, comments and commas between names', () => {
    expect(
      parseEnvEntries('A\n# note\nB, C\nD=x,y # not a comment\n  E = v = w\n', 'input env')
    ).toEqual([
      { name: 'A', value: undefined },
      { name: 'B', value: undefined },
      { name: 'C', value: undefined },
      { name: 'D', value: 'x,y # not a comment' },
      { name: 'E', value: ' v = w' }
    ])
  })

  test('a later entry for the same name wins', () => {
    expect(parseEnvEntries('A=1\nA=2', 'input env')).toEqual([{ name: 'A', value: '2' }])
  })

  test.each([
    ['HTTPS_PROXY=http://evil:1', 'HTTPS_PROXY'],
    ['https_proxy', 'https_proxy'],
    ['NO_PROXY=*', 'NO_PROXY'],
    ['HOME=/root', 'HOME'],
    ['GITHUB_ENV', 'GITHUB_ENV'],
    ['github_path', 'github_path'],
    ['NODE_USE_ENV_PROXY=0', 'NODE_USE_ENV_PROXY']
  ])('%s is refused: the firewall owns it', (text, name) => {
    expect(refused(text)).toContain(`"${name}"`)
  })

  test('a bad entry is reported by line and length, never by its text (it may be a secret)', () => {
    const message = refused('GOOD\nsk-ant-0123456789SECRET')
    expect(message).toContain('input env, line 2')
    expect(message).toContain('23 characters')
    expect(message).not.toContain('SECRET')
  })

  test('a value is never shown, even when its name is refused', () => {
    expect(refused('HTTP_PROXY=hunter2-value')).not.toContain('hunter2')
  })
})

describe('the environment the command gets', () => {
  const runnerEnv = {
    CI: 'true',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_TOKEN: 'ghs_token',
    ACTIONS_RUNTIME_TOKEN: 'rt',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
    GITHUB_ENV: '/runner/_temp/set_env',
    PATH: '/opt/hostedtoolcache/node/bin:/usr/bin',
    API_KEY: 'sk-123'
  }

  test('only the safe set and the named variables; no runner token', () => {
    const env = buildAgentEnv({
      entries: [{ name: 'API_KEY' }, { name: 'LITERAL', value: 'v' }],
      runnerEnv,
      passPath: true
    })
    expect(env.vars).toEqual({
      CI: 'true',
      GITHUB_REPOSITORY: 'o/r',
      PATH: '/opt/hostedtoolcache/node/bin:/usr/bin',
      API_KEY: 'sk-123',
      LITERAL: 'v'
    })
    // Unmarked: the runner masks values from secrets itself.
    expect(env.secrets).toEqual([])
  })

  test('no safe-set name can carry a credential', () => {
    for (const name of SAFE_ENV) expect(name).not.toMatch(/TOKEN|SECRET|KEY|PASSWORD|CREDENTIAL/)
    for (const file of [
      'GITHUB_ENV',
      'GITHUB_PATH',
      'GITHUB_OUTPUT',
      'GITHUB_STATE',
      'GITHUB_STEP_SUMMARY'
    ])
      expect(SAFE_ENV).not.toContain(file)
  })

  test('PATH comes from the runner only in host mode', () => {
    expect(buildAgentEnv({ entries: [], runnerEnv, passPath: false }).vars.PATH).toBeUndefined()
  })

  test('a named variable that is not set is a warning, not an empty value', () => {
    const env = buildAgentEnv({ entries: [{ name: 'MISSING' }], runnerEnv, passPath: false })
    expect(env.vars).not.toHaveProperty('MISSING')
    expect(env.warnings).toEqual([
      "env: MISSING is not set in the step's environment, so it is not passed"
    ])
  })

  test("the firewall's variables win, and the user's JVM options are kept before ours", () => {
    const fixed = proxyEnv('http://172.28.0.2:3128', ['localhost', '127.0.0.1'])
    const env = withFixedEnv({ http_proxy: 'x', JAVA_TOOL_OPTIONS: '-Xmx1g' }, fixed)
    expect(env.http_proxy).toBe('http://172.28.0.2:3128')
    expect(env.JAVA_TOOL_OPTIONS).toBe(`-Xmx1g ${fixed.JAVA_TOOL_OPTIONS}`)
    expect(fixed.JAVA_TOOL_OPTIONS).toBe(
      '-Dhttp.proxyHost=172.28.0.2 -Dhttp.proxyPort=3128 -Dhttps.proxyHost=172.28.0.2 ' +
        '-Dhttps.proxyPort=3128 -Dhttp.nonProxyHosts=localhost|127.0.0.1'
    )
    expect(fixed).toMatchObject({
      HTTPS_PROXY: 'http://172.28.0.2:3128',
      no_proxy: 'localhost,127.0.0.1',
      NODE_USE_ENV_PROXY: '1',
      npm_config_https_proxy: 'http://172.28.0.2:3128'
    })
  })
})

describe('masking only what is secret', () => {
  const runnerEnv = { API_KEY: 'sk-derived-0123', DEBUG: '1', PEM: 'line-one-aaaa\nline-two-bbbb' }

  test.each([
    [1, 'DEBUG=1\nAPI_KEY', []],
    [2, 'API_KEY!', ['sk-derived-0123', Buffer.from('sk-derived-0123').toString('base64')]],
    [3, 'DEBUG!', []],
    [4, 'LIT!=hunter2-x', ['hunter2-x', Buffer.from('hunter2-x').toString('base64')]],
    [
      5,
      'PEM!',
      [
        'line-one-aaaa\nline-two-bbbb',
        'line-one-aaaa',
        'line-two-bbbb',
        Buffer.from('line-one-aaaa\nline-two-bbbb').toString('base64')
      ]
    ]
  ])('%i: %j masks %j', (_n, text, masked) => {
    const env = buildAgentEnv({
      entries: parseEnvEntries(text, 'input env'),
      runnerEnv,
      passPath: false
    })
    expect(env.secrets).toEqual(masked)
  })

  test('NAME! passes the variable under its name', () => {
    expect(parseEnvEntries('API_KEY!\nB!=v', 'input env')).toEqual([
      { name: 'API_KEY', value: undefined, mask: true },
      { name: 'B', value: 'v', mask: true }
    ])
  })

  test('the policy file’s names and the input together; a name the file masks stays masked', () => {
    const entries = parseEnvSources([
      { text: 'API_KEY!', where: 'p.yml: env[0]' },
      { text: 'DEBUG', where: 'p.yml: env[1]' },
      { text: 'API_KEY\nDEBUG=1', where: 'input env' }
    ])
    expect(entries).toEqual([
      { name: 'API_KEY', value: undefined, mask: true },
      { name: 'DEBUG', value: '1' }
    ])
  })

  test('problems of every source are reported together, each naming its source', () => {
    expect(() =>
      parseEnvSources([
        { text: 'HOME', where: 'p.yml: env[0]' },
        { text: '1BAD', where: 'input env' }
      ])
    ).toThrow(/p\.yml: env\[0\]: "HOME" is set by the firewall itself[\s\S]*input env, line 1/)
  })
})
