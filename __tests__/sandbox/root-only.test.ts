/** The root-only scan over a made-up system folder (mode bits, not access: any user runs it). */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rootOnlyScanDirs, scanRootOnly } from '../../src/sandbox/root-only.js'

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
})
afterEach(() => rmSync(etc, { recursive: true, force: true }))

describe('root-only files of the visible system folders', () => {
  test('files and folders others cannot read are found; links and the workspace are not', () => {
    const scan = scanRootOnly([etc], [join(etc, 'workspace')])
    expect(scan.found.map((f) => [f.path.slice(etc.length), f.kind]).sort()).toEqual([
      ['/shadow', 'file'],
      ['/ssh/ssh_host_ed25519_key', 'file'],
      ['/sudoers.d', 'dir']
    ])
    expect(scan.truncated).toBe(false)
    expect(scan.visited).toBeGreaterThan(5)
  })

  test('of /usr only /usr/local is scanned', () => {
    expect(rootOnlyScanDirs(['/usr', '/etc', '/opt'])).toEqual(['/usr/local', '/etc', '/opt'])
  })
})
