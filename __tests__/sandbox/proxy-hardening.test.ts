/** The proxy container's hardening and what the docker command on the runner gets to read. */
import { parseEnvEntries } from '../../src/agent/env.js'
import { PROXY_LIMITS, proxySpec } from '../../src/sandbox/container-specs.js'
import {
  buildCreateArgs,
  containerEnv,
  readByDocker,
  type ContainerSpec
} from '../../src/sandbox/docker-args.js'

const topology = {
  runId: '1a2b3c4d',
  proxyIp: '172.28.5.2',
  proxyEgressIp: '172.28.6.2'
} as unknown as Parameters<typeof proxySpec>[0]['topology']

const proxy = proxySpec({
  topology,
  image: 'awf-proxy:0123456789ab',
  labels: {},
  configDir: '/tmp/awf/config',
  logsDir: '/tmp/awf-logs',
  logsGroup: 1001
})

describe('the proxy container', () => {
  const args = buildCreateArgs(proxy).join(' ')

  test('its namespace forwards nothing, on either family', () => {
    expect(args).toContain('--sysctl net.ipv4.ip_forward=0')
    expect(args).toContain('--sysctl net.ipv6.conf.all.forwarding=0')
    expect(args).toContain('--sysctl net.ipv6.conf.default.forwarding=0')
  })

  test('memory, processes and open files are limited', () => {
    expect(args).toContain(`--memory ${PROXY_LIMITS.memoryBytes}`)
    expect(args).toContain(`--pids-limit ${PROXY_LIMITS.pids}`)
    expect(args).toContain(`--ulimit nofile=${PROXY_LIMITS.openFiles}:${PROXY_LIMITS.openFiles}`)
  })

  test('the logs folder is written through its group, not through world-write', () => {
    expect(args).toContain('--group-add 1001')
    expect(proxy.env).toEqual({})
  })
})

describe('the agent environment and the docker command on the runner', () => {
  const spec: ContainerSpec = {
    ...proxy,
    env: {
      HTTPS_PROXY: 'http://172.28.5.2:3128',
      https_proxy: 'http://172.28.5.2:3128',
      HOME: '/awf/home',
      PATH: '/usr/bin',
      API_KEY: 'secret-value'
    }
  }

  test('names docker reads go to the container in argv, never into its own environment', () => {
    expect(containerEnv(spec)).toEqual({ API_KEY: 'secret-value' })
    const argv = buildCreateArgs(spec)
    expect(argv).toContain('HTTPS_PROXY=http://172.28.5.2:3128')
    expect(argv).toContain('HOME=/awf/home')
    expect(argv).toContain('API_KEY')
    expect(argv.join('\n')).not.toContain('secret-value')
  })

  test.each(['DOCKER_HOST', 'DOCKER_CONFIG', 'LD_PRELOAD', 'GODEBUG', 'NO_PROXY', 'SSL_CERT_FILE'])(
    '%s is read by docker',
    (name) => expect(readByDocker(name)).toBe(true)
  )

  test.each(['API_KEY', 'GITHUB_TOKEN', 'GOPROXY', 'PROMPT'])('%s is not', (name) =>
    expect(readByDocker(name)).toBe(false)
  )

  test('the user cannot name DOCKER_ variables', () => {
    expect(() => parseEnvEntries('DOCKER_AUTH_CONFIG=x', 'input env')).toThrow(
      /input env: "DOCKER_AUTH_CONFIG" is read by the docker command that starts the sandbox/
    )
  })
})
