/**
 * After the command: events from every layer, the job summary, one annotation per blocked
 * destination, the outputs, and the fail-on-blocked verdict.
 */
import * as core from '@actions/core'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DomainRule } from '../policy/types.js'
import {
  blockedAnnotations,
  buildReport,
  renderSummaryMarkdown,
  suggestPolicy,
  unexpectedBlocks,
  type RunFacts
} from '../report/index.js'
import { collectEvents } from '../sandbox/collect-events.js'
import type { Netfilter } from '../sandbox/netfilter.js'
import type { RunOutcome } from '../sandbox/run.js'

/** Returns the reason to fail the step under fail-on-blocked, or undefined. */
export async function reportRun(
  netfilter: Netfilter,
  outcome: RunOutcome,
  facts: RunFacts,
  options: { failOnBlocked: boolean; expectedBlocks: readonly DomainRule[] }
): Promise<string | undefined> {
  return core.group('Reporting', async () => {
    const events = await collectEvents(netfilter, outcome)
    const report = buildReport(events, options.expectedBlocks)
    const suggestion = facts.mode === 'audit' ? suggestPolicy(events) : undefined
    if (suggestion) {
      writeFileSync(join(outcome.logsDir, 'suggested-policy.yml'), suggestion.yaml)
      core.setOutput('suggested-policy', suggestion.yaml)
    }
    core.setOutput('allowed-domains', JSON.stringify(report.allowedTargets))
    core.setOutput('blocked-domains', JSON.stringify(report.blockedTargets))
    for (const a of blockedAnnotations(report)) core.warning(a.message, { title: a.title })
    if (process.env.GITHUB_STEP_SUMMARY)
      await core.summary.addRaw(renderSummaryMarkdown(report, facts)).write()
    const unexpected = unexpectedBlocks(report)
    if (!options.failOnBlocked || unexpected.length === 0) return undefined
    return `fail-on-blocked: ${unexpected.length} destination(s) outside expected-blocks were blocked: ${unexpected
      .slice(0, 10)
      .map((b) => JSON.stringify(b.target))
      .join(', ')}`
  })
}
