/**
 * `awf-action run` as a person runs it, through the bundle, in the lab: --json prints the
 * report as the last line of stdout, after the command's own output; flags merge over a policy
 * file and a locked file refuses widening before anything starts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../helpers/cli.js'
import { ensureLab, LAB_RESOLVER, leftovers } from '../helpers/lab.js'
import { describeWith } from '../helpers/require-tool.js'

describeWith({ root: true, docker: true }, 'awf-action run (integration)', () => {
  let dir: string
  beforeAll(() => {
    ensureLab()
    dir = mkdtempSync(join(tmpdir(), 'awf-cli-run-'))
    writeFileSync(
      join(dir, 'org.yml'),
      `version: 1\nlock: true\nallow-domains: [allowed.test]\ndns-servers: [${LAB_RESOLVER}]\n`
    )
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('--json: the report is the last line of stdout; flags add blocks to a locked file', async () => {
    const r = await runCli(
      [
        'run',
        '--policy',
        'org.yml',
        '--block-domains',
        'sub.allowed.test',
        '--json',
        '--',
        'sh',
        '-c',
        'curl -s http://allowed.test/json; echo; curl -s http://blocked.test/ || true'
      ],
      dir
    )
    expect(r.code).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines[0]).toContain('LAB-ALLOWED /json')
    const report = JSON.parse(lines.at(-1)!) as {
      exitCode: number
      outputs: Record<string, string>
      facts: { policySources: { file: string; lock: boolean } }
    }
    expect(report.exitCode).toBe(0)
    expect(JSON.parse(report.outputs['blocked-domains']!)).toEqual(['blocked.test'])
    expect(report.facts.policySources).toMatchObject({ lock: true })
    expect(leftovers()).toEqual([])
  })

  test('a locked file refuses a widening flag before anything starts', async () => {
    const r = await runCli(
      ['run', '--policy', 'org.yml', '--allow-domains', 'blocked.test', '--', 'true'],
      dir
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      'flag --allow-domains: "blocked.test" is refused: the policy file is locked, so flags may only add blocks'
    )
    expect(leftovers()).toEqual([])
  })
})
