/** The reader against real repositories made by git in a temporary folder (no root needed). */
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compareGitSnapshots } from '../../src/agent/git-integrity.js'
import { snapshotGit } from '../../src/sandbox/git-snapshot.js'
import { describeWith } from '../helpers/require-tool.js'

let ws: string
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd: ws, stdio: 'pipe' })

beforeEach(() => {
  ws = mkdtempSync(join(tmpdir(), 'awf-git-'))
  git('init', '-q')
  writeFileSync(join(ws, '.gitattributes'), '*.bin filter=lfs\n')
})
afterEach(() => rmSync(ws, { recursive: true, force: true }))

describeWith({ tools: ['git', 'mkfifo'] }, 'reading the workspace git metadata', () => {
  test('a fresh repository: config and attributes read, sample hooks ignored', () => {
    const s = snapshotGit(ws)
    expect(s.gitDirs).toEqual(['.git'])
    expect(Object.keys(s.files).sort()).toEqual(['.git/config', '.gitattributes'])
    expect(s.files['.git/config']!.content).toContain('[core]')
    expect(s.truncated).toBe(false)
  })

  test('what a command plants is found', () => {
    const before = snapshotGit(ws)
    git('config', 'core.fsmonitor', '/tmp/x')
    writeFileSync(join(ws, '.git/hooks/pre-commit'), '#!/bin/sh\ntouch /tmp/y\n', { mode: 0o755 })
    mkdirSync(join(ws, 'deep/er'), { recursive: true })
    writeFileSync(join(ws, 'deep/er/.gitattributes'), '* diff=evil\n')
    writeFileSync(join(ws, '.git/commondir'), '../elsewhere\n')
    mkdirSync(join(ws, 'nested'))
    execFileSync('git', ['init', '-q', join(ws, 'nested')])
    execFileSync('git', ['-C', join(ws, 'nested'), 'config', 'core.pager', 'evil'])
    const found = compareGitSnapshots(before, snapshotGit(ws)).map((f) => f.shown)
    expect(found).toEqual([
      '.git/commondir: new (points git at another folder)',
      '.git/config: core.fsmonitor (runs a program)',
      '.git/hooks: hook `pre-commit` (new)',
      'deep/er/.gitattributes: a new `diff=` attribute (names a driver)',
      'nested/.git/config: core.pager (runs a program)'
    ])
  })

  test('submodule and worktree git folders are read', () => {
    writeFileSync(join(ws, 'f'), 'x')
    git('add', 'f')
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'x')
    git('worktree', 'add', '-q', join(ws, 'wt'))
    mkdirSync(join(ws, '.git/modules/a/b'), { recursive: true })
    writeFileSync(join(ws, '.git/modules/a/b/HEAD'), 'ref: refs/heads/main\n')
    writeFileSync(join(ws, '.git/modules/a/b/config'), '[core]\n')
    const s = snapshotGit(ws)
    expect(s.gitDirs).toEqual(['.git', '.git/modules/a/b', '.git/worktrees/wt'])
    expect(s.gitFiles).toEqual(['wt/.git'])
    expect(s.files['.git/worktrees/wt/gitdir']!.kind).toBe('pointer')
  })

  test('nothing is followed or opened but plain files', () => {
    symlinkSync('/etc/passwd', join(ws, 'sub-attributes'))
    rmSync(join(ws, '.gitattributes'))
    symlinkSync('/etc/passwd', join(ws, '.gitattributes'))
    execFileSync('mkfifo', [join(ws, '.git/hooks/post-checkout')])
    const s = snapshotGit(ws)
    expect(s.files['.gitattributes']).toEqual({
      kind: 'attributes',
      content: 'symlink:/etc/passwd'
    })
    expect(s.files['.git/hooks/post-checkout']).toEqual({ kind: 'hook', content: 'other' })
  })

  test('an unreadable folder is skipped, not fatal', () => {
    mkdirSync(join(ws, 'closed'))
    chmodSync(join(ws, 'closed'), 0)
    expect(() => snapshotGit(ws)).not.toThrow()
    chmodSync(join(ws, 'closed'), 0o755)
  })
})
