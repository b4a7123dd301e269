/**
 * Which hosts the proxy decrypts and why (issue 16): the `credentials` hosts, the hosts of
 * HTTPS `allow-urls` rules, and the
 * `ca-certificates` file it trusts for their servers. Validated once, like every input.
 */
import { maskForms, type AgentEnv } from '../agent/env.js'
import { InputError, problem, type InputProblem } from '../common/errors.js'
import type { Policy } from '../policy/types.js'
import { readCaCertificates } from '../sandbox/ca-file.js'
import {
  credentialValue,
  credentialVariables,
  CREDENTIAL_PLACEHOLDER,
  parseCredentials,
  type CredentialSetting
} from './credentials.js'

export interface InterceptionSettings {
  /** Exact host names whose tunnels the proxy decrypts. */
  readonly hosts: readonly string[]
  readonly credentials: readonly CredentialSetting[]
  /** PEM text of the `ca-certificates` file, when given. */
  readonly caCertificates?: string
}

export const NO_INTERCEPTION_SETTINGS: InterceptionSettings = { hosts: [], credentials: [] }

/** Every host some setting intercepts, once each, in the order first named. */
export function interceptedHosts(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())]
}

export function parseInterceptionSettings(
  inputs: { credentials: string; 'ca-certificates': string },
  policy: Policy | undefined,
  where: (name: string) => string,
  ctx: { baseDir: string; runnerEnv: Readonly<Record<string, string | undefined>> }
): { interception: InterceptionSettings; warnings: string[] } {
  const { credentials, problems } = parseCredentials(
    inputs.credentials,
    where('credentials'),
    policy,
    ctx.runnerEnv
  )
  const caPath = inputs['ca-certificates'].trim()
  let caCertificates: string | undefined
  const allProblems: InputProblem[] = [...problems]
  if (caPath !== '')
    try {
      caCertificates = readCaCertificates(caPath, ctx.baseDir, where('ca-certificates'))
    } catch (e) {
      if (!(e instanceof InputError)) throw e
      allProblems.push(...e.problems)
    }
  if (allProblems.length > 0) throw new InputError(allProblems)
  // The hosts of HTTPS URL rules: their requests are checked only once decrypted.
  const urlHosts = (policy?.allowUrls ?? [])
    .filter((r) => r.protocol === 'https')
    .map((r) => r.host)
  const hosts = interceptedHosts(
    credentials.map((c) => c.host),
    urlHosts
  )
  const warnings =
    caCertificates !== undefined && hosts.length === 0
      ? ['ca-certificates: no host is intercepted, so the file is not used']
      : []
  return {
    interception: { hosts, credentials, ...(caCertificates ? { caCertificates } : {}) },
    warnings
  }
}

/**
 * The command's environment with a placeholder in every variable a credential names (whatever
 * `env` passed), and every form of the secrets masked. A variable of `env` that carries a
 * secret under another name is refused: the command would hold the key after all.
 */
export function withCredentialPlaceholders(
  env: AgentEnv,
  credentials: readonly CredentialSetting[],
  runnerEnv: Readonly<Record<string, string | undefined>>,
  where: string
): AgentEnv {
  if (credentials.length === 0) return env
  const names = credentialVariables(credentials)
  const secrets = names.map((n) => runnerEnv[n] ?? '').filter((v) => v !== '')
  const leaks = Object.entries(env.vars).filter(
    ([name, value]) => !names.includes(name) && secrets.includes(value)
  )
  if (leaks.length > 0)
    throw new InputError(
      leaks.map(([name]) =>
        problem(
          where,
          name,
          'passes the value of a credential variable to the command',
          'Leave it out of env: the proxy sets the key, the command never needs it.'
        )
      )
    )
  const placeholders = Object.fromEntries(names.map((n) => [n, CREDENTIAL_PLACEHOLDER]))
  const values = credentials.map((c) => credentialValue(c, runnerEnv))
  return {
    ...env,
    vars: { ...env.vars, ...placeholders },
    secrets: [...env.secrets, ...[...secrets, ...values].flatMap(maskForms)]
  }
}
