/**
 * After the command: the outcome and the events -> the report, the audit suggestion, the
 * outputs, the annotations and the verdict, as data. Both shells only print what this returns.
 */
import { exitExplanation } from '../agent/limits.js'
import { ExitCode } from '../common/exit-codes.js'
import {
  blockedAnnotations,
  buildReport,
  suggestPolicy,
  unexpectedBlocks,
  type Annotation,
  type NetEvent,
  type Report,
  type ReportIntegrity,
  type RunFacts,
  type SuggestedPolicy
} from '../report/index.js'
import { gitFindingLines } from '../agent/git-integrity.js'
import { gitFailure, type GitIntegrityFacts } from '../report/git-findings.js'
import type { RunOutcome } from '../sandbox/types.js'
import type { RunSettings } from './settings.js'

export interface RunConclusion {
  readonly runId: string
  readonly report: Report
  readonly facts: RunFacts
  /** Audit mode only: the policy that would have allowed what the command reached. */
  readonly suggestion?: SuggestedPolicy
  /** The action's outputs, keyed by their action.yml names. */
  readonly outputs: Readonly<Record<string, string>>
  readonly annotations: readonly Annotation[]
  /** Why the step fails, or undefined when it passes. */
  readonly failure?: string
  /** What the CLI exits with. */
  readonly exitCode: number
}

function blockedFailure(report: Report, settings: RunSettings): string | undefined {
  const unexpected = unexpectedBlocks(report)
  // Blocks counted but not itemised have no name expected-blocks could match.
  const unlisted = report.unlisted.filter((u) => u.decision === 'blocked')
  if (settings.failOnBlocked && unexpected.length === 0 && unlisted.length > 0)
    return `fail-on-blocked: ${unlisted.reduce((n, u) => n + u.count, 0)} blocked attempt(s) were counted but not itemised (see the job summary)`
  if (!settings.failOnBlocked || unexpected.length === 0) return undefined
  return `fail-on-blocked: ${unexpected.length} destination(s) outside expected-blocks were blocked: ${unexpected
    .slice(0, 10)
    .map((b) => JSON.stringify(b.target))
    .join(', ')}`
}

/** The verdict, with git-integrity's failure first: whatever else happened, say it. */
function verdict(
  outcome: RunOutcome,
  settings: RunSettings,
  report: Report,
  git: GitIntegrityFacts
): Pick<RunConclusion, 'failure' | 'exitCode'> {
  const base = commandVerdict(outcome, settings, report)
  const gitFailed = gitFailure(git, outcome.gitFindings.length)
  if (!gitFailed) return base
  return {
    exitCode: base.exitCode === 0 ? ExitCode.git : base.exitCode,
    failure: base.failure ? `${gitFailed} Also: ${base.failure}` : gitFailed
  }
}

function commandVerdict(
  outcome: RunOutcome,
  settings: RunSettings,
  report: Report
): Pick<RunConclusion, 'failure' | 'exitCode'> {
  const code = outcome.exitCode
  if (outcome.firewallFailure)
    return {
      exitCode: code,
      failure: `the firewall failed during the run, so the command was killed (exit code ${code}): ${outcome.firewallFailure}. Nothing else on the runner should change firewall rules or stop containers while the step runs.`
    }
  if (outcome.timedOut)
    return {
      exitCode: code,
      failure: `the command was still running after agent-timeout (${settings.limits.timeoutMs / 60000} min), so the sandbox was killed (exit code ${code}). Raise agent-timeout if the command needs longer.`
    }
  if (code !== 0) return { exitCode: code, failure: exitExplanation(code, settings.limits) }
  const blocked = blockedFailure(report, settings)
  return blocked ? { exitCode: ExitCode.blocked, failure: blocked } : { exitCode: 0 }
}

export function concludeRun(
  events: readonly NetEvent[],
  outcome: RunOutcome,
  settings: RunSettings,
  durationMs: number,
  integrity?: ReportIntegrity
): RunConclusion {
  const { policy } = settings
  const report = buildReport(
    events,
    settings.expectedBlocks,
    settings.reportDetail,
    integrity,
    settings.policy.views.urlHosts
  )
  const suggestion =
    policy.mode === 'audit' ? suggestPolicy(events, settings.reportDetail) : undefined
  const git: GitIntegrityFacts = {
    mode: settings.gitIntegrity,
    lines: gitFindingLines(outcome.gitFindings)
  }
  const facts: RunFacts = {
    mode: policy.mode,
    exitCode: outcome.exitCode,
    durationMs,
    checks: outcome.checks,
    logsDir: outcome.logsDir,
    timedOutMinutes: outcome.timedOut ? settings.limits.timeoutMs / 60000 : undefined,
    firewallFailure: outcome.firewallFailure,
    hostFirewall: outcome.hostFirewall,
    topologyOnly: outcome.topologyOnly,
    presets: policy.presets,
    git,
    policySources: settings.provenance,
    images: outcome.images.map(({ kind, ref, source }) => ({ kind, ref, source })),
    intercepted: settings.interception.hosts.map((host) => ({
      host,
      headers: settings.interception.credentials.filter((c) => c.host === host).map((c) => c.header)
    }))
  }
  return {
    runId: outcome.runId,
    report,
    facts,
    suggestion,
    outputs: {
      'exit-code': String(outcome.exitCode),
      'logs-dir': outcome.logsDir,
      'allowed-domains': JSON.stringify(report.allowedTargets),
      'blocked-domains': JSON.stringify(report.blockedTargets),
      ...(suggestion ? { 'suggested-policy': suggestion.yaml } : {})
    },
    annotations: blockedAnnotations(report),
    ...verdict(outcome, settings, report, git)
  }
}
