/**
 * A self-hosted runner under /opt/actions-runner (which host mode shows read-only): only this
 * job's files of its work folder, every tool on PATH, listed HOME config, no sockets.
 */
import {
  planAgentFilesystem,
  runnerPathsFrom,
  type FilesystemRequest,
  type PathKind
} from '../../src/agent/filesystem.js'
import { socketPathsFromProcNetUnix, withObservations } from '../../src/agent/runner-paths.js'

const ROOT = '/opt/actions-runner'
const WORK = `${ROOT}/_work`
const WORKSPACE = `${WORK}/repo/repo`
const EVENT = `${WORK}/_temp/_github_workflow/event.json`

const EXISTING: Record<string, PathKind> = {
  '/usr': 'dir',
  '/etc': 'dir',
  '/opt': 'dir',
  [`${ROOT}/.credentials`]: 'file',
  [`${ROOT}/.runner`]: 'file',
  [`${ROOT}/bin`]: 'dir',
  [WORK]: 'dir',
  [`${WORK}/_tool`]: 'dir',
  [`${WORK}/_temp`]: 'dir',
  [`${WORK}/_temp/bin`]: 'dir',
  [`${WORK}/_temp/_runner_file_commands`]: 'dir',
  [EVENT]: 'file',
  '/home/runner/.local/bin': 'dir',
  '/home/runner/.cargo/bin': 'dir',
  '/home/runner/.docker/cli-plugins': 'dir',
  '/home/runner/.claude/settings.json': 'file',
  '/srv/tools/bin': 'dir',
  '/opt/actions-runner-2/.credentials': 'file',
  '/opt/actions-runner-2/_work': 'dir',
  '/opt/agent.sock': 'other',
  [`${WORKSPACE}/.ssh-agent.sock`]: 'other'
}

/** The environment a job step sees on that runner, and the runner's worker process. */
const env = {
  HOME: '/home/runner',
  GITHUB_WORKSPACE: WORKSPACE,
  RUNNER_WORKSPACE: `${WORK}/repo`,
  RUNNER_TEMP: `${WORK}/_temp`,
  RUNNER_TOOL_CACHE: `${WORK}/_tool`,
  GITHUB_EVENT_PATH: EVENT,
  GITHUB_ENV: `${WORK}/_temp/_runner_file_commands/set_env_1`,
  PATH: [
    '/home/runner/.local/bin',
    '/home/runner/.cargo/bin',
    '/home/runner/.docker/cli-plugins',
    `${WORK}/_temp/bin`,
    `${WORK}/_temp`,
    '/srv/tools/bin',
    '/home/runner',
    '/usr/bin',
    '/proc/self',
    '/nonexistent/bin'
  ].join(':')
}

function plan(
  paths = withObservations(runnerPathsFrom(env, '/usr/local/bin/node'), {
    runnerExes: [`${ROOT}/bin/Runner.Worker`, '/opt/actions-runner-2/bin/Runner.Listener'],
    sockets: ['/opt/agent.sock', `${WORKSPACE}/.ssh-agent.sock`, '/var/lib/x.sock']
  }),
  extra: Partial<FilesystemRequest> = {}
): ReturnType<typeof planAgentFilesystem> {
  return planAgentFilesystem({
    ...paths,
    mode: 'host',
    workspace: WORKSPACE,
    freshHome: '/tmp/awf-1/home',
    emptyFile: '/tmp/awf-1/empty',
    uid: 1001,
    kindOf: (p) => EXISTING[p] ?? 'missing',
    ...extra
  })
}

const shown = (fs: ReturnType<typeof plan>): string[] =>
  fs.binds.filter((b) => b.source === b.target).map((b) => b.target)

describe("a self-hosted runner's folders, found without the runner's Node", () => {
  test('from the environment and the runner processes', () => {
    const paths = withObservations(runnerPathsFrom(env, '/usr/local/bin/node'), {
      runnerExes: [`${ROOT}/bin/Runner.Worker`, '/opt/actions-runner-2/bin/Runner.Listener']
    })
    expect(paths.runnerRoots).toEqual([ROOT, '/opt/actions-runner-2'])
    expect(paths.workFolders).toEqual(['/opt/actions-runner-2/_work', WORK])
  })

  test('from the environment alone', () => {
    const paths = runnerPathsFrom(env, '/usr/local/bin/node')
    expect(paths.runnerRoots).toEqual([ROOT])
    expect(paths.workFolders).toEqual([WORK])
  })

  test.each([
    ['RUNNER_WORKSPACE', { RUNNER_WORKSPACE: `${WORK}/repo` }],
    ['RUNNER_TEMP', { RUNNER_TEMP: `${WORK}/_temp` }],
    ['RUNNER_TOOL_CACHE', { RUNNER_TOOL_CACHE: `${WORK}/_tool` }],
    ['GITHUB_WORKSPACE', { GITHUB_WORKSPACE: WORKSPACE }]
  ])('each of %s names the work folder', (_name, vars) => {
    expect(runnerPathsFrom({ HOME: '/h', ...vars }, '/usr/bin/node').workFolders).toEqual([WORK])
  })

  test.each([
    ['a hosted tool cache', { RUNNER_TOOL_CACHE: '/opt/hostedtoolcache' }],
    ['a temp folder of another name', { RUNNER_TEMP: '/tmp/x' }],
    ['a checkout of another shape', { GITHUB_WORKSPACE: '/opt/src/project' }],
    ['a relative path', { RUNNER_WORKSPACE: 'work/repo' }],
    ['a top-level folder', { RUNNER_WORKSPACE: '/repo' }]
  ])('%s names no work folder', (_name, vars) => {
    expect(runnerPathsFrom({ HOME: '/h', ...vars }, '/usr/bin/node').workFolders).toEqual([])
  })

  test('a runner started through dotnet is found by its program', () => {
    const paths = withObservations(runnerPathsFrom({ HOME: '/h' }, '/usr/bin/node'), {
      runnerExes: ['/srv/runner/bin/Runner.Worker', '/usr/bin/bash', 'relative/bin/Runner.Worker']
    })
    expect(paths.runnerRoots).toEqual(['/srv/runner'])
  })
})

describe('only this job of the work folder', () => {
  const fs = plan()

  test("the work folders of this and another runner are hidden, the runners' secrets masked", () => {
    expect(fs.tmpfs).toEqual(
      expect.arrayContaining([
        { target: WORK, readOnly: true, mode: 0o755 },
        { target: '/opt/actions-runner-2/_work', readOnly: true, mode: 0o755 }
      ])
    )
    expect(fs.masked).toEqual(
      expect.arrayContaining([
        WORK,
        '/opt/actions-runner-2/_work',
        `${ROOT}/.credentials`,
        `${ROOT}/.runner`,
        '/opt/actions-runner-2/.credentials'
      ])
    )
  })

  test('the workspace, the tool cache and the event file are shown on top', () => {
    expect(fs.binds).toContainEqual({ source: WORKSPACE, target: WORKSPACE, readOnly: false })
    expect(shown(fs)).toEqual(expect.arrayContaining([`${WORK}/_tool`, EVENT]))
  })

  test('the workflow-command files stay hidden (their folder is behind the hidden work folder)', () => {
    expect(shown(fs).filter((p) => p.includes('_runner_file_commands'))).toEqual([])
  })

  test('bound unix sockets under visible folders are hidden, the workspace included', () => {
    expect(fs.masked).toEqual(
      expect.arrayContaining(['/opt/agent.sock', `${WORKSPACE}/.ssh-agent.sock`])
    )
    expect(fs.masked).not.toContain('/var/lib/x.sock')
  })

  test('a work folder that would hide a system folder is left alone', () => {
    const fs2 = plan({ ...runnerPathsFrom(env, '/n'), workFolders: ['/opt', '/'] })
    expect(fs2.tmpfs.map((t) => t.target)).not.toContain('/opt')
  })
})

describe("every tool on the runner's PATH", () => {
  const fs = plan()

  test('PATH folders under HOME, GITHUB_PATH additions and others are shown read-only', () => {
    expect(shown(fs)).toEqual(
      expect.arrayContaining([
        '/home/runner/.local/bin',
        '/home/runner/.cargo/bin',
        `${WORK}/_temp/bin`,
        '/srv/tools/bin'
      ])
    )
    expect(fs.binds.filter((b) => b.target.includes('/bin') && !b.readOnly)).toEqual([])
  })

  test('folders under HOME are created for the command first (nested mounts)', () => {
    expect(fs.homeDirs).toEqual(['.local/bin', '.cargo/bin'])
  })

  test.each([
    ['inside a credential folder', '/home/runner/.docker/cli-plugins'],
    ['holding the workflow-command files and step scripts', `${WORK}/_temp`],
    ['holding HOME', '/home/runner'],
    ['system state', '/proc/self'],
    ['missing', '/nonexistent/bin'],
    ['already visible', '/usr/bin']
  ])('a PATH folder %s is not mounted', (_why, dir) => {
    expect(shown(fs)).not.toContain(dir)
  })

  test('image mode mounts no PATH folder', () => {
    expect(shown(plan(undefined, { mode: 'image' }))).not.toContain('/srv/tools/bin')
  })
})

describe('HOME config files listed for a CLI', () => {
  test('are mounted read-only into the fresh HOME, their folder made for the command', () => {
    const fs = plan(undefined, { homeFiles: ['.claude/settings.json', '.missing'] })
    expect(fs.binds).toContainEqual({
      source: '/home/runner/.claude/settings.json',
      target: '/home/runner/.claude/settings.json',
      readOnly: true
    })
    expect(fs.binds.some((b) => b.target.endsWith('.missing'))).toBe(false)
    expect(fs.homeDirs).toContain('.claude')
  })

  test('never from a credential folder, never outside HOME', () => {
    const fs = plan(undefined, {
      homeFiles: ['.ssh/id_rsa', '../etc/passwd', '/etc/shadow'],
      kindOf: () => 'file'
    })
    expect(fs.binds.some((b) => b.source.startsWith('/home/runner/'))).toBe(false)
  })
})

test('socket paths are read from /proc/net/unix, abstract ones and spaces handled', () => {
  const text = [
    'Num       RefCount Protocol Flags    Type St Inode Path',
    '0000000035bae662: 00000003 00000000 00000000 0001 03  1456',
    '00000000c08b1f66: 00000002 00000000 00010000 0001 01  6514 /var/run/docker.sock',
    '00000000c08b1f67: 00000002 00000000 00010000 0001 01  6515 @/tmp/.X11-unix/X0',
    '00000000c08b1f68: 00000002 00000000 00010000 0001 01  6516 /opt/my tool/agent.sock',
    '00000000c08b1f69: 00000002 00000000 00010000 0001 01  6517 /var/run/docker.sock'
  ].join('\n')
  expect(socketPathsFromProcNetUnix(text)).toEqual([
    '/opt/my tool/agent.sock',
    '/var/run/docker.sock'
  ])
})

describe('version managers on PATH', () => {
  test("a shims folder under HOME is shown with its manager's root, which the shims run", () => {
    const fs = plan(undefined, {
      pathDirs: ['/home/runner/.pyenv/shims', '/home/runner/shims', '/root/.pyenv/shims'],
      kindOf: (p) =>
        ['/home/runner/.pyenv', '/home/runner/.pyenv/shims', '/root/.pyenv', '/usr'].includes(p)
          ? 'dir'
          : 'missing'
    })
    const shown = fs.binds.filter((b) => b.readOnly).map((b) => b.target)
    expect(shown).toContain('/home/runner/.pyenv')
    expect(shown).not.toContain('/home/runner/.pyenv/shims')
    // Shims of a manager outside the command's HOME could not find it: left out.
    expect(shown.filter((t) => t.startsWith('/root'))).toEqual([])
    // HOME itself is never shown, whatever PATH says.
    expect(shown).not.toContain('/home/runner')
  })
})
