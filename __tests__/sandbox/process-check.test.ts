import { parseStatus, securityProblems } from '../../src/sandbox/process-check.js'

const LOCKED = `Name:\tbash
CapInh:\t0000000000000000
CapPrm:\t0000000000000000
CapEff:\t0000000000000000
CapBnd:\t0000000000000000
CapAmb:\t0000000000000000
NoNewPrivs:\t1
Seccomp:\t2
`

describe('process security check', () => {
  test('a locked-down process has no problems', () => {
    expect(securityProblems(parseStatus(7, LOCKED))).toEqual([])
  })

  test('capabilities, privileges and seccomp are each reported', () => {
    const open = LOCKED.replace('CapBnd:\t0000000000000000', 'CapBnd:\t00000000a80425fb')
      .replace('NoNewPrivs:\t1', 'NoNewPrivs:\t0')
      .replace('Seccomp:\t2', 'Seccomp:\t0')
    expect(securityProblems(parseStatus(7, open))).toEqual([
      'process 7 has CapBnd 00000000a80425fb (expected none)',
      'process 7 has NoNewPrivs 0 (expected 1)',
      'process 7 has Seccomp 0 (expected 2, filter)'
    ])
  })

  test('missing fields are problems, not passes', () => {
    expect(securityProblems(parseStatus(7, 'Name:\tx\n'))).toHaveLength(7)
  })
})
