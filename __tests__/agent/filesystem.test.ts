import {
  FALLBACK_HOME,
  planAgentFilesystem,
  runnerPathsFrom,
  type FilesystemRequest,
  type PathKind
} from '../../src/agent/filesystem.js'

/** A runner laid out like GitHub's hosted ones, with a self-hosted runner under /opt. */
const EXISTING: Record<string, PathKind> = {
  '/usr': 'dir',
  '/etc': 'dir',
  '/opt': 'dir',
  '/bin': 'other',
  '/lib': 'other',
  '/lib64': 'other',
  '/opt/hostedtoolcache': 'dir',
  '/opt/actions-runner/.credentials': 'file',
  '/opt/actions-runner/.runner': 'file',
  '/opt/actions-runner/_diag': 'dir',
  '/opt/actions-runner/_work/_temp/_runner_file_commands': 'dir',
  '/opt/actions-runner/_work/_temp/_github_workflow/event.json': 'file',
  '/home/runner/.ssh': 'dir',
  '/home/runner/.docker': 'dir',
  '/var/run/docker.sock': 'other',
  '/usr/bin/docker': 'file'
}

const base: FilesystemRequest = {
  mode: 'host',
  workspace: '/opt/actions-runner/_work/repo/repo',
  runnerHome: '/home/runner',
  freshHome: '/tmp/awf-1/home',
  emptyFile: '/tmp/awf-1/empty',
  toolCache: '/opt/hostedtoolcache',
  eventPath: '/opt/actions-runner/_work/_temp/_github_workflow/event.json',
  runnerRoots: ['/opt/actions-runner'],
  commandFiles: [
    '/opt/actions-runner/_work/_temp/_runner_file_commands/set_env_1',
    '/opt/actions-runner/_work/_temp/_runner_file_commands/add_path_1'
  ],
  uid: 1001,
  kindOf: (p) => EXISTING[p] ?? 'missing'
}

describe('what the command sees of the runner', () => {
  test('host mode: system folders read-only, only workspace, HOME and /tmp writable', () => {
    const fs = planAgentFilesystem(base)
    const writable = [
      ...fs.binds.filter((b) => !b.readOnly).map((b) => b.target),
      ...fs.tmpfs.filter((t) => !t.readOnly).map((t) => t.target)
    ]
    expect(writable.sort()).toEqual(['/home/runner', '/opt/actions-runner/_work/repo/repo', '/tmp'])
    expect(
      fs.binds.filter((b) => b.readOnly && b.source === b.target).map((b) => b.target)
    ).toEqual(['/usr', '/etc', '/opt', base.eventPath])
    expect(fs.binds).toContainEqual({
      source: '/tmp/awf-1/home',
      target: '/home/runner',
      readOnly: false
    })
    expect(fs.home).toBe('/home/runner')
  })

  test('symlinked /bin and /lib are not mounted (they lead into /usr)', () => {
    const targets = planAgentFilesystem(base).binds.map((b) => b.target)
    expect(targets).not.toContain('/bin')
    expect(targets).not.toContain('/lib')
  })

  test('runner credentials, diagnostics and workflow-command files inside /opt are masked', () => {
    const fs = planAgentFilesystem(base)
    expect(fs.masked).toEqual([
      '/opt/actions-runner/.credentials',
      '/opt/actions-runner/.runner',
      '/opt/actions-runner/_diag',
      '/opt/actions-runner/_work/_temp/_runner_file_commands',
      '/usr/bin/docker'
    ])
    expect(fs.binds).toContainEqual({
      source: '/tmp/awf-1/empty',
      target: '/opt/actions-runner/.credentials',
      readOnly: true
    })
    expect(fs.tmpfs).toContainEqual({
      target: '/opt/actions-runner/_work/_temp/_runner_file_commands',
      readOnly: true,
      mode: 0o755
    })
  })

  test('the docker CLI of the runner becomes an empty, read-only, non-executable file', () => {
    expect(planAgentFilesystem(base).binds).toContainEqual({
      source: '/tmp/awf-1/empty',
      target: '/usr/bin/docker',
      readOnly: true
    })
  })

  test("the runner user's HOME is replaced, so its .ssh and .docker are never visible", () => {
    const fs = planAgentFilesystem(base)
    expect(fs.masked).not.toContain('/home/runner/.ssh')
    expect(fs.binds.some((b) => b.source === '/home/runner')).toBe(false)
  })

  test('a workspace that holds HOME (the CLI run from ~) masks its secrets and moves HOME', () => {
    const fs = planAgentFilesystem({ ...base, workspace: '/home/runner' })
    expect(fs.home).toBe(FALLBACK_HOME)
    expect(fs.masked).toEqual(expect.arrayContaining(['/home/runner/.docker', '/home/runner/.ssh']))
  })

  test('the tool cache is mounted when it lies outside the system folders', () => {
    const fs = planAgentFilesystem({
      ...base,
      toolCache: '/srv/toolcache',
      kindOf: (p) => (p === '/srv/toolcache' ? 'dir' : (EXISTING[p] ?? 'missing'))
    })
    expect(fs.binds).toContainEqual({
      source: '/srv/toolcache',
      target: '/srv/toolcache',
      readOnly: true
    })
  })

  test('image mode shows nothing of the runner but the workspace and the event file', () => {
    const fs = planAgentFilesystem({ ...base, mode: 'image' })
    expect(fs.binds.map((b) => b.target)).toEqual([
      '/home/runner',
      '/opt/actions-runner/_work/repo/repo',
      base.eventPath
    ])
    expect(fs.masked).toEqual([])
  })

  test('runtime sockets are masked if a visible folder holds them', () => {
    const fs = planAgentFilesystem({
      ...base,
      dockerHost: 'unix:///opt/docker/docker.sock',
      kindOf: (p) => (p === '/opt/docker/docker.sock' ? 'other' : (EXISTING[p] ?? 'missing'))
    })
    expect(fs.masked).toContain('/opt/docker/docker.sock')
    expect(fs.binds).toContainEqual({
      source: '/tmp/awf-1/empty',
      target: '/opt/docker/docker.sock',
      readOnly: true
    })
  })

  test.each(['/', 'relative/path', '/ws\nx'])('workspace %j is refused', (workspace) => {
    expect(() => planAgentFilesystem({ ...base, workspace })).toThrow()
  })

  test("the runner's paths come from the step's environment and the runner's Node", () => {
    expect(
      runnerPathsFrom(
        {
          HOME: '/home/runner',
          RUNNER_TOOL_CACHE: '/opt/hostedtoolcache',
          GITHUB_ENV: '/t/set_env',
          GITHUB_OUTPUT: '/t/set_output',
          DOCKER_HOST: 'unix:///run/user/1001/docker.sock',
          PATH: '/home/runner/.local/bin:/usr/bin:relative:/usr/bin/'
        },
        '/home/runner/runners/2.330.0/externals/node24/bin/node'
      )
    ).toEqual({
      runnerHome: '/home/runner',
      toolCache: '/opt/hostedtoolcache',
      eventPath: undefined,
      runnerRoots: ['/home/runner/runners/2.330.0'],
      workFolders: ['/home/runner/runners/2.330.0/_work'],
      commandFiles: ['/t/set_env', '/t/set_output'],
      dockerHost: 'unix:///run/user/1001/docker.sock',
      pathDirs: ['/home/runner/.local/bin', '/usr/bin']
    })
  })
})
