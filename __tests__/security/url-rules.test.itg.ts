/**
 * allow-urls in the lab (docs/threat-model.md, path-scoped exfiltration): a host named by a
 * URL rule serves only the requests a rule matches. Scored by the lab server's own log (what
 * reached it), the command's view (status codes) and the report (the refused requests, their
 * paths under the privacy rules).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, type ActionRun } from '../helpers/action.js'
import { ensureLab, LAB_CA, LAB_RESOLVER, labLog, leftovers, newNonce } from '../helpers/lab.js'
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
  `echo "subdomain $(code http://api.allowed.test/public/${N}-i)"`
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
      for (const label of ['private', 'post', 'dots', 'encoded', 'port'])
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
      expect(run.summary).toContain('<code>GET &#47;private&#47;&#40;hidden&#41;</code>')
      expect(run.summary).toContain('<code>POST &#47;public&#47;&#40;hidden&#41;</code>')
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
  `echo "sub $(curl -s --cacert lab-ca.crt https://sub.allowed.test/${H}-s)"`
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
