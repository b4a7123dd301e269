/**
 * Whether the Docker daemon shares this machine with us. The firewall arms itself from the
 * runner: host rules in the network namespace that holds the run's bridges, container rules
 * through the agent's PID, mounts of the runner's paths. A daemon elsewhere (DOCKER_HOST over
 * TCP or SSH, a Docker-in-Docker sidecar, a rootless daemon in its own namespace) runs the
 * sandbox topology-only (src/sandbox/topology-only.ts). One case is still refused: a daemon
 * whose bridges are in our network namespace but whose agent PID is not ours, where entering
 * that PID would enter the wrong process and the runner's paths were the daemon's.
 */

export type DaemonPlacement =
  { readonly local: true } | { readonly local: false; readonly why: string }

const LOCAL: DaemonPlacement = { local: true }

/** Only the scheme and host are shown: a DOCKER_HOST URL can carry credentials. */
function endpoint(dockerHost: string): string {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/]*@)?([^/?#]*)/i.exec(dockerHost)
  return m ? `${m[1]!.toLowerCase()}://${m[2]!.replace(/[^\w.:[\]-]/g, '?')}` : 'its value'
}

/** DOCKER_HOST naming another machine (anything but a unix socket or the default). */
export function placementFromDockerHost(dockerHost: string | undefined): DaemonPlacement {
  const value = dockerHost?.trim() ?? ''
  if (value === '' || value.toLowerCase().startsWith('unix://')) return LOCAL
  return {
    local: false,
    why: `DOCKER_HOST points at a daemon elsewhere (${endpoint(value)})`
  }
}

/** The run's bridge, made by the daemon, must appear among our own network interfaces. */
export function placementFromBridge(bridge: string, visible: boolean): DaemonPlacement {
  return visible
    ? LOCAL
    : {
        local: false,
        why: `the daemon's network ${bridge} is not in this machine's network namespace, where the host rules go (a Docker-in-Docker sidecar, or a rootless daemon: use host-firewall off with that)`
      }
}

/** The PID the daemon reported for the agent is not the agent's in our PID namespace. */
export function placementFromPid(pid: number): { local: false; why: string } {
  return {
    local: false,
    why: `the daemon reports the agent as PID ${pid}, which is not the agent container in this machine's PID namespace (a Docker-in-Docker sidecar)`
  }
}

export function remoteDaemonError(placement: { why: string }): Error {
  return new Error(
    `the Docker daemon is not on this runner: ${placement.why}. Its bridges are in this ` +
      "runner's network namespace but its processes are not (a sidecar in the same pod): the " +
      'agent cannot be armed or checked through the PID it reports, and the daemon mounted ' +
      "its own files where the runner's were meant. Set docker-daemon: remote (or point " +
      "DOCKER_HOST at the sidecar's TCP port) for topology-only mode, or give the runner its " +
      'own Docker engine (see docs/self-hosted.md).'
  )
}
