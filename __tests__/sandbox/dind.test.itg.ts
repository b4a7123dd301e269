/**
 * A Kubernetes-style runner with a Docker-in-Docker sidecar (Actions Runner Controller), on
 * one machine: a "runner" container and a Docker daemon in a second container, built from
 * Debian's docker.io, talking over TCP on an internal Docker network and sharing a work
 * volume at the same path. The sidecar starts with no images: ours are loaded into it over
 * DOCKER_HOST (never pulled). The run must detect the remote daemon, run topology-only, reach
 * the lab's allowed host and not its blocked one, say which checks it could not make, and
 * leave nothing in the sidecar. The sidecar reaches the lab through the machine's routes (its
 * second network is a plain bridge), and resolves names only through the lab's resolver.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { DEFAULT_BASE_IMAGE, imageTag, LOCAL_BASE_IMAGE } from '../../src/sandbox/images.js'
import { ensureLab, LAB_RESOLVER, labLog, newNonce, ROOT, type Result } from '../helpers/lab.js'
import { describeWith } from '../helpers/require-tool.js'

const FIXTURE = join(ROOT, '__tests__', 'fixtures', 'dind')
const SHARED = '/shared'
const WORKSPACE = `${SHARED}/ws`
const TEMP = `${SHARED}/tmp`
const SOCKET = `${SHARED}/docker.sock`

const docker = (args: readonly string[], timeout = 60000): string =>
  execFileSync('docker', args, { encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] })

const present = (ref: string): boolean =>
  spawnSync('docker', ['image', 'inspect', ref], { stdio: 'ignore' }).status === 0

/** Our proxy and agent images as the runner's CLI will look for them (either base). */
function ourImages(): string[] {
  return (['proxy', 'agent'] as const).map((kind) => {
    const tags = [DEFAULT_BASE_IMAGE, LOCAL_BASE_IMAGE].map((b) => imageTag(kind, ROOT, b))
    const tag = tags.find(present)
    if (!tag) throw new Error(`none of ${tags.join(', ')} is built: run scripts/setup.sh`)
    return tag
  })
}

/** The pair's image, built (once per content hash) from the local Debian base. */
function pairImage(): string {
  const base = [LOCAL_BASE_IMAGE, DEFAULT_BASE_IMAGE].find(present)
  if (!base) throw new Error(`no base image (${LOCAL_BASE_IMAGE}): run scripts/setup.sh`)
  const hash = execFileSync('bash', [join(ROOT, 'scripts', 'image-tag.sh'), FIXTURE, base], {
    encoding: 'utf8'
  }).trim()
  const tag = `awf-dind:${hash}`
  if (!present(tag))
    docker(['build', '-q', '--build-arg', `BASE_IMAGE=${base}`, '-t', tag, FIXTURE], 600000)
  return tag
}

describeWith({ root: true, docker: true }, 'Docker-in-Docker sidecar (topology-only)', () => {
  const id = newNonce().slice(1, 9)
  const n = {
    link: `awf-dind-${id}-link`,
    uplink: `awf-dind-${id}-up`,
    daemon: `awf-dind-${id}-daemon`,
    runner: `awf-dind-${id}-runner`,
    volume: `awf-dind-${id}-work`,
    storage: `awf-dind-${id}-storage`
  }
  let image: string
  let agentImage: string
  const nonce = newNonce()
  let run: Result
  let refused: Result
  let overSocket: Result
  let samePod: Result
  let samePodRemote: Result

  /** The sidecar's own view: `docker` against the daemon inside it. */
  const inDaemon = (args: readonly string[]): string => docker(['exec', n.daemon, ...args])

  const OVER_TCP = {
    network: ['--network', n.link, '--dns', LAB_RESOLVER],
    dockerHost: `tcp://${n.daemon}:2375`
  }
  /** The sidecar's socket on the shared volume: the runner in its own network namespace. */
  const OVER_SOCKET = { network: ['--network', n.link], dockerHost: `unix://${SOCKET}` }
  /** As ARC's dind mode: the pod's one network namespace, the socket on a shared volume. */
  const SAME_POD = {
    network: ['--network', `container:${n.daemon}`],
    dockerHost: `unix://${SOCKET}`
  }

  /** The CLI in a fresh runner container, against the sidecar. */
  function runnerCli(
    workspace: string,
    args: readonly string[],
    via: { network: readonly string[]; dockerHost: string } = OVER_TCP
  ): Result {
    const r = spawnSync(
      'docker',
      [
        'run',
        '--rm',
        '--name',
        n.runner,
        ...via.network,
        '--mount',
        `type=volume,source=${n.volume},target=${SHARED}`,
        '--mount',
        `type=bind,source=${ROOT},target=${ROOT},readonly`,
        '--mount',
        `type=bind,source=${process.execPath},target=/usr/local/bin/node,readonly`,
        '--env',
        `DOCKER_HOST=${via.dockerHost}`,
        '--env',
        `TMPDIR=${TEMP}`,
        '--workdir',
        workspace,
        image,
        'sh',
        '-c',
        `mkdir -p ${workspace} && exec node ${join(ROOT, 'dist', 'cli.js')} "$@"`,
        'cli',
        ...args
      ],
      { encoding: 'utf8', timeout: 240000 }
    )
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
  }

  beforeAll(() => {
    ensureLab()
    image = pairImage()
    const images = ourImages()
    agentImage = images[1]!
    // Fixed subnets outside the runs' pool (172.28.0.0/14), which the nested runs pick from.
    const octet = 200 + (parseInt(id.slice(0, 4), 16) % 25) * 2
    docker(['network', 'create', '--internal', '--subnet', `192.168.${octet}.0/24`, n.link])
    docker(['network', 'create', '--subnet', `192.168.${octet + 1}.0/24`, n.uplink])
    docker(['volume', 'create', n.volume])
    // Not --privileged: this machine's engine lacks CAP_SYS_RESOURCE, which --privileged
    // asks for. Everything else a nested dockerd needs is given by name; the machine's cgroup
    // tree is mounted so the nested containers get their limits, under their own parent.
    docker([
      'run',
      '-d',
      '--name',
      n.daemon,
      '--cap-add',
      'ALL',
      '--cap-drop',
      'SYS_RESOURCE',
      '--security-opt',
      'seccomp=unconfined',
      '--security-opt',
      'apparmor=unconfined',
      '--security-opt',
      'systempaths=unconfined',
      '--network',
      n.link,
      '--dns',
      LAB_RESOLVER,
      '--mount',
      `type=volume,source=${n.volume},target=${SHARED}`,
      '--mount',
      `type=volume,source=${n.storage},target=/var/lib/docker`,
      '--mount',
      'type=bind,source=/sys/fs/cgroup,target=/sys/fs/cgroup',
      // As on ARC, where the action is downloaded to the shared work volume.
      '--mount',
      `type=bind,source=${ROOT},target=${ROOT},readonly`,
      image,
      'awf-dockerd',
      `--host=unix://${SOCKET}`,
      `--cgroup-parent=/awf-dind-${id}`
    ])
    docker(['network', 'connect', n.uplink, n.daemon])
    const deadline = Date.now() + 60000
    while (spawnSync('docker', ['exec', n.daemon, 'docker', 'info'], { stdio: 'ignore' }).status)
      if (Date.now() > deadline) throw new Error(docker(['logs', '--tail', '30', n.daemon]))
    execFileSync(
      'bash',
      ['-c', `docker save ${images.join(' ')} | docker exec -i ${n.daemon} docker load -q`],
      { stdio: 'ignore', timeout: 180000 }
    )
    inDaemon(['mkdir', '-p', WORKSPACE, TEMP])
    const script = [
      `curl -sS --max-time 5 http://allowed.test/${nonce}-allowed; echo " allowed=$?"`,
      `curl -sS --max-time 5 -o /dev/null -w "%{http_code}" http://blocked.test/${nonce}-blocked; echo " blocked=$?"`,
      `echo ${nonce} > ${WORKSPACE}/written-by-command`
    ].join('; ')
    run = runnerCli(WORKSPACE, [
      'run',
      '--allow-domains',
      'allowed.test',
      '--dns-servers',
      LAB_RESOLVER,
      '--',
      'bash',
      '-c',
      script
    ])
    const quick = ['run', '--allow-domains', 'allowed.test', '--dns-servers', LAB_RESOLVER]
    // Without NET_ADMIN in the runner container, as on ARC: host-firewall off.
    overSocket = runnerCli(
      WORKSPACE,
      [...quick, '--host-firewall', 'off', '--', 'bash', '-c', 'exit 0'],
      OVER_SOCKET
    )
    samePod = runnerCli(
      WORKSPACE,
      [...quick, '--host-firewall', 'off', '--', 'bash', '-c', 'exit 0'],
      SAME_POD
    )
    samePodRemote = runnerCli(
      WORKSPACE,
      [
        ...quick,
        '--host-firewall',
        'off',
        '--docker-daemon',
        'remote',
        '--',
        'bash',
        '-c',
        'exit 0'
      ],
      SAME_POD
    )
    // A workspace on the runner's own disk, which the sidecar cannot see.
    refused = runnerCli('/root/ws', [
      'run',
      '--allow-domains',
      'allowed.test',
      '--dns-servers',
      LAB_RESOLVER,
      '--',
      'true'
    ])
  }, 600000)

  afterAll(() => {
    for (const args of [
      ['rm', '-f', n.runner, n.daemon],
      ['network', 'rm', n.link, n.uplink],
      ['volume', 'rm', n.volume, n.storage]
    ])
      spawnSync('docker', args, { stdio: 'ignore' })
  })

  test('the run through the sidecar completes, topology-only, and says so', () => {
    expect(`exit ${run.code}\n${run.stderr}`).toMatch(/^exit 0\n/)
    expect(run.stderr).toMatch(/topology-only mode: DOCKER_HOST points at a daemon elsewhere/)
    expect(run.stderr).toMatch(/topology-only: the Docker daemon is not on this runner/)
    expect(run.stderr).toMatch(/not checked: host rules: none applied/)
    expect(run.stderr).toMatch(/not checked: the agent's rules are not re-read/)
    // The checks that were made, on the daemon: rules, processes, canary.
    expect(run.stderr).toMatch(/enforcement verified: \d+\/\d+ checks/)
  })

  test('the command reaches the allowed lab host and not the blocked one', () => {
    expect(run.stdout).toContain(`LAB-ALLOWED /${nonce}-allowed`)
    expect(run.stdout).toMatch(/ allowed=0/)
    expect(run.stdout).toMatch(/403 blocked=/)
    const log = labLog()
    expect(log).toContain(`${nonce}-allowed`)
    expect(log).not.toContain(`${nonce}-blocked`)
  })

  test('the blocked host is reachable without the firewall (positive control, in the sidecar)', () => {
    const out = inDaemon([
      'docker',
      'run',
      '--rm',
      '--dns',
      LAB_RESOLVER,
      '--entrypoint',
      '/usr/bin/curl',
      agentImage,
      '-sS',
      '--max-time',
      '5',
      `http://blocked.test/${nonce}-control`
    ])
    expect(out).toContain('LAB-BLOCKED')
  })

  test("the command's writes land in the shared workspace", () => {
    expect(inDaemon(['cat', `${WORKSPACE}/written-by-command`]).trim()).toBe(nonce)
  })

  test('a workspace the sidecar cannot see stops the run with the reason', () => {
    expect(refused.code).toBe(125)
    expect(refused.stderr).toMatch(
      /the Docker daemon does not see .*the workspace \/root\/ws as this runner does.*bind source path does not exist: \/root\/ws/
    )
  })

  test("the sidecar's socket from another network namespace: topology-only, found by the bridge", () => {
    expect(`exit ${overSocket.code}\n${overSocket.stderr}`).toMatch(/^exit 0\n/)
    expect(overSocket.stderr).toMatch(
      /topology-only mode: the daemon's network awfi-[0-9a-f]{8} is not in this machine's network namespace/
    )
  })

  test("the same pod's network namespace and a socket (ARC's dind mode): refused, then topology-only with docker-daemon remote", () => {
    expect(samePod.code).toBe(125)
    expect(samePod.stderr).toMatch(/its processes are not \(a sidecar in the same pod\)/)
    expect(samePod.stderr).toMatch(/Set docker-daemon: remote/)
    expect(samePod.stderr).not.toMatch(/warning: topology-only mode/)
    expect(`exit ${samePodRemote.code}\n${samePodRemote.stderr}`).toMatch(/^exit 0\n/)
    expect(samePodRemote.stderr).toMatch(/topology-only mode: docker-daemon is remote/)
  })

  test('nothing is left behind in the sidecar', () => {
    expect(inDaemon(['docker', 'ps', '-a', '--format', '{{.Names}}']).trim()).toBe('')
    const networks = inDaemon(['docker', 'network', 'ls', '--format', '{{.Name}}'])
    expect(networks.split('\n').filter((x) => x.startsWith('awf-'))).toEqual([])
    expect(inDaemon(['docker', 'volume', 'ls', '-q']).trim()).toBe('')
  })
})
