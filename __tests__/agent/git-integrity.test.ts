import {
  EMPTY_SNAPSHOT,
  SHOWN_FINDINGS,
  compareGitSnapshots,
  driverAttributes,
  gitFindingLines,
  judgeGitIntegrity,
  shownPath,
  type GitFileState,
  type GitSnapshot
} from '../../src/agent/git-integrity.js'

const snap = (files: Record<string, GitFileState>, truncated = false): GitSnapshot => ({
  files,
  gitDirs: ['.git'],
  gitFiles: [],
  truncated
})
const config = (content: string): GitFileState => ({ kind: 'config', content })
const CHECKOUT = config(
  '[core]\n\trepositoryformatversion = 0\n[remote "origin"]\n\turl = https://github.com/o/r\n' +
    '[filter "lfs"]\n\tclean = git-lfs clean -- %f\n'
)
const before = snap({
  '.git/config': CHECKOUT,
  '.git/hooks/pre-commit': { kind: 'hook', content: 'sha256:aa' },
  '.gitattributes': { kind: 'attributes', content: '*.bin filter=lfs diff=lfs merge=lfs -text\n' }
})
const shown = (after: GitSnapshot) => compareGitSnapshots(before, after).map((f) => f.shown)

describe('what the command left in the git metadata', () => {
  test('nothing changed: no finding', () => {
    expect(compareGitSnapshots(before, before)).toEqual([])
  })

  test('harmless changes are not findings', () => {
    const after = snap({
      ...before.files,
      '.git/config': config(`${CHECKOUT.content}[user]\n\tname = agent\n[alias]\n\tst = status\n`),
      '.gitattributes': {
        kind: 'attributes',
        content: `${before.files['.gitattributes']!.content}*.png binary\n`
      }
    })
    expect(shown(after)).toEqual([])
  })

  test('a new key that runs a program, shown without its attacker-chosen parts', () => {
    const after = snap({
      ...before.files,
      '.git/config': config(
        `${CHECKOUT.content}[core]\n\tfsmonitor = "/tmp/x; curl"\n[filter "ZXhmaWw"]\n\tclean = sh x\n`
      )
    })
    expect(shown(after)).toEqual([
      '.git/config: core.fsmonitor (runs a program)',
      '.git/config: filter.*.clean (runs a program)'
    ])
  })

  test('an existing key given a new value is a finding; the same value is not', () => {
    const changed = CHECKOUT.content.replace('git-lfs clean', 'sh -c evil')
    expect(shown(snap({ ...before.files, '.git/config': config(changed) }))).toEqual([
      '.git/config: filter.*.clean (runs a program)'
    ])
  })

  test('traffic redirects that would carry the stored token elsewhere', () => {
    const after = config(
      `${CHECKOUT.content}[url "https://evil.test/"]\n\tinsteadOf = https://github.com/\n`
    )
    expect(shown(snap({ ...before.files, '.git/config': after }))).toEqual([
      '.git/config: url.*.insteadof (redirects git traffic)'
    ])
  })

  test('config text the check cannot read is a finding', () => {
    const after = config(`${CHECKOUT.content}[core]\n\tfsmonitor = a\\qb\n`)
    expect(shown(snap({ ...before.files, '.git/config': after }))).toEqual([
      '.git/config: config text the check cannot read (line 8)'
    ])
  })

  test('new and changed hooks; samples are never read; unknown names are not named', () => {
    const after = snap({
      ...before.files,
      '.git/hooks/pre-commit': { kind: 'hook', content: 'sha256:bb' },
      '.git/hooks/post-checkout': { kind: 'hook', content: 'sha256:cc' },
      '.git/hooks/c2VjcmV0': { kind: 'hook', content: 'sha256:dd' }
    })
    expect(shown(after)).toEqual([
      '.git/hooks: a file in the hooks folder (new)',
      '.git/hooks: hook `post-checkout` (new)',
      '.git/hooks: hook `pre-commit` (changed)'
    ])
  })

  test('attributes lines that name a driver, new ones only', () => {
    const after = snap({
      ...before.files,
      '.gitattributes': {
        kind: 'attributes',
        content: `${before.files['.gitattributes']!.content}* filter=evil\n[attr]m diff=x\n`
      },
      'sub/.gitattributes': { kind: 'attributes', content: '*.c merge=evil\n' },
      '.git/info/attributes': { kind: 'attributes', content: '# filter=x\n' }
    })
    expect(shown(after)).toEqual([
      '.gitattributes: a new `diff=` attribute (names a driver)',
      '.gitattributes: a new `filter=` attribute (names a driver)',
      'sub/.gitattributes: a new `merge=` attribute (names a driver)'
    ])
  })

  test('pointers, symbolic links and new repositories', () => {
    const after = snap({
      ...before.files,
      '.git/commondir': { kind: 'pointer', content: '../elsewhere\n' },
      '.git/config': { kind: 'config', content: 'symlink:../evil-config' },
      'sub/.git/config': config('[core]\n\thooksPath = ../h\n')
    })
    expect(shown(after)).toEqual([
      '.git/commondir: new (points git at another folder)',
      '.git/config: changed, and not a plain file',
      'sub/.git/config: core.hookspath (runs a program)'
    ])
    // From nothing: a repository the command created has every dangerous key as a finding.
    expect(
      compareGitSnapshots(EMPTY_SNAPSHOT, snap({ '.git/config': config('[core]\n\tpager=x') }))
    ).toHaveLength(1)
  })

  test('a walk that stopped early is a finding (fails closed)', () => {
    expect(shown(snap(before.files, true))).toEqual([
      'the workspace has too many entries: `.gitattributes` files past the limit were not checked'
    ])
  })

  test('paths with unusual characters are not shown', () => {
    expect(shownPath('a/b/.git/config')).toBe('a/b/.git/config')
    expect(shownPath('x\n::error::y/.git/config')).toBe('(a path with unusual characters)')
    expect(shownPath('../up')).toBe('(a path with unusual characters)')
    expect(shownPath('a'.repeat(101))).toBe('(a path with unusual characters)')
  })

  test('driver attributes of one line', () => {
    expect(driverAttributes('*.bin filter=lfs diff=lfs merge=lfs -text')).toEqual([
      'filter',
      'diff',
      'merge'
    ])
    expect(driverAttributes('"a b" filter=x')).toEqual(['filter'])
    expect(driverAttributes('filter=x text')).toEqual([])
    expect(driverAttributes('# filter=x')).toEqual([])
    expect(driverAttributes('[attr]m filter=x')).toEqual(['filter'])
  })

  test('fail or warn; the listing is bounded', () => {
    const findings = Array.from({ length: 25 }, (_, i) => ({ path: `p${i}`, shown: `f${i}` }))
    expect(judgeGitIntegrity(findings, 'fail').fails).toBe(true)
    expect(judgeGitIntegrity(findings, 'warn').fails).toBe(false)
    expect(judgeGitIntegrity([], 'fail').fails).toBe(false)
    const lines = gitFindingLines(findings)
    expect(lines).toHaveLength(SHOWN_FINDINGS + 1)
    expect(lines.at(-1)).toBe('and 5 more (see git-integrity.json in the logs)')
  })
})
