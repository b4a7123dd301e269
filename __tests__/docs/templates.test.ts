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
interface Job {
  permissions?: Record<string, string>
  needs?: string
  steps: Step[]
}
interface Workflow {
  permissions?: Record<string, string> | string
  jobs: Record<string, Job>
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
const isAwf = (s: Step): boolean => s.uses?.startsWith('org/awf-action@') ?? false
const awfSteps = (w: Workflow): Step[] => steps(w).filter(isAwf)
const agentJobs = (w: Workflow): Job[] => Object.values(w.jobs).filter((j) => j.steps.some(isAwf))
const AGENT_CLIS = /\b(claude|codex|gemini|copilot)\b/

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

  describe.each(templates)('$file', ({ file, text }) => {
    const workflow = load(text) as Workflow

    test('is a valid workflow', () => {
      expect(validateWorkflow(text).errors).toEqual([])
    })

    test('grants read permissions only, except to a job that runs no agent', () => {
      expect(typeof workflow.permissions).toBe('object')
      for (const level of Object.values(workflow.permissions as Record<string, string>))
        expect(level).toBe('read')
      for (const job of Object.values(workflow.jobs)) {
        const writes = Object.values(job.permissions ?? {}).some((l) => l === 'write')
        if (!writes) continue
        expect(job.steps.some(isAwf)).toBe(false)
        // It installs and starts nothing of the agent's: it applies the patch and pushes.
        for (const s of job.steps) expect(s.run ?? '').not.toMatch(AGENT_CLIS)
        for (const s of job.steps) expect(s.run ?? '').not.toMatch(/npm|pip|make|\.\/|bash /)
      }
    })

    test('checks out without leaving the token in .git/config where the agent runs', () => {
      for (const job of agentJobs(workflow))
        for (const s of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@')))
          expect(s.with?.['persist-credentials']).toBe(false)
    })

    test('pins every action by commit id, with the version in a comment', () => {
      const uses = [...text.matchAll(/uses: (\S+)(.*)$/gm)].filter((m) => !m[1]!.startsWith('org/'))
      expect(uses.length).toBeGreaterThan(0)
      for (const [, ref, comment] of uses) {
        expect(ref).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/)
        expect(comment).toMatch(/^ # v\d+\.\d+\.\d+$/)
      }
    })

    test('installs agent CLIs at pinned versions', () => {
      for (const s of steps(workflow).filter((s) => /npm install -g/.test(s.run ?? '')))
        expect(s.run).toMatch(/npm install -g @[\w-]+\/[\w-]+@\d+\.\d+\.\d+/)
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

    test('fails on unexpected blocks (unless auditing); uploads the logs only on opt-in, briefly, also after a failure', () => {
      for (const s of awfSteps(workflow)) {
        if (s.with?.mode !== 'audit') expect(s.with?.['fail-on-blocked']).toBe(true)
        const upload = steps(workflow).find(
          (u) => u.with?.path === `\${{ steps.${s.id}.outputs.logs-dir }}`
        )
        expect(upload?.uses).toMatch(/^actions\/upload-artifact@/)
        // The logs hold every name the command looked up: never uploaded by default.
        expect(upload?.if).toBe("always() && vars.AWF_UPLOAD_LOGS == 'true'")
        expect(Number(upload?.with?.['retention-days'])).toBeLessThanOrEqual(7)
      }
    })

    const agentTemplate = !['audit.yml', 'shared-policy.yml'].includes(file)
    if (agentTemplate)
      test('keeps the model API key out of the sandbox (credentials), or says why it cannot', () => {
        const s = awfSteps(workflow)[0]!
        const credentials = String(s.with?.credentials ?? '')
        const names = parseEnvEntries(String(s.with?.env ?? ''), 'input env').map((e) => e.name)
        if (file === 'copilot-cli.yml') {
          expect(credentials).toBe('')
          expect(text).toMatch(/Not through `credentials`: .*a placeholder does not start it/s)
          return
        }
        const [, variable] = /\$\{(\w+)\}/.exec(credentials) ?? []
        expect(variable).toMatch(/_API_KEY$/)
        expect(s.env?.[variable!]).toBe(`\${{ secrets.${variable} }}`)
        expect(names).not.toContain(variable)
      })
    if (agentTemplate)
      test('lets the agent edit non-interactively and hands its change on as a patch to a job without the agent', () => {
        const s = awfSteps(workflow)[0]!
        expect(String(s.with?.run)).toMatch(
          /--permission-mode acceptEdits|--sandbox danger-full-access|--approval-mode auto_edit|--allow-all-tools/
        )
        expect(String(s.with?.run)).toMatch(/git diff --cached --binary > awf-agent\.patch\n$/)
        const pr = Object.values(workflow.jobs).find((j) => j.needs !== undefined)!
        expect(pr.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' })
        expect(pr.steps.map((x) => x.uses ?? x.run?.match(/git apply --index/)?.[0])).toEqual([
          expect.stringMatching(/^actions\/checkout@/),
          expect.stringMatching(/^actions\/download-artifact@/),
          'git apply --index'
        ])
      })
  })
})
