/** The root-only scan over a made-up system folder (mode bits, not access: any user runs it). */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCommand } from '../../src/sandbox/exec.js'
import {
  findArgs,
  parseFindOutput,
  procLikeMounts,
  rootOnlyScanDirs,
  scanRootOnly,
  scanWithFind
} from '../../src/sandbox/root-only.js'

let etc: string
beforeEach(() => {
  etc = mkdtempSync(join(tmpdir(), 'awf-etc-'))
  chmodSync(etc, 0o755)
  writeFileSync(join(etc, 'passwd'), 'root:x:0:0::/root:/bin/sh\n', { mode: 0o644 })
  writeFileSync(join(etc, 'shadow'), 'root:$6$secret:1::::::\n', { mode: 0o640 })
  mkdirSync(join(etc, 'ssh'), { mode: 0o755 })
  writeFileSync(join(etc, 'ssh', 'ssh_host_ed25519_key'), 'KEY', { mode: 0o600 })
  writeFileSync(join(etc, 'ssh', 'ssh_host_ed25519_key.pub'), 'PUB', { mode: 0o644 })
  mkdirSync(join(etc, 'sudoers.d'), { mode: 0o750 })
  writeFileSync(join(etc, 'sudoers.d', 'runner'), 'x', { mode: 0o440 })
  symlinkSync('/etc/shadow', join(etc, 'link-to-shadow'))
  mkdirSync(join(etc, 'workspace'))
  writeFileSync(join(etc, 'workspace', 'own'), 'x', { mode: 0o600 })
  // A name find(1) would read as a pattern, were it not escaped.
  mkdirSync(join(etc, 'work[1]*'))
  writeFileSync(join(etc, 'work[1]*', 'own'), 'x', { mode: 0o600 })
  writeFileSync(join(etc, 'work1x'), 'x', { mode: 0o600 })
})
afterEach(() => rmSync(etc, { recursive: true, force: true }))

describe('root-only files of the visible system folders', () => {
  test('files and folders others cannot read are found; links and the workspace are not', () => {
    const scan = scanRootOnly([etc], [join(etc, 'workspace'), join(etc, 'work[1]*')])
    expect(scan.found.map((f) => [f.path.slice(etc.length), f.kind]).sort()).toEqual([
      ['/shadow', 'file'],
      ['/ssh/ssh_host_ed25519_key', 'file'],
      ['/sudoers.d', 'dir'],
      ['/work1x', 'file']
    ])
    expect(scan.truncated).toBe(false)
    expect(scan.visited).toBeGreaterThan(5)
  })

  test('of /usr only /usr/local is scanned', () => {
    expect(rootOnlyScanDirs(['/usr', '/etc', '/opt'])).toEqual(['/usr/local', '/etc', '/opt'])
  })

  test('find(1) finds the same, counts the same entries and leaves out the same paths', async () => {
    const skip = [join(etc, 'workspace'), join(etc, 'work[1]*')]
    const walked = scanRootOnly([etc], skip)
    const found = await scanWithFind(runCommand)([etc], skip)
    const sorted = (s: typeof walked): string[] => s.found.map((f) => `${f.kind} ${f.path}`).sort()
    expect(sorted(found)).toEqual(sorted(walked))
    expect(found.visited).toBe(walked.visited)
    expect(found.truncated).toBe(false)
  })

  test('where find fails, the walk is made here instead', async () => {
    const failing = (): Promise<{ exitCode: number; stdout: string; stderr: string }> =>
      Promise.resolve({ exitCode: 127, stdout: '', stderr: 'find: not found' })
    const scan = await scanWithFind(failing)([etc], [join(etc, 'workspace')])
    expect(scan.found.map((f) => f.path.slice(etc.length)).sort()).toContain('/shadow')
  })

  test("find's arguments escape pattern characters and its output is read back", () => {
    const args = findArgs(['/etc'], ['/w[1]*?'], ['/run'])
    expect(args.slice(0, 12)).toEqual([
      '-P',
      '/etc',
      '-mindepth',
      '1',
      '(',
      '-path',
      '/w\\[1\\]\\*\\?',
      '-o',
      '-path',
      '/run',
      ')',
      '-prune'
    ])
    expect(parseFindOutput('..d/etc/ssl/private\0...f/etc/shad.d\0.')).toEqual({
      found: [
        { path: '/etc/ssl/private', kind: 'dir' },
        { path: '/etc/shad.d', kind: 'file' }
      ],
      visited: 8
    })
  })

  test('a /proc-like mount below a scanned folder is left out; other mounts are scanned', () => {
    const mountinfo = [
      '22 27 0:21 / /proc rw,relatime - proc proc rw',
      '23 27 0:22 / /sys rw,relatime - sysfs sysfs rw',
      '90 27 0:50 / /opt/tool\\040cache rw - ext4 /dev/sdb rw'
    ].join('\n')
    expect(procLikeMounts(mountinfo, ['/'])).toEqual(['/proc', '/sys'])
    expect(procLikeMounts(mountinfo, ['/etc', '/opt'])).toEqual([])
  })
})
