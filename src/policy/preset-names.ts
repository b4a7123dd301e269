/**
 * Names people bring from elsewhere: the ecosystem identifiers of GitHub Agentic Workflows'
 * `network: allowed:` list, and near-misses of our own preset names. An identifier that has a
 * preset here is read as that preset (with a warning saying so: the lists differ); one that
 * has none is refused with what to do instead.
 */
import { PRESETS } from './presets.js'

/** gh-aw ecosystem identifier -> our presets (empty: we have none for it). */
export const GH_AW_ECOSYSTEMS: Readonly<Record<string, readonly string[]>> = {
  defaults: [],
  github: ['github'],
  node: ['npm'],
  python: ['pypi'],
  'python-native': ['pypi', 'crates'],
  go: ['go'],
  rust: ['crates'],
  java: ['maven', 'gradle'],
  'linux-distros': ['debian', 'ubuntu'],
  containers: [],
  dotnet: [],
  julia: [],
  ruby: [],
  terraform: [],
  playwright: []
}

/** Edits between two words, a swap of neighbours counting as one (npm / nmp). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
    }
  return d[a.length]![b.length]!
}

/** The closest of `candidates` to `word` when it is a plausible typo (at most 2 edits). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; d: number } | undefined
  for (const name of candidates) {
    const d = editDistance(word, name)
    if (d <= Math.min(2, Math.floor(name.length / 2)) && (!best || d < best.d)) best = { name, d }
  }
  return best?.name
}

/**
 * What `word` (without `@`) most likely means as a preset: our own preset of that name, the
 * presets of a gh-aw identifier, or the nearest preset name. Undefined when nothing is close.
 */
export function presetsMeant(word: string): readonly string[] | undefined {
  const name = word.toLowerCase()
  if (PRESETS[name]) return [name]
  const ghAw = GH_AW_ECOSYSTEMS[name]
  if (ghAw && ghAw.length > 0) return ghAw
  const near = closest(name, Object.keys(PRESETS))
  return near === undefined ? undefined : [near]
}

/** "@npm" or "@maven and @gradle". */
export function presetList(names: readonly string[]): string {
  const at = names.map((n) => `@${n}`)
  return at.length <= 1 ? (at[0] ?? '') : `${at.slice(0, -1).join(', ')} and ${at.at(-1)}`
}
