/**
 * Every workflow template in docs/examples/ is a valid workflow (checked by action-validator,
 * which validates against the published workflow schema), uses only inputs action.yml has,
 * and carries the safe defaults the docs promise. Its policy inputs go through buildPolicy.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { parseEnvEntries } from '../../src/agent/env.js'
import { buildPolicy } from '../../src/policy/index.js'

const require = createRequire(import.meta.url)
const { validateWorkflow } = require('@action-validator/core') as {
  validateWorkflow: (src: string) => { errors: unknown[] }
}

interface Step {
  if?: string
  uses?: string
  run?: string
  id?: string
  env?: Record<string, string>
  with?: Record<string, string | number | boolean>
}
interface Workflow {
  permissions?: Record<string, string> | string
  jobs: Record<string, { steps: Step[] }>
}

const ROOT = join(import.meta.dirname, '..', '..')
const EXAMPLES = join(ROOT, 'docs', 'examples')
const ACTION = load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { required?: boolean }>
}
const templates = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => ({ file: f, text: readFileSync(join(EXAMPLES, f), 'utf8') }))
  .filter((t) => /^jobs:/m.test(t.text))

const steps = (w: Workflow): Step[] => Object.values(w.jobs).flatMap((j) => j.steps)
const awfSteps = (w: Workflow): Step[] =>
  steps(w).filter((s) => s.uses?.startsWith('org/awf-action@'))

describe('workflow templates', () => {
  test('there is one per agent CLI, plus audit and shared-policy', () => {
    expect(templates.map((t) => t.file).sort()).toEqual([
      'audit.yml',
      'claude-code.yml',
      'codex.yml',
      'copilot-cli.yml',
      'gemini-cli.yml',
      'shared-policy.yml'
    ])
  })

  describe.each(templates)('$file', ({ text }) => {
    const workflow = load(text) as Workflow

    test('is a valid workflow', () => {
      expect(validateWorkflow(text).errors).toEqual([])
    })

    test('grants read permissions only', () => {
      expect(typeof workflow.permissions).toBe('object')
      for (const level of Object.values(workflow.permissions as Record<string, string>))
        expect(level).toBe('read')
    })

    test('checks out without leaving the token in .git/config', () => {
      for (const s of steps(workflow).filter((s) => s.uses?.startsWith('actions/checkout@')))
        expect(s.with?.['persist-credentials']).toBe(false)
    })

    test('uses the action with known inputs only, and the required ones', () => {
      const known = Object.keys(ACTION.inputs)
      const required = known.filter((k) => ACTION.inputs[k]!.required)
      expect(awfSteps(workflow)).toHaveLength(1)
      for (const s of awfSteps(workflow)) {
        expect(Object.keys(s.with ?? {}).filter((k) => !known.includes(k))).toEqual([])
        for (const r of required) expect(s.with).toHaveProperty(r)
      }
    })

    test('its policy is valid, and its env names are passed from the step', () => {
      for (const s of awfSteps(workflow)) {
        const w = Object.fromEntries(Object.entries(s.with ?? {}).map(([k, v]) => [k, String(v)]))
        const policyFile = w.policy
          ? { path: 'policy.yml', text: readFileSync(join(EXAMPLES, 'policy.yml'), 'utf8') }
          : undefined
        const { policy } = buildPolicy(w, 'input', policyFile)
        if (policy.mode === 'enforce') expect(policy.allowDomains.length).toBeGreaterThan(0)
        for (const e of parseEnvEntries(w.env ?? '', 'input env'))
          expect([e.name, e.value !== undefined || e.name in (s.env ?? {})]).toEqual([e.name, true])
      }
    })

    test('fails on unexpected blocks (unless auditing); uploads the logs only on opt-in, briefly', () => {
      for (const s of awfSteps(workflow)) {
        if (s.with?.mode !== 'audit') expect(s.with?.['fail-on-blocked']).toBe(true)
        const upload = steps(workflow).find((u) => u.uses?.startsWith('actions/upload-artifact@'))
        expect(String(upload?.with?.path)).toBe(`\${{ steps.${s.id}.outputs.logs-dir }}`)
        // The logs hold every name the command looked up: never uploaded by default.
        expect(upload?.if).toBe("always() && vars.AWF_UPLOAD_LOGS == 'true'")
        expect(Number(upload?.with?.['retention-days'])).toBeLessThanOrEqual(7)
      }
    })
  })
})
