/**
 * `@name` entries replaced by the preset's domains (each still validated like user input);
 * the expansion is returned so the summary and the rendered files can show it. A gh-aw
 * ecosystem identifier with a preset here is read as that preset, with a warning.
 */
import type { ListKind } from './domain.js'
import { GH_AW_ECOSYSTEMS, presetList, presetsMeant } from './preset-names.js'
import { PRESET_NAME, PRESETS } from './presets.js'
import { problem, type PolicyProblem } from './problem.js'
import type { PresetUse } from './types.js'

type Entry = { value: string; where: string }

const ALL_PRESETS = `Presets: ${presetList(Object.keys(PRESETS))} (see docs/presets.md).`

function unknownPreset(entry: Entry, name: string | undefined): PolicyProblem {
  const ghAw = name === undefined ? undefined : GH_AW_ECOSYSTEMS[name]
  if (ghAw?.length === 0)
    return problem(
      entry.where,
      entry.value,
      "is an ecosystem of GitHub Agentic Workflows' network settings that awf-action has no preset for",
      'List the hosts it needs (run once with mode: audit to see them).'
    )
  const meant = name === undefined ? undefined : presetsMeant(name)
  return problem(
    entry.where,
    entry.value,
    'is not a known preset',
    `${meant ? `Did you mean ${presetList(meant)}? ` : ''}${ALL_PRESETS}`
  )
}

export function expandPresets(
  entries: readonly Entry[],
  kind: ListKind,
  problems: PolicyProblem[],
  warnings: string[],
  used: Map<string, PresetUse>
): Entry[] {
  return entries.flatMap((entry) => {
    if (!entry.value.startsWith('@')) return [entry]
    if (kind === 'block') {
      problems.push(
        problem(
          entry.where,
          entry.value,
          'is a preset, and presets only allow',
          'List the domains to block.'
        )
      )
      return []
    }
    const name = PRESET_NAME.exec(entry.value)?.[1]
    const names = name === undefined ? [] : PRESETS[name] ? [name] : (GH_AW_ECOSYSTEMS[name] ?? [])
    if (names.length === 0) {
      problems.push(unknownPreset(entry, name))
      return []
    }
    if (names[0] !== name)
      warnings.push(
        `${entry.where}: @${name} (a GitHub Agentic Workflows ecosystem) is read as ${presetList(names)}; docs/presets.md lists what they allow`
      )
    return names.flatMap((n) => {
      const preset = PRESETS[n]!
      used.set(n, { name: n, domains: preset.entries.map((e) => e.domain) })
      return preset.entries.map((e) => ({ value: e.domain, where: `${entry.where} (@${n})` }))
    })
  })
}
