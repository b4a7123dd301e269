/**
 * The bundled action as the runner runs it: dist/main.js with INPUT_* variables and the
 * GITHUB_OUTPUT/GITHUB_STATE files, then dist/post.js with the saved state.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureLab, LAB_CA, LAB_RESOLVER, leftovers, ROOT, type Result } from '../helpers/lab.js'
import { runCli } from '../helpers/cli.js'
import { describeWith } from '../helpers/require-tool.js'

interface ActionRun extends Result {
  readonly outputs: string
  readonly state: string
}

function runAction(
  entry: 'main' | 'post',
  inputs: Record<string, string>,
  dir: string,
  extraEnv: Record<string, string> = {},
  killAfter?: RegExp
): Promise<ActionRun> {
  const outputFile = join(dir, `${entry}.output`)
  const stateFile = join(dir, `${entry}.state`)
  writeFileSync(outputFile, '')
  writeFileSync(stateFile, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STATE: stateFile,
    ...extraEnv
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  const child = spawn('node', [join(ROOT, 'dist', `${entry}.js`)], {
    env,
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString()
    if (killAfter?.test(stdout)) child.kill('SIGKILL')
  })
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise((resolve) =>
    child.on('close', (code) =>
      resolve({
        code: code ?? 137,
        stdout,
        stderr,
        outputs: readFileSync(outputFile, 'utf8'),
        state: readFileSync(stateFile, 'utf8')
      })
    )
  )
}

/** The runner hands saved state to the post step as STATE_<name> variables. */
function stateEnv(stateFile: string): Record<string, string> {
  const env: Record<string, string> = {}
  const re = /^(.+?)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm
  for (const m of stateFile.matchAll(re)) env[`STATE_${m[1]}`] = m[3]!
  return env
}

describeWith({ root: true, docker: true }, 'the action (integration)', () => {
  let dir: string
  beforeAll(() => {
    ensureLab()
    dir = mkdtempSync(join(tmpdir(), 'awf-action-'))
    copyFileSync(LAB_CA, join(dir, 'ca.crt'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const base = { 'allow-domains': 'allowed.test', 'dns-servers': LAB_RESOLVER }

  test('runs the script, sets outputs, and agent output cannot issue workflow commands', async () => {
    const script = [
      'curl -sS --cacert ca.crt https://allowed.test/from-action',
      'echo "::set-output name=exit-code::0"',
      'echo "::error::forged by the agent"',
      'echo "::add-mask::x"',
      'exit 3'
    ].join('\n')
    const r = await runAction('main', { ...base, run: script }, dir)
    expect(r.stdout).toContain('LAB-ALLOWED /from-action')
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/::error::the command exited with code 3/)
    expect(r.outputs).toMatch(/exit-code<<.*\n3\n/)
    expect(r.outputs).toMatch(/logs-dir<</)
    // Every agent line sits between ::stop-commands::<token> and ::<token>::.
    const m = /::stop-commands::([0-9a-f]{32})\n([\s\S]*)\n::\1::/.exec(r.stdout)
    expect(m?.[2]).toContain('::error::forged by the agent')
    const outside = r.stdout.replace(m?.[0] ?? '', '')
    expect(outside).not.toMatch(/^::(error::forged|set-output|add-mask)/m)
    expect(r.stdout).toMatch(/Arming the sandbox/)
    expect(leftovers()).toEqual([])
  })

  test('an invalid input fails the step naming the input, before anything starts', async () => {
    const r = await runAction(
      'main',
      { ...base, 'allow-domains': 'com\n*.co.uk', run: 'true' },
      dir
    )
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      /::error::input allow-domains: "com" .*%0Ainput allow-domains: "\*\.co\.uk"/
    )
    expect(r.state).toBe('')
  })

  test('when the main step is killed mid-run, the post step removes everything', async () => {
    const main = await runAction(
      'main',
      { ...base, run: 'echo armed-and-running; sleep 120' },
      dir,
      {},
      /armed-and-running/
    )
    expect(main.code).toBe(137)
    expect(leftovers()).not.toEqual([])
    const post = await runAction('post', {}, dir, stateEnv(main.state))
    expect(post.code).toBe(0)
    expect(post.stdout).toMatch(/Removing what run [0-9a-f]{8} left behind/)
    expect(leftovers()).toEqual([])
  })

  test('what a hard-killed run left is swept by the next run', async () => {
    const main = await runAction(
      'main',
      { ...base, run: 'echo armed-and-running; sleep 120' },
      dir,
      {},
      /armed-and-running/
    )
    expect(main.code).toBe(137)
    const crashed = /awf-([0-9a-f]{8})-int/.exec(leftovers().join('\n'))?.[1]
    expect(crashed).toBeDefined()
    const next = await runCli(
      ['run', '--allow-domains', 'allowed.test', '--dns-servers', LAB_RESOLVER, '--', 'true'],
      dir
    )
    expect(next.code).toBe(0)
    expect(next.stderr).toContain(`removed leftovers of crashed runs: ${crashed}`)
    expect(leftovers()).toEqual([])
  })

  test('the post step does nothing after a main step that cleaned up', async () => {
    const main = await runAction('main', { ...base, run: 'true' }, dir)
    expect(main.code).toBe(0)
    const post = await runAction('post', {}, dir, stateEnv(main.state))
    expect(post.code).toBe(0)
    expect(post.stdout).not.toMatch(/left behind/)
  })
})
