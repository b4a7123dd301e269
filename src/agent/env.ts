/**
 * The command's environment: a documented safe set from the runner, the firewall's own proxy
 * settings, and only the variables the user names. Values travel in the docker process's
 * environment (never argv, never a file) and are never echoed in a message.
 */
import { parseList } from '../policy/list.js'
import { InputError, problem, type InputProblem } from '../common/errors.js'

/** Passed through from the runner when set: facts about the run, never a credential. */
export const SAFE_ENV = [
  'CI',
  'GITHUB_ACTIONS',
  'GITHUB_ACTION',
  'GITHUB_ACTOR',
  'GITHUB_ACTOR_ID',
  'GITHUB_API_URL',
  'GITHUB_BASE_REF',
  'GITHUB_EVENT_NAME',
  'GITHUB_EVENT_PATH',
  'GITHUB_GRAPHQL_URL',
  'GITHUB_HEAD_REF',
  'GITHUB_JOB',
  'GITHUB_REF',
  'GITHUB_REF_NAME',
  'GITHUB_REF_TYPE',
  'GITHUB_REPOSITORY',
  'GITHUB_REPOSITORY_ID',
  'GITHUB_REPOSITORY_OWNER',
  'GITHUB_RUN_ATTEMPT',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_NUMBER',
  'GITHUB_SERVER_URL',
  'GITHUB_SHA',
  'GITHUB_TRIGGERING_ACTOR',
  'GITHUB_WORKFLOW',
  'GITHUB_WORKFLOW_REF',
  'GITHUB_WORKSPACE',
  'LANG',
  'LC_ALL',
  'RUNNER_ARCH',
  'RUNNER_DEBUG',
  'RUNNER_ENVIRONMENT',
  'RUNNER_OS',
  'RUNNER_TOOL_CACHE',
  'TZ'
] as const

/**
 * Names the firewall sets itself (a user value would undo the proxy settings or the fresh
 * HOME) and the workflow-command files (through them a command could change later,
 * unfirewalled steps; the files are not mounted either).
 */
const RESERVED: Record<string, string> = Object.fromEntries([
  ...[
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'ALL_PROXY',
    'NO_PROXY',
    'NODE_USE_ENV_PROXY',
    'NPM_CONFIG_PROXY',
    'NPM_CONFIG_HTTPS_PROXY',
    'HOME',
    'TMPDIR'
  ].map((n): [string, string] => [n, 'is set by the firewall itself']),
  ...['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'].map(
    (n): [string, string] => [
      n,
      'names a workflow-command file, which the command must never write'
    ]
  )
])

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/
const MAX_VALUE = 128 * 1024

export interface EnvEntry {
  readonly name: string
  /** The value, or undefined to take it from the step's own environment. */
  readonly value?: string
  /** Written `NAME!`: the value is a secret the runner does not know of, so it is masked. */
  readonly mask?: true
}

export interface AgentEnv {
  /** Name -> value, passed to the container through the docker process's environment. */
  readonly vars: Readonly<Record<string, string>>
  /**
   * What the action masks in the log: every form of the values marked `NAME!`. Values from
   * `${{ secrets.X }}` are masked by the runner already; masking every value (DEBUG=1) would
   * hide every "1" in the log.
   */
  readonly secrets: readonly string[]
  readonly warnings: readonly string[]
}

/** Values shorter than this are never masked: masking "1" or "yes" hides them everywhere. */
const MIN_MASKED = 4

/**
 * The forms of a secret a log may show: the value, each line of a multi-line value (the runner
 * masks line by line) and its base64 (Basic auth, tokens in config files).
 */
export function maskForms(value: string): string[] {
  if (value.length < MIN_MASKED) return []
  const lines = value.split(/\r?\n/).map((l) => l.trim())
  const forms = [value, ...lines, Buffer.from(value, 'utf8').toString('base64')]
  return [...new Set(forms.filter((f) => f.length >= MIN_MASKED))]
}

/**
 * `env` input: one entry per line (or comma), `NAME` to pass the step's own value or
 * `NAME=value` for a literal. A bad entry is reported by name only: the value may be a secret.
 */
export function parseEnvEntries(text: string, where: string): EnvEntry[] {
  const problems: InputProblem[] = []
  const entries = new Map<string, EnvEntry>()
  // Split lines ourselves: a literal value may hold a comma or a `#`.
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('#')) continue
    const eq = trimmed.indexOf('=')
    const items = eq === -1 ? parseList(trimmed) : [trimmed.slice(0, eq).trim() + trimmed.slice(eq)]
    for (const item of items) {
      const at = item.indexOf('=')
      const written = at === -1 ? item : item.slice(0, at).trim()
      const mask = written.endsWith('!')
      const name = mask ? written.slice(0, -1) : written
      if (!NAME.test(name)) {
        // Not echoed: a value pasted without its NAME= would be a secret.
        problems.push(
          problem(
            `${where}, line ${index + 1}`,
            `${name.length} characters`,
            'is not a variable name',
            'Give NAME or NAME=value, one per line (NAME! or NAME!=value to mask the value in the log); a name is letters, digits and _ and does not start with a digit.'
          )
        )
        continue
      }
      // DOCKER_* would travel in the docker command's argv (it reads those names itself):
      // the command has no Docker, and a value there (DOCKER_AUTH_CONFIG) may be a secret.
      const reserved =
        RESERVED[name.toUpperCase()] ??
        (/^DOCKER_/i.test(name)
          ? 'is read by the docker command that starts the sandbox'
          : undefined)
      if (reserved) {
        problems.push(problem(where, name, reserved, 'Remove it from env.'))
        continue
      }
      const value = at === -1 ? undefined : item.slice(at + 1)
      if (value !== undefined && value.length > MAX_VALUE) {
        problems.push(
          problem(where, name, 'has too long a value', `At most ${MAX_VALUE} characters.`)
        )
        continue
      }
      entries.set(name, mask ? { name, value, mask } : { name, value })
    }
  }
  if (problems.length > 0) throw new InputError(problems)
  return [...entries.values()]
}

/**
 * `env` from every source (the policy file's names, then the input), as merged settings give
 * them: a later entry for a name replaces an earlier one, but a name the file marks `!` stays
 * masked. All problems of all sources are reported together.
 */
export function parseEnvSources(
  sources: readonly { readonly text: string; readonly where: string }[]
): EnvEntry[] {
  const problems: InputProblem[] = []
  const entries = new Map<string, EnvEntry>()
  for (const source of sources) {
    try {
      for (const e of parseEnvEntries(source.text, source.where)) {
        const masked = e.mask ?? entries.get(e.name)?.mask
        entries.set(e.name, masked ? { ...e, mask: masked } : e)
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e
      problems.push(...e.problems)
    }
  }
  if (problems.length > 0) throw new InputError(problems)
  return [...entries.values()]
}

/** The proxy settings every client family reads; see docs/usage.md for which reads which. */
export function proxyEnv(proxyUrl: string, noProxy: readonly string[]): Record<string, string> {
  const u = new URL(proxyUrl)
  const no = noProxy.join(',')
  const javaNoProxy = noProxy.join('|')
  return {
    HTTP_PROXY: proxyUrl,
    HTTPS_PROXY: proxyUrl,
    ALL_PROXY: proxyUrl,
    http_proxy: proxyUrl,
    https_proxy: proxyUrl,
    all_proxy: proxyUrl,
    NO_PROXY: no,
    no_proxy: no,
    // Node 24 (and 22.21+): fetch and http(s).get follow the variables above only with this.
    NODE_USE_ENV_PROXY: '1',
    npm_config_proxy: proxyUrl,
    npm_config_https_proxy: proxyUrl,
    JAVA_TOOL_OPTIONS: [
      `-Dhttp.proxyHost=${u.hostname}`,
      `-Dhttp.proxyPort=${u.port}`,
      `-Dhttps.proxyHost=${u.hostname}`,
      `-Dhttps.proxyPort=${u.port}`,
      `-Dhttp.nonProxyHosts=${javaNoProxy}`
    ].join(' ')
  }
}

/**
 * The environment from the runner: the safe set present there, PATH when the runner's tools
 * are used, and the user's entries. The firewall's own variables are added by withFixedEnv.
 */
export function buildAgentEnv(opts: {
  entries: readonly EnvEntry[]
  runnerEnv: Readonly<Record<string, string | undefined>>
  passPath: boolean
}): AgentEnv {
  const vars: Record<string, string> = {}
  const secrets: string[] = []
  const warnings: string[] = []
  const names: string[] = [...SAFE_ENV, ...(opts.passPath ? ['PATH'] : [])]
  for (const name of names) {
    const v = opts.runnerEnv[name]
    if (v !== undefined) vars[name] = v
  }
  for (const e of opts.entries) {
    const v = e.value ?? opts.runnerEnv[e.name]
    if (v === undefined) {
      warnings.push(`env: ${e.name} is not set in the step's environment, so it is not passed`)
      continue
    }
    vars[e.name] = v
    if (e.mask) secrets.push(...maskForms(v))
  }
  return { vars, secrets, warnings }
}

/** The firewall's own variables over the user's: nothing the user passes can override them. */
export function withFixedEnv(
  vars: Readonly<Record<string, string>>,
  fixed: Readonly<Record<string, string>>
): Record<string, string> {
  const merged = { ...vars, ...fixed }
  // The user's JVM options stay; the proxy properties come last, so they win.
  if (vars.JAVA_TOOL_OPTIONS && fixed.JAVA_TOOL_OPTIONS)
    merged.JAVA_TOOL_OPTIONS = `${vars.JAVA_TOOL_OPTIONS} ${fixed.JAVA_TOOL_OPTIONS}`
  return merged
}
