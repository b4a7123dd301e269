/** A Docker error names the daemon's reason, not the bare status line Docker 20.10 adds after it. */
import { DockerError } from '../../src/sandbox/docker.js'

test('the reason, not "exit status 1"', () => {
  const e = new DockerError('network rm', {
    exitCode: 1,
    stdout: '',
    stderr:
      'Error response from daemon: error while removing network: network awf-x has active endpoints\nexit status 1\n'
  })
  expect(e.message).toBe(
    'docker network rm failed: Error response from daemon: error while removing network: network awf-x has active endpoints'
  )
})

test('no stderr at all: the exit code', () => {
  expect(new DockerError('rm', { exitCode: 2, stdout: '', stderr: '' }).message).toBe(
    'docker rm failed: exit code 2'
  )
})
