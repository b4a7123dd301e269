/** The composition root: the real Docker, netfilter, process runner and live-system probes. */
import { existsSync } from 'node:fs'
import { runCanary } from './canary.js'
import { ENTRYPOINT_MOUNT } from './container-specs.js'
import { Docker } from './docker.js'
import { realExec } from './exec.js'
import { Handshake } from './handshake.js'
import { findInitBinary } from './images.js'
import { Netfilter } from './netfilter.js'
import { inspectProcessTree } from './process-check.js'
import { waitForProxy } from './readiness.js'
import { reaperScript } from './reaper.js'
import { observeRunner } from './runner-facts.js'
import type { SandboxDeps } from './types.js'

export function realDeps(): SandboxDeps {
  return {
    docker: new Docker(realExec),
    netfilter: new Netfilter(realExec.run),
    exec: realExec,
    probes: {
      waitForProxy,
      openHandshake: (dir) => Handshake.create(realExec.run, dir),
      inspectProcesses: inspectProcessTree,
      findInitBinary: () => findInitBinary(),
      observeRunner,
      interfaceExists: (name) => existsSync(`/sys/class/net/${name}`),
      isAgentProcess: (pid) => existsSync(`/proc/${pid}/root${ENTRYPOINT_MOUNT}`),
      canary: runCanary
    },
    reaper: reaperScript()
  }
}
