/** The command-line tool over the same core as the action: `render` and `run`. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { buildAgentEnv, parseEnvEntries, type AgentEnv } from '../agent/env.js'
import { runnerPathsFrom } from '../agent/filesystem.js'
import { parseHostFirewall } from '../agent/host-firewall.js'
import { parseLimits, type AgentLimits } from '../agent/limits.js'
import { buildPolicy, PolicyError, PRESETS, type Policy, type Preset } from '../policy/index.js'
import { renderAll, renderedFiles } from '../render/index.js'
import type { SandboxTopology } from '../render/types.js'
import { readPolicyFile } from '../action/policy-sources.js'
import { realDeps, runSandboxed, type PhaseRunner } from '../sandbox/run.js'
import type { SandboxResources } from '../sandbox/resources.js'
import { buildReport, renderTextReport, suggestPolicy } from '../report/index.js'
import { collectEvents } from '../sandbox/collect-events.js'
import { teardown } from '../sandbox/teardown.js'
import { detectUpstreamDns } from '../sandbox/upstream-dns.js'
import { parseArgs, USAGE, UsageError, type CliArgs } from './args.js'

const EXIT_USAGE = 2
const EXIT_SANDBOX = 125

/** `render` shows what a run would use, on this fixed example topology. */
export const EXAMPLE_TOPOLOGY: Omit<SandboxTopology, 'upstreamDns'> = {
  runId: '00000000',
  internalSubnet: { address: '172.28.0.0', prefix: 24 },
  internalBridge: 'awfi-00000000',
  internalGateway: '172.28.0.1',
  proxyIp: '172.28.0.2',
  egressSubnet: { address: '172.28.1.0', prefix: 24 },
  egressBridge: 'awfe-00000000',
  proxyEgressIp: '172.28.1.2'
}

function policyFrom(args: CliArgs): { policy: Policy; warnings: readonly string[] } {
  const v = args.values
  return buildPolicy(
    {
      'allow-domains': v['allow-domains'],
      'block-domains': v['block-domains'],
      'allow-networks': v['allow-networks'],
      'dns-servers': v['dns-servers'],
      'allow-host-ports': v['allow-host-ports'],
      mode: v.mode
    },
    'flag',
    v.policy === undefined ? undefined : readPolicyFile(v.policy, process.cwd(), 'flag --policy')
  )
}

export function renderPresetList(presets: Readonly<Record<string, Preset>>): string {
  return Object.entries(presets)
    .map(
      ([name, p]) =>
        `@${name}  ${p.summary}\n${p.entries.map((e) => `    ${e.domain.padEnd(40)} ${e.why}`).join('\n')}\n`
    )
    .join('\n')
}

function render(args: CliArgs, policy: Policy): void {
  const upstreamDns = policy.dnsServers.length > 0 ? policy.dnsServers : detectUpstreamDns()
  // Everything is rendered before the first file is written: an error writes nothing.
  const rendered = renderAll({ policy, topology: { ...EXAMPLE_TOPOLOGY, upstreamDns } })
  const out = resolve(args.values.out ?? '.')
  mkdirSync(out, { recursive: true })
  for (const [file, text] of renderedFiles(rendered)) {
    writeFileSync(join(out, file), text)
    process.stdout.write(`${join(out, file)}\n`)
  }
}

const timedPhase: PhaseRunner = async (title, step) => {
  const started = Date.now()
  const result = await step()
  process.stderr.write(`awf: ${title} (${Date.now() - started} ms)\n`)
  return result
}

interface AgentSettings {
  readonly hostFirewall: boolean
  readonly env: AgentEnv
  readonly limits: AgentLimits
  readonly uid: number
  readonly gid: number
}

function parseUser(text: string | undefined): { uid: number; gid: number } {
  if (text === undefined) return { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 }
  const m = /^(\d{1,9}):(\d{1,9})$/.exec(text)
  if (!m)
    throw new UsageError(
      `flag --user: ${JSON.stringify(text)} is not UID:GID (numbers, e.g. 1001:1001)`
    )
  return { uid: Number(m[1]), gid: Number(m[2]) }
}

function agentSettings(args: CliArgs): AgentSettings {
  const v = args.values
  return {
    hostFirewall: parseHostFirewall(v['host-firewall'], 'flag --host-firewall'),
    env: buildAgentEnv({
      entries: parseEnvEntries(v.env ?? '', 'flag --env'),
      runnerEnv: process.env,
      passPath: v['agent-image'] === undefined
    }),
    limits: parseLimits(
      {
        timeoutMinutes: v['agent-timeout'],
        memory: v['memory-limit'],
        pids: v['pids-limit'],
        tty: args.switches.tty === true
      },
      (key) => `flag --${key}`,
      totalmem()
    ),
    ...parseUser(v.user)
  }
}

async function run(args: CliArgs, policy: Policy, agent: AgentSettings): Promise<number> {
  let resources: SandboxResources | undefined
  let stopping = false
  const deps = realDeps()
  // On SIGINT/SIGTERM: kill the sandbox at once (no graceful stop) and exit like the signal.
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return
    stopping = true
    process.stderr.write(`awf: ${signal}: removing the sandbox\n`)
    const done = (): never => process.exit(signal === 'SIGINT' ? 130 : 143)
    if (resources) teardown(deps, resources).then(done, done)
    else done()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const tempRoot = tmpdir()
  const started = Date.now()
  const outcome = await runSandboxed(
    deps,
    {
      policy,
      command: args.argv,
      workspace: process.cwd(),
      tempRoot,
      logsDir: args.values['logs-dir'] ? resolve(args.values['logs-dir']) : undefined,
      agent: {
        image: args.values['agent-image'],
        uid: agent.uid,
        gid: agent.gid,
        env: agent.env.vars,
        runner: runnerPathsFrom(process.env, process.execPath),
        limits: agent.limits
      },
      hostFirewall: agent.hostFirewall,
      images: {
        baseImage: args.values['base-image'],
        proxyImage: args.values['proxy-image']
      },
      stdio: ['ignore', 'inherit', 'inherit']
    },
    { phase: timedPhase, onResources: (r) => (resources = r) }
  )
  const events = await collectEvents(deps.netfilter, outcome)
  const facts = {
    mode: policy.mode,
    exitCode: outcome.exitCode,
    durationMs: Date.now() - started,
    checks: outcome.checks,
    logsDir: outcome.logsDir,
    timedOutMinutes: outcome.timedOut ? agent.limits.timeoutMs / 60000 : undefined,
    firewallFailure: outcome.firewallFailure,
    hostFirewall: outcome.hostFirewall,
    presets: policy.presets
  }
  process.stderr.write(renderTextReport(buildReport(events), facts))
  if (policy.mode === 'audit') {
    const suggestion = suggestPolicy(events)
    writeFileSync(join(outcome.logsDir, 'suggested-policy.yml'), suggestion.yaml)
    process.stderr.write(
      `suggested policy (also in ${join(outcome.logsDir, 'suggested-policy.yml')}):\n${suggestion.yaml}`
    )
  }
  process.stderr.write(
    `awf: run ${outcome.runId} exited with ${outcome.exitCode}; logs in ${outcome.logsDir}\n`
  )
  return outcome.exitCode
}

export async function main(argv: readonly string[]): Promise<number> {
  let args: CliArgs
  let built: { policy: Policy; warnings: readonly string[] }
  let agent: AgentSettings
  try {
    args = parseArgs(argv)
    if (args.command === 'help') {
      process.stdout.write(`${USAGE}\n`)
      return 0
    }
    if (args.command === 'version') {
      process.stdout.write('awf-action 0.1.0\n')
      return 0
    }
    if (args.command === 'presets') {
      process.stdout.write(renderPresetList(PRESETS))
      return 0
    }
    built = policyFrom(args)
    agent = agentSettings(args)
    for (const w of [...built.warnings, ...agent.env.warnings])
      process.stderr.write(`warning: ${w}\n`)
    if (args.command === 'render') {
      render(args, built.policy)
      return 0
    }
  } catch (e) {
    if (e instanceof UsageError) process.stderr.write(`awf-action: ${e.message}\n\n${USAGE}\n`)
    else if (e instanceof PolicyError)
      process.stderr.write(`awf-action: invalid policy:\n${e.message}\n`)
    else process.stderr.write(`awf-action: ${e instanceof Error ? e.message : String(e)}\n`)
    return EXIT_USAGE
  }
  try {
    return await run(args, built.policy, agent)
  } catch (e) {
    process.stderr.write(`awf-action: ${e instanceof Error ? e.message : String(e)}\n`)
    return EXIT_SANDBOX
  }
}
