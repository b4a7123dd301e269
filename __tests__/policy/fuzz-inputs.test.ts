/**
 * Every input and the policy file, fuzzed (bounded for CI): nothing crashes with anything but
 * an InputError, no message echoes a raw control character, and whatever is accepted reaches
 * the rendered files only in normalised form (each line of every rendered file matches the
 * shapes the renderers may write).
 */
import fc from 'fast-check'
import { parseEnvEntries } from '../../src/agent/env.js'
import { parseLimits } from '../../src/agent/limits.js'
import { InputError } from '../../src/common/errors.js'
import { buildPolicy, POLICY_FILE_KEYS } from '../../src/policy/index.js'
import { renderAll } from '../../src/render/index.js'
import { TOPOLOGY } from '../render/fixtures.js'

const RUNS = 1500
const nasty = fc.constantFrom(
  '\n',
  '\r',
  '\0',
  '"',
  "'",
  '\\',
  '#',
  ';',
  ' ',
  '\t',
  '@npm',
  '@',
  '!',
  '-j ACCEPT',
  'http_access allow all',
  'server=/#/1.1.1.1',
  '10.0.0.0/8',
  '::1',
  '5432!',
  '2375',
  '\u202e',
  '${{ secrets.X }}',
  'HTTPS_PROXY=x'
)
const text = fc.oneof(
  fc.array(fc.oneof(nasty, fc.string({ maxLength: 20 })), { maxLength: 8 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 200 })
)

/** An InputError (a PolicyError is one) is the only acceptable failure; its message never carries a raw control. */
function safely(f: () => unknown): unknown {
  try {
    return f()
  } catch (e) {
    if (!(e instanceof InputError)) throw e
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b-\u001f]/.test(e.message))
      throw new Error(`raw control in: ${e.message}`)
    return undefined
  }
}

/** Every line a renderer may write: comments, directives, rules; no raw user text. */
const RENDERED_LINE = /^[\x20-\x7e]*$/

describe('fuzzing every input (bounded)', () => {
  test('policy inputs: accepted values render only printable, normalised lines', () => {
    const keys = [
      'allow-domains',
      'block-domains',
      'allow-networks',
      'dns-servers',
      'allow-host-ports',
      'mode'
    ] as const
    fc.assert(
      fc.property(fc.constantFrom(...keys), text, (key, value) => {
        const built = safely(() => buildPolicy({ [key]: value }, 'input')) as
          ReturnType<typeof buildPolicy> | undefined
        if (!built) return true
        const files: [string, string][] = Object.entries(
          renderAll({ policy: built.policy, topology: TOPOLOGY })
        )
        for (const [file, body] of files)
          for (const line of body.split('\n'))
            if (!RENDERED_LINE.test(line)) throw new Error(`${file}: ${JSON.stringify(line)}`)
        return !files.some(([, body]) => body.includes('http_access allow all'))
      }),
      { numRuns: RUNS }
    )
  })

  test('the policy file: any YAML or JSON text', () => {
    const doc = fc.oneof(
      text,
      fc
        .dictionary(
          fc.constantFrom(...POLICY_FILE_KEYS, 'unknown', '__proto__'),
          fc.oneof(text, fc.array(text, { maxLength: 4 }), fc.integer(), fc.constant(null))
        )
        .map((d) => JSON.stringify(d))
    )
    fc.assert(
      fc.property(doc, fc.boolean(), (body, json) => {
        safely(() => buildPolicy({}, 'input', { path: json ? 'p.json' : 'p.yml', text: body }))
        return true
      }),
      { numRuns: RUNS }
    )
  })

  test('env: names and values never appear in an error, only lengths and lines', () => {
    fc.assert(
      fc.property(text, (value) => {
        try {
          parseEnvEntries(value, 'input env')
        } catch (e) {
          if (!(e instanceof InputError)) throw e
          for (const p of e.problems)
            if (p.value.length > 0 && value.includes('=') && p.value.includes('='))
              throw new Error(`a value was echoed: ${p.message}`)
        }
        return true
      }),
      { numRuns: RUNS }
    )
  })

  test('limits: only numbers in range are accepted', () => {
    fc.assert(
      fc.property(text, text, text, (t, m, p) => {
        const limits = safely(() =>
          parseLimits({ timeoutMinutes: t, memory: m, pids: p }, (k) => `input ${k}`, 8 * 2 ** 30)
        ) as ReturnType<typeof parseLimits> | undefined
        if (!limits) return true
        return (
          Number.isFinite(limits.timeoutMs) &&
          Number.isInteger(limits.memoryBytes) &&
          Number.isInteger(limits.pidsLimit)
        )
      }),
      { numRuns: RUNS }
    )
  })
})
