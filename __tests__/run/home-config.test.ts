/** The home-config input, from raw inputs to the sandbox request. */
import { sandboxRequest } from '../../src/run/pipeline.js'
import { resolveSettings } from '../../src/run/settings.js'
import { runInputs } from '../helpers/run-fixtures.js'

const ctx = {
  origin: 'input' as const,
  baseDir: '/work',
  runnerEnv: { HOME: '/home/runner', PATH: '/usr/bin' },
  totalMemory: 8 << 30
}

describe('home-config', () => {
  test('reaches the sandbox request as paths relative to HOME', () => {
    const settings = resolveSettings(runInputs({ 'home-config': '~/.claude/settings.json' }), ctx)
    const request = sandboxRequest(settings, {
      command: ['true'],
      workspace: '/work',
      tempRoot: '/tmp',
      uid: 1001,
      gid: 1001,
      runnerEnv: ctx.runnerEnv,
      execPath: '/usr/bin/node',
      stdio: 'ignore'
    })
    expect(request.agent.homeConfig).toEqual(['.claude/settings.json'])
  })

  test('a credential folder is refused, naming the input, with the other problems', () => {
    expect(() =>
      resolveSettings(runInputs({ 'home-config': '~/.ssh/id_rsa', 'pids-limit': 'x' }), ctx)
    ).toThrow(/pids-limit[\s\S]*input home-config: "~\/.ssh\/id_rsa" would show ~\/.ssh/)
  })
})
