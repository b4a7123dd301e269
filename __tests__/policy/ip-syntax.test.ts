/** The policy's own IPv6 syntax check (pure, no node:net) agrees with Node's on every input. */
import fc from 'fast-check'
import { isIPv6 } from 'node:net'
import { parseIpLiteral } from '../../src/policy/ip.js'

const isV6 = (text: string): boolean => parseIpLiteral(text)?.family === 6

describe('IPv6 literals', () => {
  test.each([
    '::',
    '::1',
    '1::',
    '::ffff:1.2.3.4',
    '::1.2.3.4',
    '1:2:3:4:5:6:7:8',
    '1:2:3:4:5:6:1.2.3.4',
    '1:2:3:4:5:6:7::',
    '1:2:3:4:5:6:7:1.2.3.4',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    ':1::',
    '1:',
    '12345::',
    'g::',
    '::ffff:256.1.1.1',
    '::01.2.3.4',
    '2001:db8::'
  ])('%s is read as Node reads it', (text) => {
    expect(isV6(text)).toBe(isIPv6(text))
  })

  test('a zone index is never an address the policy takes', () => {
    expect(isV6('fe80::1%eth0')).toBe(false)
  })

  test('every generated address, and random text, agree with Node', () => {
    fc.assert(fc.property(fc.ipV6(), (ip) => isV6(ip)))
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f:.]{0,24}$/), (t) => isV6(t) === isIPv6(t)),
      { numRuns: 5000 }
    )
  })
})
