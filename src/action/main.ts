/** The action's main step: inputs -> policy -> firewalled run -> outputs. */
import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import { tmpdir, totalmem } from 'node:os'
import { buildAgentEnv, parseEnvEntries } from '../agent/env.js'
import { runnerPathsFrom } from '../agent/filesystem.js'
import { parseHostFirewall } from '../agent/host-firewall.js'
import { parseLimits } from '../agent/limits.js'
import { buildPolicy, parseExpectedBlocks, type BuiltPolicy } from '../policy/index.js'
import { setLogger } from '../sandbox/log.js'
import { realDeps, runSandboxed, type PhaseRunner } from '../sandbox/run.js'
import { toolCacheImages } from './image-cache.js'
import { getInputs, type Inputs } from './inputs.js'
import { reportRun } from './report.js'
import { readPolicyFile } from './policy-sources.js'
import { saveResources } from './state.js'

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** Each phase in its own log group, closed with how long it took. */
export const groupPhase: PhaseRunner = (title, step) =>
  core.group(title, async () => {
    const started = Date.now()
    try {
      return await step()
    } finally {
      core.info(`${title}: ${Date.now() - started} ms`)
    }
  })

function policyFromInputs(inputs: Inputs, workspace: string): BuiltPolicy {
  return buildPolicy(
    {
      'allow-domains': inputs.allowDomains,
      'block-domains': inputs.blockDomains,
      'allow-networks': inputs.allowNetworks,
      'dns-servers': inputs.dnsServers,
      'allow-host-ports': inputs.allowHostPorts,
      mode: inputs.mode
    },
    'input',
    readPolicyFile(inputs.policy, workspace, 'input policy')
  )
}

export async function run(): Promise<void> {
  setLogger({ debug: core.debug, info: core.info, warning: core.warning })
  try {
    const inputs = getInputs()
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const { policy, warnings, expectedBlocks, agentEnv, limits, hostFirewall } = await groupPhase(
      'Validating policy',
      () =>
        Promise.resolve().then(() => ({
          ...policyFromInputs(inputs, workspace),
          expectedBlocks: parseExpectedBlocks(inputs.expectedBlocks, 'input'),
          agentEnv: buildAgentEnv({
            entries: parseEnvEntries(inputs.env, 'input env'),
            runnerEnv: process.env,
            passPath: !inputs.agentImage
          }),
          limits: parseLimits(
            {
              timeoutMinutes: inputs.agentTimeout,
              memory: inputs.memoryLimit,
              pids: inputs.pidsLimit,
              tty: inputs.tty
            },
            (key) => `input ${key}`,
            totalmem()
          ),
          hostFirewall: parseHostFirewall(inputs.hostFirewall, 'input host-firewall')
        }))
    )
    for (const secret of agentEnv.secrets) core.setSecret(secret)
    for (const w of [...warnings, ...agentEnv.warnings]) core.warning(w)

    // Agent output must not be able to issue workflow commands (set outputs, forge annotations).
    const token = randomBytes(16).toString('hex')
    const deps = realDeps()
    const started = Date.now()
    const outcome = await runSandboxed(
      deps,
      {
        policy,
        command: ['bash', '-e', '-o', 'pipefail', '-c', inputs.run],
        workspace,
        tempRoot: process.env.RUNNER_TEMP || tmpdir(),
        agent: {
          image: inputs.agentImage || undefined,
          uid: process.getuid?.() ?? 0,
          gid: process.getgid?.() ?? 0,
          env: agentEnv.vars,
          runner: runnerPathsFrom(process.env, process.execPath),
          limits
        },
        hostFirewall,
        images: {
          baseImage: inputs.baseImage || undefined,
          proxyImage: inputs.proxyImage || undefined,
          cache: toolCacheImages(deps.docker)
        },
        stdio: ['ignore', 'inherit', 'inherit']
      },
      {
        phase: groupPhase,
        onResources: saveResources,
        onCommandStart: () => process.stdout.write(`::stop-commands::${token}\n`),
        onCommandEnd: () => process.stdout.write(`\n::${token}::\n`)
      }
    )
    core.info(`enforcement verified: ${outcome.checks.length}/${outcome.checks.length} checks`)
    core.setOutput('exit-code', String(outcome.exitCode))
    core.setOutput('logs-dir', outcome.logsDir)
    const blockedFailure = await reportRun(
      deps.netfilter,
      outcome,
      {
        mode: policy.mode,
        exitCode: outcome.exitCode,
        durationMs: Date.now() - started,
        checks: outcome.checks,
        logsDir: outcome.logsDir,
        timedOutMinutes: outcome.timedOut ? limits.timeoutMs / 60000 : undefined,
        firewallFailure: outcome.firewallFailure,
        hostFirewall: outcome.hostFirewall,
        presets: policy.presets
      },
      { failOnBlocked: inputs.failOnBlocked, expectedBlocks }
    )
    if (outcome.firewallFailure)
      core.setFailed(
        `the firewall failed during the run, so the command was killed (exit code ${outcome.exitCode}): ${outcome.firewallFailure}. Nothing else on the runner should change firewall rules or stop containers while the step runs.`
      )
    else if (outcome.timedOut)
      core.setFailed(
        `the command was still running after agent-timeout (${limits.timeoutMs / 60000} min), so the sandbox was killed (exit code ${outcome.exitCode}). Raise agent-timeout if the command needs longer.`
      )
    else if (outcome.exitCode !== 0)
      core.setFailed(`the command exited with code ${outcome.exitCode}`)
    else if (blockedFailure) core.setFailed(blockedFailure)
  } catch (e) {
    core.setFailed(errorMessage(e))
  }
}
