/**
 * The shared vocabulary of refusals. Every value a person typed that cannot be used becomes an
 * `InputError` listing each problem: where (input, flag or file key), the value, and what
 * would be accepted. Policy errors are one kind of it.
 */

/** A refused value: where it came from, what it was, and what would have been accepted. */
export interface InputProblem {
  readonly where: string
  readonly value: string
  readonly expected: string
  readonly message: string
}

/**
 * Characters that change how the text around them reads without being visible: C1 controls,
 * bidirectional overrides and isolates (which reorder what follows), zero-width characters,
 * the line and paragraph separators, soft hyphen and the byte-order mark. JSON.stringify
 * leaves every one of them raw.
 */
const INVISIBLE =
  /[\u0080-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g

function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Untrusted text inside a message, unquoted: controls and invisible characters escaped. */
export function safeText(value: string): string {
  return escapeInvisible(JSON.stringify(value).slice(1, -1))
}

/** Shows untrusted text safely in one line of a message: quoted, controls escaped, bounded. */
export function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value
  return escapeInvisible(JSON.stringify(shown))
}

/**
 * `shown` replaces the quoted value in the message when the value reads better another way
 * (a number as written, `2` rather than `"2"`); an empty `shown` leaves the value out.
 */
export function problem(
  where: string,
  value: string,
  why: string,
  expected: string,
  shown?: string
): InputProblem {
  const place = safeText(where)
  const subject = shown === undefined ? quote(value) : escapeInvisible(shown)
  return {
    where: place,
    value,
    expected,
    message: `${place}: ${subject ? `${subject} ` : ''}${escapeInvisible(why)}. ${escapeInvisible(expected)}`
  }
}

export function isProblem(x: unknown): x is InputProblem {
  return typeof x === 'object' && x !== null && 'message' in x && 'expected' in x
}

/** Every problem of one kind of input, reported together. */
export class InputError extends Error {
  /** How the CLI and the action introduce the problems: "invalid policy", "invalid input". */
  readonly title: string = 'invalid input'

  constructor(readonly problems: readonly InputProblem[]) {
    super(problems.map((p) => p.message).join('\n'))
    this.name = 'InputError'
  }
}

/** The message of anything thrown, whether or not it is an Error. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** Where a value came from: the action's inputs or the CLI's flags of the same names. */
export type InputOrigin = 'input' | 'flag'

/** How messages name a value's source: `input allow-domains` or `flag --allow-domains`. */
export function inputWhere(origin: InputOrigin, name: string): string {
  return origin === 'input' ? `input ${name}` : `flag --${name}`
}
