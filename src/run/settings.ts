/**
 * Raw inputs -> the settings of one run, validated once for the action and the CLI alike:
 * the policy (with the policy file), the verdict rules, the command's environment and limits,
 * the host firewall and where images come from. Every refusal comes back at once.
 */
import { buildAgentEnv, parseEnvEntries, type AgentEnv } from '../agent/env.js'
import { parseHostFirewall } from '../agent/host-firewall.js'
import { parseLimits, type AgentLimits } from '../agent/limits.js'
import { InputError, inputWhere, type InputOrigin, type InputProblem } from '../common/errors.js'
import { buildPolicy, parseExpectedBlocks, PolicyError } from '../policy/index.js'
import type { DomainRule, Policy } from '../policy/types.js'
import type { RunInputs } from './inputs.js'
import { readPolicyFile } from './policy-file.js'
import { parseProxySettings, type ProxySettings } from './proxy-settings.js'

export interface RunSettings {
  readonly policy: Policy
  /** Warnings about the inputs (policy and env), shown before the run starts. */
  readonly warnings: readonly string[]
  readonly expectedBlocks: readonly DomainRule[]
  readonly failOnBlocked: boolean
  readonly agentEnv: AgentEnv
  readonly limits: AgentLimits
  readonly hostFirewall: boolean
  /** The image the command runs in; absent = the runner's own tools (host mode). */
  readonly agentImage?: string
  readonly baseImage?: string
  readonly proxyImage?: string
  /** A corporate proxy to leave through, and the tunnels that may omit the TLS server name. */
  readonly proxy: ProxySettings
}

export interface SettingsContext {
  readonly origin: InputOrigin
  /** The folder a relative policy file path starts from (the workspace). */
  readonly baseDir: string
  /** The step's environment: where `env` names take their values. */
  readonly runnerEnv: Readonly<Record<string, string | undefined>>
  /** The machine's memory, for the default memory limit. */
  readonly totalMemory: number
}

const given = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim())

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

export function resolveSettings(inputs: RunInputs, ctx: SettingsContext): RunSettings {
  const where = (name: string): string => inputWhere(ctx.origin, name)
  const { attempt, problems, policyOnly } = collecting()
  const built = attempt(() =>
    buildPolicy(
      {
        'allow-domains': inputs['allow-domains'],
        'block-domains': inputs['block-domains'],
        'allow-networks': inputs['allow-networks'],
        'dns-servers': inputs['dns-servers'],
        'allow-host-ports': inputs['allow-host-ports'],
        mode: inputs.mode
      },
      ctx.origin,
      readPolicyFile(inputs.policy, ctx.baseDir, where('policy'))
    )
  )
  const expectedBlocks = attempt(() => parseExpectedBlocks(inputs['expected-blocks'], ctx.origin))
  const agentImage = given(inputs['agent-image'])
  const agentEnv = attempt(() =>
    buildAgentEnv({
      entries: parseEnvEntries(inputs.env, where('env')),
      runnerEnv: ctx.runnerEnv,
      passPath: agentImage === undefined
    })
  )
  const limits = attempt(() =>
    parseLimits(
      {
        timeoutMinutes: inputs['agent-timeout'],
        memory: inputs['memory-limit'],
        pids: inputs['pids-limit'],
        tty: inputs.tty
      },
      where,
      ctx.totalMemory
    )
  )
  const hostFirewall = attempt(() =>
    parseHostFirewall(inputs['host-firewall'], where('host-firewall'))
  )
  const proxy = attempt(() => parseProxySettings(inputs, built?.policy, where, ctx.runnerEnv))
  if (problems.length > 0) throw policyOnly() ? new PolicyError(problems) : new InputError(problems)
  return {
    policy: built!.policy,
    warnings: [...built!.warnings, ...agentEnv!.warnings, ...proxy!.warnings],
    expectedBlocks: expectedBlocks!,
    failOnBlocked: inputs['fail-on-blocked'],
    agentEnv: agentEnv!,
    limits: limits!,
    hostFirewall: hostFirewall!,
    agentImage,
    baseImage: given(inputs['base-image']),
    proxyImage: given(inputs['proxy-image']),
    proxy: proxy!
  }
}
