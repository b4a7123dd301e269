/** A refused value: where it came from, what it was, and what would have been accepted. */
export interface PolicyProblem {
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

export function problem(
  where: string,
  value: string,
  why: string,
  expected: string
): PolicyProblem {
  return { where, value, expected, message: `${where}: ${quote(value)} ${why}. ${expected}` }
}

export function isProblem(x: unknown): x is PolicyProblem {
  return typeof x === 'object' && x !== null && 'message' in x && 'expected' in x
}

/** Every problem of every source, reported together. */
export class PolicyError extends Error {
  constructor(readonly problems: readonly PolicyProblem[]) {
    super(problems.map((p) => p.message).join('\n'))
    this.name = 'PolicyError'
  }
}
