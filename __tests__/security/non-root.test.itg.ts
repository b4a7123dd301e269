/**
 * The command-line tool run by a user without root and without sudo, who may only use Docker:
 * the situation `host-firewall: off` exists for. The user gets a copy of the bundle and the
 * containers folder (the checkout may sit under root's home, which they cannot read).
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureLab, labLog, LAB, LAB_RESOLVER, leftovers, newNonce, ROOT } from '../helpers/lab.js'
import { startCli } from '../helpers/cli.js'
import { describeWith } from '../helpers/require-tool.js'
import type { Result } from '../helpers/lab.js'

const USER = 'awf-nonroot'

function removeUser(): void {
  try {
    execFileSync('id', ['-u', USER], { stdio: 'ignore' })
  } catch {
    return
  }
  execFileSync('userdel', [USER])
}

/** A user in the docker group, created for the test (a leftover of an interrupted run replaced). */
function createUser(): { uid: number; gid: number } {
  removeUser()
  execFileSync('useradd', [
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    '-G',
    'docker',
    USER
  ])
  const id = (flag: string): number =>
    Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim())
  return { uid: id('-u'), gid: id('-g') }
}

const runAsUser = (cli: string, args: readonly string[], cwd: string): Promise<Result> =>
  startCli(args, cwd, {}, { launcher: ['runuser', '-u', USER, '--', 'node'], cli }).done

describeWith(
  { root: true, docker: true, tools: ['runuser', 'useradd', 'userdel'] },
  'a runner user without root or sudo (integration)',
  () => {
    let user: { uid: number; gid: number }
    let copy: string
    let workspace: string
    const policy = ['--allow-domains', 'allowed.test', '--dns-servers', LAB_RESOLVER]

    beforeAll(() => {
      ensureLab()
      user = createUser()
      copy = mkdtempSync(join(tmpdir(), 'awf-nonroot-'))
      for (const dir of ['dist', 'containers'])
        cpSync(join(ROOT, dir), join(copy, dir), { recursive: true })
      chmodSync(copy, 0o755)
      workspace = join(copy, 'workspace')
      mkdirSync(workspace)
      chownSync(workspace, user.uid, user.gid)
    })

    afterAll(() => {
      removeUser()
      rmSync(copy, { recursive: true, force: true })
    })

    test('host-firewall off: the policy holds, the command runs as the user, nothing is left', async () => {
      const n = newNonce()
      const r = await runAsUser(
        join(copy, 'dist', 'cli.js'),
        [
          'run',
          '--host-firewall',
          'off',
          ...policy,
          '--',
          'bash',
          '-c',
          [
            'id -u',
            `curl -sS --max-time 5 http://allowed.test/${n}-ok`,
            `curl -sS --max-time 5 -o /dev/null -w "blocked=%{http_code}\\n" http://blocked.test/${n}-blocked`,
            `curl -sS --max-time 5 --noproxy "*" http://${LAB.addresses.sink}:8081/${n}-direct || echo direct-failed`,
            `touch ${workspace}/${n}-file`
          ].join('; ')
        ],
        workspace
      )
      expect(r.stderr).toContain('host-firewall off: no host iptables rules for this run')
      expect(r.code).toBe(0)
      expect(r.stdout).toContain(String(user.uid))
      expect(r.stdout).toContain(`LAB-ALLOWED /${n}-ok`)
      expect(r.stdout).toContain('blocked=403')
      expect(r.stdout).toContain('direct-failed')
      expect(labLog()).not.toContain(`${n}-blocked`)
      expect(labLog()).not.toContain(`${n}-direct`)
      expect(
        execFileSync('stat', ['-c', '%u', join(workspace, `${n}-file`)], {
          encoding: 'utf8'
        }).trim()
      ).toBe(String(user.uid))
      expect(leftovers()).toEqual([])
    })

    test('host-firewall on without root or sudo: refused before anything starts, with the way out, nothing left', async () => {
      const r = await runAsUser(
        join(copy, 'dist', 'cli.js'),
        ['run', ...policy, '--', 'true'],
        workspace
      )
      expect(r.code).not.toBe(0)
      expect(r.stderr).toMatch(/Host firewall rules need root \(or passwordless sudo\)/)
      expect(r.stderr).toContain('host-firewall: off')
      expect(r.stdout).toBe('')
      expect(leftovers()).toEqual([])
    })
  }
)
