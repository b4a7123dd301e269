/**
 * Prerequisite checks for suites that need root, Docker or Debian tools. Under CI a missing
 * prerequisite fails the suite loudly; elsewhere the suite is skipped with a visible message.
 */
import { execFileSync } from 'node:child_process'

export interface Requirement {
  readonly ok: boolean
  readonly reason: string
}

function commandExists(name: string): boolean {
  try {
    execFileSync('bash', ['-c', `command -v ${name}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

export function checkRequirements(opts: {
  root?: boolean
  tools?: readonly string[]
  docker?: boolean
}): Requirement {
  const missing: string[] = []
  if (opts.root && process.getuid?.() !== 0) missing.push('root')
  for (const tool of opts.tools ?? []) if (!commandExists(tool)) missing.push(tool)
  if (opts.docker) {
    try {
      execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
        stdio: 'ignore',
        timeout: 15000
      })
    } catch {
      missing.push('a running Docker engine')
    }
  }
  return missing.length === 0
    ? { ok: true, reason: '' }
    : { ok: false, reason: `missing ${missing.join(', ')} (run scripts/setup.sh as root)` }
}

/**
 * `describe` for suites with prerequisites: under CI a missing one becomes a failing test;
 * otherwise the suite is skipped and says why.
 */
export function describeWith(
  opts: { root?: boolean; tools?: readonly string[]; docker?: boolean },
  name: string,
  body: () => void
): void {
  const req = checkRequirements(opts)
  if (req.ok) {
    describe(name, body)
  } else if (process.env.CI) {
    describe(name, () => {
      test('prerequisites', () => {
        throw new Error(`${name}: ${req.reason}`)
      })
    })
  } else {
    process.stderr.write(`SKIPPED ${name}: ${req.reason}\n`)
    describe.skip(name, body)
  }
}
