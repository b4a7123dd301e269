/**
 * The git-integrity section of the job summary and the CLI report. The lines are the
 * findings' `shown` text (fixed words, known names, plain paths), escaped again here.
 */
import type { GitIntegrityMode } from '../agent/git-integrity.js'

export interface GitIntegrityFacts {
  readonly mode: GitIntegrityMode
  /** Shown lines, already bounded (gitFindingLines). */
  readonly lines: readonly string[]
}

const HEADLINE: Record<GitIntegrityMode, string> = {
  fail: 'The command left git metadata that would make a later git command run a program, so the step fails (git-integrity: fail)',
  warn: 'The command left git metadata that would make a later git command run a program (git-integrity: warn)'
}

export function gitFindingsMarkdown(
  facts: GitIntegrityFacts | undefined,
  escape: (text: string) => string
): string[] {
  if (!facts || facts.lines.length === 0) return []
  return [
    `**${HEADLINE[facts.mode]}:**`,
    '',
    ...facts.lines.map((l) => `- ${escape(l)}`),
    '',
    'Do not run git in this workspace on the runner before removing them; the full list is in git-integrity.json in the logs.',
    ''
  ]
}

export function gitFindingsText(facts: GitIntegrityFacts | undefined): string[] {
  if (!facts || facts.lines.length === 0) return []
  const safe = (t: string): string => JSON.stringify(t).slice(1, -1)
  return [`${HEADLINE[facts.mode]}:`, ...facts.lines.map((l) => `  ${safe(l)}`)]
}

/** Why the step fails, when it does. */
export function gitFailure(facts: GitIntegrityFacts, total: number): string | undefined {
  if (facts.mode !== 'fail' || total === 0) return undefined
  return `git-integrity: the command left ${total} thing(s) in the workspace's git metadata that a later git command would run (${facts.lines.slice(0, 3).join('; ')}). See the summary and git-integrity.json in the logs; set git-integrity: warn to report without failing.`
}
