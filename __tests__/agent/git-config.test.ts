import { dangerOf, parseGitConfig, shownKey } from '../../src/agent/git-config.js'

const keys = (text: string) => parseGitConfig(text).entries.map((e) => [e.key, e.value])

describe('git config text, read as git reads it', () => {
  test.each([
    ['[core]\n\tfsmonitor = /tmp/x\n', [['core.fsmonitor', '/tmp/x']]],
    ['[Core]\n\tFSMonitor=/tmp/x', [['core.fsmonitor', '/tmp/x']]],
    ['[core] fsmonitor = x', [['core.fsmonitor', 'x']]],
    ['[filter "Evil.Name"]\n clean = cat', [['filter.Evil.Name.clean', 'cat']]],
    ['[filter.EVIL]\n clean = cat', [['filter.evil.clean', 'cat']]],
    ['[alias]\n\tst = "!sh -c \\"id\\"" ; comment', [['alias.st', '!sh -c "id"']]],
    ['[core]\n\tbare', [['core.bare', undefined]]],
    ['[core]\n\tpager = less \\\n -R', [['core.pager', 'less  -R']]],
    ['\ufeff[core]\r\n\tpager = less\r\n', [['core.pager', 'less']]],
    ['# a comment \\\n[core]\n\tfsmonitor = x', [['core.fsmonitor', 'x']]],
    ['[core]\n\tpager = "a # b" # c', [['core.pager', 'a # b']]],
    [
      '[url "https://x.test/"]\n\tinsteadOf = https://github.com/',
      [['url.https://x.test/.insteadof', 'https://github.com/']]
    ]
  ])('%#: %j', (text, expected) => {
    expect(keys(text)).toEqual(expected)
    expect(parseGitConfig(text).unreadable).toEqual([])
  })

  test.each([
    ['fsmonitor = x (no section)', 'fsmonitor = x'],
    ['an unknown escape', '[core]\n\tpager = a\\qb'],
    ['an unclosed quote', '[core]\n\tpager = "abc\n'],
    ['a broken header', '[core "x" ]\n'],
    ['a key followed by junk', '[core]\n\tfsmonitor x\n']
  ])('what git refuses is unreadable here too: %s', (_what, text) => {
    expect(parseGitConfig(text).unreadable.length).toBe(1)
  })
})

describe('keys that make git run a program', () => {
  test.each([
    'core.fsmonitor',
    'core.hookspath',
    'core.sshcommand',
    'core.editor',
    'core.pager',
    'sequence.editor',
    'diff.external',
    'diff.x.textconv',
    'diff.x.command',
    'merge.x.driver',
    'filter.x.clean',
    'filter.x.smudge',
    'filter.x.process',
    'credential.helper',
    'credential.https://x.test.helper',
    'include.path',
    'includeif.gitdir:/x/.path',
    'uploadpack.packobjectshook',
    'protocol.ext.allow',
    'hook.pre-commit.command',
    'pager.log',
    'gpg.program',
    'remote.origin.uploadpack',
    'lfs.customtransfer.x.path',
    'url.https://x.test/.insteadof',
    'http.proxy'
  ])('%s', (key) => {
    expect(dangerOf({ key, value: 'x' })).toBeDefined()
  })

  test('aliases and submodule updates only when they start with !', () => {
    expect(dangerOf({ key: 'alias.st', value: 'status' })).toBeUndefined()
    expect(dangerOf({ key: 'alias.st', value: ' !id' })?.reason).toBe('runs a program')
    expect(dangerOf({ key: 'submodule.a.update', value: 'rebase' })).toBeUndefined()
    expect(dangerOf({ key: 'submodule.a.update', value: '!id' })).toBeDefined()
  })

  test.each(['user.name', 'user.email', 'core.autocrlf', 'branch.main.remote', 'core.bare'])(
    'harmless: %s',
    (key) => expect(dangerOf({ key, value: 'x' })).toBeUndefined()
  )

  test('the attacker-chosen subsection is never shown', () => {
    expect(shownKey({ key: 'filter.c2VjcmV0.clean', value: 'x' })).toBe('filter.*.clean')
    expect(shownKey({ key: 'user.a-secret.name', value: 'x' })).toBe('user.*.name')
  })
})
