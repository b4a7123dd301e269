/** `protect-git` and `git-integrity`: how the workspace's git metadata is guarded. */
import { InputError, problem } from '../common/errors.js'
import type { GitIntegrityMode } from './git-integrity.js'

/** `true` (the default) or `false`, in the YAML 1.2 spellings the action's booleans accept. */
export function parseProtectGit(value: string | undefined, where: string): boolean {
  const v = value?.trim() ?? ''
  if (v === '' || ['true', 'True', 'TRUE'].includes(v)) return true
  if (['false', 'False', 'FALSE'].includes(v)) return false
  throw new InputError([
    problem(
      where,
      v,
      'is not true or false',
      'Use true (the default: .git/config, hooks and info are read-only while the command runs) or false.'
    )
  ])
}

export function parseGitIntegrity(value: string | undefined, where: string): GitIntegrityMode {
  const v = value?.trim() ?? ''
  if (v === '' || v === 'fail') return 'fail'
  if (v === 'warn') return 'warn'
  throw new InputError([
    problem(
      where,
      v,
      'is not a git-integrity setting',
      'Use fail (the default: git metadata that would run a program in a later step fails the step) or warn (report it only).'
    )
  ])
}
