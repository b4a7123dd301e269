/**
 * Every workflow of ours is a valid workflow (action-validator, as for the templates), grants
 * read-only permissions unless a job says why it writes, and every action that our workflows,
 * templates and docs use is pinned by a full commit SHA with its version in a comment, the same
 * SHA everywhere. The release workflow takes the registry from a repository variable.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { load } from 'js-yaml'

const require = createRequire(import.meta.url)
const { validateWorkflow } = require('@action-validator/core') as {
  validateWorkflow: (src: string) => { errors: unknown[] }
}

interface Step {
  uses?: string
  with?: Record<string, string | boolean>
}
interface Job {
  permissions?: Record<string, string>
  steps: Step[]
}
interface Workflow {
  permissions?: Record<string, string>
  env?: Record<string, string>
  jobs: Record<string, Job>
}

const ROOT = join(import.meta.dirname, '..', '..')
const read = (...path: string[]): string => readFileSync(join(ROOT, ...path), 'utf8')
const filesIn = (dir: string, ext: string): string[] =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f))

const workflows = filesIn('.github/workflows', '.yml').map((file) => ({ file, text: read(file) }))
/** Every file a user copies `uses:` lines from. */
const sources = [
  ...filesIn('.github/workflows', '.yml'),
  ...filesIn('docs/examples', '.yml'),
  ...filesIn('docs', '.md'),
  'README.md'
]
const usesLines = sources.flatMap((file) =>
  read(file)
    .split('\n')
    .map((line, i) => ({
      where: `${file}:${i + 1}`,
      m: /^\s*(?:- )?uses:\s*(\S+)(.*)$/.exec(line)
    }))
    .filter((u) => u.m !== null)
    .map((u) => ({ where: u.where, ref: u.m![1]!, rest: u.m![2]!.trim() }))
)
/** Our own action (docs show how a user refers to it) and the action under test in CI. */
const isOurs = (ref: string): boolean => ref === './' || ref.startsWith('org/awf-action@')

describe('workflow files', () => {
  test('there are the CI and release workflows', () => {
    expect(workflows.map((w) => w.file).sort()).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/release.yml'
    ])
  })

  describe.each(workflows)('$file', ({ text }) => {
    const workflow = load(text) as Workflow

    test('is a valid workflow', () => {
      expect(validateWorkflow(text).errors).toEqual([])
    })

    test('grants read permissions by default', () => {
      expect(workflow.permissions).toEqual({ contents: 'read' })
    })
  })
})

describe('actions used by our workflows, templates and docs', () => {
  test('there are some (the scan finds them)', () => {
    expect(usesLines.filter((u) => !isOurs(u.ref)).length).toBeGreaterThan(10)
  })

  test.each(usesLines.filter((u) => !isOurs(u.ref)))(
    '$where $ref is pinned by commit SHA with its version',
    ({ ref, rest }) => {
      expect(ref).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/)
      expect(rest).toMatch(/^# v\d+\.\d+\.\d+$/)
    }
  )

  test('each action is pinned to one SHA and version everywhere', () => {
    const pins = new Map<string, Set<string>>()
    for (const u of usesLines.filter((u) => !isOurs(u.ref))) {
      const [name, sha] = u.ref.split('@')
      pins.set(name!, (pins.get(name!) ?? new Set()).add(`${sha} ${u.rest}`))
    }
    for (const [name, seen] of pins) expect([name, seen.size]).toEqual([name, 1])
  })
})

describe('release workflow', () => {
  const release = load(read('.github/workflows/release.yml')) as Workflow
  const steps = (job: string): Step[] => release.jobs[job]!.steps

  test('the registry comes from a repository variable, never written in the file', () => {
    expect(release.env?.REGISTRY).toBe('${{ vars.IMAGE_REGISTRY }}')
    const login = steps('images').find((s) => s.uses?.startsWith('docker/login-action@'))
    expect(login?.with?.registry).toBe('${{ env.REGISTRY }}')
    for (const s of steps('images').filter((s) => s.uses?.startsWith('docker/build-push-action@')))
      expect(String(s.with?.tags)).toMatch(/^\$\{\{ steps\.names\.outputs\.repository \}\}\//)
  })

  test('builds both images for amd64 and arm64 with an SBOM, and signs them', () => {
    const builds = steps('images').filter((s) => s.uses?.startsWith('docker/build-push-action@'))
    expect(builds.map((s) => s.with?.context)).toEqual(['containers/proxy', 'containers/agent'])
    for (const s of builds) {
      expect(s.with?.platforms).toBe('linux/amd64,linux/arm64')
      expect(s.with?.sbom).toBe(true)
      expect(s.with?.push).toBe(true)
    }
    expect(JSON.stringify(steps('images'))).toContain('cosign sign --yes --recursive')
  })

  test('only the jobs that must write may, each only what it needs', () => {
    expect(release.jobs.check!.permissions).toBeUndefined()
    expect(release.jobs.images!.permissions).toEqual({
      contents: 'read',
      packages: 'write',
      'id-token': 'write'
    })
    expect(release.jobs.release!.permissions).toEqual({ contents: 'write' })
  })
})
