/**
 * A run from published images, end to end: a release-like copy of the bundle whose images.json
 * names digests in a registry on loopback (Debian's docker-registry, scripts/local-registry.sh).
 * The run pulls both images by digest, checks them, uses them and says so; with the registry
 * gone it says why and falls back to the local build.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { imageTag, LOCAL_BASE_IMAGE } from '../../src/sandbox/images.js'
import { startCli } from '../helpers/cli.js'
import { ensureLab, LAB_RESOLVER, leftovers, ROOT, type Result } from '../helpers/lab.js'
import { describeWith } from '../helpers/require-tool.js'

const POLICY = ['--allow-domains', 'allowed.test', '--dns-servers', LAB_RESOLVER]
const REGISTRY = join(ROOT, 'scripts', 'local-registry.sh')
const registry = (...args: string[]): string =>
  execFileSync('bash', [REGISTRY, ...args], { encoding: 'utf8' }).trim()
const present = (ref: string): boolean => {
  try {
    execFileSync('docker', ['image', 'inspect', ref], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

describeWith(
  { root: true, docker: true, tools: ['docker-registry', 'iptables', 'curl'] },
  'published images from a registry (integration)',
  () => {
    let dir: string
    let release: string
    let workspace: string
    const refs: Record<string, string> = {}
    const run = (): Promise<Result> =>
      startCli(
        ['run', ...POLICY, '--', 'curl', '-sS', '--max-time', '5', 'http://allowed.test/'],
        workspace,
        {},
        { cli: join(release, 'dist', 'cli.js') }
      ).done

    beforeAll(() => {
      ensureLab()
      dir = mkdtempSync(join(tmpdir(), 'awf-registry-'))
      workspace = mkdtempSync(join(tmpdir(), 'awf-registry-ws-'))
      const address = registry('start', join(dir, 'registry'))
      for (const kind of ['proxy', 'agent']) {
        const local = imageTag(kind as 'proxy' | 'agent', ROOT, LOCAL_BASE_IMAGE)
        execFileSync('docker', ['image', 'inspect', local], { stdio: 'ignore' })
        refs[kind] = registry('push', join(dir, 'registry'), local, `awf/awf-${kind}`)
      }
      // What a release commit holds: the bundle, the build contexts, and images.json.
      release = join(dir, 'release')
      cpSync(join(ROOT, 'dist'), join(release, 'dist'), { recursive: true })
      cpSync(join(ROOT, 'containers'), join(release, 'containers'), { recursive: true })
      const digest = (kind: string): string => refs[kind]!.split('@')[1]!
      writeFileSync(
        join(release, 'images.json'),
        JSON.stringify({
          version: '0.0.0-test',
          repository: `${address}/awf`,
          images: { proxy: digest('proxy'), agent: digest('agent') }
        })
      )
    })

    afterAll(() => {
      registry('stop', join(dir, 'registry'))
      for (const ref of Object.values(refs))
        if (present(ref)) execFileSync('docker', ['rmi', ref], { stdio: 'ignore' })
      rmSync(dir, { recursive: true, force: true })
      rmSync(workspace, { recursive: true, force: true })
    })

    test('a fresh run pulls both images by digest, checks them, and says which it used', async () => {
      expect(Object.values(refs).filter(present)).toEqual([])
      const r = await run()
      expect(r).toMatchObject({ code: 0, stdout: expect.stringContaining('LAB-ALLOWED') })
      expect(r.stderr).toContain(`proxy image: ${refs.proxy} (pulled, digest checked)`)
      expect(r.stderr).toContain(`agent image: ${refs.agent} (pulled, digest checked)`)
      expect(Object.values(refs).filter(present)).toHaveLength(2)
      expect(leftovers()).toEqual([])
    })

    test('the next run uses them as they are, without a pull', async () => {
      const r = await run()
      expect(r).toMatchObject({ code: 0 })
      expect(r.stderr).toContain(`proxy image: ${refs.proxy} (present, digest checked)`)
    })

    test('with the registry unreachable, the run says so and uses the local build', async () => {
      for (const ref of Object.values(refs))
        execFileSync('docker', ['rmi', ref], { stdio: 'ignore' })
      registry('stop', join(dir, 'registry'))
      const r = await run()
      expect(r).toMatchObject({ code: 0, stdout: expect.stringContaining('LAB-ALLOWED') })
      expect(r.stderr).toContain(
        `cannot use the published proxy image ${refs.proxy}: the pull failed (registry unreachable or image missing); building it locally`
      )
      expect(leftovers()).toEqual([])
    })
  }
)
