import { maskRootOnly, protectGitMounts, type PathKind } from '../../src/agent/filesystem.js'

const WS = '/w/repo'
const EXISTING: Record<string, PathKind> = {
  '/w/repo/.git': 'dir',
  '/w/repo/.git/config': 'file',
  '/w/repo/.git/hooks': 'dir',
  '/w/repo/.git/info': 'dir',
  '/w/repo/.git/modules/lib': 'dir',
  '/w/repo/.git/modules/lib/config': 'file',
  '/w/repo/lib/.git': 'file',
  '/w/repo/link/.git': 'other'
}
const kindOf = (p: string): PathKind => EXISTING[p] ?? 'missing'

describe('protect-git: the git metadata read-only during the command', () => {
  test('config, hooks and info read-only; each git folder mounted over itself', () => {
    const binds = protectGitMounts(
      WS,
      { gitDirs: ['.git', '.git/modules/lib'], gitFiles: ['lib/.git'] },
      kindOf
    )
    expect(binds).toEqual([
      { source: '/w/repo/.git', target: '/w/repo/.git', readOnly: false },
      { source: '/w/repo/.git/config', target: '/w/repo/.git/config', readOnly: true },
      { source: '/w/repo/.git/hooks', target: '/w/repo/.git/hooks', readOnly: true },
      { source: '/w/repo/.git/info', target: '/w/repo/.git/info', readOnly: true },
      { source: '/w/repo/.git/modules/lib', target: '/w/repo/.git/modules/lib', readOnly: false },
      {
        source: '/w/repo/.git/modules/lib/config',
        target: '/w/repo/.git/modules/lib/config',
        readOnly: true
      },
      { source: '/w/repo/lib/.git', target: '/w/repo/lib/.git', readOnly: true }
    ])
  })

  test('never a symbolic link, a path outside the workspace, or the workspace itself', () => {
    expect(
      protectGitMounts(
        WS,
        { gitDirs: ['../other/.git', '.', 'absent/.git'], gitFiles: ['link/.git'] },
        (p) => (p === '/w/other/.git' || p === WS ? 'dir' : kindOf(p))
      )
    ).toEqual([])
  })
})

describe('root runners: root-only system files masked', () => {
  test('folders become read-only tmpfs, files the empty file, nothing masked twice', () => {
    const plan = maskRootOnly(
      [
        { path: '/etc/shadow', kind: 'file' },
        { path: '/etc/ssl/private/key.pem', kind: 'file' },
        { path: '/etc/ssl/private', kind: 'dir' },
        { path: 'relative', kind: 'file' }
      ],
      '/tmp/awf/empty'
    )
    expect(plan.masked).toEqual(['/etc/shadow', '/etc/ssl/private'])
    expect(plan.binds).toEqual([
      { source: '/tmp/awf/empty', target: '/etc/shadow', readOnly: true }
    ])
    expect(plan.tmpfs).toEqual([{ target: '/etc/ssl/private', readOnly: true, mode: 0o755 }])
  })
})
