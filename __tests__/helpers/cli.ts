/** Runs the bundled command-line tool (dist/cli.js), as a user would. */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, type Result } from './lab.js'

export const CLI = join(ROOT, 'dist', 'cli.js')

/**
 * The CLI with one layer weakened (src/testing/ablation-cli.ts): built outside dist/ by
 * rollup.config.test.js, which scripts/test.sh runs before the integration tier.
 */
export function ablationCli(): string {
  const path = join(ROOT, 'build', 'ablation-cli.js')
  if (!existsSync(path))
    throw new Error(`${path} is missing: build it with npx rollup --config rollup.config.test.js`)
  return path
}

/**
 * `launcher` is what starts the bundle (another Node binary, or `runuser -u <user> -- node`);
 * `cli` is the bundle's path (a copy another user can read).
 */
export function startCli(
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>> = {},
  { launcher = ['node'], cli = CLI }: { launcher?: readonly string[]; cli?: string } = {}
): { child: ChildProcess; done: Promise<Result> } {
  const [command = 'node', ...launcherArgs] = launcher
  const child = spawn(command, [...launcherArgs, cli, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env }
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const done = new Promise<Result>((resolve) =>
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 128 + 15 : -1), stdout, stderr })
    )
  )
  return { child, done }
}

export function runCli(args: readonly string[], cwd: string): Promise<Result> {
  return startCli(args, cwd).done
}
