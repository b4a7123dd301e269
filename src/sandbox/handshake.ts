/**
 * The agent's start handshake over two FIFOs in a read-only control folder: the agent's
 * entrypoint writes `ready` and blocks on `go`; the host arms the sandbox in between and then
 * writes `go` (or `abort`, and the command never runs). See containers/agent/README.
 */
import { chmodSync, closeSync, constants, openSync, writeSync } from 'node:fs'
import net from 'node:net'
import { join } from 'node:path'
import type { CommandRunner } from './exec.js'
import { settledWithin } from './settle.js'
import type { AgentHandshake } from './types.js'

export const CONTROL_MOUNT = '/awf/ctl'

export class Handshake {
  private readonly goFd: number

  private constructor(private readonly dir: string) {
    // Held open read-write from the start: the agent's open of `go` never blocks, and a
    // written line waits in the pipe until the agent reads it.
    this.goFd = openSync(join(dir, 'go'), constants.O_RDWR | constants.O_NONBLOCK)
    // Then read-only for everyone: nothing in the sandbox (root included, which holds no
    // capability there) can open `go` to write, so only this process can say go or abort.
    chmodSync(join(dir, 'go'), 0o444)
  }

  static async create(run: CommandRunner, dir: string): Promise<Handshake> {
    const result = await run('mkfifo', ['-m', '0666', join(dir, 'ready')]).then((r) =>
      r.exitCode === 0 ? run('mkfifo', ['-m', '0600', join(dir, 'go')]) : r
    )
    if (result.exitCode !== 0)
      throw new Error(`cannot make the handshake FIFOs in ${dir}: ${result.stderr.trim()}`)
    return new Handshake(dir)
  }

  /** Resolves when the agent's entrypoint reports ready; rejects on timeout or `abandon`. */
  waitReady(timeoutMs: number, abandon: Promise<unknown>): Promise<void> {
    const fd = openSync(join(this.dir, 'ready'), constants.O_RDWR | constants.O_NONBLOCK)
    const socket = new net.Socket({ fd, readable: true, writable: false })
    return new Promise<void>((resolve, reject) => {
      let buffered = ''
      const finish = (error?: Error): void => {
        clearTimeout(timer)
        socket.destroy()
        if (error) reject(error)
        else resolve()
      }
      const timer = setTimeout(
        () => finish(new Error(`the agent container did not start within ${timeoutMs / 1000} s`)),
        timeoutMs
      )
      socket.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8')
        if (buffered.includes('ready\n')) finish()
      })
      socket.on('error', (e) => finish(e))
      abandon.then(
        () => finish(new Error('the agent container exited before it was ready')),
        (e: unknown) => finish(e instanceof Error ? e : new Error(String(e)))
      )
    })
  }

  go(): void {
    writeSync(this.goFd, 'go\n')
  }

  abort(): void {
    writeSync(this.goFd, 'abort\n')
  }

  close(): void {
    closeSync(this.goFd)
  }
}

/**
 * After a failed start: `abort` stays in the pipe until the container's `run` has ended (or
 * `waitMs` has passed), so that a container created only now still reads it and exits rather
 * than wait for ever, and teardown does not race its creation; then the pipe is closed.
 */
export async function abortAndClose(
  handshake: AgentHandshake,
  run: Promise<unknown>,
  waitMs: number
): Promise<void> {
  handshake.abort()
  await settledWithin(run, waitMs)
  handshake.close()
}
