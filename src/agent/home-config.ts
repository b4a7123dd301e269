/**
 * `home-config`: read-only files or folders from the runner's HOME that a CLI needs (for
 * example `~/.claude/settings.json`). The command gets a fresh HOME; these are mounted into it
 * read-only. Credential folders stay hidden whatever the list says.
 */
import { posix } from 'node:path'
import { parseList } from '../policy/list.js'
import { InputError, problem, type InputProblem } from '../common/errors.js'
import { HOME_SECRETS } from './filesystem.js'

const ACCEPTED =
  'List paths inside HOME, one per line, as ~/path or path relative to HOME, e.g. ~/.claude/settings.json.'

function parseEntry(entry: string, where: string): string | InputProblem {
  const refuse = (why: string): InputProblem => problem(where, entry, why, ACCEPTED)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(entry)) return refuse('contains a control character')
  const relative = entry.startsWith('~/') ? entry.slice(2) : entry
  if (relative.startsWith('/') || relative.startsWith('~'))
    return refuse('is not a path inside HOME')
  const parts = relative.split('/').filter((p) => p !== '' && p !== '.')
  if (parts.length === 0) return refuse('names HOME itself')
  if (parts.includes('..')) return refuse('leaves HOME')
  const path = parts.join('/')
  const secret = HOME_SECRETS.find(
    (s) => path === s || path.startsWith(`${s}/`) || s.startsWith(`${path}/`)
  )
  if (secret) return refuse(`would show ~/${secret}, which holds credentials and stays hidden`)
  return path
}

/** The listed paths, relative to HOME; every bad entry refused at once. */
export function parseHomeConfig(text: string | undefined, where: string): string[] {
  const paths: string[] = []
  const problems: InputProblem[] = []
  for (const entry of parseList(text ?? '')) {
    const parsed = parseEntry(entry, where)
    if (typeof parsed === 'string') paths.push(parsed)
    else problems.push(parsed)
  }
  if (problems.length > 0) throw new InputError(problems)
  return [...new Set(paths)].map((p) => posix.normalize(p))
}
