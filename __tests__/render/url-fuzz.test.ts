/**
 * Property: whatever a user types as an allow-urls rule, a rule the validator accepts renders
 * only known characters into single squid.conf tokens, and Squid accepts the file with every
 * accepted rule in it. Bounded for CI: a fixed number of runs, one real parse.
 */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { buildPolicy, parseUrlRule } from '../../src/policy/index.js'
import type { UrlRule } from '../../src/policy/types.js'
import { renderSquidConf } from '../../src/render/index.js'
import { withLocalKeyMaterial } from '../helpers/proxy-tls.js'
import { describeWith } from '../helpers/require-tool.js'
import { input } from './fixtures.js'
import { scratchDir } from '../helpers/scratch.js'

const piece = fc.constantFrom(
  ..."abcXYZ019-._~!$&'()*+,;=:@/%".split(''),
  '%2F',
  '%zz',
  '..',
  '\n',
  '\r',
  '\0',
  ' ',
  '\t',
  '"',
  '\\',
  '#',
  '?',
  '{',
  '}',
  '${process_name}',
  '[',
  '^',
  '|',
  'ü',
  '\u200b',
  'http_access allow all'
)
const path = fc.array(piece, { maxLength: 12 }).map((p) => `/${p.join('')}`)
const rule = fc
  .tuple(
    fc.constantFrom('', 'GET ', 'GET,HEAD ', 'post ', 'PUT,\n'),
    fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://', ''),
    fc.constantFrom('a.test', 'b.example.com', 'com', '*.c.test', 'd.test:8443', 'e.test.'),
    path
  )
  .map(([m, s, h, p]) => `${m}${s}${h}${p}`)

function accepted(): UrlRule[] {
  const rules: UrlRule[] = []
  fc.assert(
    fc.property(fc.oneof(rule, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
      const r = parseUrlRule(text, 'input allow-urls')
      if ('message' in r) return !/[\n\r\0]/.test(r.message)
      rules.push(r)
      return (
        /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/.test(r.path) && !/["\\{}\n\r\t\0]/.test(r.source)
      )
    }),
    { numRuns: 3000, seed: 20261201 }
  )
  return rules
}

describe('allow-urls validator property', () => {
  test('accepted rules hold only path characters; refusals are one-line messages', () => {
    expect(accepted().length).toBeGreaterThan(50)
  })
})

describeWith({ root: true, tools: ['squid', 'openssl'] }, 'fuzzed URL rules through Squid', () => {
  test('squid -k parse accepts every accepted rule, rendered together; each value one token', () => {
    const rules = accepted().slice(0, 400)
    const { policy } = buildPolicy({ 'allow-urls': rules.map((r) => r.source).join('\n') }, 'input')
    const squid = renderSquidConf(input(policy))
    for (const line of squid.split('\n').filter((l) => /^acl url_\d+_path /.test(l)))
      expect(line.split(' ')).toHaveLength(4)
    const dir = scratchDir('awf-url-fuzz-')
    writeFileSync(join(dir, 'squid.conf'), withLocalKeyMaterial(squid))
    const s = spawnSync('squid', ['-k', 'parse', '-f', join(dir, 'squid.conf')], {
      encoding: 'utf8'
    })
    // Every warning but the one `via off` always gives.
    const problems = `${s.stderr}`
      .split('\n')
      .filter((l) => /FATAL|ERROR|Bungled|WARNING/.test(l) && !/requires the use of Via/.test(l))
    expect(problems).toEqual([])
    expect(s.status).toBe(0)
  })
})
