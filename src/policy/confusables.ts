/**
 * Whole-script look-alikes: a label written wholly in Cyrillic, Greek or Armenian whose every
 * letter looks like a Latin one (`аррӏе`, five Cyrillic letters) reads as a Latin name
 * (`apple`) without mixing scripts, so the mixed-script rule (scripts.ts) does not see it.
 *
 * The table lists, per script, the lower-case letters that render like a Latin lower-case
 * letter in common fonts, each with that letter. It was written for this project from the
 * Unicode character names and glyphs, keeping the pairs that Unicode's confusables data
 * (UTS #39) also pairs, directly or through a Latin variant (α via ɑ, υ via ʋ); letters
 * that only resemble a small capital (Cyrillic к, м, т, в; Greek κ, τ) are left out, since
 * a name made of them does not read as a Latin word. Names are compared lower-cased, as IDNA
 * maps them, so capital letters never occur.
 */
import { domainToUnicode } from 'node:url'
import { labelScripts } from './scripts.js'

/** Per script: letter -> the Latin letter it is read as. */
const LATIN_LOOKALIKES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Cyrillic: {
    '\u0430': 'a', // а CYRILLIC SMALL LETTER A
    '\u0441': 'c', // с ES
    '\u0501': 'd', // ԁ KOMI DE
    '\u0435': 'e', // е IE
    '\u04bd': 'e', // ҽ ABKHASIAN CHE
    '\u0433': 'r', // г GHE
    '\u04bb': 'h', // һ SHHA
    '\u0456': 'i', // і BYELORUSSIAN-UKRAINIAN I
    '\u0458': 'j', // ј JE
    '\u04cf': 'l', // ӏ PALOCHKA
    '\u043f': 'n', // п PE (its italic and many sans forms)
    '\u043e': 'o', // о O
    '\u0440': 'p', // р ER
    '\u051b': 'q', // ԛ QA
    '\u0455': 's', // ѕ DZE
    '\u0475': 'v', // ѵ IZHITSA
    '\u051d': 'w', // ԝ WE
    '\u0461': 'w', // ѡ OMEGA
    '\u0445': 'x', // х HA
    '\u0443': 'y', // у U
    '\u04af': 'y', // ү STRAIGHT U
    '\u044c': 'b' // ь SOFT SIGN
  },
  Greek: {
    '\u03b1': 'a', // α ALPHA
    '\u03f2': 'c', // ϲ LUNATE SIGMA SYMBOL
    '\u03b3': 'y', // γ GAMMA
    '\u03b7': 'n', // η ETA
    '\u03b9': 'i', // ι IOTA
    '\u03f3': 'j', // ϳ YOT
    '\u03bd': 'v', // ν NU
    '\u03bf': 'o', // ο OMICRON
    '\u03c1': 'p', // ρ RHO
    '\u03c3': 'o', // σ SIGMA
    '\u03c5': 'u', // υ UPSILON
    '\u03c7': 'x', // χ CHI
    '\u03c9': 'w' // ω OMEGA
  },
  Armenian: {
    '\u0561': 'w', // ա AYB
    '\u0581': 'g', // ց CO
    '\u0570': 'h', // հ HO
    '\u0578': 'n', // ո VO
    '\u0585': 'o', // օ OH
    '\u0566': 'q', // զ ZA
    '\u057d': 'u' // ս SEH
  }
}

/** The scripts the table covers (for the docs and tests). */
export const LOOKALIKE_SCRIPTS = Object.keys(LATIN_LOOKALIKES)

/** The Latin reading of a label wholly in one covered script, or undefined. */
function latinReading(label: string): { script: string; latin: string } | undefined {
  const scripts = [...labelScripts(label)]
  const table = scripts.length === 1 ? LATIN_LOOKALIKES[scripts[0]!] : undefined
  if (!table) return undefined
  let latin = ''
  for (const c of label) {
    if (/[0-9-]/.test(c)) latin += c
    else if (table[c] !== undefined) latin += table[c]
    else return undefined
  }
  return { script: scripts[0]!, latin }
}

export interface WholeScriptLookalike {
  /** The name in Unicode, as it would be displayed. */
  readonly unicode: string
  /** The Latin name it reads as (every look-alike label replaced). */
  readonly latin: string
  readonly scripts: readonly string[]
}

/**
 * For a normalised (punycode) name: the Latin name it reads as when one or more of its labels
 * are written wholly in look-alike letters of another script; undefined otherwise.
 */
export function wholeScriptLookalike(asciiName: string): WholeScriptLookalike | undefined {
  if (!asciiName.split('.').some((l) => l.startsWith('xn--'))) return undefined
  const unicode = domainToUnicode(asciiName)
  const readings = unicode.split('.').map(latinReading)
  if (readings.every((r) => r === undefined)) return undefined
  const labels = unicode.split('.')
  return {
    unicode,
    latin: labels.map((l, i) => readings[i]?.latin ?? l).join('.'),
    scripts: [...new Set(readings.flatMap((r) => (r ? [r.script] : [])))]
  }
}

/** Every character outside printable ASCII as a \u escape, so a look-alike cannot pass for Latin. */
export function escapeNonAscii(text: string): string {
  return [...text]
    .map((c) => {
      const code = c.codePointAt(0)!
      if (code >= 0x20 && code < 0x7f) return c
      return code > 0xffff
        ? `\\u{${code.toString(16)}}`
        : `\\u${code.toString(16).padStart(4, '0')}`
    })
    .join('')
}
