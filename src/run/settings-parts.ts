/**
 * The parts of a run's settings, each read from the inputs merged over the policy file:
 * the policy and its report, the command, the runner's side. A new setting is one line in
 * the part it belongs to; src/run/settings.ts puts the parts together.
 */
import { buildAgentEnv, parseEnvSources, type AgentEnv } from '../agent/env.js'
import { parseGitIntegrity, parseProtectGit } from '../agent/git-settings.js'
import { parseHomeConfig } from '../agent/home-config.js'
import { parseDockerDaemon, parseHostFirewall } from '../agent/host-firewall.js'
import { parseLimits } from '../agent/limits.js'
import { InputError, inputWhere, isProblem, problem, type InputProblem } from '../common/errors.js'
import {
  buildPolicyFrom,
  parseExpectedBlocksFrom,
  PolicyError,
  settingEntries,
  settingValue,
  type Settings,
  type ValueKey
} from '../policy/index.js'
import type { Policy } from '../policy/types.js'
import { parseReportDetail } from '../report/privacy.js'
import { parseImageRegistry } from '../sandbox/published-images.js'
import { parseAddressPool } from '../sandbox/subnets.js'
import type { RunInputs } from './inputs.js'
import {
  parseInterceptionSettings,
  withCredentialPlaceholders,
  type InterceptionSettings
} from './interception-settings.js'
import { parseProxySettings, type ProxySettings, type WrittenValue } from './proxy-settings.js'
import type { RunSettings, SettingsContext } from './settings.js'

const given = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim())

function parseFailOnBlocked(merged: Settings): boolean {
  const chosen = settingValue(merged, 'fail-on-blocked')
  if (chosen === undefined || chosen.text === 'false') return false
  if (chosen.text === 'true') return true
  throw new PolicyError([
    problem(chosen.where, chosen.text, 'is not true or false', 'Write true or false.')
  ])
}

/** Parses each source of a list key with its own place in messages; every refusal is kept. */
function eachSource<T>(
  sources: readonly WrittenValue[] | undefined,
  parse: (text: string, where: string) => readonly T[]
): T[] {
  const parsed: T[] = []
  const problems: InputProblem[] = []
  for (const { text, where } of sources ?? [])
    try {
      parsed.push(...parse(text, where))
    } catch (e) {
      if (!(e instanceof InputError)) throw e
      problems.push(...e.problems)
    }
  if (problems.length > 0) throw new InputError(problems)
  return parsed
}

/** What every part of the settings reads: the merged sources, and one collector of refusals. */
export interface SettingsReader {
  readonly inputs: RunInputs
  readonly ctx: SettingsContext
  readonly merged: Settings
  readonly sourceProblems: readonly InputProblem[]
  readonly attempt: <T>(parse: () => T) => T | undefined
  /** The merged text of a single-value key: the input's, else the file's, else ''. */
  readonly value: (key: ValueKey) => string
  /** Where a key's value was written (the file's line, or the input). */
  readonly whereOf: (key: string) => string
  /** A single-value key's text (trimmed) and where it was written; absent when neither gives it. */
  readonly written: (key: ValueKey) => WrittenValue | undefined
}

/** A part's values, each absent when its parser refused (the refusal is collected). */
export type Attempted<T> = { readonly [K in keyof T]: T[K] | undefined }

type PolicyPart = Pick<
  RunSettings,
  'policy' | 'provenance' | 'expectedBlocks' | 'failOnBlocked' | 'reportDetail'
>

/** The policy, and what the verdict and the report make of it. */
export function policyPart(
  r: SettingsReader
): Attempted<PolicyPart> & { warnings: readonly string[] } {
  const built = r.attempt(() => buildPolicyFrom(r.merged, r.sourceProblems))
  return {
    policy: built?.policy,
    provenance: built?.provenance,
    warnings: built?.warnings ?? [],
    expectedBlocks: r.attempt(() => parseExpectedBlocksFrom(r.merged)),
    failOnBlocked: r.attempt(() => parseFailOnBlocked(r.merged)),
    reportDetail: r.attempt(() =>
      parseReportDetail(r.value('report-detail'), r.whereOf('report-detail'))
    )
  }
}

type AgentPart = Pick<
  RunSettings,
  'agentImage' | 'agentEnv' | 'limits' | 'homeConfig' | 'protectGit' | 'gitIntegrity'
>

/** What the command sees: its image, environment, limits, HOME files and git metadata. */
export function agentPart(
  r: SettingsReader
): Attempted<AgentPart> & { warnings: readonly string[] } {
  const { inputs, attempt, value, whereOf } = r
  const agentImage = given(inputs['agent-image'])
  const agentEnv = attempt(() =>
    buildAgentEnv({
      entries: parseEnvSources(r.merged.sources.env ?? []),
      runnerEnv: r.ctx.runnerEnv,
      passPath: agentImage === undefined
    })
  )
  const limits = {
    timeoutMinutes: value('agent-timeout'),
    memory: value('memory-limit'),
    pids: value('pids-limit'),
    tty: inputs.tty
  }
  return {
    agentImage,
    agentEnv,
    warnings: agentEnv?.warnings ?? [],
    limits: attempt(() => parseLimits(limits, whereOf, r.ctx.totalMemory)),
    homeConfig: attempt(() => [
      ...new Set(eachSource(r.merged.sources['home-config'], parseHomeConfig))
    ]),
    protectGit: attempt(() => parseProtectGit(value('protect-git'), whereOf('protect-git'))),
    gitIntegrity: attempt(() => parseGitIntegrity(value('git-integrity'), whereOf('git-integrity')))
  }
}

type RunnerPart = Pick<
  RunSettings,
  'hostFirewall' | 'remoteDaemon' | 'addressPool' | 'imageRegistry' | 'baseImage' | 'proxyImage'
>

/** The runner's side: its firewall, the run's subnets and where the images come from. */
export function runnerPart({
  inputs,
  attempt,
  value,
  whereOf,
  written
}: SettingsReader): Attempted<RunnerPart> {
  const pool = written('address-pool')
  const registry = written('image-registry')
  return {
    hostFirewall: attempt(() =>
      parseHostFirewall(value('host-firewall'), whereOf('host-firewall'))
    ),
    remoteDaemon: attempt(() =>
      // The runner's layout, not policy: an input only, never a policy-file key.
      parseDockerDaemon(inputs['docker-daemon'], whereOf('docker-daemon'))
    ),
    addressPool:
      pool === undefined
        ? undefined
        : attempt(() => {
            const parsed = parseAddressPool(pool.text, pool.where)
            if (isProblem(parsed)) throw new InputError([parsed])
            return parsed
          }),
    imageRegistry:
      registry === undefined
        ? undefined
        : attempt(() => parseImageRegistry(registry.text, registry.where)),
    baseImage: given(inputs['base-image']),
    proxyImage: given(inputs['proxy-image'])
  }
}

/** The proxy's own settings: a corporate proxy to leave through, tunnels without SNI. */
export function proxyPart(
  r: SettingsReader,
  policy: Policy | undefined
): ProxySettings | undefined {
  const sources = {
    upstream: r.written('upstream-proxy'),
    auth: r.written('upstream-proxy-auth'),
    noSni: settingEntries(r.merged, 'tls-without-sni')
  }
  return r.attempt(() => parseProxySettings(sources, policy, r.ctx.runnerEnv))
}

/**
 * The hosts the proxy decrypts (credentials) and the CAs it trusts for them; the command's
 * environment gets a placeholder in every variable a credential names.
 */
export function interceptionPart(
  r: SettingsReader,
  policy: Policy | undefined,
  agentEnv: AgentEnv | undefined
): { agentEnv?: AgentEnv; interception?: InterceptionSettings; warnings: readonly string[] } {
  const where = (name: string): string => inputWhere(r.ctx.origin, name)
  const parsed = r.attempt(() =>
    parseInterceptionSettings(r.inputs, policy, where, {
      baseDir: r.ctx.baseDir,
      runnerEnv: r.ctx.runnerEnv
    })
  )
  const credentials = parsed?.interception.credentials ?? []
  return {
    agentEnv:
      agentEnv &&
      r.attempt(() =>
        withCredentialPlaceholders(agentEnv, credentials, r.ctx.runnerEnv, r.whereOf('env'))
      ),
    interception: parsed?.interception,
    warnings: parsed?.warnings ?? []
  }
}
