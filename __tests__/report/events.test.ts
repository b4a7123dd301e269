/** Parsers on log lines captured from real runs in the lab. */
import {
  mergeEvents,
  parseDnsmasqLog,
  parseKernelLog,
  parseSquidLog,
  type EventScope
} from '../../src/report/index.js'

const SCOPE: EventScope = {
  agentIp: '172.31.218.3',
  runId: 'c4d76862',
  bootTimeMs: 1795485000000,
  internalNames: ['ready.awf.invalid', 'canary.awf.invalid'],
  internalEndpoints: ['172.31.218.2:9'],
  commandStartMs: 1795490636500
}

const SQUID = `1795490635.673 172.31.218.1 NONE_NONE/000 - - - - 0 ERR_CLIENT_GONE error:transaction-end-before-headers
1795490636.609 172.31.218.3 TCP_TUNNEL/200 CONNECT allowed.test 443 198.18.0.10 3144 - allowed.test:443
1795490636.656 172.31.218.3 TCP_MISS/200 GET allowed.test 80 198.18.0.10 392 - http://allowed.test/n7b584bb1e330-http
1795490636.702 172.31.218.3 TCP_DENIED/403 GET blocked.test 80 - 3584 ERR_ACCESS_DENIED http://blocked.test/n7b584bb1e330-blocked
1795490636.747 172.31.218.3 TCP_DENIED/403 CONNECT blocked.test 443 - 3516 ERR_ACCESS_DENIED blocked.test:443
1795490636.789 172.31.218.3 TCP_DENIED/403 GET 198.18.0.10 80 - 3565 ERR_ACCESS_DENIED http://198.18.0.10/n7b584bb1e330-ip
1795490636.883 172.31.218.3 NONE_NONE/400 GET - - - 3685 - /n7b584bb1e330-direct80
`

const DNSMASQ = `1795492419.670000 dnsmasq[10]: started, version 2.90 cachesize 10000
1795492419.671000 dnsmasq[10]: 1 127.0.0.1/43502 query[PTR] 1.218.31.172.in-addr.arpa from 127.0.0.1
1795492419.671100 dnsmasq[10]: 1 127.0.0.1/43502 config 1.218.31.172.in-addr.arpa is NXDOMAIN
1795492419.672000 dnsmasq[10]: 2 172.31.218.1/37210 query[A] ready.awf.invalid from 172.31.218.1
1795492419.672100 dnsmasq[10]: 2 172.31.218.1/37210 config ready.awf.invalid is NXDOMAIN
1795492419.687000 dnsmasq[10]: 5 172.31.218.3/54165 query[AAAA] evil.test from 172.31.218.3
1795492419.687100 dnsmasq[10]: 5 172.31.218.3/54165 config evil.test is NXDOMAIN
1795492419.696000 dnsmasq[10]: 7 172.31.218.3/45638 query[A] allowed.test from 172.31.218.3
1795492419.696100 dnsmasq[10]: 7 172.31.218.3/45638 forwarded allowed.test to 198.18.0.53
1795492419.697000 dnsmasq[10]: 7 172.31.218.3/45638 reply allowed.test is 198.18.0.10
1795492419.698000 dnsmasq[10]: 8 172.31.218.3/45639 query[AAAA] allowed.test from 172.31.218.3
1795492419.698100 dnsmasq[10]: 8 172.31.218.3/45639 config allowed.test is NODATA
1795492419.699000 dnsmasq[10]: 9 172.31.218.3/45640 query[A] allowed.test from 172.31.218.3
1795492419.699100 dnsmasq[10]: 9 172.31.218.3/45640 cached allowed.test is 198.18.0.10
`

const KERNEL = `[ 5449.691731] awf-c4d76862-agent-drop: IN= OUT=eth0 SRC=172.31.218.3 DST=198.18.0.99 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=36086 DF PROTO=TCP SPT=58448 DPT=4242 WINDOW=64240 RES=0x00 SYN URGP=0 
[ 5449.703199] awf-c4d76862-agent-drop: IN= OUT=eth0 SRC=172.31.218.3 DST=198.18.0.99 LEN=31 TOS=0x00 PREC=0x00 TTL=64 ID=63417 DF PROTO=UDP SPT=47458 DPT=4243 LEN=11 
[ 6919.908128] awf-c4d76862-agent-drop: IN= OUT=lo SRC=127.0.0.1 DST=127.0.0.11 LEN=58 TOS=0x00 PREC=0x00 TTL=64 ID=30286 DF PROTO=UDP SPT=35066 DPT=48912 LEN=38 
[ 6931.950899] awf-363aff2e-agent-drop: IN= OUT=eth0 SRC=172.28.60.3 DST=172.28.60.1 LEN=60 PROTO=TCP SPT=54918 DPT=33359 SYN URGP=0 
[ 6932.000000] awf-c4d76862-host-drop: IN=awfe-c4d76862 OUT=awf-lab-h SRC=172.30.1.2 DST=10.203.0.254 LEN=60 PROTO=TCP SPT=40000 DPT=80 SYN URGP=0 
`

describe('event parsers', () => {
  test('Squid: the agent’s requests only, with decision, port and protocol', () => {
    const events = parseSquidLog(SQUID, SCOPE)
    expect(events.map((e) => [e.decision, e.target, e.port, e.protocol])).toEqual([
      ['allowed', 'allowed.test', 443, 'https'],
      ['allowed', 'allowed.test', 80, 'http'],
      ['blocked', 'blocked.test', 80, 'http'],
      ['blocked', 'blocked.test', 443, 'https'],
      ['blocked', '198.18.0.10', 80, 'http'],
      ['blocked', '(not a proxy request)', undefined, 'http']
    ])
    expect(events[0]!.time).toBe(1795490636609)
    expect(events[2]!.reason).toBe('denied by policy (ERR_ACCESS_DENIED)')
  })

  test('dnsmasq: refused and forwarded or cached queries; NODATA for AAAA and internal names are not events', () => {
    const events = parseDnsmasqLog(DNSMASQ, SCOPE)
    expect(events.map((e) => [e.decision, e.target, e.reason])).toEqual([
      ['blocked', 'evil.test', 'AAAA query refused (NXDOMAIN)'],
      ['allowed', 'allowed.test', 'A query forwarded'],
      ['allowed', 'allowed.test', 'A query forwarded']
    ])
    expect(events[0]!.time).toBe(1795492419687)
  })

  test('kernel log: this run’s drops only, by layer, with destination and port', () => {
    const events = parseKernelLog(KERNEL, SCOPE)
    expect(events.map((e) => [e.layer, e.target, e.port, e.protocol])).toEqual([
      ['agent', '198.18.0.99', 4242, 'tcp'],
      ['agent', '198.18.0.99', 4243, 'udp'],
      ['agent', "Docker's embedded resolver", 48912, 'udp'],
      ['host', '10.203.0.254', 80, 'tcp']
    ])
    expect(events[0]!.time).toBe(1795485000000 + 5449692)
  })

  test('events from every layer merge in time order', () => {
    const merged = mergeEvents(
      parseKernelLog(KERNEL, SCOPE),
      parseSquidLog(SQUID, SCOPE),
      parseDnsmasqLog(DNSMASQ, SCOPE)
    )
    expect(merged.map((e) => e.time)).toEqual([...merged.map((e) => e.time)].sort((a, b) => a - b))
  })

  test('the canary’s names are its own before the command starts, the command’s after', () => {
    const squid = `1795490636.100 172.31.218.3 TCP_DENIED/403 GET canary.awf.invalid 80 - 3584 ERR_ACCESS_DENIED http://canary.awf.invalid/
1795490637.100 172.31.218.3 TCP_DENIED/403 GET canary.awf.invalid 80 - 3584 ERR_ACCESS_DENIED http://canary.awf.invalid/x
1795490637.200 172.31.218.3 TCP_DENIED/403 GET ready.awf.invalid 80 - 3584 ERR_ACCESS_DENIED http://ready.awf.invalid/x
`
    const dns = `1795490636.100000 dnsmasq[10]: 3 172.31.218.3/40000 query[A] canary.awf.invalid from 172.31.218.3
1795490636.100100 dnsmasq[10]: 3 172.31.218.3/40000 config canary.awf.invalid is NXDOMAIN
1795490637.100000 dnsmasq[10]: 4 172.31.218.3/40001 query[A] canary.awf.invalid from 172.31.218.3
1795490637.100100 dnsmasq[10]: 4 172.31.218.3/40001 config canary.awf.invalid is NXDOMAIN
`
    expect(parseSquidLog(squid, SCOPE).map((e) => [e.decision, e.target, e.time])).toEqual([
      ['blocked', 'canary.awf.invalid', 1795490637100],
      ['blocked', 'ready.awf.invalid', 1795490637200]
    ])
    expect(parseDnsmasqLog(dns, SCOPE).map((e) => [e.decision, e.target])).toEqual([
      ['blocked', 'canary.awf.invalid']
    ])
  })

  test('a hostile host name in a log line is not passed through', () => {
    const line =
      '1795490636.702 172.31.218.3 TCP_DENIED/403 GET <img>|x 80 - 3584 ERR_ACCESS_DENIED http://x/\n'
    expect(parseSquidLog(line, SCOPE)[0]!.target).toBe('(unreadable host)')
  })
})

describe('tunnel checks (the peeking port, lines captured in the lab)', () => {
  const scope: EventScope = {
    ...SCOPE,
    agentIp: '172.30.25.3',
    internalNames: ['canary.awf.invalid', 'tunnel.awf.invalid'],
    commandStartMs: 1796137581300
  }
  const LOG = `1796137581.090 127.0.0.1 TCP_TUNNEL/200 CONNECT tunnel.awf.invalid 443 127.0.0.1 112 - tunnel.awf.invalid:443 - - 3128
1796137581.090 127.0.0.1 NONE_NONE_ABORTED/200 CONNECT tunnel.awf.invalid 443 - 123 ERR_CLIENT_GONE tunnel.awf.invalid:443 - peek 3129
1796137581.200 127.0.0.1 NONE_NONE/200 CONNECT tunnel.awf.invalid 443 - 150 - tunnel.awf.invalid:443 canary.awf.invalid terminate 3129
1796137581.378 127.0.0.1 NONE_NONE/200 CONNECT allowed.test 443 - 136 - allowed.test:443 allowed.test splice 3129
1796137581.382 172.30.25.3 TCP_TUNNEL/200 CONNECT allowed.test 443 127.0.0.1 3107 - allowed.test:443 - - 3128
1796137581.382 127.0.0.1 TCP_TUNNEL/200 CONNECT allowed.test 443 198.18.0.10 2952 - allowed.test:443 allowed.test splice 3129
1796137581.390 127.0.0.1 NONE_NONE/200 CONNECT shared-allowed.test 443 - 150 - shared-allowed.test:443 shared-blocked.test terminate 3129
1796137581.391 172.30.25.3 TCP_TUNNEL/200 CONNECT shared-allowed.test 443 127.0.0.1 686 - shared-allowed.test:443 - - 3128
1796137581.418 127.0.0.1 NONE_NONE/200 CONNECT allowed.test 443 - 111 - allowed.test:443 - terminate 3129
1796137581.899 127.0.0.1 NONE_NONE/200 CONNECT allowed.test 443 - 111 ERR_PROTOCOL_UNKNOWN allowed.test:443 - peek 3129
1796137582.010 127.0.0.1 TCP_TUNNEL/200 CONNECT api.wild.test 443 198.18.0.10 2952 - api.wild.test:443 www.wild.test splice 3129
1796137582.020 127.0.0.1 NONE_NONE/200 CONNECT allowed.test 443 - 111 - allowed.test:443 a%0Ab%20c terminate 3129
`
  const events = parseSquidLog(LOG, scope)

  test('each refusal at the ClientHello is one blocked event with its own reason', () => {
    expect(
      events.filter((e) => e.decision === 'blocked').map((e) => [e.target, e.port, e.tunnelRefusal])
    ).toEqual([
      ['shared-blocked.test', 443, 'sni-mismatch'],
      ['allowed.test', 443, 'no-sni'],
      ['allowed.test', 443, 'not-tls'],
      ['(unreadable name)', 443, 'sni-mismatch']
    ])
  })

  test('the sandbox’s own tunnel before the command is not reported; the hop’s lines are not doubled', () => {
    expect(events.map((e) => e.target)).not.toContain('tunnel.awf.invalid')
    expect(events.map((e) => e.target)).not.toContain('canary.awf.invalid')
    expect(events.filter((e) => e.target === 'allowed.test' && e.decision === 'allowed')).toEqual([
      expect.objectContaining({ port: 443 })
    ])
  })

  test('a spliced server name that differs from the CONNECT host is recorded (audit suggests it)', () => {
    expect(events.find((e) => e.target === 'www.wild.test')).toMatchObject({
      decision: 'allowed',
      protocol: 'https'
    })
  })
})

describe('behind a corporate proxy', () => {
  // Built from the log format (the parent's address in the server field), not captured.
  const LOG = `1796139001.370 172.30.25.3 TCP_MISS/200 GET allowed.test 80 10.203.0.30 392 - http://allowed.test/ok - - 3128
1796139002.370 172.30.25.3 TCP_MISS/403 GET allowed.test 80 10.203.0.30 3400 - http://allowed.test/refused - - 3128
1796139003.370 172.30.25.3 TCP_MISS/403 GET allowed.test 80 198.18.0.10 3400 - http://allowed.test/origin - - 3128
`
  test('a refusal the parent sends back names it; an origin’s own 403 does not', () => {
    const events = parseSquidLog(LOG, {
      ...SCOPE,
      agentIp: '172.30.25.3',
      upstreamProxy: '10.203.0.30'
    })
    expect(events.map((e) => [e.decision, e.reason])).toEqual([
      ['allowed', 'TCP_MISS/200'],
      ['blocked', 'refused by the upstream proxy 10.203.0.30 (HTTP 403)'],
      ['blocked', 'TCP_MISS/403']
    ])
  })
})

describe('intercepted hosts (lines captured in the lab)', () => {
  const scope: EventScope = { ...SCOPE, agentIp: '172.31.17.3', commandStartMs: 0 }
  const LOG = `1796149420.608 127.0.0.1 NONE_NONE/503 GET api.allowed.test 9443 - 3881 ERR_SECURE_CONNECT_FAIL https://api.allowed.test:9443/h16-noverify api.allowed.test - 3129
1796149420.608 172.31.17.3 TCP_TUNNEL/200 CONNECT api.allowed.test 9443 127.0.0.1 6842 - api.allowed.test:9443 - - 3128
1796148014.210 127.0.0.1 NONE_NONE/200 CONNECT api.allowed.test 443 198.18.0.10 144 - api.allowed.test:443 api.allowed.test bump 3129
1796148014.254 127.0.0.1 TCP_MISS/200 GET api.allowed.test 443 198.18.0.10 327 - https://api.allowed.test/h16-icpt api.allowed.test bump 3129
`
  const events = parseSquidLog(LOG, scope)

  test('a server whose certificate the proxy cannot verify is a blocked event with its reason', () => {
    expect(events.filter((e) => e.decision === 'blocked')).toEqual([
      expect.objectContaining({
        target: 'api.allowed.test',
        port: 9443,
        tunnelRefusal: 'untrusted-server',
        reason: expect.stringContaining('ca-certificates')
      })
    ])
  })

  test('the decrypted request that passed is an event with its method and path', () => {
    expect(
      events.filter((e) => e.decision === 'allowed').map((e) => [e.target, e.request])
    ).toEqual([
      ['api.allowed.test', undefined],
      ['api.allowed.test', { method: 'GET', path: '/h16-icpt' }]
    ])
  })
})
