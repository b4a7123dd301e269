/**
 * Raw inputs -> the settings of one run, validated once for the action and the CLI alike:
 * the policy (with the policy file), the verdict rules, the command's environment and limits,
 * the host firewall and where images come from. Every refusal comes back at once.
 */
import type { AgentEnv } from '../agent/env.js'
import type { GitIntegrityMode } from '../agent/git-integrity.js'
import type { AgentLimits } from '../agent/limits.js'
import { InputError, inputWhere, type InputOrigin, type InputProblem } from '../common/errors.js'
import {
  mergeSettings,
  parsePolicyFile,
  PolicyError,
  settingValue,
  type PolicyFileText,
  type Provenance,
  type Settings,
  type ValueKey
} from '../policy/index.js'
import type { DomainRule, Policy } from '../policy/types.js'
import type { ReportDetail } from '../report/privacy.js'
import { readPolicySource } from '../sandbox/policy-file-source.js'
import type { Ipv4Net } from '../sandbox/subnets.js'
import { TEXT_INPUTS, type RunInputs } from './inputs.js'
import type { InterceptionSettings } from './interception-settings.js'
import type { ProxySettings } from './proxy-settings.js'
import {
  agentPart,
  interceptionPart,
  policyPart,
  proxyPart,
  runnerPart,
  type Attempted,
  type SettingsReader
} from './settings-parts.js'

export interface RunSettings {
  readonly policy: Policy
  /** Warnings about the inputs (policy and env), shown before the run starts. */
  readonly warnings: readonly string[]
  readonly expectedBlocks: readonly DomainRule[]
  readonly failOnBlocked: boolean
  /** What the summary, annotations and outputs may print of the names the command chose. */
  readonly reportDetail: ReportDetail
  readonly agentEnv: AgentEnv
  readonly limits: AgentLimits
  readonly hostFirewall: boolean
  /** `docker-daemon: remote`: topology-only whatever the daemon looks like. */
  readonly remoteDaemon: boolean
  /** The workspace's git config, hooks and info are read-only during the command. */
  readonly protectGit: boolean
  /** What git metadata left to run a program later does to the step. */
  readonly gitIntegrity: GitIntegrityMode
  /** The image the command runs in; absent = the runner's own tools (host mode). */
  readonly agentImage?: string
  /** Paths under HOME (relative) shown read-only in the command's fresh HOME. */
  readonly homeConfig: readonly string[]
  readonly baseImage?: string
  readonly proxyImage?: string
  /** Which entries came from the policy file and which the inputs added (for the summary). */
  readonly provenance: Provenance
  /** Things to tell the user that are not warnings (a pull request's policy change not used). */
  readonly notices: readonly string[]
  /** Where the run's subnets come from; the default pool when absent. */
  readonly addressPool?: Ipv4Net
  /** A mirror of the released images (`image-registry`). */
  readonly imageRegistry?: string
  /** A corporate proxy to leave through, and the tunnels that may omit the TLS server name. */
  readonly proxy: ProxySettings
  /** The hosts the proxy decrypts, the headers it sets for them, the CAs it trusts (issue 16). */
  readonly interception: InterceptionSettings
}

export interface SettingsContext {
  readonly origin: InputOrigin
  /** The folder a relative policy file path starts from (the workspace). */
  readonly baseDir: string
  /** The step's environment: where `env` names take their values. */
  readonly runnerEnv: Readonly<Record<string, string | undefined>>
  /** The machine's memory, for the default memory limit. */
  readonly totalMemory: number
  /** GITHUB_EVENT_NAME and GITHUB_EVENT_PATH: on a pull request the policy file comes from its base. */
  readonly event?: { readonly name?: string; readonly path?: string }
}

/** Runs each parser; a refusal's problems are kept and the next parser still runs. */
function collecting(): {
  attempt: <T>(parse: () => T) => T | undefined
  problems: InputProblem[]
  policyOnly: () => boolean
} {
  const problems: InputProblem[] = []
  let otherKinds = false
  return {
    problems,
    policyOnly: () => !otherKinds,
    attempt: (parse) => {
      try {
        return parse()
      } catch (e) {
        if (!(e instanceof InputError)) throw e
        problems.push(...e.problems)
        if (!(e instanceof PolicyError)) otherKinds = true
        return undefined
      }
    }
  }
}

/** Reads the policy file (from the base commit on a pull request), then validates everything. */
export async function loadSettings(inputs: RunInputs, ctx: SettingsContext): Promise<RunSettings> {
  const source = await readPolicySource({
    path: inputs.policy,
    baseDir: ctx.baseDir,
    where: inputWhere(ctx.origin, 'policy'),
    eventName: ctx.event?.name,
    eventPath: ctx.event?.path
  })
  const settings = resolveSettings(inputs, ctx, source?.file)
  return { ...settings, notices: [...(source?.notices ?? []), ...settings.notices] }
}

/** The inputs merged over the policy file, keyed by input name (the file's lists extended). */
function mergedSources(
  inputs: RunInputs,
  origin: InputOrigin,
  file: PolicyFileText | undefined
): { merged: Settings; problems: InputProblem[] } {
  const parsed = file ? parsePolicyFile(file) : undefined
  // A boolean input cannot say "not given": false leaves the file's value, true turns it on.
  const raw = {
    ...Object.fromEntries(TEXT_INPUTS.map((name) => [name, inputs[name]])),
    'fail-on-blocked': inputs['fail-on-blocked'] ? 'true' : ''
  }
  const { settings, problems } = mergeSettings(raw, origin, parsed?.file)
  return { merged: settings, problems: [...(parsed?.problems ?? []), ...problems] }
}

export function resolveSettings(
  inputs: RunInputs,
  ctx: SettingsContext,
  file?: PolicyFileText
): RunSettings {
  const { attempt, problems, policyOnly } = collecting()
  const { merged, problems: sourceProblems } = mergedSources(inputs, ctx.origin, file)
  const reader: SettingsReader = {
    inputs,
    ctx,
    merged,
    sourceProblems,
    attempt,
    value: (key) => settingValue(merged, key)?.text ?? '',
    whereOf: (key) => settingValue(merged, key as ValueKey)?.where ?? inputWhere(ctx.origin, key),
    written: (key) => {
      const chosen = settingValue(merged, key)
      const text = chosen?.text.trim() ?? ''
      return chosen && text !== '' ? { text, where: chosen.where } : undefined
    }
  }
  const { warnings: policyWarnings, ...policy } = policyPart(reader)
  const { warnings: agentWarnings, ...agent } = agentPart(reader)
  const runner = runnerPart(reader)
  const proxy = proxyPart(reader, policy.policy)
  const {
    agentEnv,
    interception,
    warnings: interceptionWarnings
  } = interceptionPart(reader, policy.policy, agent.agentEnv)
  if (problems.length > 0) throw policyOnly() ? new PolicyError(problems) : new InputError(problems)
  const settings: Attempted<RunSettings> = {
    ...policy,
    ...agent,
    agentEnv,
    ...runner,
    proxy,
    interception,
    warnings: [
      ...policyWarnings,
      ...agentWarnings,
      ...(proxy?.warnings ?? []),
      ...interceptionWarnings
    ],
    notices: []
  }
  // Every part's parser succeeded (no problems were collected), so no value is absent.
  return settings as RunSettings
}
