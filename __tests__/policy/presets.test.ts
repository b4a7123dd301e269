import {
  buildPolicy,
  parseDomainEntry,
  PolicyError,
  PRESETS,
  type PolicyProblem
} from '../../src/policy/index.js'
import { renderSquidConf } from '../../src/render/squid.js'
import { input } from '../render/fixtures.js'

const isProblem = (x: unknown): x is PolicyProblem =>
  typeof x === 'object' && x !== null && 'expected' in x

describe('domain presets', () => {
  test.each(Object.entries(PRESETS))(
    '@%s: every entry passes the validator users face and says why it is there',
    (_name, preset) => {
      expect(preset.entries.length).toBeGreaterThan(0)
      for (const e of preset.entries) {
        const parsed = parseDomainEntry(e.domain, 'preset', 'allow')
        expect([e.domain, isProblem(parsed) ? parsed.message : 'ok']).toEqual([e.domain, 'ok'])
        expect(e.domain.startsWith('*')).toBe(false)
        expect(e.why.length).toBeGreaterThan(5)
      }
    }
  )

  test('a preset expands into its entries and the expansion is recorded', () => {
    const { policy } = buildPolicy({ 'allow-domains': '@pypi\nexample.com' }, 'input')
    expect(policy.allowDomains.map((r) => r.name).sort()).toEqual([
      'example.com',
      'files.pythonhosted.org',
      'pypi.org'
    ])
    expect(policy.presets).toEqual([
      { name: 'pypi', domains: ['pypi.org', 'files.pythonhosted.org'] }
    ])
  })

  test('the rendered squid.conf shows what each preset expanded to', () => {
    const { policy } = buildPolicy({ 'allow-domains': '@go' }, 'input')
    expect(renderSquidConf(input(policy))).toContain(
      '# allow-domains @go = proxy.golang.org sum.golang.org'
    )
  })

  test('presets work from the policy file too', () => {
    const { policy } = buildPolicy({}, 'input', {
      path: 'p.yml',
      text: 'allow-domains: ["@npm"]\n'
    })
    expect(policy.presets.map((p) => p.name)).toEqual(['npm'])
  })

  test('an unknown preset is refused, listing the known ones', () => {
    expect(() => buildPolicy({ 'allow-domains': '@nmp' }, 'input')).toThrow(PolicyError)
    expect(() => buildPolicy({ 'allow-domains': '@nmp' }, 'input')).toThrow(
      /input allow-domains: "@nmp" is not a known preset\. Did you mean @npm\? Presets: @github, @npm/
    )
  })

  test('a preset in block-domains is refused: presets only allow', () => {
    expect(() => buildPolicy({ 'block-domains': '@github' }, 'input')).toThrow(
      /input block-domains: "@github" is a preset, and presets only allow/
    )
  })

  test('a blocked entry still wins over a preset entry', () => {
    const built = buildPolicy(
      { 'allow-domains': '@github', 'block-domains': 'raw.githubusercontent.com' },
      'input'
    )
    expect(built.policy.allowDomains.map((r) => r.name)).not.toContain('raw.githubusercontent.com')
  })
})
