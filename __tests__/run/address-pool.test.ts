import { InputError } from '../../src/common/errors.js'
import { resolveSettings, type SettingsContext } from '../../src/run/settings.js'
import { formatNet } from '../../src/sandbox/subnets.js'
import { runInputs } from '../helpers/run-fixtures.js'

const inputs = (overrides: Partial<Record<string, string>>) =>
  runInputs({ 'allow-domains': 'allowed.test', ...overrides })

const ctx = (origin: SettingsContext['origin']): SettingsContext => ({
  origin,
  baseDir: '/tmp',
  runnerEnv: {},
  totalMemory: 8 << 30
})

describe('address-pool', () => {
  test('absent: the sandbox uses its default pool', () => {
    expect(resolveSettings(inputs({}), ctx('input')).addressPool).toBeUndefined()
  })

  test('given: the networks come from it', () => {
    const s = resolveSettings(inputs({ 'address-pool': '10.99.0.0/16' }), ctx('input'))
    expect(s.addressPool && formatNet(s.addressPool)).toBe('10.99.0.0/16')
  })

  test.each([
    ['input', 'input address-pool: "10.99.1.0/16" has host bits set'],
    ['flag', 'flag --address-pool: "10.99.1.0/16" has host bits set']
  ] as const)('refused as %s, with every other problem at once', (origin, message) => {
    let error: unknown
    try {
      resolveSettings(inputs({ 'address-pool': '10.99.1.0/16', 'pids-limit': 'many' }), ctx(origin))
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    const text = (error as InputError).message
    expect(text).toContain(message)
    expect(text).toMatch(/pids-limit/)
  })
})
