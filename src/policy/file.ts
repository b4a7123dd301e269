/**
 * The policy file: YAML or JSON with the input names as keys (setting-keys.ts), plus `version`
 * and `lock`. It is an organisation's contract, so unknown keys are errors (a typo can neither
 * widen nor narrow a policy silently), and run scripts and secret values never live in it.
 */
import { JSON_SCHEMA, load, YAMLException } from 'js-yaml'
import { jsonErrorPosition } from './json-position.js'
import { isProblem, problem, safeText, type PolicyProblem } from './problem.js'
import { isListKey, isSettingKey, POLICY_FILE_KEYS, type SettingKey } from './setting-keys.js'

export interface PolicyFileText {
  readonly path: string
  readonly text: string
}

/** One value of one setting and where it was written (`p.yml: allow-domains[2]`, `input mode`). */
export interface SettingSource {
  readonly text: string
  readonly where: string
}

/** A parsed policy file: per key, its values (one per list element; one for a single value). */
export interface PolicyFile {
  readonly path: string
  /** `lock: true`: inputs and flags may only add blocks (setting-keys.ts says what else). */
  readonly lock: boolean
  readonly settings: { readonly [K in SettingKey]?: readonly SettingSource[] }
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}!?$/
const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/

function parseText(file: PolicyFileText): { doc?: unknown; problem?: PolicyProblem } {
  const refuse = (at: string, why: string): { problem: PolicyProblem } => ({
    problem: problem(
      `${file.path}${at}`,
      '',
      `cannot be parsed: ${safeText(why.slice(0, 200))}`,
      'Write YAML or JSON (a .json file is read as JSON).',
      ''
    )
  })
  // An empty or comment-only file is an empty policy (js-yaml refuses an empty document).
  if (file.text.split(/\r?\n/).every((l) => /^\s*(#.*)?$/.test(l))) return {}
  if (file.path.endsWith('.json')) {
    try {
      return { doc: JSON.parse(file.text) }
    } catch (e) {
      // V8's message quotes the file's text and gives a position only sometimes: ours instead.
      const pos = jsonErrorPosition(file.text)
      const why =
        e instanceof Error ? e.message.replace(/,? ".*|(?: in JSON)? at position.*/s, '') : ''
      return refuse(pos ? `, line ${pos.line}, column ${pos.column}` : '', why || 'invalid JSON')
    }
  }
  try {
    return { doc: load(file.text, { schema: JSON_SCHEMA }) }
  } catch (e) {
    if (e instanceof YAMLException)
      return refuse(
        e.mark ? `, line ${e.mark.line + 1}, column ${e.mark.column + 1}` : '',
        e.reason
      )
    return refuse('', String(e))
  }
}

/** JSON text of a value, bounded: long strings or structures would fill the message. */
function quoteShown(shown: string): string {
  return shown.length > 40 ? `${shown.slice(0, 40)}…` : shown
}

function versionProblem(where: string, value: unknown): PolicyProblem | undefined {
  if (value === 1) return undefined
  // Shown as written: a number bare, a string in quotes.
  const shown = JSON.stringify(value) ?? String(value)
  if (value === '1')
    return problem(
      where,
      shown,
      'is a string',
      'Write version: 1 (a number, without quotes).',
      shown
    )
  if (typeof value === 'number' && Number.isInteger(value) && value > 1)
    return problem(
      where,
      shown,
      'is newer than this awf-action understands (it reads version 1)',
      'Update awf-action, or write the file for version 1.',
      shown.slice(0, 40)
    )
  return problem(
    where,
    shown,
    'is not a policy file version',
    'Write version: 1.',
    quoteShown(shown)
  )
}

/** A single value (mode, limits, ...): a string, number or boolean, kept as the text an input would be. */
function scalarSource(key: string, value: unknown, where: string): SettingSource | PolicyProblem {
  if (key === 'upstream-proxy-auth' && !(typeof value === 'string' && VARIABLE.test(value)))
    // Not echoed: a login written where the variable's name belongs is a secret.
    return problem(
      where,
      `${String(value).length} characters`,
      'is not the name of a variable',
      'A policy file names the variable that holds user:password; the value goes in the workflow.',
      `${String(value).length} characters`
    )
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return { text: String(value), where }
  return problem(
    where,
    JSON.stringify(value) ?? String(value),
    'is not a single value',
    `Give ${key} as one string, number or boolean, as the input takes it.`
  )
}

function listSources(
  key: string,
  value: unknown,
  where: string
): (SettingSource | PolicyProblem)[] {
  const items: unknown[] = typeof value === 'string' ? [value] : Array.isArray(value) ? value : []
  if (!Array.isArray(value) && typeof value !== 'string')
    return [problem(where, JSON.stringify(value) ?? '', 'is not a list', 'Give a list of strings.')]
  return items.map((item, i) => {
    const at = typeof value === 'string' ? where : `${where}[${i}]`
    // YAML reads `allow-host-ports: [3000]` as numbers.
    if (typeof item === 'number' && key === 'allow-host-ports')
      return { text: String(item), where: at }
    if (typeof item !== 'string')
      return problem(
        at,
        JSON.stringify(item) ?? String(item),
        'is not a string',
        'Every entry is a string.'
      )
    if (key === 'env' && item.split(/[\s,]+/).some((n) => n !== '' && !ENV_NAME.test(n)))
      // Not echoed: a value written where a name belongs may be a secret.
      return problem(
        at,
        `${item.length} characters`,
        'is not a list of variable names',
        'A policy file names variables only (NAME, or NAME! to mask its value); values go in the workflow.'
      )
    return { text: item, where: at }
  })
}

export function parsePolicyFile(file: PolicyFileText): {
  file: PolicyFile
  problems: PolicyProblem[]
} {
  const empty: PolicyFile = { path: file.path, lock: false, settings: {} }
  const parsed = parseText(file)
  if (parsed.problem) return { file: empty, problems: [parsed.problem] }
  const doc = parsed.doc
  if (doc === undefined || doc === null) return { file: empty, problems: [] }
  if (typeof doc !== 'object' || Array.isArray(doc))
    return {
      file: empty,
      problems: [
        problem(
          file.path,
          '',
          'is not a mapping',
          `The top level holds the keys ${POLICY_FILE_KEYS.join(', ')}.`,
          ''
        )
      ]
    }

  const problems: PolicyProblem[] = []
  const settings: Partial<Record<SettingKey, SettingSource[]>> = {}
  let lock = false
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    const where = `${file.path}: ${key}`
    if (key === 'version') {
      const bad = versionProblem(where, value)
      if (bad) problems.push(bad)
    } else if (key === 'lock') {
      if (typeof value === 'boolean') lock = value
      else
        problems.push(
          problem(
            where,
            '',
            'is not true or false',
            'Write lock: true or lock: false.',
            quoteShown(JSON.stringify(value) ?? String(value))
          )
        )
    } else if (!isSettingKey(key)) {
      const why =
        key === 'run' ? 'belongs in the workflow, not in the policy' : 'is not a known key'
      problems.push(problem(file.path, key, why, `Known keys: ${POLICY_FILE_KEYS.join(', ')}.`))
    } else {
      const sources = isListKey(key)
        ? listSources(key, value, where)
        : [scalarSource(key, value, where)]
      settings[key] = sources.filter((s): s is SettingSource => !isProblem(s))
      problems.push(...sources.filter(isProblem))
    }
  }
  return { file: { path: file.path, lock, settings }, problems }
}
