/**
 * allow-urls in the lab (docs/threat-model.md, path-scoped exfiltration): a host named by a
 * URL rule serves only the requests a rule matches. Scored by the lab server's own log (what
 * reached it), the command's view (status codes) and the report (the refused requests, their
 * paths under the privacy rules).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, type ActionRun } from '../helpers/action.js'
import {
  ensureLab,
  LAB_CA,
  LAB_RESOLVER,
  LAB_STATE,
  labLog,
  leftovers,
  newNonce,
  ROOT
} from '../helpers/lab.js'
import { describeWith } from '../helpers/require-tool.js'

const N = newNonce()

/** Each line: a label and what the command saw (the body's first word, or the status code). */
const SCRIPT = [
  'code() { curl -s -o /dev/null -w \'%{http_code}\' "$@"; }',
  `echo "public $(curl -s http://allowed.test/public/${N}-a)"`,
  `echo "query $(curl -s 'http://allowed.test/public/${N}-f?x=1')"`,
  `echo "private $(code http://allowed.test/private/${N}-b)"`,
  `echo "post $(code -X POST http://allowed.test/public/${N}-c)"`,
  `echo "dots $(code --path-as-is http://allowed.test/public/../private/${N}-d)"`,
  `echo "encoded $(code http://allowed.test/public/%2e%2e/private/${N}-e)"`,
  `echo "port $(code http://allowed.test:8080/public/${N}-g)"`,
  `echo "https $(code https://allowed.test/public/${N}-h)"`,
  `echo "subdomain $(code http://api.allowed.test/public/${N}-i)"`,
  `echo "trailingdot $(code http://ALLOWED.test./private/${N}-j)"`,
  `echo "case $(code http://allowed.test/PUBLIC/${N}-k)"`
].join('\n')

const output = (run: ActionRun, name: string): string =>
  new RegExp(`^${name}<<(\\S+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(run.outputs)?.[2] ?? ''

describeWith(
  { root: true, docker: true },
  'allow-urls: only matching requests reach a rule host',
  () => {
    let dir: string
    let run: ActionRun

    beforeAll(async () => {
      ensureLab()
      dir = mkdtempSync(join(tmpdir(), 'awf-urls-'))
      run = await runAction(
        'main',
        {
          'allow-urls': 'GET http://allowed.test/public/*',
          'dns-servers': LAB_RESOLVER,
          run: SCRIPT
        },
        dir
      )
    })

    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    test('the command sees the allowed path served and every other request refused', () => {
      if (run.code !== 0) throw new Error(`exit ${run.code}:\n${run.stdout.slice(-2000)}`)
      const seen = (label: string): string =>
        new RegExp(`^${label} (.*)$`, 'm').exec(run.stdout)?.[1] ?? '(missing)'
      expect(seen('public')).toBe(`LAB-ALLOWED /public/${N}-a`)
      expect(seen('query')).toBe(`LAB-ALLOWED /public/${N}-f?x=1`)
      for (const label of ['private', 'post', 'dots', 'encoded', 'port', 'trailingdot', 'case'])
        expect([label, seen(label)]).toEqual([label, '403'])
      // A CONNECT the rules do not allow: no tunnel, so curl has no HTTP status.
      expect(seen('https')).toBe('000')
      // The subdomain is not implied by the rule host.
      expect(['403', '000']).toContain(seen('subdomain'))
    })

    test('the lab server received exactly the two matching requests', () => {
      const reached = labLog()
        .split('\n')
        .filter((l) => l.includes(N))
        .map((l) => (JSON.parse(l) as { data: string }).data)
      expect(reached.sort()).toEqual([
        `GET allowed.test /public/${N}-a`,
        `GET allowed.test /public/${N}-f?x=1`
      ])
    })

    test('the refused requests are reported, their random-looking path segments hidden', () => {
      expect(run.summary).toContain('### Requests refused by allow-urls')
      // More than five refused paths on one host: counted, not listed (report-detail: domains).
      expect(run.summary).toMatch(
        /<code>allowed\.test<\/code> \| <code>paths counted&#44; not shown<\/code> \| \d+ \|/
      )
      // A host allow-urls governs never gets an allow-domains line.
      expect(run.summary).not.toMatch(/allowed\.test:8080/)
      expect(run.summary).not.toContain(N)
      expect(output(run, 'blocked-domains')).not.toContain(N)
      const events = readFileSync(join(output(run, 'logs-dir'), 'events.jsonl'), 'utf8')
      expect(events).toContain(`"request":{"method":"GET","path":"/private/${N}-b"}`)
      expect(events).not.toContain('x=1')
      expect(leftovers()).toEqual([])
    })
  }
)

const H = newNonce()

/** Over HTTPS: the rule host is intercepted; its subdomain keeps its domain entry (spliced). */
const HTTPS_SCRIPT = [
  'code() { curl -s -o /dev/null -w \'%{http_code}\' "$@"; }',
  `echo "public $(curl -s https://allowed.test/public/${H}-a)"`,
  `echo "issuer $(curl -sv -o /dev/null https://allowed.test/public/${H}-z 2>&1 | grep -c 'issuer:.*awf-action per-run CA')"`,
  `echo "private $(code https://allowed.test/private/${H}-b)"`,
  `echo "post $(code -X POST https://allowed.test/public/${H}-c)"`,
  `echo "dots $(code --path-as-is https://allowed.test/public/../private/${H}-d)"`,
  `echo "hostswitch $(code -H 'Host: sub.allowed.test' https://allowed.test/public/${H}-e)"`,
  `echo "port $(code https://allowed.test:8443/public/${H}-g)"`,
  `echo "sub $(curl -s --cacert lab-ca.crt https://sub.allowed.test/${H}-s)"`,
  `echo "trailingdot $(code https://ALLOWED.test./private/${H}-j)"`
].join('\n')

describeWith(
  { root: true, docker: true },
  'allow-urls over HTTPS: decrypted, then only matching requests',
  () => {
    let dir: string
    let run: ActionRun

    beforeAll(async () => {
      ensureLab()
      dir = mkdtempSync(join(tmpdir(), 'awf-urls-tls-'))
      copyFileSync(LAB_CA, join(dir, 'lab-ca.crt'))
      run = await runAction(
        'main',
        {
          'allow-urls': 'GET https://allowed.test/public/*',
          'allow-domains': 'allowed.test',
          'ca-certificates': 'lab-ca.crt',
          'dns-servers': LAB_RESOLVER,
          run: HTTPS_SCRIPT
        },
        dir
      )
    })

    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    test('the command sees the allowed path through the per-run CA and every other request refused', () => {
      if (run.code !== 0) throw new Error(`exit ${run.code}:\n${run.stdout.slice(-2000)}`)
      const seen = (label: string): string =>
        new RegExp(`^${label} (.*)$`, 'm').exec(run.stdout)?.[1] ?? '(missing)'
      expect(seen('public')).toBe(`LAB-ALLOWED /public/${H}-a`)
      // Decrypted: the command saw a certificate from the run's own CA, trusted without flags.
      expect(seen('issuer')).toBe('1')
      for (const label of ['private', 'post', 'dots', 'hostswitch'])
        expect([label, seen(label)]).toEqual([label, '403'])
      expect(seen('port')).toBe('000')
      // Refused as the CONNECT (000) or inside the tunnel (403): the lab log shows it never arrived.
      expect(['403', '000']).toContain(seen('trailingdot'))
      // The subdomain keeps its allow-domains entry: spliced, the lab's own certificate.
      expect(seen('sub')).toBe(`LAB-ALLOWED /${H}-s`)
    })

    test("the lab server received only the matching requests (and the subdomain's)", () => {
      const reached = labLog()
        .split('\n')
        .filter((l) => l.includes(H))
        .map((l) => (JSON.parse(l) as { data: string }).data)
      expect(reached.sort()).toEqual([
        `GET allowed.test /public/${H}-a`,
        `GET allowed.test /public/${H}-z`,
        `GET sub.allowed.test /${H}-s`
      ])
    })

    test('refused requests inside the tunnel are reported with method and hidden path', () => {
      expect(run.summary).toContain('### Requests refused by allow-urls')
      expect(run.summary).toContain('<code>GET &#47;private&#47;&#40;hidden&#41;</code>')
      expect(run.summary).toContain('<code>POST &#47;public&#47;&#40;hidden&#41;</code>')
      expect(run.summary).not.toContain(H)
      expect(leftovers()).toEqual([])
    })
  }
)

/** Git's own requests for a clone over smart HTTP (protocol v2): what the recipe allows. */
const GIT_RULES = [
  'GET https://allowed.test:4443/my-org/*/info/refs',
  'POST https://allowed.test:4443/my-org/*/git-upload-pack'
].join('\n')

const CLONE_SCRIPT = [
  'D=$(mktemp -d)',
  'git clone -q https://allowed.test:4443/my-org/repo.git "$D/ok" && echo "cloned $(cat "$D/ok/README")"',
  '{ git clone -q https://allowed.test:4443/other-org/secret.git "$D/no" 2>&1 || true; } | grep -o "returned error: [0-9]*" | sed "s/^/refused /"',
  'test ! -e "$D/no/README" && echo "nothing of other-org"'
].join('\n')

/** Bare repositories `my-org/repo.git` and `other-org/secret.git`, each with a README. */
function makeRepositories(root: string, marker: string): void {
  const git = (cwd: string, ...args: string[]): void => {
    execFileSync('git', ['-c', 'user.name=lab', '-c', 'user.email=lab@lab.test', ...args], {
      cwd,
      stdio: 'ignore'
    })
  }
  for (const [org, repo] of [
    ['my-org', 'repo.git'],
    ['other-org', 'secret.git']
  ] as const) {
    const bare = join(root, org, repo)
    mkdirSync(bare, { recursive: true })
    git(bare, 'init', '-q', '--bare', '-b', 'main')
    const work = mkdtempSync(join(tmpdir(), 'awf-git-work-'))
    git(work, 'init', '-q', '-b', 'main')
    writeFileSync(join(work, 'README'), `${marker}-${org}\n`)
    git(work, 'add', 'README')
    git(work, 'commit', '-q', '-m', 'lab')
    git(work, 'push', '-q', bare, 'main')
    rmSync(work, { recursive: true, force: true })
  }
}

/** lab/git-server.mjs inside the lab's network namespace; resolves once it listens. */
function startGitServer(root: string, log: string): Promise<ChildProcess> {
  const child = spawn(
    'ip',
    ['netns', 'exec', 'awf-lab', 'node', join(ROOT, 'lab', 'git-server.mjs'), LAB_STATE, root, log],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  )
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(child)
    })
    child.on('exit', (code) => reject(new Error(`git-server exited ${code}`)))
  })
}

describeWith({ root: true, docker: true }, 'allow-urls: git clone of one organisation only', () => {
  const G = newNonce()
  let dir: string
  let server: ChildProcess
  let run: ActionRun
  let log: string

  beforeAll(async () => {
    ensureLab()
    dir = mkdtempSync(join(tmpdir(), 'awf-urls-git-'))
    makeRepositories(join(dir, 'repos'), G)
    log = join(dir, 'git-server.log')
    writeFileSync(log, '')
    server = await startGitServer(join(dir, 'repos'), log)
    const ws = join(dir, 'ws')
    mkdirSync(ws)
    copyFileSync(LAB_CA, join(ws, 'lab-ca.crt'))
    run = await runAction(
      'main',
      {
        'allow-urls': GIT_RULES,
        'ca-certificates': 'lab-ca.crt',
        'dns-servers': LAB_RESOLVER,
        run: CLONE_SCRIPT
      },
      ws
    )
  })

  afterAll(() => {
    server?.kill()
    rmSync(dir, { recursive: true, force: true })
  })

  test('real git clones the allowed repository and is refused the other', () => {
    if (run.code !== 0) throw new Error(`exit ${run.code}:\n${run.stdout.slice(-2000)}`)
    expect(run.stdout).toMatch(new RegExp(`^cloned ${G}-my-org$`, 'm'))
    expect(run.stdout).toMatch(/^refused returned error: 403$/m)
    expect(run.stdout).toMatch(/^nothing of other-org$/m)
  })

  test('the git server saw only my-org requests: what git actually asks for', () => {
    const seen = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { method: string; path: string })
    expect(seen.every((r) => r.path.startsWith('/my-org/repo.git/'))).toBe(true)
    expect([...new Set(seen.map((r) => `${r.method} ${r.path}`))].sort()).toEqual([
      'GET /my-org/repo.git/info/refs',
      'POST /my-org/repo.git/git-upload-pack'
    ])
    expect(run.summary).toContain(
      '<code>GET &#47;other-org&#47;secret.git&#47;info&#47;refs</code>'
    )
    expect(leftovers()).toEqual([])
  })
})
