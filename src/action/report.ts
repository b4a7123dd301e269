/**
 * The action's edge of the conclusion: outputs, annotations and the job summary, emitted as
 * src/run/conclude.ts computed them.
 */
import * as core from '@actions/core'
import { renderSummaryMarkdown } from '../report/index.js'
import type { RunConclusion } from '../run/conclude.js'

export async function emitConclusion(c: RunConclusion): Promise<void> {
  for (const [name, value] of Object.entries(c.outputs)) core.setOutput(name, value)
  for (const a of c.annotations) core.warning(a.message, { title: a.title })
  if (process.env.GITHUB_STEP_SUMMARY)
    await core.summary.addRaw(renderSummaryMarkdown(c.report, c.facts, c.suggestion)).write()
}
