/**
 * Inputs (or flags) merged over the policy file, keyed by input name. Lists add: an input's
 * entries join the file's, never replace them. A single value from an input replaces the
 * file's. A locked file lets inputs only add blocks (setting-keys.ts has the rule per key).
 * Where each value came from is kept, for messages and for the summary.
 */
import { inputWhere, type InputOrigin } from '../common/errors.js'
import type { PolicyFile, SettingSource } from './file.js'
import { parseList } from './list.js'
import { urlRuleLines } from './url-rules.js'
import { problem, type PolicyProblem } from './problem.js'
import {
  isSettingKey,
  LOCKED_INPUTS,
  SETTING_KEYS,
  type ListKey,
  type SettingKeySpec,
  type SettingKey,
  type ValueKey
} from './setting-keys.js'

/** Raw user text keyed by the action's input names. Absent or blank = not given. */
export type RawInputs = Readonly<Partial<Record<string, string | undefined>>>

/** Where one key's values came from, for the summary and `awf-action check`. */
export interface KeyProvenance {
  readonly key: SettingKey
  /** Entries (lists) or the value (single values) the file gave. */
  readonly fromFile: readonly string[]
  /** Entries an input or flag added (lists), or the value that replaced the file's. */
  readonly fromInput: readonly string[]
}

export interface Provenance {
  readonly file?: string
  readonly lock: boolean
  readonly origin: InputOrigin
  readonly keys: readonly KeyProvenance[]
}

export interface Settings {
  /** Per key, every value that applies, the file's first: lists use all, a single value the last. */
  readonly sources: { readonly [K in SettingKey]?: readonly SettingSource[] }
  readonly provenance: Provenance
}

function lockProblem(
  key: string,
  value: string,
  origin: InputOrigin,
  file: PolicyFile,
  fromFile: readonly SettingSource[]
): PolicyProblem | undefined {
  const spec: SettingKeySpec | undefined = isSettingKey(key) ? SETTING_KEYS[key] : undefined
  if (spec?.locked === 'add') return undefined
  if (spec?.locked === 'narrow' && value === spec.narrowValue) return undefined
  if (spec?.locked === 'unset' && fromFile.length === 0) return undefined
  // Repeating the file's own value changes nothing.
  if (spec?.kind === 'value' && fromFile.at(-1)?.text.trim() === value) return undefined
  const reason = LOCKED_INPUTS[key] ?? spec?.lockReason
  const why = reason
    ? `is refused: the policy file is locked and ${reason}`
    : spec?.locked === 'unset'
      ? 'is refused: the policy file is locked and sets it'
      : `is refused: the policy file is locked, so ${origin === 'input' ? 'inputs' : 'flags'} may only add blocks`
  const allowed = spec?.locked === 'narrow' ? ` (or ${key}: ${spec.narrowValue})` : ''
  return problem(
    inputWhere(origin, key),
    value,
    why,
    `${file.path} has lock: true. Change the policy file, or give only block-domains${allowed}.`
  )
}

/** The names in an env input, never its values: provenance is shown in the summary. */
function envNames(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .flatMap((line) =>
      line.includes('=') ? [line.slice(0, line.indexOf('=')).trim()] : parseList(line)
    )
}

function itemsOf(key: SettingKey, sources: readonly SettingSource[]): string[] {
  if (key === 'env') return sources.flatMap((s) => envNames(s.text))
  if (key === 'allow-urls') return sources.flatMap((s) => urlRuleLines(s.text))
  return SETTING_KEYS[key].kind === 'list'
    ? sources.flatMap((s) => parseList(s.text))
    : sources.map((s) => s.text.trim())
}

export function mergeSettings(
  inputs: RawInputs,
  origin: InputOrigin,
  file?: PolicyFile
): { settings: Settings; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = []
  const sources: Partial<Record<SettingKey, readonly SettingSource[]>> = {}
  const keys: KeyProvenance[] = []
  for (const key of Object.keys(SETTING_KEYS) as SettingKey[]) {
    const fromFile = file?.settings[key] ?? []
    const given = inputs[key]
    const input =
      given !== undefined && given.trim() !== ''
        ? [{ text: key === 'env' ? given : given.trim(), where: inputWhere(origin, key) }]
        : []
    if (file?.lock && input.length > 0) {
      const refused = lockProblem(key, input[0]!.text, origin, file, fromFile)
      if (refused) problems.push(refused)
    }
    const all =
      SETTING_KEYS[key].kind === 'list'
        ? [...fromFile, ...input]
        : input.length > 0
          ? input
          : fromFile
    if (all.length === 0) continue
    sources[key] = all
    keys.push({ key, fromFile: itemsOf(key, fromFile), fromInput: itemsOf(key, input) })
  }
  if (file?.lock)
    for (const key of Object.keys(LOCKED_INPUTS)) {
      const given = inputs[key]
      if (given !== undefined && given.trim() !== '') {
        const refused = lockProblem(key, given.trim(), origin, file, [])
        if (refused) problems.push(refused)
      }
    }
  return {
    settings: {
      sources,
      provenance: { file: file?.path, lock: file?.lock ?? false, origin, keys }
    },
    problems
  }
}

/** A single value's effective source: the input's when given, else the file's. */
export function settingValue(settings: Settings, key: ValueKey): SettingSource | undefined {
  return settings.sources[key]?.at(-1)
}

/**
 * Every entry of a list key, each with where it was written. `allow-urls` holds a rule a line
 * (a rule has a space in it); `env` is read line by line by its own reader.
 */
export function settingEntries(
  settings: Settings,
  key: Exclude<ListKey, 'env'>
): { value: string; where: string }[] {
  const split = key === 'allow-urls' ? urlRuleLines : parseList
  return (settings.sources[key] ?? []).flatMap(({ text, where }) =>
    split(text).map((value) => ({ value, where }))
  )
}
