/**
 * Property: whatever a user types, an entry the validator accepts renders only its normalised
 * name, and the resulting squid.conf and dnsmasq.conf are accepted by Squid and dnsmasq.
 * Bounded for CI: a fixed number of runs, one real parse per batch.
 */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { buildPolicy, parseDomainEntry } from '../../src/policy/index.js'
import type { DomainRule } from '../../src/policy/types.js'
import { renderDnsmasqConf, renderSquidConf } from '../../src/render/index.js'
import { withLocalKeyMaterial } from '../helpers/proxy-tls.js'
import { describeWith } from '../helpers/require-tool.js'
import { input } from './fixtures.js'
import { scratchDir } from '../helpers/scratch.js'

const NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/
const nasty = fc.constantFrom(
  '\n',
  '\r',
  '"',
  "'",
  '\\',
  '#',
  ';',
  ' ',
  '\t',
  '\0',
  '*',
  '.',
  ':',
  '/',
  '@',
  'ü',
  '．',
  '\u200b',
  'http_access allow all'
)
const label = fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9-]{0,10}[a-zA-Z0-9])?$/)
const domainish = fc
  .tuple(
    fc.constantFrom('', '*.', 'http://', 'https://'),
    fc.array(label, { minLength: 1, maxLength: 4 }),
    fc.constantFrom('.com', '.test', '.co.uk', '.io', ''),
    fc.constantFrom('', ':8080', ':0', ':65536', '.')
  )
  .map(([pre, labels, tld, post]) => `${pre}${labels.join('.')}${tld}${post}`)
const entry = fc.oneof(
  domainish,
  fc.tuple(domainish, nasty, domainish).map(([a, b, c]) => `${a}${b}${c}`),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 300 })
)

function accepted(): DomainRule[] {
  const rules: DomainRule[] = []
  fc.assert(
    fc.property(entry, (text) => {
      const r = parseDomainEntry(text, 'input allow-domains')
      if ('message' in r) return !/[\n\r\0]/.test(r.message)
      rules.push(r)
      return NAME.test(r.name) && r.name.length <= 253
    }),
    { numRuns: 3000, seed: 20261124 }
  )
  return rules
}

describe('validator property', () => {
  test('accepted entries are strictly normalised; refusals are one-line messages', () => {
    expect(accepted().length).toBeGreaterThan(100)
  })
})

describeWith(
  { root: true, tools: ['squid', 'openssl', 'dnsmasq'] },
  'fuzzed policies through the real consumers',
  () => {
    test('squid -k parse and dnsmasq --test accept every accepted entry, rendered together', () => {
      const list = accepted().map((r) => r.source)
      const { policy } = buildPolicy({ 'allow-domains': list.join('\n') }, 'input')
      const squid = renderSquidConf(input(policy))
      const dnsmasq = renderDnsmasqConf(input(policy))
      for (const line of squid.split('\n').filter((l) => l.startsWith('acl allow'))) {
        for (const value of line.split(' ').slice(4))
          expect(value).toMatch(/^(\.[a-z0-9.-]+|\\\.[a-z0-9\\.-]+\$|\d+)$/)
      }
      const dir = scratchDir('awf-fuzz-')
      writeFileSync(join(dir, 'squid.conf'), withLocalKeyMaterial(squid))
      writeFileSync(join(dir, 'dnsmasq.conf'), dnsmasq)
      const s = spawnSync('squid', ['-k', 'parse', '-f', join(dir, 'squid.conf')], {
        encoding: 'utf8'
      })
      expect(`${s.stderr}`.split('\n').filter((l) => /FATAL|ERROR|Bungled/.test(l))).toEqual([])
      expect(s.status).toBe(0)
      const d = spawnSync('dnsmasq', ['--test', '-C', join(dir, 'dnsmasq.conf')], {
        encoding: 'utf8'
      })
      expect(d.status).toBe(0)
    })
  }
)
