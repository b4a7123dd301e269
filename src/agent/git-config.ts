/**
 * Git configuration text as git reads it, and the keys through which a repository makes git
 * run a program (or send the runner's credentials elsewhere). Pure: text in, data out.
 *
 * The parser is strict on purpose: the text comes from a command that may be hostile, and a
 * line git would read but this parser does not understand must not hide a key. Anything it
 * cannot read is returned as `unreadable` and reported like a dangerous key.
 */

export interface ConfigEntry {
  /** `section.name` or `section.subsection.name`; section and name lower-cased as git does. */
  readonly key: string
  /** The value, or undefined for a bare key (git's boolean true). */
  readonly value: string | undefined
}

export interface ParsedConfig {
  readonly entries: readonly ConfigEntry[]
  /** 1-based numbers of lines this parser could not read. */
  readonly unreadable: readonly number[]
}

/** A reader over config text that mirrors git's own parser (config.c), character by character. */
class Source {
  private i = 0
  line = 1
  constructor(private readonly text: string) {}

  get eof(): boolean {
    return this.i >= this.text.length
  }

  /** The next character, `\r\n` read as `\n` (as git does); '' at the end. */
  next(): string {
    if (this.eof) return ''
    let c = this.text[this.i++]!
    if (c === '\r' && this.text[this.i] === '\n') c = this.text[this.i++]!
    if (c === '\n') this.line++
    return c
  }
}

const isKeyChar = (c: string): boolean => /^[A-Za-z0-9-]$/.test(c)
const isSpace = (c: string): boolean => /^[ \t\n\v\f\r]$/.test(c)
const ESCAPES: Record<string, string> = { t: '\t', b: '\b', n: '\n', '\\': '\\', '"': '"' }

/** `[name]`, `[name.sub]` or `[name "sub"]`, after the `[`; undefined where git fails. */
function readSection(src: Source): string | undefined {
  let name = ''
  for (;;) {
    const c = src.next()
    if (c === '') return undefined
    if (c === ']') return name
    if (isSpace(c)) break
    if (!isKeyChar(c) && c !== '.') return undefined
    name += c.toLowerCase()
  }
  let c = src.next()
  while (isSpace(c)) c = src.next()
  if (c !== '"') return undefined
  let sub = ''
  for (;;) {
    c = src.next()
    if (c === '' || c === '\n') return undefined
    if (c === '"') break
    if (c === '\\') {
      c = src.next()
      if (c === '' || c === '\n') return undefined
    }
    sub += c
  }
  return src.next() === ']' ? `${name}.${sub}` : undefined
}

/** A value after `=`, to the end of its line: quotes, escapes, comments, continuations. */
function readValue(src: Source): string | undefined {
  let value = ''
  let spaces = 0
  let quoted = false
  let comment = false
  for (;;) {
    let c = src.next()
    if (c === '\n' || c === '') return quoted ? undefined : value
    if (comment) continue
    if (isSpace(c) && !quoted) {
      if (value !== '') spaces++
      continue
    }
    if (!quoted && (c === ';' || c === '#')) {
      comment = true
      continue
    }
    value += ' '.repeat(spaces)
    spaces = 0
    if (c === '\\') {
      c = src.next()
      if (c === '\n') continue
      if (!(c in ESCAPES)) return undefined
      value += ESCAPES[c]!
      continue
    }
    if (c === '"') {
      quoted = !quoted
      continue
    }
    value += c
  }
}

export function parseGitConfig(text: string): ParsedConfig {
  const src = new Source(text.startsWith('\ufeff') ? text.slice(1) : text)
  const entries: ConfigEntry[] = []
  let section: string | undefined
  let comment = false
  // git stops at the first line it cannot read (and refuses the whole file): so does this.
  const fail = (): ParsedConfig => ({ entries, unreadable: [src.line] })
  for (;;) {
    const c = src.next()
    if (c === '') return { entries, unreadable: [] }
    if (c === '\n') {
      comment = false
      continue
    }
    if (comment || isSpace(c)) continue
    if (c === '#' || c === ';') {
      comment = true
      continue
    }
    if (c === '[') {
      section = readSection(src)
      if (section === undefined) return fail()
      continue
    }
    if (!/^[A-Za-z]$/.test(c) || section === undefined) return fail()
    let name = c.toLowerCase()
    let k = src.next()
    while (k !== '' && isKeyChar(k)) {
      name += k.toLowerCase()
      k = src.next()
    }
    while (k === ' ' || k === '\t') k = src.next()
    if (k === '\n' || k === '') {
      entries.push({ key: `${section}.${name}`, value: undefined })
      continue
    }
    if (k !== '=') return fail()
    const value = readValue(src)
    if (value === undefined) return fail()
    entries.push({ key: `${section}.${name}`, value })
  }
}

export type DangerReason = 'runs a program' | 'redirects git traffic'

interface DangerRule {
  /** `*` stands for one subsection (which may itself hold dots). */
  readonly pattern: string
  readonly reason: DangerReason
  /** Only values this accepts are dangerous (`alias.x = !cmd`, not `alias.x = log`). */
  readonly when?: (value: string | undefined) => boolean
}

const bang = (v: string | undefined): boolean => (v ?? '').trimStart().startsWith('!')
const PROGRAM: DangerReason = 'runs a program'
const TRAFFIC: DangerReason = 'redirects git traffic'

/** Keys through which a repository's own config makes git (or git-lfs) start a program. */
const DANGER_RULES: readonly DangerRule[] = [
  ...[
    'core.fsmonitor',
    'core.hookspath',
    'core.sshcommand',
    'core.gitproxy',
    'core.editor',
    'core.pager',
    'core.askpass',
    'core.alternaterefscommand',
    'core.attributesfile',
    'sequence.editor',
    'diff.external',
    'diff.*.textconv',
    'diff.*.command',
    'difftool.*.cmd',
    'difftool.*.path',
    'mergetool.*.cmd',
    'mergetool.*.path',
    'merge.*.driver',
    'filter.*.clean',
    'filter.*.smudge',
    'filter.*.process',
    'credential.helper',
    'credential.*.helper',
    'include.path',
    'includeif.*.path',
    'uploadpack.packobjectshook',
    'protocol.allow',
    'protocol.*.allow',
    'pager.*',
    'interactive.difffilter',
    'gpg.program',
    'gpg.*.program',
    'gpg.ssh.defaultkeycommand',
    'hook.*.command',
    'remote.*.uploadpack',
    'remote.*.receivepack',
    'remote.*.vcs',
    'imap.tunnel',
    'sendemail.tocmd',
    'sendemail.cccmd',
    'sendemail.sendmailcmd',
    'web.browser',
    'browser.*.cmd',
    'browser.*.path',
    'man.*.cmd',
    'man.*.path',
    'lfs.customtransfer.*.path',
    'lfs.extension.*.clean',
    'lfs.extension.*.smudge',
    'lfs.standalonetransferagent'
  ].map((pattern) => ({ pattern, reason: PROGRAM })),
  { pattern: 'alias.*', reason: PROGRAM, when: bang },
  { pattern: 'submodule.*.update', reason: PROGRAM, when: bang },
  {
    pattern: 'sendemail.smtpserver',
    reason: PROGRAM,
    when: (v) => (v ?? '').trimStart().startsWith('/')
  },
  // A later push or fetch would carry the token actions/checkout stored (http.extraheader).
  ...[
    'url.*.insteadof',
    'url.*.pushinsteadof',
    'http.proxy',
    'http.*.proxy',
    'remote.*.url',
    'remote.*.pushurl',
    'remote.*.proxy',
    'http.*.extraheader',
    'http.extraheader',
    'http.sslverify',
    'http.*.sslverify'
  ].map((pattern) => ({ pattern, reason: TRAFFIC }))
]

function patternRegex(pattern: string): RegExp {
  const parts = pattern.split('.')
  const first = parts[0]!.replace(/[-]/g, '\\-')
  const last = parts[parts.length - 1]!
  if (parts.length === 2 && last === '*') return new RegExp(`^${first}\\.[^.]+$`)
  if (parts.length === 2) return new RegExp(`^${first}\\.${last}$`)
  return new RegExp(`^${first}\\..+\\.${last}$`, 's')
}

const COMPILED = DANGER_RULES.map((r) => ({ ...r, regex: patternRegex(r.pattern) }))

/** Why git would act on this entry (run a program, send traffic elsewhere), or undefined. */
export function dangerOf(entry: ConfigEntry): DangerRule | undefined {
  return COMPILED.find((r) => r.regex.test(entry.key) && (r.when?.(entry.value) ?? true))
}

/** The key as shown to people: its section and name, the attacker-chosen subsection as `*`. */
export function shownKey(entry: ConfigEntry): string {
  const rule = dangerOf(entry)
  if (rule) return rule.pattern
  const parts = entry.key.split('.')
  return parts.length > 2 ? `${parts[0]}.*.${parts[parts.length - 1]}` : entry.key
}
