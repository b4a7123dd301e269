/** The action's main step: inputs -> settings -> firewalled run -> outputs, summary, verdict. */
import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import { tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { errorText } from '../common/errors.js'
import { loadSettings } from '../run/settings.js'
import { runFirewalled } from '../run/pipeline.js'
import { realDeps } from '../sandbox/deps.js'
import { setLogger } from '../sandbox/log.js'
import type { PhaseRunner } from '../sandbox/types.js'
import { toolCacheImages } from './image-cache.js'
import { getInputs } from './inputs.js'
import { emitConclusion } from './report.js'
import { saveResources } from './state.js'

/** Each phase in its own log group, closed with how long it took. */
export const groupPhase: PhaseRunner = (title, step) =>
  core.group(title, async () => {
    const started = Date.now()
    try {
      return await step()
    } finally {
      core.info(`${title}: ${Date.now() - started} ms`)
    }
  })

export async function run(): Promise<void> {
  setLogger({ debug: core.debug, info: core.info, warning: core.warning })
  // Known before anything can fail, so a workflow's logs upload works after an early failure.
  const tempRoot = process.env.RUNNER_TEMP || tmpdir()
  const logsDir = join(tempRoot, `awf-logs-${randomBytes(4).toString('hex')}`)
  core.setOutput('logs-dir', logsDir)
  try {
    const inputs = getInputs()
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const settings = await groupPhase('Validating policy', () =>
      loadSettings(inputs.values, {
        origin: 'input',
        baseDir: workspace,
        runnerEnv: process.env,
        totalMemory: totalmem(),
        event: { name: process.env.GITHUB_EVENT_NAME, path: process.env.GITHUB_EVENT_PATH }
      })
    )
    for (const secret of settings.agentEnv.secrets) core.setSecret(secret)
    const login = settings.proxy.upstream?.loginVariable
    if (login) core.setSecret(process.env[login] ?? '')
    for (const w of settings.warnings) core.warning(w)
    for (const n of settings.notices) core.notice(n)

    // Agent output must not be able to issue workflow commands (set outputs, forge annotations).
    const token = randomBytes(16).toString('hex')
    const deps = realDeps()
    const conclusion = await runFirewalled(
      deps,
      settings,
      {
        command: ['bash', '-e', '-o', 'pipefail', '-c', inputs.run],
        workspace,
        tempRoot,
        logsDir,
        uid: process.getuid?.() ?? 0,
        gid: process.getgid?.() ?? 0,
        runnerEnv: process.env,
        execPath: process.execPath,
        imageCache: toolCacheImages(deps.docker),
        stdio: ['ignore', 'inherit', 'inherit']
      },
      {
        phase: groupPhase,
        onResources: saveResources,
        onCommandStart: () => process.stdout.write(`::stop-commands::${token}\n`),
        onCommandEnd: () => process.stdout.write(`\n::${token}::\n`)
      }
    )
    const { checks } = conclusion.facts
    core.info(`enforcement verified: ${checks.length}/${checks.length} checks`)
    await emitConclusion(conclusion)
    if (conclusion.failure) core.setFailed(conclusion.failure)
  } catch (e) {
    core.setFailed(errorText(e))
  }
}
