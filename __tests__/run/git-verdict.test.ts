/** protect-git and git-integrity from inputs to the verdict, the summary and the CLI report. */
import { ExitCode } from '../../src/common/exit-codes.js'
import { InputError } from '../../src/common/errors.js'
import { renderSummaryMarkdown, renderTextReport } from '../../src/report/index.js'
import { concludeRun } from '../../src/run/conclude.js'
import { resolveSettings } from '../../src/run/settings.js'
import type { RunOutcome } from '../../src/sandbox/types.js'
import { runInputs, runOutcome } from '../helpers/run-fixtures.js'

const settings = (given: Partial<Record<string, string>> = {}) =>
  resolveSettings(
    runInputs({ 'allow-domains': 'allowed.test', 'dns-servers': '198.18.0.53', ...given }),
    {
      origin: 'input',
      baseDir: '/',
      runnerEnv: {},
      totalMemory: 8 << 30
    }
  )

const outcome = (exitCode: number, shown: string[]): RunOutcome =>
  runOutcome({ exitCode, gitFindings: shown.map((s) => ({ path: '.git/config', shown: s })) })

const FINDING = '.git/config: core.fsmonitor (runs a program)'

describe('protect-git and git-integrity', () => {
  test('defaults: protected, and findings fail the step', () => {
    const s = settings()
    expect([s.protectGit, s.gitIntegrity]).toEqual([true, 'fail'])
  })

  test.each([
    [{ 'protect-git': 'false' }, 'protectGit', false],
    [{ 'protect-git': 'TRUE' }, 'protectGit', true],
    [{ 'git-integrity': 'warn' }, 'gitIntegrity', 'warn']
  ])('%j', (given, key, value) => {
    expect(settings(given)[key as 'protectGit']).toBe(value)
  })

  test('bad values are refused, naming the input, the value and what is accepted', () => {
    expect(() => settings({ 'protect-git': 'no', 'git-integrity': 'ignore' })).toThrow(InputError)
    try {
      settings({ 'protect-git': 'no', 'git-integrity': 'ignore' })
    } catch (e) {
      expect((e as InputError).message).toMatch(
        /input protect-git: "no" is not true or false\. Use true/
      )
      expect((e as InputError).message).toMatch(
        /input git-integrity: "ignore" .*Use fail .* or warn/
      )
    }
  })

  test('fail: a successful command fails with its own exit code and the finding named', () => {
    const c = concludeRun([], outcome(0, [FINDING]), settings(), 1000)
    expect(c.exitCode).toBe(ExitCode.git)
    expect(c.failure).toMatch(/^git-integrity: the command left 1 thing\(s\).*core\.fsmonitor/)
    expect(renderSummaryMarkdown(c.report, c.facts)).toContain(
      `- ${'.git/config: core.fsmonitor (runs a program)'.replace(/[^A-Za-z0-9.:\- ]/g, (x) => `&#${x.codePointAt(0)};`)}`
    )
    expect(renderTextReport(c.report, c.facts)).toContain(`  ${FINDING}`)
  })

  test('a failing command keeps its exit code; both reasons are given', () => {
    const c = concludeRun([], outcome(7, [FINDING]), settings(), 1000)
    expect(c.exitCode).toBe(7)
    expect(c.failure).toMatch(/^git-integrity: .* Also: the command exited with code 7$/)
  })

  test('warn: reported, not failed', () => {
    const c = concludeRun([], outcome(0, [FINDING]), settings({ 'git-integrity': 'warn' }), 1000)
    expect([c.exitCode, c.failure]).toEqual([0, undefined])
    expect(renderTextReport(c.report, c.facts)).toContain('(git-integrity: warn)')
  })

  test('no findings: nothing in the summary', () => {
    const c = concludeRun([], outcome(0, []), settings(), 1000)
    expect(c.exitCode).toBe(0)
    expect(renderSummaryMarkdown(c.report, c.facts)).not.toContain('git-integrity')
  })
})
