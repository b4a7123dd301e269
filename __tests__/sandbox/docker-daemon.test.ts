import {
  placementFromBridge,
  placementFromDockerHost,
  remoteDaemonError
} from '../../src/sandbox/docker-daemon.js'

describe('where the Docker daemon runs', () => {
  test.each([undefined, '', 'unix:///var/run/docker.sock', 'UNIX:///run/user/1001/docker.sock'])(
    'DOCKER_HOST %j is this machine',
    (value) => {
      expect(placementFromDockerHost(value)).toEqual({ local: true })
    }
  )

  test.each([
    ['tcp://docker:2376', 'tcp://docker:2376'],
    ['tcp://10.0.0.5:2375/', 'tcp://10.0.0.5:2375'],
    ['ssh://user:pw@build-host', 'ssh://build-host'],
    ['tcp://do\u0007cker:1', 'tcp://do?cker:1'],
    ['npipe:////./pipe/docker_engine', 'npipe://']
  ])('DOCKER_HOST %j is elsewhere, shown as %s', (value, shown) => {
    const p = placementFromDockerHost(value)
    expect(p.local).toBe(false)
    expect(!p.local && p.why).toContain(`(${shown})`)
    expect(!p.local && p.why).not.toContain('pw')
  })

  test("a bridge not among this machine's interfaces means another namespace", () => {
    expect(placementFromBridge('awfi-1a2b3c4d', true)).toEqual({ local: true })
    const p = placementFromBridge('awfi-1a2b3c4d', false)
    expect(!p.local && p.why).toContain('awfi-1a2b3c4d is not in this machine')
  })

  test('the refusal says why and where to read on', () => {
    const e = remoteDaemonError({
      why: 'DOCKER_HOST points at a daemon elsewhere (tcp://dind:2375)'
    })
    expect(e.message).toMatch(
      /not on this runner: DOCKER_HOST .*tcp:\/\/dind:2375.*docker-daemon: remote .*topology-only.*self-hosted\.md/
    )
  })
})
