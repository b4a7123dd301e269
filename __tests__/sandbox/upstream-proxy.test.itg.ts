/**
 * Behind a corporate proxy: the lab's second Squid stands in for it and logs every request it
 * forwards. Our policy still decides first: what it refuses never reaches the parent, and the
 * parent's login never shows anywhere the run writes.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startCli } from '../helpers/cli.js'
import {
  corporateLog,
  corporateLogin,
  ensureLab,
  LAB,
  LAB_CA,
  LAB_RESOLVER,
  labLog,
  leftovers,
  newNonce,
  type Result
} from '../helpers/lab.js'
import { describeWith } from '../helpers/require-tool.js'

const CORP = LAB.addresses.corporate!
const PORTS = LAB.corporateProxy

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describeWith(
  { root: true, docker: true, tools: ['iptables-save'] },
  'upstream proxy (integration)',
  () => {
    let workspace: string
    const nonce = newNonce()
    const run = (args: readonly string[], script: string, env = {}): Promise<Result> =>
      startCli(
        [
          'run',
          '--allow-domains',
          'allowed.test,shared-allowed.test',
          '--dns-servers',
          LAB_RESOLVER,
          ...args,
          '--',
          'bash',
          '-c',
          script
        ],
        workspace,
        env
      ).done

    beforeAll(() => {
      ensureLab()
      workspace = mkdtempSync(join(tmpdir(), 'awf-itg-upstream-'))
      copyFileSync(LAB_CA, join(workspace, 'ca.crt'))
    })
    afterAll(() => rmSync(workspace, { recursive: true, force: true }))

    describe('a parent that wants a login', () => {
      let r: Result
      const login = (): string => corporateLogin()
      beforeAll(async () => {
        // The positive control: the parent itself forwards a blocked name when asked directly.
        const script = [
          `curl -sS --max-time 5 --cacert ca.crt https://allowed.test/${nonce}-https`,
          `curl -sS --max-time 5 http://allowed.test/${nonce}-http`,
          `curl -sS --max-time 5 -o /dev/null -w "%{http_code}\\n" http://blocked.test/${nonce}-blocked`,
          `curl -sS --max-time 5 --cacert ca.crt https://blocked.test/${nonce}-sblocked`,
          `curl -sS --max-time 5 --cacert ca.crt --connect-to shared-blocked.test:443:shared-allowed.test:443 https://shared-blocked.test/${nonce}-front`,
          'true'
        ].join('; ')
        r = await run(
          [
            '--upstream-proxy',
            `http://${CORP}:${PORTS.login}`,
            '--upstream-proxy-auth',
            'CORP_LOGIN'
          ],
          script,
          { CORP_LOGIN: login() }
        )
      }, 120000)

      test('allowed HTTPS and HTTP leave through the parent, with its login', () => {
        expect(r.code).toBe(0)
        expect(r.stdout).toContain(`LAB-ALLOWED /${nonce}-https`)
        expect(r.stdout).toContain(`LAB-ALLOWED /${nonce}-http`)
        expect(corporateLog()).toMatch(
          new RegExp(`TCP_MISS/200 GET http://allowed\\.test/${nonce}-http ${PORTS.user} `)
        )
        expect(corporateLog()).toMatch(
          new RegExp(`TCP_TUNNEL/200 CONNECT allowed\\.test:443 ${PORTS.user} `)
        )
      })

      test('what our policy refuses never reaches the parent (nor the lab)', () => {
        expect(r.stdout).toMatch(/^403$/m)
        for (const needle of [`${nonce}-blocked`, `${nonce}-sblocked`, `${nonce}-front`]) {
          expect(corporateLog()).not.toContain(needle)
          expect(labLog()).not.toContain(needle)
        }
        expect(corporateLog()).not.toMatch(/blocked\.test/)
      })

      test('the login is in no file of the run, no output, and no argument', () => {
        const secret = login().split(':')[1]!
        const logsDir = /logs in (\S+)/.exec(r.stderr)?.[1]
        expect(logsDir).toBeDefined()
        for (const file of filesUnder(logsDir!))
          expect(readFileSync(file, 'utf8').includes(secret)).toBe(false)
        expect(r.stdout + r.stderr).not.toContain(secret)
        expect(readFileSync(join(logsDir!, 'config', 'squid.conf'), 'utf8')).toContain(
          'login=AWF_UPSTREAM_LOGIN'
        )
      })
    })

    test('a parent that is down stops the run before the command, naming it', async () => {
      const down = 3199
      const r = await run(['--upstream-proxy', `http://${CORP}:${down}`], 'echo COMMAND-RAN')
      expect(r.code).toBe(125)
      expect(r.stdout + r.stderr).not.toContain('COMMAND-RAN')
      expect(r.stderr).toContain(`the upstream proxy ${CORP}:${down} does not accept connections`)
      expect(leftovers()).toEqual([])
    }, 120000)

    test('a parent that refuses: the request fails, and our proxy logs the refusal', async () => {
      const r = await run(
        ['--upstream-proxy', `http://${CORP}:${PORTS.refusing}`],
        `curl -sS --max-time 5 -o /dev/null -w "%{http_code}\\n" http://allowed.test/${nonce}-refused`
      )
      expect(r.stdout).toMatch(/^403$/m)
      expect(corporateLog()).toMatch(
        new RegExp(`TCP_DENIED/403 GET http://allowed\\.test/${nonce}-refused - ${PORTS.refusing}`)
      )
      expect(labLog()).not.toContain(`${nonce}-refused`)
    }, 120000)
  }
)
