/** The command-line tool over the same run pipeline as the action: `render`, `run`, `presets`. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { errorText, InputError, problem } from '../common/errors.js'
import { ExitCode } from '../common/exit-codes.js'
import { PRESETS, type Policy, type Preset } from '../policy/index.js'
import { renderAll, renderedFiles } from '../render/index.js'
import type { SandboxTopology } from '../render/types.js'
import { renderTextReport } from '../report/index.js'
import { BOOLEAN_INPUTS, TEXT_INPUTS, type RunInputs } from '../run/inputs.js'
import { runFirewalled } from '../run/pipeline.js'
import { loadSettings, type RunSettings } from '../run/settings.js'
import type { Ablation } from '../sandbox/ablation.js'
import { realDeps } from '../sandbox/deps.js'
import { actionVersion } from '../sandbox/published-images.js'
import type { SandboxResources } from '../sandbox/resources.js'
import { teardown } from '../sandbox/teardown.js'
import type { PhaseRunner } from '../sandbox/types.js'
import { detectUpstreamDns } from '../sandbox/upstream-dns.js'
import {
  DEFAULT_BASE_IMAGE,
  imageTag,
  LOCAL_BASE_IMAGE,
  projectRoot,
  type ImageKind
} from '../sandbox/images.js'
import { parseArgs, USAGE, UsageError, type CliArgs } from './args.js'
import { effectiveSettings, renderCheck } from './check.js'
import { COMMAND_HELP } from './help.js'

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

/** Test-only options; the shipped entry (src/cli.ts) never passes any. */
export interface CliOptions {
  readonly ablation?: Ablation
}

/** The flags as the same record the action's inputs fill. */
export function runInputsFrom(args: CliArgs): RunInputs {
  const text = Object.fromEntries(TEXT_INPUTS.map((name) => [name, args.values[name] ?? '']))
  const switches = Object.fromEntries(
    BOOLEAN_INPUTS.map((name) => [name, args.switches[name] === true])
  )
  return { ...text, ...switches } as RunInputs
}

export function renderPresetList(presets: Readonly<Record<string, Preset>>): string {
  return Object.entries(presets)
    .map(
      ([name, p]) =>
        `@${name}  ${p.summary}\n${p.entries.map((e) => `    ${e.domain.padEnd(40)} ${e.why}`).join('\n')}\n`
    )
    .join('\n')
}

/** A file or folder a flag names that cannot be read or written: refused naming the flag. */
function flagIoError(flag: string, path: string, e: unknown): InputError {
  const code = e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : ''
  return new InputError([
    problem(
      `flag --${flag}`,
      path,
      `cannot be written${code ? ` (${code})` : ''}`,
      'Give a folder you may create and write.'
    )
  ])
}

function render(args: CliArgs, policy: Policy): void {
  const upstreamDns = policy.dnsServers.length > 0 ? policy.dnsServers : detectUpstreamDns()
  // Everything is rendered before the first file is written: an error writes nothing.
  const rendered = renderAll({ policy, topology: { ...EXAMPLE_TOPOLOGY, upstreamDns } })
  const out = resolve(args.values.out ?? '.')
  try {
    mkdirSync(out, { recursive: true })
    for (const [file, text] of renderedFiles(rendered)) {
      writeFileSync(join(out, file), text)
      process.stdout.write(`${join(out, file)}\n`)
    }
  } catch (e) {
    throw flagIoError('out', args.values.out ?? '.', e)
  }
}

/** This version, and the images a run uses: their tags and, where Docker has them, ids. */
async function versionText(): Promise<string> {
  const root = projectRoot()
  const version = actionVersion(root)
  const docker = realDeps().docker
  const lines = [`awf-action ${version}`]
  for (const kind of ['proxy', 'agent'] as ImageKind[]) {
    const tags = [DEFAULT_BASE_IMAGE, LOCAL_BASE_IMAGE].map((base) => imageTag(kind, root, base))
    let id: string | undefined
    for (const tag of tags) id ??= await docker.imageId(tag).catch(() => undefined)
    lines.push(
      `${kind} image: ${tags[0]} (on ${LOCAL_BASE_IMAGE}: ${tags[1]}) ${id ?? 'not built here yet'}`
    )
  }
  return `${lines.join('\n')}\n`
}

const timedPhase: PhaseRunner = async (title, step) => {
  const started = Date.now()
  const result = await step()
  process.stderr.write(`awf: ${title} (${Date.now() - started} ms)\n`)
  return result
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

async function run(args: CliArgs, settings: RunSettings, options: CliOptions): Promise<number> {
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
  const conclusion = await runFirewalled(
    deps,
    settings,
    {
      command: args.argv,
      workspace: process.cwd(),
      tempRoot: tmpdir(),
      logsDir: args.values['logs-dir'] ? resolve(args.values['logs-dir']) : undefined,
      ...parseUser(args.values.user),
      runnerEnv: process.env,
      execPath: process.execPath,
      stdio: ['ignore', 'inherit', 'inherit'],
      ablation: options.ablation
    },
    { phase: timedPhase, onResources: (r) => (resources = r) }
  )
  const { facts, suggestion } = conclusion
  process.stderr.write(renderTextReport(conclusion.report, facts))
  if (args.switches.json)
    process.stdout.write(
      `${JSON.stringify({ runId: conclusion.runId, exitCode: conclusion.exitCode, failure: conclusion.failure ?? null, facts, report: conclusion.report, outputs: conclusion.outputs })}\n`
    )
  if (suggestion)
    process.stderr.write(
      `suggested policy (also in ${join(facts.logsDir, 'suggested-policy.yml')}):\n${suggestion.yaml}`
    )
  if (conclusion.failure && conclusion.exitCode === ExitCode.blocked)
    process.stderr.write(`awf: ${conclusion.failure}\n`)
  process.stderr.write(
    `awf: run ${conclusion.runId} exited with ${facts.exitCode}; logs in ${facts.logsDir}\n`
  )
  return conclusion.exitCode
}

/** Parses and validates; returns what to do next, or the exit status when already done. */
async function setUp(
  argv: readonly string[]
): Promise<number | { args: CliArgs; settings: RunSettings }> {
  const args = parseArgs(argv)
  if (args.command === 'help') {
    process.stdout.write(`${args.topic ? COMMAND_HELP[args.topic] : USAGE}\n`)
    return 0
  }
  if (args.command === 'version') {
    process.stdout.write(await versionText())
    return 0
  }
  if (args.command === 'presets') {
    process.stdout.write(renderPresetList(PRESETS))
    return 0
  }
  parseUser(args.values.user)
  const settings = await loadSettings(runInputsFrom(args), {
    origin: 'flag',
    baseDir: process.cwd(),
    runnerEnv: process.env,
    totalMemory: totalmem()
  })
  for (const w of settings.warnings) process.stderr.write(`warning: ${w}\n`)
  for (const n of settings.notices) process.stderr.write(`notice: ${n}\n`)
  if (args.command === 'render') {
    render(args, settings.policy)
    return 0
  }
  if (args.command === 'check') {
    process.stdout.write(
      args.switches.json
        ? `${JSON.stringify(effectiveSettings(settings), null, 2)}\n`
        : renderCheck(settings)
    )
    return 0
  }
  const logsDir = args.values['logs-dir']
  if (logsDir !== undefined)
    try {
      mkdirSync(resolve(logsDir), { recursive: true })
    } catch (e) {
      throw flagIoError('logs-dir', logsDir, e)
    }
  return { args, settings }
}

export async function main(argv: readonly string[], options: CliOptions = {}): Promise<number> {
  let next: Awaited<ReturnType<typeof setUp>>
  try {
    next = await setUp(argv)
    if (typeof next === 'number') return next
  } catch (e) {
    if (e instanceof UsageError) process.stderr.write(`awf-action: ${e.message}\n\n${e.help}\n`)
    else if (e instanceof InputError)
      process.stderr.write(`awf-action: ${e.title}:\n${e.message}\n`)
    else process.stderr.write(`awf-action: ${errorText(e)}\n`)
    return ExitCode.usage
  }
  try {
    return await run(next.args, next.settings, options)
  } catch (e) {
    process.stderr.write(`awf-action: ${errorText(e)}\n`)
    return ExitCode.sandbox
  }
}
