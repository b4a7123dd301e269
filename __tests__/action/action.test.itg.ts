/**
 * The bundled action as the runner runs it: dist/main.js with INPUT_* variables and the
 * GITHUB_OUTPUT/GITHUB_STATE files, then dist/post.js with the saved state.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, stateEnv, type ActionRun } from '../helpers/action.js'
import { ensureLab, LAB_CA, LAB_RESOLVER, leftovers, ROOT } from '../helpers/lab.js'
import { runCli } from '../helpers/cli.js'
import { node24Binary } from '../helpers/node24.js'
import { describeWith } from '../helpers/require-tool.js'

describeWith({ root: true, docker: true }, 'the action (integration)', () => {
  let dir: string
  beforeAll(() => {
    ensureLab()
    dir = mkdtempSync(join(tmpdir(), 'awf-action-'))
    copyFileSync(LAB_CA, join(dir, 'ca.crt'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const base = {
    'allow-domains': 'allowed.test',
    'dns-servers': LAB_RESOLVER,
    'fail-on-blocked': 'false'
  }

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

  test('the bundle runs on Node 24, the runtime action.yml declares', async () => {
    expect(readFileSync(join(ROOT, 'action.yml'), 'utf8')).toMatch(/using: ['"]?node24/)
    const script = 'curl -sS --cacert ca.crt https://allowed.test/from-node24'
    const r = await runAction('main', { ...base, run: script }, dir, {}, undefined, node24Binary())
    expect(r.stdout).toContain('LAB-ALLOWED /from-node24')
    expect(r.code).toBe(0)
    expect(r.summary).toContain('allowed.test')
    const post = await runAction('post', {}, dir, stateEnv(r.state), undefined, node24Binary())
    expect(post.code).toBe(0)
    expect(leftovers()).toEqual([])
  })

  test('credentials: the key is masked, set by the proxy, and nowhere the action writes', async () => {
    const key = readFileSync('/run/awf-lab/api.key', 'utf8').trim()
    const api = 'https://api.allowed.test:9443'
    const inputs = {
      ...base,
      'allow-domains': `allowed.test ${api}`,
      'ca-certificates': 'ca.crt',
      credentials: 'api.allowed.test x-api-key=${LAB_API_KEY}',
      run: `echo "holds=$LAB_API_KEY"; curl -sS ${api}/from-action-credentials`
    }
    const r = await runAction('main', inputs, dir, { LAB_API_KEY: key })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('holds=awf-placeholder-key')
    expect(r.stdout).toContain('LAB-KEY-OK /from-action-credentials')
    // Registered with the runner (which then masks it), and shown nowhere else.
    expect(r.stdout).toContain(`::add-mask::${key}\n`)
    const rest = r.stdout.replaceAll(`::add-mask::${key}\n`, '')
    for (const text of [rest, r.stderr, r.summary, r.outputs, r.state])
      expect(text.includes(key)).toBe(false)
    const post = await runAction('post', {}, dir, stateEnv(r.state))
    expect(post.code).toBe(0)
    expect(leftovers()).toEqual([])
  })

  test('the summary, outputs and annotations show what was reached and what was stopped', async () => {
    const script =
      'curl -sS -o /dev/null http://allowed.test/; curl -s -o /dev/null http://blocked.test/; getent hosts evil.test || true'
    const r = await runAction('main', { ...base, run: script }, dir)
    expect(r.code).toBe(0)
    expect(r.summary).toMatch(/enforcement verified: 10\/10 checks/)
    expect(r.summary).toMatch(
      /\| <code>blocked\.test<\/code> \| 80 \| proxy \| <code>blocked\.test<\/code> \|/
    )
    expect(r.summary).toMatch(/\| <code>evil\.test<\/code> \| 53 \| dns \|/)
    expect(r.outputs).toMatch(/allowed-domains<<.*\n\["allowed\.test"\]\n/)
    expect(r.outputs).toMatch(/blocked-domains<<.*\n\["blocked\.test","evil\.test"\]\n/)
    expect(r.stdout).toMatch(
      /::warning title=awf-action blocked blocked\.test::.*add this line to allow-domains: blocked\.test/
    )
  })

  test('audit mode: the suggested policy is in the job summary and the output', async () => {
    const script =
      'curl -sS -o /dev/null http://allowed.test/; curl -sS -o /dev/null http://blocked.test/'
    const r = await runAction('main', { ...base, mode: 'audit', run: script }, dir)
    expect(r.code).toBe(0)
    expect(r.summary).toContain('### Suggested policy (audit mode)')
    expect(r.summary).toMatch(/<pre>[\s\S]*blocked\.test[\s\S]*<\/pre>/)
    expect(r.outputs).toMatch(/suggested-policy<<[\s\S]*blocked\.test/)
  })

  test('fail-on-blocked fails the step only for blocks outside expected-blocks', async () => {
    const script = 'curl -s -o /dev/null http://blocked.test/; exit 0'
    const failing = await runAction(
      'main',
      { ...base, run: script, 'fail-on-blocked': 'true' },
      dir
    )
    expect(failing.code).toBe(1)
    expect(failing.stdout).toMatch(
      /::error::fail-on-blocked: 1 destination\(s\) outside expected-blocks were blocked: "blocked\.test"/
    )
    const passing = await runAction(
      'main',
      { ...base, run: script, 'fail-on-blocked': 'true', 'expected-blocks': 'blocked.test' },
      dir
    )
    expect(passing.code).toBe(0)
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

  /** A main step SIGKILLed while its command runs, as a cancelled or crashed runner would. */
  async function killedMainStep(): Promise<ActionRun> {
    const run = { ...base, run: 'echo armed-and-running; sleep 120' }
    const main = await runAction('main', run, dir, {}, /armed-and-running/)
    expect(main.code).toBe(137)
    return main
  }

  test('when the main step is killed mid-run, the post step removes everything', async () => {
    const main = await killedMainStep()
    expect(leftovers()).not.toEqual([])
    const post = await runAction('post', {}, dir, stateEnv(main.state))
    expect(post.code).toBe(0)
    expect(post.stdout).toMatch(/Removing what run [0-9a-f]{8} left behind/)
    expect(leftovers()).toEqual([])
  })

  test('what a hard-killed run left is swept by the next run', async () => {
    await killedMainStep()
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

  test('on a pull_request event the policy file comes from the base commit; its change gets a notice', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'awf-pr-'))
    const git = (...args: string[]): string =>
      execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t.test', ...args], {
        encoding: 'utf8'
      }).trim()
    try {
      git('init', '-q')
      mkdirSync(join(repo, '.github'))
      const policy = join(repo, '.github', 'awf-policy.yml')
      writeFileSync(
        policy,
        `version: 1\nallow-domains: [allowed.test]\ndns-servers: [${LAB_RESOLVER}]\n`
      )
      git('add', '.')
      git('commit', '-qm', 'base')
      const baseSha = git('rev-parse', 'HEAD')
      // The pull request widens its own copy; the run must not use it.
      writeFileSync(
        policy,
        `version: 1\nallow-domains: [allowed.test, blocked.test]\ndns-servers: [${LAB_RESOLVER}]\n`
      )
      git('commit', '-qam', 'widen')
      const eventPath = join(repo, 'event.json')
      const fixture = join(ROOT, '__tests__', 'fixtures', 'events', 'pull-request.json')
      writeFileSync(
        eventPath,
        readFileSync(fixture, 'utf8')
          .replace('BASE_SHA', baseSha)
          .replace('HEAD_SHA', git('rev-parse', 'HEAD'))
      )
      const script = 'curl -s http://allowed.test/pr; curl -s http://blocked.test/pr; true'
      const r = await runAction(
        'main',
        { policy: '.github/awf-policy.yml', run: script, 'fail-on-blocked': 'false' },
        repo,
        { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath }
      )
      expect(r.code).toBe(0)
      expect(r.stdout).toContain(
        '::notice::this pull request changes the policy file ".github/awf-policy.yml"'
      )
      expect(r.stdout).toContain('LAB-ALLOWED /pr')
      expect(r.stdout).not.toContain('LAB-BLOCKED')
      expect(r.outputs).toMatch(/blocked-domains<<.*\n\["blocked\.test"\]\n/)
      expect(r.summary).toContain(
        `Policy file <code>${baseSha.slice(0, 12)}:.github&#47;awf-policy.yml</code>`
      )
      expect(leftovers()).toEqual([])
    } finally {
      rmSync(repo, { recursive: true, force: true })
    }
  })
})
