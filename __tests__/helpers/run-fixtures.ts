/** Fixtures for the run layer's tests: raw inputs, and what a sandboxed run returns. */
import { BOOLEAN_INPUTS, TEXT_INPUTS, type RunInputs } from '../../src/run/inputs.js'
import type { RunOutcome } from '../../src/sandbox/types.js'

/** Every input empty (or false), as an empty workflow step gives them, but the ones given. */
export const runInputs = (given: Partial<Record<string, string | boolean>> = {}): RunInputs =>
  ({
    ...Object.fromEntries(TEXT_INPUTS.map((name) => [name, ''])),
    ...Object.fromEntries(BOOLEAN_INPUTS.map((name) => [name, false])),
    ...given
  }) as unknown as RunInputs

/** A run of `0a1b2c3d` in host mode that exited 0 with nothing to report, but what is given. */
export const runOutcome = (given: Partial<RunOutcome> = {}): RunOutcome => ({
  runId: '0a1b2c3d',
  exitCode: 0,
  logsDir: '/tmp/logs',
  agentIp: '172.28.0.3',
  proxyIp: '172.28.0.2',
  commandStartMs: 0,
  checks: [],
  mode: 'host',
  timedOut: false,
  hostFirewall: true,
  masked: [],
  gitFindings: [],
  drops: [],
  images: [],
  ...given
})
