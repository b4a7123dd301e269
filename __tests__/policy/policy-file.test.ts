import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildPolicy, POLICY_FILE_KEYS, PolicyError } from '../../src/policy/index.js'

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

  test('an input replaces the file’s list for that key only', () => {
    const { policy } = buildPolicy({ 'allow-domains': 'c.com' }, 'input', {
      path: 'p.yml',
      text: 'allow-domains: [a.com]\nblock-domains: [x.c.com]\n'
    })
    expect(policy.allowDomains.map((r) => r.name)).toEqual(['c.com'])
    expect(policy.blockDomains.map((r) => r.name)).toEqual(['x.c.com'])
  })

  test.each([
    [
      1,
      'allow-domain: [a.com]\n',
      /p\.yml: "allow-domain" is not a known key\. Known keys: version, mode, allow-domains/
    ],
    [2, 'allow-domains: {a: 1}\n', /p\.yml: allow-domains: .* is not a list/],
    [3, 'allow-domains: [1, true]\n', /p\.yml: allow-domains\[0\]: "1" is not a string/],
    [4, 'version: 2\n', /p\.yml: version: "2" is not a supported version/],
    [5, '- a.com\n', /p\.yml: "" is not a mapping/],
    [6, 'allow-domains: [a.com\n', /p\.yml: "" cannot be parsed/],
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
