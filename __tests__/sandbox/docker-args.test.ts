import {
  buildNetworkCreateArgs,
  buildRunArgs,
  type ContainerSpec
} from '../../src/sandbox/docker-args.js'

const AGENT: ContainerSpec = {
  name: 'awf-1a2b3c4d-agent',
  image: 'awf-agent:0123456789ab',
  attach: { network: 'awf-1a2b3c4d-int', ip: '172.28.5.3' },
  labels: { 'awf.run': '1a2b3c4d' },
  mounts: [{ source: '/work space', target: '/work space', readOnly: false }],
  env: { GITHUB_TOKEN: 'secret-value' },
  capAdd: [],
  user: '1001:121',
  workdir: '/work space',
  seccompProfile: '/tmp/awf/seccomp.json',
  sysctls: { 'net.ipv4.ping_group_range': '1 0' },
  pidsLimit: 4096,
  memoryBytes: 1073741824,
  init: true,
  command: ['bash', '-c', 'echo "$GITHUB_TOKEN" | wc -c']
}

describe('docker argv builders', () => {
  test('the agent drops every capability and cannot gain privileges', () => {
    const args = buildRunArgs(AGENT)
    expect(args.slice(0, 2)).toEqual(['run', '--rm'])
    expect(args.join(' ')).toContain('--cap-drop ALL')
    expect(args.join(' ')).toContain('--security-opt no-new-privileges')
    expect(args).toContain('--no-healthcheck')
    expect(args.join(' ')).toContain('--security-opt seccomp=/tmp/awf/seccomp.json')
    expect(args).not.toContain('--cap-add')
    expect(args).not.toContain('--privileged')
  })

  test('environment values never appear in argv, only names', () => {
    const args = buildRunArgs(AGENT)
    expect(args.join('\n')).not.toContain('secret-value')
    expect(args).toContain('GITHUB_TOKEN')
  })

  test('the command comes last and unchanged, after the image', () => {
    const args = buildRunArgs(AGENT)
    const image = args.indexOf('awf-agent:0123456789ab')
    expect(args.slice(image + 1)).toEqual(AGENT.command)
  })

  test('paths with spaces stay one argument', () => {
    expect(buildRunArgs(AGENT)).toContain('type=bind,source=/work space,target=/work space')
  })

  test('a comma in a path cannot add mount options', () => {
    const spec = { ...AGENT, mounts: [{ source: '/w,target=/etc', target: '/w', readOnly: true }] }
    expect(buildRunArgs(spec)).toContain('type=bind,"source=/w,target=/etc",target=/w,readonly')
  })

  test('internal network with a fixed bridge name and labels', () => {
    expect(
      buildNetworkCreateArgs({
        name: 'awf-1a2b3c4d-int',
        subnet: '172.28.5.0/24',
        bridgeName: 'awfi-1a2b3c4d',
        internal: true,
        labels: { 'awf.run': '1a2b3c4d' }
      })
    ).toEqual([
      'network',
      'create',
      '--driver',
      'bridge',
      '--subnet',
      '172.28.5.0/24',
      '--opt',
      'com.docker.network.bridge.name=awfi-1a2b3c4d',
      '--internal',
      '--label',
      'awf.run=1a2b3c4d',
      'awf-1a2b3c4d-int'
    ])
  })
})
