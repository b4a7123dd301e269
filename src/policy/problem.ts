/** Policy refusals: the shared input-error vocabulary (src/common/errors.ts), policy kind. */
import { InputError, type InputProblem } from '../common/errors.js'

export { isProblem, problem, quote, safeText } from '../common/errors.js'
export type PolicyProblem = InputProblem

/** Every problem of every policy source, reported together. */
export class PolicyError extends InputError {
  override readonly title = 'invalid policy'

  constructor(problems: readonly PolicyProblem[]) {
    super(problems)
    this.name = 'PolicyError'
  }
}
