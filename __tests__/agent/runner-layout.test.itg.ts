/**
 * A self-hosted runner laid out under /opt (which host mode shows read-only), with the action
 * started by a Node that is not the runner's own: the command sees its own workspace, the tool
 * cache, the event file and every PATH tool, and nothing else of this or another runner.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { startCli } from '../helpers/cli.js'
import { ensureLab, LAB_RESOLVER, leftovers, newNonce, type Result } from '../helpers/lab.js'
import { describeWith } from '../helpers/require-tool.js'

const UID = 4243

function results(r: Result): Record<string, string> {
  return Object.fromEntries(
    [...r.stdout.matchAll(/^(\w[\w.-]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!])
  )
}

function write(path: string, text: string, mode = 0o644): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
  chmodSync(path, mode)
}

const tool = (name: string): string => `#!/bin/sh\necho ${name}-ok\n`

describeWith(
  { root: true, docker: true, tools: ['iptables-save', 'python3'] },
  'a self-hosted runner under /opt (integration)',
  () => {
    const nonce = newNonce()
    let fake: string
    let r: Result
    let out: Record<string, string>
    const background: ChildProcess[] = []

    beforeAll(async () => {
      ensureLab()
      fake = mkdtempSync('/opt/awf-itg-layout-')
      chmodSync(fake, 0o755)
      const root = join(fake, 'actions-runner')
      const work = join(root, '_work')
      const workspace = join(work, 'repo-a', 'repo-a')
      const home = join(fake, 'home')
      const other = join(fake, 'actions-runner-2')
      const secretFiles: Record<string, string> = {
        credentials: join(root, '.credentials'),
        runnerfile: join(root, '.runner'),
        otherrepo: join(work, 'repo-b', 'repo-b', 'secret.txt'),
        stepscript: join(work, '_temp', 'step-1.sh'),
        action: join(work, '_actions', 'org', 'act', 'v1', 'action.yml'),
        otherrunner: join(other, '.credentials'),
        otherjob: join(other, '_work', 'repo-c', 'repo-c', 'secret.txt'),
        githubenv: join(work, '_temp', '_runner_file_commands', 'set_env_1')
      }
      for (const [name, path] of Object.entries(secretFiles))
        write(path, `SECRET-${name}-${nonce}`, 0o666)
      mkdirSync(workspace, { recursive: true })
      chownSync(workspace, UID, UID)
      const event = join(work, '_temp', '_github_workflow', 'event.json')
      write(event, `{"nonce":"${nonce}"}`)
      write(join(work, '_tool', 'mytool', 'bin', 'mytool'), tool('cache'), 0o755)
      write(join(home, '.local', 'bin', 'hometool'), tool('home'), 0o755)
      write(join(home, '.claude', 'settings.json'), `{"claude":"${nonce}"}`)
      chmodSync(join(home, '.claude'), 0o755)
      write(join(work, '_temp', 'pathtool', 'bin', 'pathtool'), tool('githubpath'), 0o755)
      for (const d of [fake, home, join(home, '.local'), root, work, join(work, '_temp')])
        chmodSync(d, 0o755)
      // Another runner service on the machine, seen only as a running Runner.Worker.
      const worker = join(other, 'bin', 'Runner.Worker')
      mkdirSync(dirname(worker), { recursive: true })
      copyFileSync('/bin/sleep', worker)
      chmodSync(worker, 0o755)
      background.push(spawn(worker, ['600'], { stdio: 'ignore' }))
      // A unix socket some service listens on, inside a visible folder.
      const socket = join(fake, 'service.sock')
      background.push(
        spawn(
          'python3',
          [
            '-c',
            'import socket,sys,time; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(); time.sleep(600)',
            socket
          ],
          { stdio: 'ignore' }
        )
      )
      for (let i = 0; i < 50 && !existsSync(socket); i++)
        await new Promise((resolve) => setTimeout(resolve, 100))
      chmodSync(socket, 0o777)

      const reads = Object.entries(secretFiles)
        .map(([name, path]) => `echo "${name}=$(cat '${path}' 2>/dev/null | head -c 60)"`)
        .join('\n')
      const script = `
        ${reads}
        echo "event=$(cat '${event}')"
        echo "work=$(ls -A '${work}' | sort | tr '\\n' ' ')"
        echo "mytool=$(mytool)"; echo "hometool=$(hometool)"; echo "pathtool=$(pathtool)"
        python3 -c "import socket,sys; s=socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])" '${socket}' 2>/dev/null; echo "socket=$?"
        touch "$HOME/.local/probe"; echo "homelocal=$?"
        echo "claude=$(cat "$HOME/.claude/settings.json")"
        (echo x >> "$HOME/.claude/settings.json") 2>/dev/null; echo "claudewrite=$?"
        touch "$HOME/.claude/other"; echo "claudedir=$?"
        touch "${workspace}/probe"; echo "workspace=$?"
      `
      const env = {
        HOME: home,
        GITHUB_WORKSPACE: workspace,
        RUNNER_WORKSPACE: join(work, 'repo-a'),
        RUNNER_TEMP: join(work, '_temp'),
        RUNNER_TOOL_CACHE: join(work, '_tool'),
        GITHUB_EVENT_PATH: event,
        GITHUB_ENV: secretFiles.githubenv!,
        PATH: [
          join(work, '_tool', 'mytool', 'bin'),
          join(home, '.local', 'bin'),
          join(work, '_temp', 'pathtool', 'bin'),
          process.env.PATH ?? '/usr/bin:/bin'
        ].join(':')
      }
      // The Node running the tests: not under any runner's externals/ folder.
      expect(process.execPath).not.toContain('/externals/')
      r = await startCli(
        [
          'run',
          '--user',
          `${UID}:${UID}`,
          '--allow-domains',
          'allowed.test',
          '--dns-servers',
          LAB_RESOLVER,
          '--home-config',
          '~/.claude/settings.json',
          '--',
          'bash',
          '-c',
          script
        ],
        workspace,
        env,
        { launcher: [process.execPath] }
      ).done
      out = results(r)
    }, 180000)

    afterAll(() => {
      for (const child of background) child.kill()
      if (fake) rmSync(fake, { recursive: true, force: true })
    })

    test('the run succeeds', () => {
      expect([r.code, r.stderr.slice(-2000)]).toEqual([0, expect.anything()])
    })

    test.each([
      'credentials',
      'runnerfile',
      'otherrepo',
      'stepscript',
      'action',
      'otherrunner',
      'otherjob',
      'githubenv'
    ])('%s is not readable', (name) => {
      expect([name, out[name]]).toEqual([name, ''])
    })

    test("of the work folder, only this job's workspace, tool cache and event file show", () => {
      expect(out.work!.trim().split(' ')).toEqual(['_temp', '_tool', 'repo-a'])
      expect(out.event).toBe(`{"nonce":"${nonce}"}`)
    })

    test('tools from the tool cache, under HOME and on a GITHUB_PATH folder run', () => {
      expect([out.mytool, out.hometool, out.pathtool]).toEqual([
        'cache-ok',
        'home-ok',
        'githubpath-ok'
      ])
    })

    test('the fresh HOME stays writable around mounted PATH folders', () => {
      expect(out.homelocal).toBe('0')
      expect(out.workspace).toBe('0')
    })

    test('a HOME config file listed in home-config is readable, not writable', () => {
      expect(out.claude).toBe(`{"claude":"${nonce}"}`)
      expect(out.claudewrite).toBe('1')
      expect(out.claudedir).toBe('0')
    })

    test('a listening unix socket in a visible folder cannot be reached', () => {
      expect(out.socket).not.toBe('0')
      expect(out.socket).toBeDefined()
    })

    test('the hidden paths are named in the log', () => {
      expect(r.stderr).toMatch(/hidden from the command: .*actions-runner-2\/_work/)
      expect(r.stderr).toContain('service.sock')
    })

    test('nothing is left behind', () => {
      expect(leftovers()).toEqual([])
    })
  }
)
