/**
 * A template's wiring, executed: the claude-code template's action step run through the CLI
 * in the lab, with its presets replaced by a stand-in lab domain, its API host by the lab's
 * key API (which answers only with the lab key), and a stand-in `claude` on PATH that needs
 * a key in ANTHROPIC_API_KEY and calls its "API" over HTTPS with it.
 */
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { startCli } from '../helpers/cli.js'
import {
  ensureLab,
  LAB_CA,
  LAB_RESOLVER,
  labLog,
  leftovers,
  newNonce,
  LAB,
  LAB_STATE,
  ROOT
} from '../helpers/lab.js'
import { describeWith } from '../helpers/require-tool.js'

const API_PORT = (LAB as unknown as { keyApi: { port: number } }).keyApi.port

interface Step {
  uses?: string
  env?: Record<string, string>
  with?: Record<string, string | number | boolean>
}

describeWith(
  { root: true, docker: true, tools: ['iptables-save', 'dmesg'] },
  'the claude-code template, run in the lab',
  () => {
    const nonce = newNonce()
    let workspace: string

    beforeAll(() => {
      ensureLab()
      workspace = mkdtempSync(join(tmpdir(), 'awf-template-'))
      copyFileSync(LAB_CA, join(workspace, 'ca.crt'))
      mkdirSync(join(workspace, 'stub-bin'))
      const stub = join(workspace, 'stub-bin', 'claude')
      writeFileSync(
        stub,
        [
          '#!/bin/sh',
          '# Stand-in for the agent CLI: needs its key, calls its API, reports the prompt.',
          '[ -n "$ANTHROPIC_API_KEY" ] || { echo "no API key" >&2; exit 9; }',
          `answer=$(curl -fsS -H "x-api-key: $ANTHROPIC_API_KEY" "https://api.allowed.test:${API_PORT}/${nonce}-api")`,
          'for prompt in "$@"; do :; done',
          'echo "$answer prompt: $prompt"',
          '# An edit, as the agent would make one: it must come back in the patch.',
          'echo "$prompt" > fixed.txt',
          ''
        ].join('\n')
      )
      chmodSync(stub, 0o755)
      // The template hands the agent's change on as a patch made with git in the workspace.
      const git = (...args: string[]): void => {
        execFileSync('git', [
          '-C',
          workspace,
          '-c',
          'user.name=t',
          '-c',
          'user.email=t@t.test',
          ...args
        ])
      }
      git('init', '-q')
      writeFileSync(join(workspace, '.gitignore'), 'stub-bin/\nca.crt\n')
      git('add', '-A')
      git('commit', '-qm', 'base')
    })

    afterAll(() => rmSync(workspace, { recursive: true, force: true }))

    test('the agent gets a placeholder and its prompt, reaches its API with the real key, and nothing is blocked', async () => {
      const workflow = load(
        readFileSync(join(ROOT, 'docs', 'examples', 'claude-code.yml'), 'utf8')
      ) as { jobs: Record<string, { steps: Step[] }> }
      const step = Object.values(workflow.jobs)
        .flatMap((j) => j.steps)
        .find((s) => s.uses?.startsWith('org/awf-action@'))!
      const w = step.with!
      // Stand-ins: every allowed entry (presets included) becomes the lab's allowed.test.
      expect(String(w['allow-domains'])).toMatch(/@anthropic/)
      const credentials = String(w.credentials).replace('api.anthropic.com ', 'api.allowed.test ')
      expect(credentials).toBe('api.allowed.test x-api-key=${ANTHROPIC_API_KEY}')
      const key = readFileSync(join(LAB_STATE, 'api.key'), 'utf8').trim()
      const env = String(w.env)
        .split('\n')
        .filter(Boolean)
        .flatMap((name) => ['--env', name])
      const r = await startCli(
        [
          'run',
          '--allow-domains',
          `allowed.test,https://api.allowed.test:${API_PORT}`,
          '--credentials',
          credentials,
          '--ca-certificates',
          'ca.crt',
          '--dns-servers',
          LAB_RESOLVER,
          '--agent-timeout',
          String(w['agent-timeout']),
          ...env,
          '--',
          'bash',
          '-e',
          '-o',
          'pipefail',
          '-c',
          String(w.run)
        ],
        workspace,
        {
          ANTHROPIC_API_KEY: key,
          PROMPT: `fix it ${nonce}`,
          PATH: `${join(workspace, 'stub-bin')}:${process.env.PATH ?? ''}`
        }
      ).done
      expect(r.stdout).toContain(`LAB-KEY-OK /${nonce}-api prompt: fix it ${nonce}`)
      const patch = readFileSync(join(workspace, 'awf-agent.patch'), 'utf8')
      expect(patch).toContain(`+fix it ${nonce}`)
      expect(patch).toMatch(/^diff --git a\/fixed\.txt b\/fixed\.txt$/m)
      expect(r.code).toBe(0)
      expect(r.stderr).toContain('0 blocked')
      expect(labLog()).toContain(`/${nonce}-api`)
      expect(r.stdout + r.stderr).not.toContain(key)
      expect(leftovers()).toEqual([])
    })
  }
)
