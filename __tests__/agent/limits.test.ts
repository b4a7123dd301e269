import { exitExplanation, DEFAULT_PIDS_LIMIT, parseLimits } from '../../src/agent/limits.js'
import { InputError } from '../../src/common/errors.js'
import { HOST_ALIAS, parseHostPort } from '../../src/policy/index.js'

const GIB = 1024 ** 3
const where = (k: string): string => `input ${k}`

describe('limits', () => {
  test('defaults: no timeout, 75% of memory, 4096 processes, no tty', () => {
    expect(parseLimits({}, where, 8 * GIB)).toEqual({
      timeoutMs: 0,
      memoryBytes: 6 * GIB,
      pidsLimit: DEFAULT_PIDS_LIMIT,
      tty: false
    })
  })

  test('values', () => {
    expect(
      parseLimits({ timeoutMinutes: '0.5', memory: '512m', pids: '100', tty: true }, where, 8 * GIB)
    ).toEqual({ timeoutMs: 30000, memoryBytes: 512 * 1024 ** 2, pidsLimit: 100, tty: true })
    expect(parseLimits({ memory: '2G' }, where, 8 * GIB).memoryBytes).toBe(2 * GIB)
  })

  test.each([
    [{ timeoutMinutes: '0' }, 'input agent-timeout: "0"'],
    [{ timeoutMinutes: '1h' }, 'input agent-timeout: "1h"'],
    [{ timeoutMinutes: '7201' }, 'input agent-timeout: "7201"'],
    [{ memory: '10m' }, 'input memory-limit: "10m"'],
    [{ memory: '64g' }, 'input memory-limit: "64g"'],
    [{ memory: '4 g' }, 'input memory-limit: "4 g"'],
    [{ pids: '-1' }, 'input pids-limit: "-1"'],
    [{ pids: '5' }, 'input pids-limit: "5"']
  ])('%j is refused, naming the input and the value', (raw, message) => {
    expect(() => parseLimits(raw, where, 8 * GIB)).toThrow(InputError)
    expect(() => parseLimits(raw, where, 8 * GIB)).toThrow(message)
  })
})

describe('allow-host-ports entries', () => {
  test('a plain port', () => {
    expect(parseHostPort('3000', 'input allow-host-ports')).toEqual({
      port: 3000,
      sensitive: false
    })
  })

  test('a database port needs the confirming !', () => {
    expect(parseHostPort('5432', 'w')).toMatchObject({
      message: expect.stringContaining('write it as 5432! to confirm')
    })
    expect(parseHostPort('5432!', 'w')).toEqual({ port: 5432, sensitive: true })
  })

  test.each(['2375', '2375!', '2376!'])('the Docker API port %s is never opened', (raw) => {
    expect(parseHostPort(raw, 'w')).toMatchObject({
      message: expect.stringContaining('the whole runner')
    })
  })

  test.each(['0', '65536', '80/udp', 'localhost:3000', ' 3000', '3000!!'])(
    '%j is not a port',
    (raw) => {
      expect(parseHostPort(raw, 'w')).toMatchObject({
        message: expect.stringContaining('is not a port')
      })
    }
  )

  test('the runner is named host.docker.internal', () => {
    expect(HOST_ALIAS).toBe('host.docker.internal')
  })
})

test('agent-timeout allows a self-hosted job’s length (5 days)', () => {
  expect(
    parseLimits({ timeoutMinutes: '7200' }, (k) => `input ${k}`, 8 * 1024 ** 3).timeoutMs
  ).toBe(7200 * 60000)
})

test.each([
  [
    1,
    137,
    /^the command was killed \(exit code 137\): it most likely reached memory-limit \(512m\).*Raise memory-limit/
  ],
  [2, 3, /^the command exited with code 3$/]
])('%i: exit code %i is explained', (_n, code, why) => {
  const limits = { timeoutMs: 0, memoryBytes: 512 * 1024 * 1024, pidsLimit: 4096, tty: false }
  expect(exitExplanation(code, limits)).toMatch(why)
})
