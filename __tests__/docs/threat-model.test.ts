/**
 * docs/threat-model.md names the attack suite's cases; this keeps the names and the suite in
 * step: every case id the document mentions exists (a `*` or `<name>` ending matches a family),
 * and every threat the suite attacks has its row.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DENIED_SYSCALLS } from '../../src/render/seccomp.js'
import { attackCases } from '../security/attacks.js'

const ROOT = join(import.meta.dirname, '..', '..')
const doc = readFileSync(join(ROOT, 'docs', 'threat-model.md'), 'utf8')
const cases = attackCases(DENIED_SYSCALLS.map((name, nr) => ({ name, nr })))
const ids = cases.map((c) => c.id)
const FAMILY = /^(proxy|dns|packet|host|priv|env|integrity|gap|pivot)-[a-z0-9_-]*(\*|<name>)?$/

describe('docs/threat-model.md and the attack suite', () => {
  const named = [...new Set([...doc.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!))].filter((t) =>
    FAMILY.test(t)
  )

  test('the document names cases', () => {
    expect(named.length).toBeGreaterThan(30)
  })

  test.each(named)('%s is a case of the suite', (name) => {
    const family = name.endsWith('*') || name.endsWith('<name>')
    const prefix = name.replace(/(\*|<name>)$/, '')
    expect(family ? ids.some((id) => id.startsWith(prefix)) : ids.includes(name)).toBe(true)
  })

  test('every threat the suite attacks has a row in the attack chain', () => {
    for (const threat of new Set(cases.map((c) => c.threat)))
      expect(doc).toMatch(new RegExp(`^\\| ${threat} \\|`, 'm'))
  })
})
