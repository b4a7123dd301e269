/**
 * Interception (issue 16) in the lab: the key API (lab/key-api.mjs, on api.allowed.test) is
 * intercepted and given the lab key by the proxy; allowed.test is not, and keeps the lab's
 * own certificate. Every client family trusts the run's CA without a flag; the command
 * holds a placeholder, never the key, and the key is nowhere the command can read or the
 * run writes. (The unfirewalled control: the same API refuses a request without the key.)
 */
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CREDENTIAL_PLACEHOLDER } from '../../src/run/credentials.js'
import { startCli } from '../helpers/cli.js'
import {
  ensureLab,
  LAB,
  LAB_CA,
  LAB_RESOLVER,
  LAB_STATE,
  labLog,
  leftovers,
  newNonce,
  type Result
} from '../helpers/lab.js'
import { node24Binary } from '../helpers/node24.js'
import { describeWith } from '../helpers/require-tool.js'

const API_PORT = (LAB as unknown as { keyApi: { port: number } }).keyApi.port
const API = `https://api.allowed.test:${API_PORT}`

function results(r: Result): Record<string, string> {
  return Object.fromEntries(
    [...r.stdout.matchAll(/^(\w[\w.-]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!])
  )
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]
  )
}

/** The key API's log lines for one path. */
function apiLines(
  path: string
): { apiKey: string | null; authorization: string | null; ok: boolean }[] {
  return labLog()
    .split('\n')
    .filter((l) => l.includes('"svc":"key-api:') && l.includes(path))
    .map(
      (l) => JSON.parse(l) as { apiKey: string | null; authorization: string | null; ok: boolean }
    )
}

describeWith(
  { root: true, docker: true, tools: ['iptables-save', 'java', 'git', 'python3', 'curl'] },
  'interception and credentials (integration)',
  () => {
    let workspace: string
    let key: string
    let r: Result
    let out: Record<string, string>
    const n = newNonce()

    beforeAll(async () => {
      ensureLab()
      key = readFileSync(join(LAB_STATE, 'api.key'), 'utf8').trim()
      workspace = mkdtempSync(join(tmpdir(), 'awf-itg-intercept-'))
      copyFileSync(LAB_CA, join(workspace, 'lab-ca.crt'))
      copyFileSync(node24Binary(), join(workspace, 'node24'))
      writeFileSync(
        join(workspace, 'Get.java'),
        `public class Get { public static void main(String[] a) throws Exception {
  var c = (java.net.HttpURLConnection) new java.net.URI(a[0]).toURL().openConnection();
  System.out.println(c.getResponseCode()); } }\n`
      )
      // The command looks for the key without holding it: it gets it reversed, and greps
      // with the pattern on a pipe (never in an argument).
      const reversed = [...key].reverse().join('')
      const script = `
        probe() { local id=$1; shift; "$@" >/tmp/$id.out 2>&1; echo "$id=$?"; tr '\\n' ' ' </tmp/$id.out | head -c 400 | sed "s/^/$id.out=/"; echo; }
        chmod +x node24
        echo "placeholder=$LAB_API_KEY"
        probe own_key curl -sS --max-time 10 -H "x-api-key: attacker-${n}" ${API}/${n}-own
        probe no_key curl -sS --max-time 10 ${API}/${n}-none
        probe host_switch curl -sS --max-time 10 -o /dev/null -w "%{http_code}" -H "Host: allowed.test" ${API}/${n}-switch
        probe trace curl -sS --max-time 10 -o /dev/null -w "%{http_code}" -X TRACE ${API}/${n}-trace
        probe issuer_icpt sh -c "curl -sS -v --max-time 10 -o /dev/null ${API}/${n}-issuer 2>&1 | grep -i 'issuer:'"
        probe issuer_splice sh -c "curl -sS -v --max-time 10 -o /dev/null https://allowed.test/${n}-splice 2>&1 | grep -i 'issuer:'"
        probe py python3 -c "import urllib.request as u; print(u.urlopen('${API}/${n}-py').read())"
        probe node ./node24 -e "fetch('${API}/${n}-node').then(r => r.text()).then(console.log)"
        probe java java Get.java ${API}/${n}-java
        probe git git ls-remote ${API}/${n}-git
        secret=$(printf '%s' "$SECRET_REV" | rev)
        found() { grep -D skip -rlsF -f <(printf '%s\\n' "$secret") "$@" 2>/dev/null; }
        echo "found_files=$(found /awf /etc /tmp /run /home /root /var/tmp /dev/shm "$HOME" "$PWD" | tr '\\n' ' ')"
        echo "found_proc=$(for p in /proc/[0-9]*; do found $p/environ $p/cmdline $p/mountinfo; done | tr '\\n' ' ')"
        echo "found_env=$(env | grep -cF -f <(printf '%s\\n' "$secret"))"
        unset secret
      `
      r = await startCli(
        [
          'run',
          '--allow-domains',
          `allowed.test,${API}`,
          '--dns-servers',
          LAB_RESOLVER,
          '--ca-certificates',
          'lab-ca.crt',
          '--credentials',
          'api.allowed.test x-api-key=${LAB_API_KEY}',
          '--credentials',
          'api.allowed.test Authorization=Bearer ${LAB_API_KEY}',
          '--env',
          `SECRET_REV=${reversed}`,
          '--',
          'bash',
          '-c',
          script
        ],
        workspace,
        { LAB_API_KEY: key }
      ).done
      out = results(r)
    }, 300000)

    afterAll(() => rmSync(workspace, { recursive: true, force: true }))

    test('the run succeeds and leaves nothing behind', () => {
      expect([r.code, r.stderr.slice(-1500)]).toEqual([0, expect.any(String)])
      expect(leftovers()).toEqual([])
    })

    test('the command holds a placeholder in the variable, never the key', () => {
      expect(out.placeholder).toBe(CREDENTIAL_PLACEHOLDER)
    })

    test('the log names the intercepted host and the headers set, never a value', () => {
      expect(r.stderr).toContain(
        "intercepted (decrypted by the proxy, with this run's CA): api.allowed.test; set by the proxy on every request: x-api-key for api.allowed.test, authorization for api.allowed.test"
      )
    })

    test("the command's own key is replaced: the API sees the configured key only", () => {
      expect(out['own_key.out']).toContain(`LAB-KEY-OK /${n}-own`)
      expect(out['no_key.out']).toContain(`LAB-KEY-OK /${n}-none`)
      const seen = [...apiLines(`/${n}-own`), ...apiLines(`/${n}-none`)]
      expect(seen.length).toBe(2)
      for (const line of seen) {
        expect(line).toMatchObject({ apiKey: key, authorization: `Bearer ${key}`, ok: true })
      }
      expect(labLog()).not.toContain(`attacker-${n}`)
    })

    test('inside an intercepted tunnel, another Host and TRACE are refused', () => {
      expect(out['host_switch.out']).toBe('403')
      expect(out['trace.out']).toBe('403')
      expect(labLog()).not.toContain(`${n}-switch`)
      expect(labLog()).not.toContain(`${n}-trace`)
    })

    test('the intercepted host shows the run CA; a host not named keeps its own certificate', () => {
      expect(out['issuer_icpt.out']).toContain('awf-action per-run CA')
      expect(out['issuer_splice.out']).toContain('awf lab CA')
      expect(out['issuer_splice.out']).not.toContain('awf-action')
    })

    test.each([
      ['python urllib', 'py'],
      ['Node 24 fetch', 'node']
    ])('%s trusts the run CA without a flag', (_name, id) => {
      expect([id, out[id], out[`${id}.out`]]).toEqual([
        id,
        '0',
        expect.stringContaining('LAB-KEY-OK')
      ])
    })

    test('the JVM trusts the run CA through JAVA_TOOL_OPTIONS', () => {
      expect([out.java, out['java.out']]).toEqual(['0', expect.stringMatching(/(^| )200 /)])
    })

    test('git trusts the run CA (GIT_SSL_CAINFO): its request reaches the API', () => {
      expect(apiLines(`/${n}-git/info/refs`).length).toBeGreaterThan(0)
    })

    test('the key is nowhere the command can read: files, /proc, its environment', () => {
      expect(out.found_files).toBe('')
      expect(out.found_proc).toBe('')
      expect(out.found_env).toBe('0')
    })

    test('a server the proxy cannot verify (no ca-certificates) gets nothing, and the refusal is reported', async () => {
      const r2 = await startCli(
        [
          'run',
          '--allow-domains',
          API,
          '--dns-servers',
          LAB_RESOLVER,
          '--credentials',
          'api.allowed.test x-api-key=${LAB_API_KEY}',
          '--',
          'curl',
          '-sS',
          '-o',
          '/dev/null',
          '-w',
          '%{http_code}',
          `${API}/${n}-untrusted`
        ],
        workspace,
        { LAB_API_KEY: key }
      ).done
      expect(r2.stdout).toBe('503')
      expect(labLog()).not.toContain(`${n}-untrusted`)
      const logsDir = /logs in (\S+)/.exec(r2.stderr)![1]!
      const events = readFileSync(join(logsDir, 'events.jsonl'), 'utf8')
      expect(events).toMatch(/"decision":"blocked".*"tunnelRefusal":"untrusted-server"/)
      expect(r2.stderr).toMatch(/BLOCKED +api\.allowed\.test +ports 9443/)
    }, 120000)

    test('the key is in no file the run wrote, and in no output; the CA key never left the proxy', () => {
      const logsDir = /logs in (\S+)/.exec(r.stderr)?.[1]
      expect(logsDir).toBeDefined()
      const files = filesUnder(logsDir!)
      expect(files.map((f) => f.slice(logsDir!.length))).toContain('/interception-ca.crt')
      for (const file of files) {
        const text = readFileSync(file, 'utf8')
        expect([file, text.includes(key)]).toEqual([file, false])
        expect([file, /PRIVATE KEY/.test(text)]).toEqual([file, false])
      }
      expect(r.stdout + r.stderr).not.toContain(key)
      expect(readFileSync(join(logsDir!, 'config', 'squid.conf'), 'utf8')).toContain(
        'request_header_add x-api-key "AWF_CREDENTIAL_0"'
      )
    })
  }
)
