/**
 * The run both shells start: settings -> the sandbox request -> the firewalled run -> the
 * events every layer logged -> the conclusion. The shells add only their edges (inputs or
 * argv, log groups or stderr, summary or text report, state or signals).
 */
import type { StdioOptions } from 'node:child_process'
import { join } from 'node:path'
import { runnerPathsFrom } from '../agent/filesystem.js'
import { runnerRefusal } from '../agent/runner-support.js'
import { collectEvents } from '../sandbox/collect-events.js'
import type { Ablation } from '../sandbox/ablation.js'
import type { ImageCache } from '../sandbox/images.js'
import { replaceFile } from '../sandbox/safe-files.js'
import { runSandboxed } from '../sandbox/run.js'
import { platformFacts } from '../sandbox/platform-facts.js'
import type { SandboxDeps, SandboxHooks, SandboxRequest } from '../sandbox/types.js'
import { concludeRun, type RunConclusion } from './conclude.js'
import { credentialValue } from './credentials.js'
import type { RunSettings } from './settings.js'

/** Where and as whom the command runs: what the shell knows that the settings do not. */
export interface RunPlace {
  readonly command: readonly string[]
  readonly workspace: string
  readonly tempRoot: string
  readonly logsDir?: string
  readonly uid: number
  readonly gid: number
  /** The step's environment and the Node binary running us: where the runner's paths are. */
  readonly runnerEnv: Readonly<Record<string, string | undefined>>
  readonly execPath: string
  readonly imageCache?: ImageCache
  readonly stdio: StdioOptions
  /** Test-only (src/testing/): never set by the shipped entry points. */
  readonly ablation?: Ablation
}

export function sandboxRequest(settings: RunSettings, place: RunPlace): SandboxRequest {
  return {
    policy: settings.policy,
    command: place.command,
    workspace: place.workspace,
    tempRoot: place.tempRoot,
    logsDir: place.logsDir,
    agent: {
      image: settings.agentImage,
      uid: place.uid,
      gid: place.gid,
      env: settings.agentEnv.vars,
      runner: runnerPathsFrom(place.runnerEnv, place.execPath),
      homeConfig: settings.homeConfig,
      limits: settings.limits
    },
    hostFirewall: settings.hostFirewall,
    remoteDaemon: settings.remoteDaemon,
    protectGit: settings.protectGit,
    images: {
      baseImage: settings.baseImage,
      proxyImage: settings.proxyImage,
      registry: settings.imageRegistry,
      cache: place.imageCache
    },
    stdio: place.stdio,
    addressPool: settings.addressPool,
    ablation: place.ablation,
    proxy: proxyRequest(settings, place)
  }
}

/**
 * The upstream login's and the credentials' values are read here, from the step's
 * environment, and nowhere else.
 */
function proxyRequest(settings: RunSettings, place: RunPlace): SandboxRequest['proxy'] {
  const { upstream, noSniHosts } = settings.proxy
  const { hosts, credentials, caCertificates } = settings.interception
  const interception =
    hosts.length > 0
      ? {
          interception: {
            hosts,
            credentials: credentials.map((c) => ({
              host: c.host,
              header: c.header,
              value: credentialValue(c, place.runnerEnv)
            })),
            ...(caCertificates ? { caCertificates } : {})
          }
        }
      : {}
  if (!upstream) return { noSniHosts, ...interception }
  const login = upstream.loginVariable ? place.runnerEnv[upstream.loginVariable] : undefined
  return {
    noSniHosts,
    upstream: { host: upstream.host, port: upstream.port, login },
    ...interception
  }
}

/** Runs the command in the firewall and concludes: report, outputs, verdict. */
export async function runFirewalled(
  deps: SandboxDeps,
  settings: RunSettings,
  place: RunPlace,
  hooks: SandboxHooks
): Promise<RunConclusion> {
  const refusal = runnerRefusal(
    platformFacts(place.runnerEnv, place.execPath, process.platform),
    settings.hostFirewall
  )
  if (refusal) throw new Error(refusal)
  const started = Date.now()
  const outcome = await runSandboxed(deps, sandboxRequest(settings, place), hooks)
  return hooks.phase('Reporting', async () => {
    const { events, integrity } = await collectEvents(deps.netfilter, outcome)
    const conclusion = concludeRun(events, outcome, settings, Date.now() - started, integrity)
    if (conclusion.suggestion)
      replaceFile(join(outcome.logsDir, 'suggested-policy.yml'), conclusion.suggestion.yaml)
    return conclusion
  })
}
