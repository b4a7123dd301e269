/**
 * The policy file on a pull_request event (a real payload shape, real git repositories): it is
 * read from the base commit, a pull request that widens it gets a notice and not the wider
 * policy, and every way the base version could be missing fails closed with what to do.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildPolicy } from '../../src/policy/index.js'
import { readPolicySource } from '../../src/sandbox/policy-file-source.js'
import { describeWith } from '../helpers/require-tool.js'

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'events', 'pull-request.json')
const BASE_POLICY = 'version: 1\nlock: true\nallow-domains: [allowed.test]\n'
const PR_POLICY = 'version: 1\nallow-domains: [allowed.test, blocked.test]\n'

function git(dir: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t.test', ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }
  ).trim()
}

describeWith({ tools: ['git'] }, 'policy file on a pull_request event', () => {
  let root: string
  let repo: string
  let base: string
  let head: string

  /** The event payload GitHub writes for this pull request, at GITHUB_EVENT_PATH. */
  const event = (baseSha: string): string => {
    const path = join(root, `event-${baseSha.slice(0, 8)}.json`)
    const text = readFileSync(FIXTURE, 'utf8')
      .replace('BASE_SHA', baseSha)
      .replace('HEAD_SHA', head)
    writeFileSync(path, text)
    return path
  }
  const read = (
    dir: string,
    opts: { baseSha?: string; path?: string; eventName?: string } = {}
  ): ReturnType<typeof readPolicySource> =>
    readPolicySource({
      path: opts.path ?? '.github/awf-policy.yml',
      baseDir: dir,
      where: 'input policy',
      eventName: opts.eventName ?? 'pull_request',
      eventPath: event(opts.baseSha ?? base)
    })

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'awf-pr-'))
    repo = join(root, 'repo')
    mkdirSync(join(repo, '.github'), { recursive: true })
    git(root, 'init', '-q', '-b', 'main', repo)
    writeFileSync(join(repo, '.github', 'awf-policy.yml'), BASE_POLICY)
    git(repo, 'add', '.')
    git(repo, 'commit', '-qm', 'base policy')
    base = git(repo, 'rev-parse', 'HEAD')
    // The pull request widens the policy and adds a second policy file of its own.
    writeFileSync(join(repo, '.github', 'awf-policy.yml'), PR_POLICY)
    writeFileSync(join(repo, '.github', 'new-policy.yml'), PR_POLICY)
    git(repo, 'add', '.')
    git(repo, 'commit', '-qm', 'widen the policy')
    head = git(repo, 'rev-parse', 'HEAD')
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  test('the base commit’s file applies, and the pull request’s change gets a notice', async () => {
    const source = await read(repo)
    expect(source?.file.text).toBe(BASE_POLICY)
    expect(source?.file.path).toBe(`${base.slice(0, 12)}:.github/awf-policy.yml`)
    expect(source?.notices).toEqual([
      `this pull request changes the policy file ".github/awf-policy.yml": the run uses the base commit's version (${base.slice(0, 12)}); the change applies once it is merged`
    ])
    const { policy } = buildPolicy({}, 'input', source!.file)
    expect(policy.allowDomains.map((r) => r.name)).toEqual(['allowed.test'])
  })

  test('the base commit’s lock holds against the pull request’s inputs', async () => {
    const source = await read(repo)
    expect(() => buildPolicy({ 'allow-domains': 'blocked.test' }, 'input', source!.file)).toThrow(
      /input allow-domains: "blocked\.test" is refused: the policy file is locked/
    )
  })

  test('an unchanged file gets no notice', async () => {
    const source = await read(repo, { baseSha: head })
    expect(source?.notices).toEqual([])
  })

  test('a policy file the pull request adds is refused', async () => {
    await expect(read(repo, { path: '.github/new-policy.yml' })).rejects.toThrow(
      /does not exist in the pull request's base commit .*merge the policy file first/
    )
  })

  test('a shallow checkout without the base commit fails closed, naming fetch-depth', async () => {
    const shallow = join(root, 'shallow')
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow], {
      stdio: 'ignore'
    })
    await expect(read(shallow)).rejects.toThrow(
      /base commit [0-9a-f]{12} is not in the checkout.*fetch-depth: 2/
    )
  })

  test('outside a git checkout it fails closed', async () => {
    const plain = join(root, 'plain')
    mkdirSync(join(plain, '.github'), { recursive: true })
    writeFileSync(join(plain, '.github', 'awf-policy.yml'), PR_POLICY)
    await expect(read(plain)).rejects.toThrow(/is not inside a git checkout/)
  })

  test('other events read the checked-out file', async () => {
    const source = await read(repo, { eventName: 'push' })
    expect(source?.file.text).toBe(PR_POLICY)
    expect(source?.notices).toEqual([])
  })

  test('a pull request payload without a base commit fails closed', async () => {
    const path = join(root, 'bad-event.json')
    writeFileSync(path, '{"pull_request": {"number": 1}}')
    await expect(
      readPolicySource({
        path: '.github/awf-policy.yml',
        baseDir: repo,
        where: 'input policy',
        eventName: 'pull_request_target',
        eventPath: path
      })
    ).rejects.toThrow(/^input policy: the pull_request_target event payload names no base commit/)
  })
})
