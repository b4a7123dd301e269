/** The canary's container held at its gate: released with a time limit, or abandoned. */
import { StartedCanary } from '../../src/sandbox/canary.js'
import type { CommandResult } from '../../src/sandbox/exec.js'
import type { AgentHandshake } from '../../src/sandbox/types.js'

function gate(said: string[]): AgentHandshake {
  return {
    waitReady: () => Promise.resolve(),
    go: () => said.push('go'),
    abort: () => said.push('abort'),
    close: () => said.push('close')
  }
}

/** A container run that ends (with what was printed) only when it is removed. */
function runUntilRemoved(): { result: Promise<CommandResult>; stop: () => Promise<void> } {
  let end: (r: CommandResult) => void = () => undefined
  const result = new Promise<CommandResult>((resolve) => (end = resolve))
  return {
    result,
    stop: () => {
      end({ exitCode: 137, stdout: 'dns=2\n', stderr: '' })
      return Promise.resolve()
    }
  }
}

describe('the canary at its gate', () => {
  test('released probes that do not finish in time are stopped, with what they printed', async () => {
    const said: string[] = []
    const { result, stop } = runUntilRemoved()
    const canary = new StartedCanary('probes', gate(said), result, stop)
    const r = await canary.release('probes', 50)
    expect(r).toEqual({ exitCode: 137, stdout: 'dns=2\n', stderr: '' })
    expect(said).toEqual(['go', 'close'])
  })

  test('other probes than the ones it was started with are refused, and nothing is released', async () => {
    const said: string[] = []
    const { result, stop } = runUntilRemoved()
    const canary = new StartedCanary('probes', gate(said), result, stop)
    await expect(canary.release('other probes', 50)).rejects.toThrow(/other probes/)
    expect(said).toEqual([])
    await stop()
  })

  test('abandoned: abort is written, kept until the run ends, then closed; once only', async () => {
    const said: string[] = []
    const { result, stop } = runUntilRemoved()
    const canary = new StartedCanary('probes', gate(said), result, stop)
    const abandoned = canary.abandon(5000)
    expect(said).toEqual(['abort'])
    await stop()
    await abandoned
    expect(said).toEqual(['abort', 'close'])
    await canary.abandon(5000)
    expect(said).toEqual(['abort', 'close'])
  })
})
