/** The exec choke point with real, harmless processes (no root, no Docker). */
import { runCommand } from '../../src/sandbox/exec.js'

describe('runCommand', () => {
  test('captures output and the exit status without throwing', async () => {
    const r = await runCommand('sh', ['-c', 'echo out; echo err >&2; exit 3'])
    expect(r).toEqual({ exitCode: 3, stdout: 'out\n', stderr: 'err\n' })
  })

  test('feeds stdin', async () => {
    expect((await runCommand('cat', [], { input: 'fed' })).stdout).toBe('fed')
  })

  test('a command that exits without reading its input does not take the caller down', async () => {
    const big = 'x'.repeat(4 << 20)
    for (let i = 0; i < 5; i++)
      expect((await runCommand('true', [], { input: big })).exitCode).toBe(0)
  })

  test('a timed-out command is killed and reported as 137', async () => {
    const started = Date.now()
    expect((await runCommand('sleep', ['10'], { timeoutMs: 200 })).exitCode).toBe(137)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  test('a missing program is an error naming it', async () => {
    await expect(runCommand('awf-no-such-program', [])).rejects.toThrow(
      /cannot run awf-no-such-program/
    )
  })

  test('extra environment reaches the command, not its argv', async () => {
    const r = await runCommand('sh', ['-c', 'echo "$AWF_EXEC_TEST"'], {
      env: { AWF_EXEC_TEST: 'value' }
    })
    expect(r.stdout).toBe('value\n')
  })
})
