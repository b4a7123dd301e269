/**
 * After the command: the outcome and the events -> the report, the audit suggestion, the
 * outputs, the annotations and the verdict, as data. Both shells only print what this returns.
 */
import { ExitCode } from '../common/exit-codes.js'
import {
  blockedAnnotations,
  buildReport,
  suggestPolicy,
  unexpectedBlocks,
  type Annotation,
  type NetEvent,
  type Report,
  type RunFacts,
  type SuggestedPolicy
} from '../report/index.js'
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
  if (!settings.failOnBlocked || unexpected.length === 0) return undefined
  return `fail-on-blocked: ${unexpected.length} destination(s) outside expected-blocks were blocked: ${unexpected
    .slice(0, 10)
    .map((b) => JSON.stringify(b.target))
    .join(', ')}`
}

function verdict(
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
  if (code !== 0) return { exitCode: code, failure: `the command exited with code ${code}` }
  const blocked = blockedFailure(report, settings)
  return blocked ? { exitCode: ExitCode.blocked, failure: blocked } : { exitCode: 0 }
}

export function concludeRun(
  events: readonly NetEvent[],
  outcome: RunOutcome,
  settings: RunSettings,
  durationMs: number
): RunConclusion {
  const { policy } = settings
  const report = buildReport(events, settings.expectedBlocks)
  const suggestion = policy.mode === 'audit' ? suggestPolicy(events) : undefined
  const facts: RunFacts = {
    mode: policy.mode,
    exitCode: outcome.exitCode,
    durationMs,
    checks: outcome.checks,
    logsDir: outcome.logsDir,
    timedOutMinutes: outcome.timedOut ? settings.limits.timeoutMs / 60000 : undefined,
    firewallFailure: outcome.firewallFailure,
    hostFirewall: outcome.hostFirewall,
    presets: policy.presets
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
    ...verdict(outcome, settings, report)
  }
}
