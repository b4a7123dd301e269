/** Reads the policy file named by an input or flag: the only file the settings step reads. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { InputError, quote } from '../common/errors.js'
import type { PolicyFileText } from '../policy/index.js'

export function readPolicyFile(
  path: string,
  baseDir: string,
  where: string
): PolicyFileText | undefined {
  if (!path.trim()) return undefined
  const full = resolve(baseDir, path.trim())
  try {
    return { path: full, text: readFileSync(full, 'utf8') }
  } catch (e) {
    const why =
      e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : String(e)
    throw new InputError([
      {
        where,
        value: path,
        expected: `Give a path to a YAML or JSON file relative to ${baseDir}.`,
        message: `${where}: cannot read the policy file ${quote(path)} (${why}). Give a path to a YAML or JSON file relative to ${baseDir}.`
      }
    ])
  }
}
