/**
 * What the command leaves in the workspace for later, unfirewalled steps (issue 14, item 1),
 * scored as the lab scores an attack: the command plants code in the git metadata, the
 * sandbox exits, and then the git commands a later step would run (status, add, commit, diff)
 * run on the runner. With protect-git (the default) nothing planted runs; the positive
 * control (protect-git false) shows every plant does run without it; every plant that lands
 * is reported and fails the step.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ExitCode } from '../../src/common/exit-codes.js'
import { startCli } from '../helpers/cli.js'
import { ensureLab, LAB_RESOLVER, leftovers, newNonce, type Result } from '../helpers/lab.js'
import { describeWith } from '../helpers/require-tool.js'

const UID = 4243
const PLANTS = ['fsmonitor', 'pre-commit', 'filter', 'diff-external'] as const

/** The command: plant each way in, then do ordinary git work (which must still succeed). */
function plantScript(markers: string): string {
  const script = (name: string): string =>
    `printf '#!/bin/sh\\ntouch ${markers}/${name} 2>/dev/null\\nexec cat\\n' > .p-${name} && chmod +x .p-${name}`
  return [
    ...PLANTS.map(script),
    `git config core.fsmonitor "$PWD/.p-fsmonitor"; echo "fsmonitor=$?"`,
    `cp .p-pre-commit .git/hooks/pre-commit; echo "pre-commit=$?"`,
    `git config filter.plant.clean "$PWD/.p-filter"; echo "filter=$?"`,
    // The attributes line goes in whatever git config said: the workspace itself is writable.
    `echo '*.txt filter=plant' > .gitattributes`,
    `git config diff.external "$PWD/.p-diff-external"; echo "diff-external=$?"`,
    'echo work > work.txt && git add work.txt && git -c user.name=a -c user.email=a@b.test commit -qm agent && echo agent-commit=ok'
  ].join('\n')
}

/**
 * What a later step runs on the runner, with the runner's own (empty) git configuration. A
 * command that fails (a repository the plant broke) does not stop the next one.
 */
function laterStep(workspace: string, home: string): void {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null'
  }
  const git = (...args: string[]): void => {
    spawnSync('git', ['-c', 'safe.directory=*', ...args], {
      cwd: workspace,
      env,
      stdio: 'ignore',
      timeout: 20000
    })
  }
  git('status', '--porcelain')
  appendFileSync(join(workspace, 'work.txt'), 'more\n')
  git('add', '-A')
  git('-c', 'user.name=later', '-c', 'user.email=later@b.test', 'commit', '-qm', 'later step')
  appendFileSync(join(workspace, 'work.txt'), 'again\n')
  git('diff')
}

describeWith(
  { root: true, docker: true, tools: ['git', 'iptables-save'] },
  'git metadata left for later steps (integration)',
  () => {
    let base: string
    beforeAll(() => {
      ensureLab()
      base = mkdtempSync(join(tmpdir(), 'awf-git-itg-'))
    })
    afterAll(() => {
      if (process.env.AWF_KEEP_TEST_FILES !== '1') rmSync(base, { recursive: true, force: true })
    })

    /** A checked-out repository owned by the command's user, and a folder for markers. */
    async function attempt(name: string, args: readonly string[], script: (m: string) => string) {
      const workspace = join(base, name, 'repo')
      const markers = join(base, name, `markers-${newNonce()}`)
      const home = join(base, name, 'home')
      for (const d of [workspace, markers, home]) mkdirSync(d, { recursive: true })
      execFileSync(
        'bash',
        [
          '-c',
          'git init -q && echo x > README && git add README && git -c user.name=a -c user.email=a@b.test commit -qm init'
        ],
        { cwd: workspace }
      )
      execFileSync('chown', ['-R', `${UID}:${UID}`, workspace])
      chownSync(join(base, name), UID, UID)
      const r: Result = await startCli(
        [
          'run',
          '--user',
          `${UID}:${UID}`,
          '--allow-domains',
          'allowed.test',
          '--dns-servers',
          LAB_RESOLVER,
          ...args,
          '--',
          'bash',
          '-c',
          script(markers)
        ],
        workspace
      ).done
      // Kept for a person reading a failure: the CLI's own account of the run.
      writeFileSync(join(base, `${name}.log`), `${r.stdout}\n${r.stderr}`)
      laterStep(workspace, home)
      return { r, ran: readdirSync(markers).sort(), workspace }
    }

    test('git-plant-later-step: with protect-git nothing planted runs on the runner; the control shows each plant runs without it', async () => {
      const control = await attempt('control', ['--protect-git', 'false'], plantScript)
      // Positive control: without protection every plant lands and runs in the later step.
      expect(control.ran).toEqual([...PLANTS].sort())
      // ...and the check after the command reported every one of them and failed the run.
      expect(control.r.code).toBe(ExitCode.git)
      for (const shown of [
        '.git/config: core.fsmonitor (runs a program)',
        '.git/hooks: hook `pre-commit` (new)',
        '.git/config: filter.*.clean (runs a program)',
        '.git/config: diff.external (runs a program)',
        '.gitattributes: a new `filter=` attribute (names a driver)'
      ])
        expect(control.r.stderr).toContain(shown)

      const guarded = await attempt('guarded', [], plantScript)
      expect(guarded.ran).toEqual([])
      // Every config and hook write was refused; ordinary git work in the sandbox still worked.
      expect(guarded.r.stdout).toMatch(/^fsmonitor=[1-9]/m)
      expect(guarded.r.stdout).toMatch(/^pre-commit=[1-9]/m)
      expect(guarded.r.stdout).toMatch(/^filter=[1-9]/m)
      expect(guarded.r.stdout).toMatch(/^diff-external=[1-9]/m)
      expect(guarded.r.stdout).toContain('agent-commit=ok')
      // The attributes line landed (the workspace is writable) and is reported, though with no
      // driver defined it runs nothing.
      expect(guarded.r.code).toBe(ExitCode.git)
      expect(guarded.r.stderr).toContain(
        '.gitattributes: a new `filter=` attribute (names a driver)'
      )
      expect(guarded.r.stderr).not.toContain('core.fsmonitor')
      expect(leftovers()).toEqual([])
    }, 240000)

    test('git-plant-around-mounts: what the read-only mounts cannot stop is reported and fails the step', async () => {
      const around = (markers: string): string =>
        [
          // A second git folder for the repository's config, through commondir.
          'mkdir -p .evil && printf "[core]\\n\\tfsmonitor = /bin/true\\n" > .evil/config',
          'echo "$PWD/.evil" > .git/commondir',
          // A new repository inside the workspace, where a later step might cd.
          `git init -q sub && git -C sub config core.pager "touch ${markers}/pager"`,
          'mv .git .git-moved; echo "rename=$?"'
        ].join('\n')
      const { r } = await attempt('around', [], around)
      expect(r.stdout).toMatch(/^rename=[1-9]/m)
      expect(r.code).toBe(ExitCode.git)
      expect(r.stderr).toContain('.git/commondir: new (points git at another folder)')
      expect(r.stderr).toContain('sub/.git/config: core.pager (runs a program)')
      const logs = /logs in (\S+)/.exec(r.stderr)?.[1]
      expect(logs && existsSync(join(logs, 'git-integrity.json'))).toBe(true)
    }, 120000)

    test('git-integrity warn: reported, and the step keeps the command exit status', async () => {
      const { r } = await attempt(
        'warn',
        ['--protect-git', 'false', '--git-integrity', 'warn'],
        (m) => `git config core.hooksPath ${m}`
      )
      expect(r.code).toBe(0)
      expect(r.stderr).toContain('.git/config: core.hookspath (runs a program)')
    }, 120000)
  }
)
