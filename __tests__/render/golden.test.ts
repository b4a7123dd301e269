/**
 * Golden files for every renderer: reviewed in diffs. UPDATE_GOLDEN=1 rewrites them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  renderAll,
  renderedFiles,
  renderSquidConf,
  RenderAssertionError
} from '../../src/render/index.js'
import { renderSeccompProfile } from '../../src/render/seccomp.js'
import { policyViews } from '../../src/policy/index.js'
import type { DomainRule } from '../../src/policy/types.js'
import { input, INTERCEPT_INPUT, manyDomains, POLICIES, UPSTREAM_INPUT } from './fixtures.js'

const GOLDEN = join(import.meta.dirname, '..', 'golden')

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name)
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

describe('rendered files match their golden copies', () => {
  for (const [name, policy] of Object.entries(POLICIES)) {
    const rendered = renderAll(input(policy))
    for (const [file, text] of renderedFiles(rendered)) {
      if (file === 'seccomp.json' && name !== 'typical') continue
      test(`${name}: ${file}`, () => golden(`${name}.${file}`, text))
    }
  }
})

describe('behind a corporate proxy', () => {
  const rendered = renderAll(UPSTREAM_INPUT)
  test('upstream: squid.conf', () => golden('upstream.squid.conf', rendered['squid.conf']))
  test('upstream: host-rules.v4', () => golden('upstream.host-rules.v4', rendered['host-rules.v4']))

  test('the login never reaches a rendered file: only its mark, filled in by the proxy', () => {
    expect(rendered['squid.conf']).toContain(' login=AWF_UPSTREAM_LOGIN')
    expect(rendered['squid.conf']).toMatch(/^never_direct allow all$/m)
  })

  test('the proxy container reaches only the parent (and DNS): no port rule to any address', () => {
    const proxyRules = rendered['host-rules.v4']
      .split('\n')
      .filter((l) => l.includes('-s 172.29.5.2') && l.endsWith('-j RETURN'))
    expect(proxyRules.filter((l) => !/--dport 53 /.test(l))).toEqual([
      '-A AWF-1a2b3c4d -i awfe-1a2b3c4d -s 172.29.5.2 -d 10.203.0.30 -p tcp --dport 8080 -j RETURN'
    ])
  })
})

test('intercepting two hosts, one with a credential: squid.conf', () =>
  golden('intercept.squid.conf', renderAll(INTERCEPT_INPUT)['squid.conf']))

describe('renderer guarantees', () => {
  test('an un-normalised name can never reach squid.conf', () => {
    const evil: DomainRule = {
      name: 'evil.com\nhttp_access allow all',
      includeApex: true,
      access: [{ protocol: 'http', port: 80 }],
      source: ''
    }
    const policy = { ...POLICIES.typical!, allowDomains: [evil], views: policyViews([evil]) }
    expect(() => renderSquidConf(input(policy))).toThrow(RenderAssertionError)
    expect(() => renderAll(input(policy))).toThrow(/refusing to render domain/)
  })

  test('an un-normalised topology value is refused', () => {
    const bad = {
      ...input(POLICIES.typical!),
      topology: { ...input(POLICIES.typical!).topology, internalBridge: 'br0 -j ACCEPT' }
    }
    expect(() => renderAll(bad)).toThrow(/refusing to render interface name/)
  })

  test('the block list is denied before any allow rule, IP literals before both', () => {
    const conf = renderSquidConf(input(POLICIES.typical!))
    const order = [
      'http_access deny ip_literal',
      'http_access deny blocked',
      'http_access allow !CONNECT proto_http allow_',
      'http_access deny all'
    ]
    const positions = order.map((line) => conf.indexOf(line))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  test('no overlapping entries inside one dstdomain ACL', () => {
    const conf = renderSquidConf(input(POLICIES.typical!))
    for (const line of conf.split('\n').filter((l) => / dstdomain /.test(l))) {
      const values = line.split(' ').slice(4)
      for (const a of values) for (const b of values) if (a !== b) expect(b.endsWith(a)).toBe(false)
    }
  })

  test('5,000 domains render quickly and every name appears once per ACL', () => {
    const started = Date.now()
    const conf = renderSquidConf(input(manyDomains(5000)))
    expect(Date.now() - started).toBeLessThan(5000) // a sanity bound, not a benchmark
    expect(conf.match(/\.d4999\.example1\.test/g)?.length).toBe(5) // http, https, any-allowed, tunnel host and server name
  })
})

describe('seccomp profile: socket families', () => {
  interface Rule {
    names: string[]
    action: string
    args?: { index: number; value: number; op: string }[]
  }
  const profile = JSON.parse(renderSeccompProfile()) as {
    archMap: { architecture: string; subArchitectures: string[] }[]
    syscalls: Rule[]
  }
  const rulesFor = (name: string): Rule[] => profile.syscalls.filter((r) => r.names.includes(name))

  test('socket is allowed only for AF_UNIX, AF_INET, AF_INET6 and AF_NETLINK', () => {
    const rules = rulesFor('socket')
    expect(rules.every((r) => r.action === 'SCMP_ACT_ALLOW' && r.args?.length === 1)).toBe(true)
    expect(rules.map((r) => [r.args![0]!.index, r.args![0]!.op, r.args![0]!.value])).toEqual([
      [0, 'SCMP_CMP_EQ', 1],
      [0, 'SCMP_CMP_EQ', 2],
      [0, 'SCMP_CMP_EQ', 10],
      [0, 'SCMP_CMP_EQ', 16]
    ])
  })

  // socketcall(2) carries the family in memory; libseccomp turns a socket rule into an
  // unconditional socketcall(SYS_SOCKET) rule on architectures that multiplex it.
  test('socketcall is never allowed and no multiplexing architecture is mapped', () => {
    expect(rulesFor('socketcall')).toEqual([])
    const arches = profile.archMap.flatMap((a) => [a.architecture, ...a.subArchitectures])
    expect(arches.sort()).toEqual([
      'SCMP_ARCH_AARCH64',
      'SCMP_ARCH_ARM',
      'SCMP_ARCH_X32',
      'SCMP_ARCH_X86_64'
    ])
  })
})
