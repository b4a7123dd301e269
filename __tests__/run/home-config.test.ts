/** The home-config input, from raw inputs to the sandbox request. */
import { BOOLEAN_INPUTS, TEXT_INPUTS, type RunInputs } from '../../src/run/inputs.js'
import { sandboxRequest } from '../../src/run/pipeline.js'
import { resolveSettings } from '../../src/run/settings.js'

const ctx = {
  origin: 'input' as const,
  baseDir: '/work',
  runnerEnv: { HOME: '/home/runner', PATH: '/usr/bin' },
  totalMemory: 8 << 30
}

function inputs(values: Partial<RunInputs>): RunInputs {
  return {
    ...(Object.fromEntries(TEXT_INPUTS.map((k) => [k, ''])) as Record<string, string>),
    ...(Object.fromEntries(BOOLEAN_INPUTS.map((k) => [k, false])) as Record<string, boolean>),
    ...values
  } as RunInputs
}

describe('home-config', () => {
  test('reaches the sandbox request as paths relative to HOME', () => {
    const settings = resolveSettings(inputs({ 'home-config': '~/.claude/settings.json' }), ctx)
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
      resolveSettings(inputs({ 'home-config': '~/.ssh/id_rsa', 'pids-limit': 'x' }), ctx)
    ).toThrow(/pids-limit[\s\S]*input home-config: "~\/.ssh\/id_rsa" would show ~\/.ssh/)
  })
})
