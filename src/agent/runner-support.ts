/**
 * Where the firewall can run, and the refusal, naming what to do, where it cannot. Checked
 * before anything starts, so an unsupported runner fails in a second with the way out rather
 * than later with a Docker error. (Host rules without root or sudo are refused, with
 * host-firewall: off as the way out, by the netfilter wrapper before anything starts.)
 */

export interface RunnerFacts {
  /** process.platform */
  readonly platform: string
  /** The step runs inside the job's own container (`container:`), not on the runner. */
  readonly inJobContainer: boolean
  /** A `docker` command is on PATH. */
  readonly dockerOnPath: boolean
  /** `iptables-restore` is on PATH or in /usr/sbin or /sbin. */
  readonly iptablesFound: boolean
}

const LINUX_RUNNERS =
  'Run the job on a Linux runner with Docker: ubuntu-latest or ubuntu-24.04-arm, or a self-hosted Linux runner (docs/usage.md lists what is supported).'

/** The first reason this runner cannot run the firewall, or undefined when it can. */
export function runnerRefusal(facts: RunnerFacts, hostFirewall: boolean): string | undefined {
  if (facts.platform === 'win32')
    return `awf-action runs on Linux only, and this runner is Windows (its containers cannot share the firewall's Linux network rules). ${LINUX_RUNNERS}`
  if (facts.platform === 'darwin')
    return `awf-action runs on Linux only, and this runner is macOS (GitHub's macOS runners have no Docker engine). ${LINUX_RUNNERS}`
  if (facts.platform !== 'linux')
    return `awf-action runs on Linux only, and this runner's platform is ${JSON.stringify(facts.platform)}. ${LINUX_RUNNERS}`
  if (facts.inJobContainer)
    return "this step runs inside the job container (the job sets `container:`), where the runner's Docker engine and firewall rules are out of reach. Remove `container:` from the job and give the image as agent-image instead: the command then runs in that image, behind the firewall."
  if (!facts.dockerOnPath)
    return 'no docker command is on PATH: awf-action needs a Docker engine on the runner. GitHub-hosted Ubuntu runners have one; on a self-hosted runner install Docker (docker.io or docker-ce) and let the runner user use it.'
  if (hostFirewall && !facts.iptablesFound)
    return 'host firewall rules need iptables (iptables-restore), and this runner has none (a minimal or containerised runner?). Install iptables, or set host-firewall: off (docs/threat-model.md says what that gives up).'
  return undefined
}
