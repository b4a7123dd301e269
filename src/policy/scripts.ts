/**
 * Look-alike names: a label that mixes letters of different scripts (a Cyrillic "а" inside
 * a Latin word) reads as another name. The rule follows what browsers do for IDN display:
 * one script per label, except the combinations real languages use (Japanese mixes Han,
 * Hiragana and Katakana; Korean Han and Hangul; any of them may be written next to Latin).
 */
import { domainToUnicode } from 'node:url'

const SCRIPTS: readonly [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
  ['Han', /\p{Script=Han}/u],
  ['Hiragana', /\p{Script=Hiragana}/u],
  ['Katakana', /\p{Script=Katakana}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Bopomofo', /\p{Script=Bopomofo}/u]
]

/** Scripts that mix with each other and with Latin in ordinary East Asian names. */
const EAST_ASIAN = new Set(['Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo'])

function scriptOf(letter: string): string {
  return SCRIPTS.find(([, re]) => re.test(letter))?.[0] ?? 'another script'
}

/** The scripts of a label's letters (digits and hyphens belong to none). */
export function labelScripts(label: string): Set<string> {
  const found = new Set<string>()
  for (const c of label) if (/\p{L}/u.test(c)) found.add(scriptOf(c))
  return found
}

/**
 * The first label of a normalised (punycode) name that mixes scripts, in Unicode, with its
 * scripts; undefined when every label keeps to one script or an accepted combination.
 */
export function mixedScriptLabel(
  asciiName: string
): { label: string; scripts: string[] } | undefined {
  if (!asciiName.split('.').some((l) => l.startsWith('xn--'))) return undefined
  for (const label of domainToUnicode(asciiName).split('.')) {
    const scripts = [...labelScripts(label)]
    if (scripts.length < 2) continue
    if (scripts.every((s) => s === 'Latin' || EAST_ASIAN.has(s))) continue
    return { label, scripts }
  }
  return undefined
}
