/**
 * The images a release published: images.json (next to containers/) names the registry path
 * and the digest of the proxy and agent images. The action pulls exactly those digests,
 * checks what it got, and falls back to building from containers/ when nothing is published
 * or the registry cannot be reached. `image-registry` points the same digests at a mirror.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { InputError, problem } from '../common/errors.js'
import type { Docker } from './docker.js'

export type PublishedKind = 'proxy' | 'agent'

export interface PublishedImages {
  readonly version: string
  /** `<registry host>/<path>`: the images are `<repository>/awf-<kind>@<digest>`. */
  readonly repository: string
  readonly digests: Readonly<Partial<Record<PublishedKind, string>>>
}

export const PUBLISHED_IMAGES_FILE = 'images.json'

const DIGEST = /^sha256:[0-9a-f]{64}$/
/** A registry host (name or address, optional port) and an optional lower-case path. */
const REPOSITORY =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:]+\])(?::\d{1,5})?(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/

/** A value of `image-registry`, normalized; refused with an InputError naming the input. */
export function parseImageRegistry(value: string, where: string): string {
  const v = value.trim().replace(/\/+$/, '')
  if (REPOSITORY.test(v)) return v
  throw new InputError([
    problem(
      where,
      value,
      'is not a registry path',
      'Give the host (and port) of a registry and an optional lower-case path, without a ' +
        'scheme, tag or digest, e.g. 127.0.0.1:5000/awf; the images are pulled from it as ' +
        '<value>/awf-proxy@<digest> and <value>/awf-agent@<digest>.'
    )
  ])
}

/** Parses images.json; throws naming the file and the key that is wrong. */
export function parsePublishedImages(text: string, file: string): PublishedImages {
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what} (the release workflow writes this file; see docs/release.md)`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    return fail(`not JSON: ${e instanceof Error ? e.message : String(e)}`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('not an object')
  const { version = '', repository = '', images = {} } = data as Record<string, unknown>
  if (typeof version !== 'string') return fail('"version" is not a string')
  if (typeof repository !== 'string' || (repository && !REPOSITORY.test(repository)))
    return fail('"repository" is not a registry path')
  if (typeof images !== 'object' || images === null || Array.isArray(images))
    return fail('"images" is not an object')
  const digests: Partial<Record<PublishedKind, string>> = {}
  for (const [kind, digest] of Object.entries(images)) {
    if (kind !== 'proxy' && kind !== 'agent') return fail(`"images" has an unknown kind "${kind}"`)
    if (typeof digest !== 'string' || !DIGEST.test(digest))
      return fail(`"images.${kind}" is not a sha256 digest`)
    digests[kind] = digest
  }
  if (Object.keys(digests).length > 0 && !repository) return fail('digests but no "repository"')
  return { version, repository, digests }
}

/** images.json of the bundle's project root, or nothing published when it is absent. */
export function readPublishedImages(root: string): PublishedImages {
  const file = join(root, PUBLISHED_IMAGES_FILE)
  if (!existsSync(file)) return { version: '', repository: '', digests: {} }
  return parsePublishedImages(readFileSync(file, 'utf8'), file)
}

/** The action's version: package.json next to containers/ (a release commit sets it), if any. */
export function actionVersion(root: string): string {
  const file = join(root, 'package.json')
  if (!existsSync(file)) return 'unknown (no package.json next to the bundle)'
  try {
    const version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version
    return typeof version === 'string' ? version : 'unknown'
  } catch {
    return 'unknown (package.json is not readable JSON)'
  }
}

/** `<repository>/awf-<kind>@<digest>`, from the mirror when one is given; none if unpublished. */
export function publishedRef(
  published: PublishedImages,
  kind: PublishedKind,
  registry?: string
): string | undefined {
  const digest = published.digests[kind]
  if (!digest) return undefined
  return `${registry ?? published.repository}/awf-${kind}@${digest}`
}

export type PullOutcome =
  | { readonly ok: true; readonly ref: string; readonly digest: string; readonly pulled: boolean }
  | { readonly ok: false; readonly ref: string; readonly reason: string }

/**
 * The image `ref` (`name@sha256:...`), present or pulled. Docker verifies pulled content against
 * the digest; we then check the image is recorded locally under exactly that reference.
 */
export async function pullByDigest(docker: Docker, ref: string): Promise<PullOutcome> {
  const digest = ref.slice(ref.lastIndexOf('@') + 1)
  if (await docker.imageId(ref)) return { ok: true, ref, digest, pulled: false }
  if (!(await docker.pull(ref)))
    return { ok: false, ref, reason: 'the pull failed (registry unreachable or image missing)' }
  if (!(await docker.imageId(ref)))
    return { ok: false, ref, reason: 'the pulled image is not recorded under that digest' }
  return { ok: true, ref, digest, pulled: true }
}
