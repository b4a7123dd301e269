/**
 * The proxy and agent images: the digests a release published (images.json), pulled and
 * checked; else tagged by a hash of their build context and base image, reused when present,
 * built from containers/ otherwise. scripts/image-tag.sh computes the same tag.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Docker } from './docker.js'
import { info } from './log.js'
import {
  publishedRef,
  pullByDigest,
  readPublishedImages,
  type PublishedImages
} from './published-images.js'

export const DEFAULT_BASE_IMAGE = 'debian:bookworm-slim'
/** Made by scripts/setup.sh from Debian's packages where no registry can be reached. */
export const LOCAL_BASE_IMAGE = 'awf-base:bookworm'

export type ImageKind = 'proxy' | 'agent'

/** A store that outlives the machine's Docker images (the runner tool cache on self-hosted runners). */
export interface ImageCache {
  /** Loads `tag` into Docker if the cache holds it; true when it did. */
  restore(tag: string): Promise<boolean>
  /** Stores a freshly built `tag`. */
  save(tag: string): Promise<void>
}

export interface ImageOptions {
  /** Base for building; when absent the official Debian image, else the local fallback. */
  readonly baseImage?: string
  /** A prebuilt proxy, pulled when absent, instead of building containers/proxy. */
  readonly proxyImage?: string
  readonly cache?: ImageCache
  /** The release's images, pulled by digest before anything is built (default: images.json). */
  readonly published?: PublishedImages
  /** `image-registry`: a mirror holding the published digests under the same names. */
  readonly registry?: string
}

/** Which image a run used and where it came from: data for the summary and the CLI report. */
export interface ResolvedImage {
  readonly kind: ImageKind
  readonly ref: string
  /** The registry digest, for published images. */
  readonly digest?: string
  readonly source: 'given' | 'published' | 'pulled' | 'local' | 'cache' | 'built'
}

/** The folder holding containers/, found from this file whether bundled (dist/) or not (src/). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'containers', 'proxy', 'Dockerfile'))) return dir
    dir = resolve(dir, '..')
  }
  throw new Error('cannot find the containers/ folder next to the action bundle')
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name)
    return entry.isDirectory() ? listFiles(full) : [full]
  })
}

/** First 12 hex characters of sha256 over the base reference and every context file. */
export function contextHash(contextDir: string, baseImage: string): string {
  const hash = createHash('sha256').update(`BASE_IMAGE=${baseImage}\n`)
  const files = listFiles(contextDir)
    .map((f) => relative(contextDir, f))
    .sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1))
  for (const rel of files) {
    const digest = createHash('sha256')
      .update(readFileSync(join(contextDir, rel)))
      .digest('hex')
    hash.update(`${rel}\0${digest}\n`)
  }
  return hash.digest('hex').slice(0, 12)
}

export function imageTag(kind: ImageKind, root: string, baseImage: string): string {
  return `awf-${kind}:${contextHash(join(root, 'containers', kind), baseImage)}`
}

async function resolveBase(docker: Docker, requested?: string): Promise<string> {
  if (requested) {
    if ((await docker.imageId(requested)) || (await docker.pull(requested))) return requested
    throw new Error(`base image ${requested} is not present and cannot be pulled`)
  }
  if (await docker.imageId(DEFAULT_BASE_IMAGE)) return DEFAULT_BASE_IMAGE
  if (await docker.pull(DEFAULT_BASE_IMAGE)) return DEFAULT_BASE_IMAGE
  if (await docker.imageId(LOCAL_BASE_IMAGE)) {
    info(`${DEFAULT_BASE_IMAGE} cannot be pulled; building on ${LOCAL_BASE_IMAGE}`)
    return LOCAL_BASE_IMAGE
  }
  throw new Error(
    `cannot get a base image: ${DEFAULT_BASE_IMAGE} cannot be pulled and ${LOCAL_BASE_IMAGE} ` +
      'does not exist. Run scripts/setup.sh (it builds one from Debian packages) or set a base image.'
  )
}

/**
 * Docker's init binary (a static tini) on this machine: where dockerd installs look for it,
 * then PATH. Host mode needs a local engine anyway, so a local path is the right one.
 */
export function findInitBinary(path = process.env.PATH ?? ''): string {
  const dirs = [
    '/usr/libexec/docker',
    '/usr/local/libexec/docker',
    ...path.split(':').filter((d) => d.startsWith('/'))
  ]
  for (const dir of dirs) {
    const candidate = join(dir, 'docker-init')
    if (existsSync(candidate)) return realpathSync(candidate)
  }
  throw new Error(
    'cannot find docker-init (the init Docker runs as PID 1) in /usr/libexec/docker or PATH; ' +
      'install the Docker engine package that provides it (docker.io or docker-ce)'
  )
}

/** A given image reference, present or pulled. */
export async function ensurePrebuilt(docker: Docker, ref: string, what: string): Promise<string> {
  if ((await docker.imageId(ref)) || (await docker.pull(ref))) return ref
  throw new Error(`${what} ${ref} is not present and cannot be pulled`)
}

/**
 * Our image for `kind` (the proxy may be replaced by a prebuilt reference): the published
 * digest, present or pulled; else an existing hash-tagged build for any candidate base; else a
 * fresh build. Our agent image is the shell of host mode and the canary's toolbox; an
 * `agent-image` is resolved with ensurePrebuilt.
 */
export async function resolveImage(
  docker: Docker,
  kind: ImageKind,
  root: string,
  options: ImageOptions
): Promise<ResolvedImage> {
  if (kind === 'proxy' && options.proxyImage)
    return {
      kind,
      ref: await ensurePrebuilt(docker, options.proxyImage, 'proxy image'),
      source: 'given'
    }
  const published = publishedRef(
    options.published ?? readPublishedImages(root),
    kind,
    options.registry
  )
  if (published) {
    const got = await pullByDigest(docker, published)
    if (got.ok) {
      info(`${kind} image: ${got.ref} (${got.pulled ? 'pulled' : 'present'}, digest checked)`)
      return { kind, ref: got.ref, digest: got.digest, source: got.pulled ? 'pulled' : 'published' }
    }
    info(`cannot use the published ${kind} image ${got.ref}: ${got.reason}; building it locally`)
  } else if (options.registry) {
    info(
      `image-registry is set, but this version names no published ${kind} image; building it locally`
    )
  }
  const candidates = options.baseImage
    ? [options.baseImage]
    : [DEFAULT_BASE_IMAGE, LOCAL_BASE_IMAGE]
  for (const base of candidates) {
    const tag = imageTag(kind, root, base)
    if (await docker.imageId(tag)) return { kind, ref: tag, source: 'local' }
    if (await options.cache?.restore(tag)) return { kind, ref: tag, source: 'cache' }
  }
  const base = await resolveBase(docker, options.baseImage)
  const tag = imageTag(kind, root, base)
  info(`building ${tag} on ${base}`)
  await docker.build({
    context: join(root, 'containers', kind),
    tag,
    buildArgs: { BASE_IMAGE: base }
  })
  await options.cache?.save(tag)
  return { kind, ref: tag, source: 'built' }
}

/** The reference of our image for `kind` (see resolveImage). */
export async function ensureImage(
  docker: Docker,
  kind: ImageKind,
  root: string,
  options: ImageOptions
): Promise<string> {
  return (await resolveImage(docker, kind, root, options)).ref
}
