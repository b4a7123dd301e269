/**
 * The reference docs are generated from the files they describe. This test fails when they
 * differ; `npm run docs` (UPDATE_DOCS=1) rewrites them.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import {
  renderInputsTable,
  renderOutputsTable,
  renderPolicyKeysTable,
  renderPresetsDoc,
  replaceGenerated,
  type ActionMetadata,
  type PolicySchema
} from '../../src/docs/reference.js'
import { POLICY_FILE_KEYS, PRESETS } from '../../src/policy/index.js'

const ROOT = join(import.meta.dirname, '..', '..')
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8')
const action = load(read('action.yml')) as ActionMetadata
const schema = JSON.parse(read('docs/policy.schema.json')) as PolicySchema

function expectCurrent(file: string, expected: string): void {
  if (process.env.UPDATE_DOCS) writeFileSync(join(ROOT, file), expected)
  // Compared as text: the message says which file to regenerate.
  expect({ file, current: read(file) === expected }).toEqual({ file, current: true })
}

describe('generated docs are current (npm run docs rewrites them)', () => {
  test('docs/usage.md: inputs, outputs and policy file keys', () => {
    let usage = read('docs/usage.md')
    usage = replaceGenerated(usage, 'inputs', renderInputsTable(action))
    usage = replaceGenerated(usage, 'outputs', renderOutputsTable(action))
    usage = replaceGenerated(usage, 'policy-keys', renderPolicyKeysTable(schema))
    expectCurrent('docs/usage.md', usage)
  })

  test('docs/presets.md', () => {
    expectCurrent('docs/presets.md', renderPresetsDoc(PRESETS))
  })

  test('the schema describes exactly the keys the parser accepts, each with a description', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_FILE_KEYS].sort())
    for (const [key, spec] of Object.entries(schema.properties))
      expect([key, (spec.description ?? '').length > 0]).toEqual([key, true])
  })
})
