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

/** Shows untrusted text safely in one line of a message: quoted, controls escaped, bounded. */
export function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value
  return JSON.stringify(shown)
}

export function problem(where: string, value: string, why: string, expected: string): InputProblem {
  return { where, value, expected, message: `${where}: ${quote(value)} ${why}. ${expected}` }
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
