/**
 * The bundled action as the runner runs it: dist/main.js (or post.js) with INPUT_* variables
 * (action.yml's defaults, then the ones given) and the GITHUB_OUTPUT, GITHUB_STATE and
 * GITHUB_STEP_SUMMARY files.
 */
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { ROOT, type Result } from './lab.js'

const ACTION_DEFAULTS = Object.fromEntries(
  Object.entries(
    (
      load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
        inputs: Record<string, { default?: string }>
      }
    ).inputs
  ).flatMap(([name, spec]) => (spec.default === undefined ? [] : [[name, spec.default]]))
)

/** As the runner passes inputs: every default from action.yml, then the ones given, as INPUT_*. */
export function actionInputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries({ ...ACTION_DEFAULTS, ...inputs }).map(([k, v]) => [
      `INPUT_${k.toUpperCase()}`,
      v
    ])
  )
}

export interface ActionRun extends Result {
  readonly outputs: string
  readonly state: string
  readonly summary: string
}

export function runAction(
  entry: 'main' | 'post',
  inputs: Record<string, string>,
  dir: string,
  extraEnv: Record<string, string> = {},
  killAfter?: RegExp,
  runtime = 'node'
): Promise<ActionRun> {
  const outputFile = join(dir, `${entry}.output`)
  const stateFile = join(dir, `${entry}.state`)
  const summaryFile = join(dir, `${entry}.summary`)
  writeFileSync(outputFile, '')
  writeFileSync(stateFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STATE: stateFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...extraEnv,
    ...actionInputEnv(inputs)
  }
  const child = spawn(runtime, [join(ROOT, 'dist', `${entry}.js`)], {
    env,
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString()
    if (killAfter?.test(stdout)) child.kill('SIGKILL')
  })
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise((resolve) => {
    const finish = (code: number): void =>
      resolve({
        code,
        stdout,
        stderr,
        outputs: readFileSync(outputFile, 'utf8'),
        state: readFileSync(stateFile, 'utf8'),
        summary: readFileSync(summaryFile, 'utf8')
      })
    // A killed main step leaves its `docker run` holding stdout open until the post step
    // removes the container, so a kill ends the wait at exit rather than at close.
    child.on('exit', (_code, signal) => signal === 'SIGKILL' && finish(137))
    child.on('close', (code) => code !== null && finish(code))
  })
}

/** The runner hands saved state to the post step as STATE_<name> variables. */
export function stateEnv(stateFile: string): Record<string, string> {
  const env: Record<string, string> = {}
  const re = /^(.+?)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm
  for (const m of stateFile.matchAll(re)) env[`STATE_${m[1]}`] = m[3]!
  return env
}
