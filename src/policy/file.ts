/**
 * The policy file: YAML or JSON with the same kebab-case keys as the action's inputs. Unknown
 * keys are errors, so a typo can neither widen nor narrow a policy silently.
 */
import { JSON_SCHEMA, load } from 'js-yaml'
import { problem, type PolicyProblem } from './problem.js'

/** The policy's lists: keys of the file, names of the action's inputs and of the CLI's flags. */
export const POLICY_LIST_KEYS = [
  'allow-domains',
  'block-domains',
  'allow-networks',
  'dns-servers',
  'allow-host-ports'
] as const
export type PolicyListKey = (typeof POLICY_LIST_KEYS)[number]
export const POLICY_FILE_KEYS = ['version', 'mode', ...POLICY_LIST_KEYS] as const

export interface PolicyFileText {
  readonly path: string
  readonly text: string
}

/** Each list key's entries with the `where` of each, e.g. `p.yml: allow-domains[2]`. */
export type PolicyFileLists = Partial<Record<PolicyListKey, { value: string; where: string }[]>> & {
  mode?: { value: string; where: string }
}

export function parsePolicyFile(file: PolicyFileText): {
  lists: PolicyFileLists
  problems: PolicyProblem[]
} {
  const problems: PolicyProblem[] = []
  const refuse = (why: string, expected: string): ReturnType<typeof parsePolicyFile> => ({
    lists: {},
    problems: [problem(file.path, '', why, expected)]
  })
  let doc: unknown
  try {
    doc = file.path.endsWith('.json')
      ? JSON.parse(file.text)
      : load(file.text, { schema: JSON_SCHEMA })
  } catch (e) {
    // The parser's message quotes the file's text: shown escaped, never raw.
    const raw = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)
    const why = JSON.stringify(raw.slice(0, 200)).slice(1, -1)
    return refuse(`cannot be parsed (${why})`, 'Write YAML or JSON (a .json file is read as JSON).')
  }
  if (doc === undefined || doc === null) return { lists: {}, problems }
  if (typeof doc !== 'object' || Array.isArray(doc))
    return refuse(
      'is not a mapping',
      `The top level holds the keys ${POLICY_FILE_KEYS.join(', ')}.`
    )

  const lists: PolicyFileLists = {}
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    const where = `${file.path}: ${key}`
    if (key === 'version') {
      if (value !== 1)
        problems.push(
          problem(where, String(value), 'is not a supported version', 'The only version is 1.')
        )
      continue
    }
    if (key === 'mode') {
      lists.mode = {
        value: typeof value === 'string' ? value : (JSON.stringify(value) ?? ''),
        where
      }
      continue
    }
    if (!(POLICY_FILE_KEYS as readonly string[]).includes(key)) {
      problems.push(
        problem(file.path, key, 'is not a known key', `Known keys: ${POLICY_FILE_KEYS.join(', ')}.`)
      )
      continue
    }
    const items = typeof value === 'string' ? [value] : value
    if (!Array.isArray(items)) {
      problems.push(
        problem(where, JSON.stringify(value) ?? '', 'is not a list', 'Give a list of strings.')
      )
      continue
    }
    const entries: { value: string; where: string }[] = []
    items.forEach((item: unknown, i) => {
      if (typeof item === 'string')
        entries.push({ value: item, where: `${file.path}: ${key}[${i}]` })
      else
        problems.push(
          problem(
            `${file.path}: ${key}[${i}]`,
            JSON.stringify(item) ?? String(item),
            'is not a string',
            'Every entry is a string.'
          )
        )
    })
    lists[key as PolicyListKey] = entries
  }
  return { lists, problems }
}
