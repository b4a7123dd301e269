/**
 * images.json, `image-registry`, and how a run picks its images: the published digest when it
 * can be had and checked, a local build otherwise, said plainly. Docker is a recording fake
 * here; __tests__/sandbox/registry.test.itg.ts pulls from a real registry.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Docker } from '../../src/sandbox/docker.js'
import type { CommandRunner } from '../../src/sandbox/exec.js'
import { imageTag, LOCAL_BASE_IMAGE, resolveImage } from '../../src/sandbox/images.js'
import { TEXT_INPUTS, type RunInputs } from '../../src/run/inputs.js'
import { resolveSettings } from '../../src/run/settings.js'
import { setLogger } from '../../src/sandbox/log.js'
import {
  actionVersion,
  parseImageRegistry,
  parsePublishedImages,
  publishedRef,
  readPublishedImages
} from '../../src/sandbox/published-images.js'

const ROOT = join(import.meta.dirname, '..', '..')
const D1 = `sha256:${'a'.repeat(64)}`
const D2 = `sha256:${'b'.repeat(64)}`
const released = {
  version: '1.2.3',
  repository: '127.0.0.1:5000/o/r',
  digests: { proxy: D1, agent: D2 }
}

/** A Docker whose images are `present`; `pullable` refs become present when pulled. */
function fakeDocker(
  present: string[],
  pullable: string[] = []
): { docker: Docker; calls: string[] } {
  const calls: string[] = []
  const have = new Set(present)
  const run: CommandRunner = (_cmd, args) => {
    calls.push(args.join(' '))
    const ref = args[args.length - 1]!
    const ok = (
      yes: boolean,
      out = ''
    ): Promise<{ exitCode: number; stdout: string; stderr: string }> =>
      Promise.resolve({ exitCode: yes ? 0 : 1, stdout: out, stderr: yes ? '' : 'no such image' })
    if (args[0] === 'image' && args[1] === 'inspect') return ok(have.has(ref), 'sha256:1\n')
    if (args[0] === 'pull') {
      if (pullable.includes(ref)) have.add(ref)
      return ok(pullable.includes(ref))
    }
    return ok(false)
  }
  return { docker: new Docker({ run, attach: () => Promise.resolve(0) }), calls }
}

let logged: string[]
beforeEach(() => {
  logged = []
  setLogger({ debug: () => undefined, info: (m) => logged.push(m), warning: (m) => logged.push(m) })
})

describe('images.json', () => {
  test('the one in the repository names no images (a release commit fills it in)', () => {
    expect(readPublishedImages(ROOT)).toEqual({ version: '', repository: '', digests: {} })
    expect(JSON.parse(readFileSync(join(ROOT, 'images.json'), 'utf8'))).toEqual({
      version: '',
      repository: '',
      images: {}
    })
  })

  test('a release file parses into the repository and the digests', () => {
    const text = JSON.stringify({
      version: '1.2.3',
      repository: released.repository,
      images: { proxy: D1, agent: D2 }
    })
    expect(parsePublishedImages(text, 'images.json')).toEqual(released)
  })

  test.each([
    ['{', /images\.json: not JSON/],
    ['[]', /images\.json: not an object/],
    ['{"repository": "Host/UPPER"}', /"repository" is not a registry path/],
    [
      `{"repository": "h/r", "images": {"proxy": "sha256:12"}}`,
      /"images\.proxy" is not a sha256 digest/
    ],
    [`{"repository": "h/r", "images": {"db": "${D1}"}}`, /unknown kind "db"/],
    [`{"images": {"proxy": "${D1}"}}`, /digests but no "repository"/]
  ])('%s is refused: %s', (text, message) => {
    expect(() => parsePublishedImages(text, 'images.json')).toThrow(message)
  })

  test('the action knows its version from package.json (a release commit sets it)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(actionVersion(ROOT)).toBe(pkg.version)
  })

  test('an absent file means nothing is published', () => {
    const dir = mkdtempSync(join(tmpdir(), 'awf-images-'))
    expect(readPublishedImages(dir).digests).toEqual({})
    writeFileSync(join(dir, 'images.json'), '{"version": 1}')
    expect(() => readPublishedImages(dir)).toThrow(/"version" is not a string/)
    rmSync(dir, { recursive: true })
  })
})

describe('image-registry', () => {
  test.each(['127.0.0.1:5000', '127.0.0.1:5000/awf/', 'mirror.internal/team/awf', '[::1]:5000/x'])(
    '%s is a registry path',
    (v) => expect(parseImageRegistry(v, 'input image-registry')).toBe(v.replace(/\/$/, ''))
  )

  test.each(['https://host/awf', 'host/awf:1.0', 'host/awf@sha256:00', 'Host/Awf', 'host/a b', ''])(
    '%s is refused, naming the input and the accepted form',
    (v) => {
      expect(() => parseImageRegistry(v, 'input image-registry')).toThrow(
        /^input image-registry: ".*" is not a registry path\. .*e\.g\. 127\.0\.0\.1:5000\/awf/
      )
    }
  )

  test('a mirror keeps the names and digests, only the repository changes', () => {
    expect(publishedRef(released, 'proxy')).toBe(`127.0.0.1:5000/o/r/awf-proxy@${D1}`)
    expect(publishedRef(released, 'agent', '127.0.0.1:6000/m')).toBe(
      `127.0.0.1:6000/m/awf-agent@${D2}`
    )
    expect(publishedRef({ ...released, digests: {} }, 'agent')).toBeUndefined()
  })
})

describe('resolveImage', () => {
  const proxyRef = `127.0.0.1:5000/o/r/awf-proxy@${D1}`
  const localProxy = imageTag('proxy', ROOT, LOCAL_BASE_IMAGE)

  test('a published image already present is used without a pull', async () => {
    const { docker, calls } = fakeDocker([proxyRef])
    const got = await resolveImage(docker, 'proxy', ROOT, { published: released })
    expect(got).toEqual({ kind: 'proxy', ref: proxyRef, digest: D1, source: 'published' })
    expect(calls.some((c) => c.startsWith('pull'))).toBe(false)
  })

  test('a published image is pulled by digest, checked, and the run says which it used', async () => {
    const { docker, calls } = fakeDocker([], [proxyRef])
    const got = await resolveImage(docker, 'proxy', ROOT, { published: released })
    expect(got).toEqual({ kind: 'proxy', ref: proxyRef, digest: D1, source: 'pulled' })
    expect(calls).toContain(`pull --quiet ${proxyRef}`)
    expect(calls.filter((c) => c === `image inspect --format {{.Id}} ${proxyRef}`)).toHaveLength(2)
    expect(logged).toContain(`proxy image: ${proxyRef} (pulled, digest checked)`)
  })

  test('an unreachable registry falls back to the local image, with a clear message', async () => {
    const { docker } = fakeDocker([localProxy])
    const got = await resolveImage(docker, 'proxy', ROOT, { published: released })
    expect(got).toEqual({ kind: 'proxy', ref: localProxy, source: 'local' })
    expect(logged.join('\n')).toMatch(
      /cannot use the published proxy image 127\.0\.0\.1:5000\/o\/r\/awf-proxy@sha256:a+: the pull failed .*; building it locally/
    )
  })

  test('image-registry takes the digests from the mirror', async () => {
    const mirrored = `127.0.0.1:6000/m/awf-proxy@${D1}`
    const { docker, calls } = fakeDocker([], [mirrored])
    const got = await resolveImage(docker, 'proxy', ROOT, {
      published: released,
      registry: '127.0.0.1:6000/m'
    })
    expect(got.ref).toBe(mirrored)
    expect(calls.some((c) => c.includes('127.0.0.1:5000'))).toBe(false)
  })

  test('image-registry without published digests says so and uses the local build', async () => {
    const { docker } = fakeDocker([localProxy])
    const got = await resolveImage(docker, 'proxy', ROOT, { registry: '127.0.0.1:6000/m' })
    expect(got.source).toBe('local')
    expect(logged.join('\n')).toMatch(
      /image-registry is set, but this version names no published proxy image/
    )
  })

  test('a given proxy image wins over everything', async () => {
    const { docker } = fakeDocker(['my/proxy:1'])
    const got = await resolveImage(docker, 'proxy', ROOT, {
      published: released,
      proxyImage: 'my/proxy:1'
    })
    expect(got).toEqual({ kind: 'proxy', ref: 'my/proxy:1', source: 'given' })
  })
})

describe('the image-registry input', () => {
  const inputs = (registry: string): RunInputs =>
    ({
      ...Object.fromEntries(TEXT_INPUTS.map((name) => [name, ''])),
      'allow-domains': 'allowed.test',
      'image-registry': registry,
      tty: false,
      'fail-on-blocked': false
    }) as RunInputs
  const ctx = { baseDir: ROOT, runnerEnv: {}, totalMemory: 8 * 2 ** 30 }

  test('reaches the settings normalized, and is optional', () => {
    const s = resolveSettings(inputs('127.0.0.1:5000/awf/'), { ...ctx, origin: 'input' })
    expect(s.imageRegistry).toBe('127.0.0.1:5000/awf')
    expect(resolveSettings(inputs(''), { ...ctx, origin: 'input' }).imageRegistry).toBeUndefined()
  })

  test('a bad value is refused naming the input or the flag', () => {
    expect(() => resolveSettings(inputs('https://x/y'), { ...ctx, origin: 'input' })).toThrow(
      /^input image-registry: "https:\/\/x\/y" is not a registry path/
    )
    expect(() => resolveSettings(inputs('https://x/y'), { ...ctx, origin: 'flag' })).toThrow(
      /^flag --image-registry: /
    )
  })
})
