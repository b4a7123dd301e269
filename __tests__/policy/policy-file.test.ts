import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  buildPolicy,
  mergeSettings,
  parseExpectedBlocksFrom,
  parsePolicyFile,
  POLICY_FILE_KEYS,
  PolicyError,
  settingValue
} from '../../src/policy/index.js'

const ROOT = join(import.meta.dirname, '..', '..')

function messages(f: () => unknown): string[] {
  try {
    f()
  } catch (e) {
    if (e instanceof PolicyError) return e.problems.map((p) => p.message)
    throw e
  }
  return []
}

describe('policy file', () => {
  test('YAML and JSON give the same policy', () => {
    const yaml = buildPolicy({}, 'input', {
      path: 'p.yml',
      text: 'allow-domains:\n  - a.com\n  - b.com # why\nblock-domains: x.a.com\n'
    })
    const json = buildPolicy({}, 'input', {
      path: 'p.json',
      text: '{"allow-domains": ["a.com", "b.com"], "block-domains": ["x.a.com"]}'
    })
    expect(yaml.policy).toEqual(json.policy)
    expect(yaml.policy.allowDomains.map((r) => r.name)).toEqual(['a.com', 'b.com'])
  })

  test('the documented example is valid, its preset expanded', () => {
    const text = readFileSync(join(ROOT, 'docs', 'examples', 'policy.yml'), 'utf8')
    const { policy } = buildPolicy({}, 'input', { path: 'policy.yml', text })
    expect(policy.allowDomains.map((r) => r.name).sort()).toEqual([
      'api.anthropic.com',
      'github.com',
      'raw.githubusercontent.com',
      'registry.npmjs.org',
      'registry.yarnpkg.com'
    ])
    expect(policy.presets.map((p) => p.name)).toEqual(['npm'])
  })

  test('an input’s entries are added to the file’s list, and shown as added', () => {
    const { policy, provenance } = buildPolicy({ 'allow-domains': 'c.com' }, 'input', {
      path: 'p.yml',
      text: 'allow-domains: [a.com]\nblock-domains: [x.c.com]\n'
    })
    expect(policy.allowDomains.map((r) => r.name)).toEqual(['a.com', 'c.com'])
    expect(policy.blockDomains.map((r) => r.name)).toEqual(['x.c.com'])
    expect(provenance.keys).toEqual([
      { key: 'allow-domains', fromFile: ['a.com'], fromInput: ['c.com'] },
      { key: 'block-domains', fromFile: ['x.c.com'], fromInput: [] }
    ])
  })

  test.each([
    [
      1,
      'allow-domain: [a.com]\n',
      /p\.yml: "allow-domain" is not a known key\. Known keys: version, lock, allow-domains/
    ],
    [2, 'allow-domains: {a: 1}\n', /p\.yml: allow-domains: .* is not a list/],
    [3, 'allow-domains: [1, true]\n', /p\.yml: allow-domains\[0\]: "1" is not a string/],
    [4, 'version: 2\n', /^p\.yml: version: 2 is newer than this awf-action understands/],
    [5, '- a.com\n', /^p\.yml: is not a mapping\. The top level holds the keys version, lock/],
    [6, 'allow-domains: [a.com\n', /^p\.yml, line 2, column 1: cannot be parsed: /],
    [
      7,
      'allow-domains: [com]\n',
      /p\.yml: allow-domains\[0\]: "com" would cover every name under the public suffix/
    ]
  ])('%i: a bad file is refused, naming file and key', (_n, text, why) => {
    expect(messages(() => buildPolicy({}, 'input', { path: 'p.yml', text }))[0]).toMatch(why)
  })

  test('problems from the file and from inputs are reported together', () => {
    const all = messages(() =>
      buildPolicy({ 'dns-servers': 'nope' }, 'input', {
        path: 'p.yml',
        text: 'allow-domains: [com]\nbad: 1\n'
      })
    )
    expect(all).toHaveLength(3)
  })

  test.each([
    [1, { mode: 'audit' }, undefined, 'audit'],
    [2, {}, 'mode: audit\n', 'audit'],
    [3, { mode: 'enforce' }, 'mode: audit\n', 'enforce'],
    [4, {}, undefined, 'enforce']
  ])('%i: mode from input %j and file %j is %s', (_n, inputs, file, mode) => {
    const built = buildPolicy(
      inputs,
      'input',
      file === undefined ? undefined : { path: 'p.yml', text: file }
    )
    expect(built.policy.mode).toBe(mode)
    if (mode === 'audit') expect(built.warnings.join()).toMatch(/audit mode/)
  })

  test('a bad mode is refused, naming where it came from', () => {
    expect(messages(() => buildPolicy({ mode: 'permissive' }, 'input'))[0]).toMatch(
      /^input mode: "permissive" is not a mode\. Use enforce/
    )
    expect(
      messages(() => buildPolicy({}, 'flag', { path: 'p.yml', text: 'mode: 1\n' }))[0]
    ).toMatch(/^p\.yml: mode: "1" is not a mode/)
  })

  test('the JSON Schema lists exactly the keys the parser accepts', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'docs', 'policy.schema.json'), 'utf8')) as {
      properties: object
    }
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_FILE_KEYS].sort())
  })
})

describe('policy file: every setting of the policy and the run', () => {
  const file = (text: string, path = 'p.yml'): { path: string; text: string } => ({ path, text })

  test.each([
    [
      1,
      'version',
      'version: "1"\n',
      /^p\.yml: version: "1" is a string\. Write version: 1 \(a number/
    ],
    [
      2,
      'version',
      'version: 0\n',
      /^p\.yml: version: 0 is not a policy file version\. Write version: 1\./
    ],
    [3, 'version', 'version: [1]\n', /^p\.yml: version: \[1\] is not a policy file version/],
    [
      4,
      'JSON',
      '{\n  "allow-domains": [\n    "a.com",\n  ]\n}',
      /^p\.json, line 4, column 3: cannot be parsed/
    ],
    [5, 'JSON', '{"mode": enforce}', /^p\.json, line 1, column 10: cannot be parsed/],
    [6, 'JSON', '{"a": 1}}', /^p\.json, line 1, column 9: cannot be parsed/],
    [7, 'YAML', 'mode: [\n', /^p\.yml, line 2, column 1: cannot be parsed: /],
    [8, 'lock', 'lock: yes\n', /^p\.yml: lock: "yes" is not true or false/],
    [9, 'run', 'run: curl x\n', /^p\.yml: "run" belongs in the workflow, not in the policy/],
    [
      10,
      'env',
      'env: [API_KEY=sk-secret]\n',
      /^p\.yml: env\[0\]: "17 characters" is not a list of variable names/
    ],
    [11, 'scalar', 'memory-limit: [1g]\n', /^p\.yml: memory-limit: .* is not a single value/],
    [12, 'mode', 'mode: permissive\n', /^p\.yml: mode: "permissive" is not a mode/]
  ])('%i (%s): refused with where, value and the accepted form', (_n, _what, text, why) => {
    const path = text.startsWith('{') ? 'p.json' : 'p.yml'
    const all = messages(() => buildPolicy({}, 'input', file(text, path)))
    expect(all[0]).toMatch(why)
    expect(all.join('\n')).not.toContain('sk-secret')
  })

  test.each([
    [1, '', 'p.yml'],
    [2, '# nothing yet\n\n# still nothing\n', 'p.yml'],
    [3, '  \n', 'p.json'],
    [4, 'version: 1\n', 'p.yml']
  ])('%i: an empty or comment-only file is an empty policy', (_n, text, path) => {
    const { policy, provenance } = buildPolicy({}, 'input', file(text, path))
    expect(policy.allowDomains).toEqual([])
    expect(provenance.keys).toEqual([])
  })

  test('run settings come back keyed by input name, each with where it was written', () => {
    const parsed = parsePolicyFile(
      file(
        'fail-on-blocked: true\nagent-timeout: 30\nmemory-limit: 4g\npids-limit: 512\n' +
          'host-firewall: "off"\nexpected-blocks: [telemetry.example.com]\nenv: [API_KEY, TOKEN!]\n' +
          'allow-host-ports: [3000, "5432!"]\n'
      )
    )
    expect(parsed.problems).toEqual([])
    expect(parsed.file.settings).toEqual({
      'fail-on-blocked': [{ text: 'true', where: 'p.yml: fail-on-blocked' }],
      'agent-timeout': [{ text: '30', where: 'p.yml: agent-timeout' }],
      'memory-limit': [{ text: '4g', where: 'p.yml: memory-limit' }],
      'pids-limit': [{ text: '512', where: 'p.yml: pids-limit' }],
      'host-firewall': [{ text: 'off', where: 'p.yml: host-firewall' }],
      'expected-blocks': [{ text: 'telemetry.example.com', where: 'p.yml: expected-blocks[0]' }],
      env: [
        { text: 'API_KEY', where: 'p.yml: env[0]' },
        { text: 'TOKEN!', where: 'p.yml: env[1]' }
      ],
      'allow-host-ports': [
        { text: '3000', where: 'p.yml: allow-host-ports[0]' },
        { text: '5432!', where: 'p.yml: allow-host-ports[1]' }
      ]
    })
  })

  test.each([
    [1, { 'agent-timeout': '10' }, 'agent-timeout: 30\n', '10', 'input agent-timeout'],
    [2, {}, 'agent-timeout: 30\n', '30', 'p.yml: agent-timeout'],
    [3, { 'fail-on-blocked': '' }, 'fail-on-blocked: true\n', 'true', 'p.yml: fail-on-blocked']
  ])('%i: a single value from an input replaces the file’s', (_n, inputs, text, value, where) => {
    const parsed = parsePolicyFile(file(text))
    const { settings } = mergeSettings(inputs, 'input', parsed.file)
    const key = Object.keys(parsed.file.settings)[0] as 'agent-timeout' | 'fail-on-blocked'
    expect(settingValue(settings, key)).toEqual({ text: value, where })
  })

  test('expected-blocks from the file and an input together', () => {
    const parsed = parsePolicyFile(file('expected-blocks: [a.example.com]\n'))
    const { settings } = mergeSettings({ 'expected-blocks': 'b.example.com' }, 'flag', parsed.file)
    expect(parseExpectedBlocksFrom(settings).map((r) => r.name)).toEqual([
      'a.example.com',
      'b.example.com'
    ])
  })
})

describe('lock: true', () => {
  const locked =
    'lock: true\nallow-domains: [a.com]\nblock-domains: [x.a.com]\nmemory-limit: 2g\nfail-on-blocked: true\n'
  const build = (inputs: Record<string, string>, origin: 'input' | 'flag' = 'input'): string[] =>
    messages(() => buildPolicy(inputs, origin, { path: 'org.yml', text: locked }))

  test.each([
    [1, { 'block-domains': 'y.a.com' }],
    [2, { env: 'API_KEY\nDEBUG=1' }],
    [3, { mode: 'enforce' }],
    [4, { 'fail-on-blocked': 'true' }],
    [5, { 'host-firewall': 'on' }],
    [6, { 'agent-timeout': '20' }],
    [7, { 'pids-limit': '100' }],
    [8, { 'report-detail': 'domains' }]
  ])('%i: inputs may still add blocks and narrow: %j', (_n, inputs) => {
    expect(build(inputs)).toEqual([])
  })

  test.each([
    [
      1,
      { 'allow-domains': 'b.com' },
      /^input allow-domains: "b\.com" is refused: the policy file is locked, so inputs may only add blocks\. org\.yml has lock: true/
    ],
    [2, { 'allow-networks': '10.1.0.0/16' }, /^input allow-networks: .* may only add blocks/],
    [3, { 'dns-servers': '1.1.1.1' }, /^input dns-servers: .* may only add blocks/],
    [4, { 'allow-host-ports': '3000' }, /^input allow-host-ports: .* may only add blocks/],
    [5, { 'expected-blocks': 'b.com' }, /^input expected-blocks: .* may only add blocks/],
    [6, { mode: 'audit' }, /^input mode: "audit" is refused.*\(or mode: enforce\)/],
    [7, { 'fail-on-blocked': 'false' }, /^input fail-on-blocked: "false" is refused/],
    [8, { 'host-firewall': 'off' }, /^input host-firewall: "off" is refused/],
    [
      8.5,
      { 'report-detail': 'full' },
      /^input report-detail: "full" is refused.*\(or report-detail: domains\)/
    ],
    [
      9,
      { 'memory-limit': '8g' },
      /^input memory-limit: "8g" is refused: the policy file is locked and sets it/
    ],
    [
      10,
      { 'proxy-image': 'evil/proxy' },
      /^input proxy-image: "evil\/proxy" is refused: the policy file is locked and it replaces the proxy/
    ],
    [
      10.5,
      { 'ca-certificates': 'corp-root.pem' },
      /^input ca-certificates: "corp-root\.pem" is refused: the policy file is locked and its CAs would be trusted/
    ],
    [
      11,
      { 'allow-domains': 'b.com' },
      /^flag --allow-domains: "b\.com" is refused: .* so flags may only add blocks/,
      'flag'
    ]
  ])('%i: a widening input is refused: %j', (_n, inputs, why, origin = 'input') => {
    expect(build(inputs, origin as 'input' | 'flag')[0]).toMatch(why)
  })

  test('without lock, the same inputs are added', () => {
    const { policy } = buildPolicy({ 'allow-domains': 'b.com' }, 'input', {
      path: 'org.yml',
      text: locked.replace('lock: true', 'lock: false')
    })
    expect(policy.allowDomains.map((r) => r.name)).toEqual(['a.com', 'b.com'])
  })
})
