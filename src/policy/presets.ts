/**
 * Domain presets: named groups usable as `@name` in allow-domains. The one place they are
 * kept; every entry says why it is needed, goes through the same validator as user input
 * (so none can be a public suffix or an over-broad wildcard), and docs/presets.md is
 * generated from this file. Keep each list to what the tool needs to work, nothing more.
 */

export interface PresetEntry {
  /** An allow-domains entry, in the syntax users write. */
  readonly domain: string
  readonly why: string
}

export interface Preset {
  readonly summary: string
  readonly entries: readonly PresetEntry[]
}

export const PRESETS: Readonly<Record<string, Preset>> = {
  github: {
    summary: 'GitHub: git over HTTPS, the API, archives, raw files and release downloads',
    entries: [
      { domain: 'github.com', why: 'git clone/fetch/push over HTTPS and the web UI' },
      { domain: 'api.github.com', why: 'REST and GraphQL API (gh, Octokit, agents)' },
      { domain: 'codeload.github.com', why: 'source archives (tarball and zipball downloads)' },
      { domain: 'raw.githubusercontent.com', why: 'raw file contents' },
      {
        domain: 'objects.githubusercontent.com',
        why: 'release assets, LFS objects and archive redirects'
      },
      {
        domain: 'release-assets.githubusercontent.com',
        why: 'release asset downloads (newer redirect target)'
      }
    ]
  },
  npm: {
    summary: 'npm and Yarn package installs from the public registry',
    entries: [
      { domain: 'registry.npmjs.org', why: 'package metadata and tarballs for npm and pnpm' },
      { domain: 'registry.yarnpkg.com', why: "Yarn classic's default registry alias" }
    ]
  },
  pypi: {
    summary: 'pip, uv and Poetry installs from PyPI',
    entries: [
      { domain: 'pypi.org', why: 'the simple index and JSON API' },
      { domain: 'files.pythonhosted.org', why: 'wheel and sdist downloads' }
    ]
  },
  go: {
    summary: 'Go module downloads through the default proxy',
    entries: [
      { domain: 'proxy.golang.org', why: 'module downloads (GOPROXY default)' },
      { domain: 'sum.golang.org', why: 'checksum database (GOSUMDB default)' }
    ]
  },
  crates: {
    summary: 'Cargo installs from crates.io',
    entries: [
      { domain: 'index.crates.io', why: 'the sparse registry index' },
      { domain: 'static.crates.io', why: 'crate downloads' },
      { domain: 'crates.io', why: 'the registry API (search, download redirects)' }
    ]
  },
  maven: {
    summary: 'Maven Central (Maven, Gradle, sbt dependencies)',
    entries: [
      { domain: 'repo.maven.apache.org', why: "Maven Central, Maven's default" },
      {
        domain: 'repo1.maven.org',
        why: "Maven Central's other name, used by Gradle's mavenCentral()"
      }
    ]
  },
  gradle: {
    summary: 'Gradle wrapper distributions and the plugin portal',
    entries: [
      { domain: 'services.gradle.org', why: 'gradle-wrapper distribution downloads' },
      { domain: 'plugins.gradle.org', why: 'the plugin portal' },
      { domain: 'plugins-artifacts.gradle.org', why: 'plugin artifacts the portal redirects to' }
    ]
  },
  debian: {
    summary: 'apt on Debian',
    entries: [
      { domain: 'deb.debian.org', why: 'the Debian archive (CDN)' },
      { domain: 'security.debian.org', why: 'security updates' }
    ]
  },
  ubuntu: {
    summary: "apt on Ubuntu, including GitHub's hosted-runner mirror",
    entries: [
      {
        domain: 'archive.ubuntu.com',
        why: 'the archive, and its subdomains such as azure.archive.ubuntu.com (hosted runners)'
      },
      { domain: 'security.ubuntu.com', why: 'security updates' },
      { domain: 'ports.ubuntu.com', why: 'the archive for arm64 runners' }
    ]
  },
  anthropic: {
    summary: 'Claude Code and the Anthropic API',
    entries: [
      { domain: 'https://api.anthropic.com', why: 'the Messages API' },
      { domain: 'https://statsig.anthropic.com', why: 'feature flags Claude Code reads at start' }
    ]
  },
  openai: {
    summary: 'Codex CLI and the OpenAI API',
    entries: [{ domain: 'https://api.openai.com', why: 'the Responses and Chat APIs' }]
  },
  copilot: {
    summary: 'GitHub Copilot CLI',
    entries: [
      {
        domain: 'https://githubcopilot.com',
        why: 'the Copilot API (api.githubcopilot.com and its per-plan hosts)'
      },
      { domain: 'https://api.github.com', why: 'sign-in and Copilot token exchange' }
    ]
  },
  gemini: {
    summary: 'Gemini CLI with an API key',
    entries: [{ domain: 'https://generativelanguage.googleapis.com', why: 'the Gemini API' }]
  }
}

export const PRESET_NAME = /^@([a-z][a-z0-9-]*)$/
