/**
 * Whether the Docker daemon shares this machine with us. The firewall arms itself from the
 * runner: host rules in the network namespace that holds the run's bridges, container rules
 * through the agent's PID, mounts of the runner's paths. A daemon elsewhere (DOCKER_HOST over
 * TCP or SSH, a Docker-in-Docker sidecar, a rootless daemon in its own namespace) would get
 * rules installed in the wrong place and mounts of its own files, so such a run is refused
 * before anything starts, with the reason.
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
    `the Docker daemon is not on this runner: ${placement.why}. The firewall installs its rules ` +
      "and checks the agent from the daemon's machine, and mounts this runner's files, so it " +
      'cannot run against a remote daemon. Run the action on a runner with its own Docker ' +
      'engine (see docs/self-hosted.md).'
  )
}
