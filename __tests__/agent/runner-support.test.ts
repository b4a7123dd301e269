import { runnerRefusal } from '../../src/agent/runner-support.js'

const linux = { platform: 'linux', inJobContainer: false, dockerOnPath: true, iptablesFound: true }

describe('where the firewall runs', () => {
  test.each([
    [
      1,
      { platform: 'win32' },
      /^awf-action runs on Linux only, and this runner is Windows.*ubuntu-latest or ubuntu-24\.04-arm/
    ],
    [
      2,
      { platform: 'darwin' },
      /this runner is macOS \(GitHub's macOS runners have no Docker engine\)/
    ],
    [3, { platform: 'freebsd' }, /platform is "freebsd"/],
    [
      4,
      { inJobContainer: true },
      /inside the job container \(the job sets `container:`\).*give the image as agent-image instead/
    ],
    [5, { dockerOnPath: false }, /^no docker command is on PATH.*install Docker/]
  ])('%i: %j is refused with what to do', (_n, facts, why) => {
    expect(runnerRefusal({ ...linux, ...facts }, true)).toMatch(why)
  })

  test('a Linux runner with Docker is accepted', () => {
    expect(runnerRefusal(linux, true)).toBeUndefined()
  })

  test('without iptables, host rules are refused with host-firewall: off as the way out', () => {
    const facts = { ...linux, iptablesFound: false }
    expect(runnerRefusal(facts, true)).toMatch(/need iptables.*set host-firewall: off/)
    expect(runnerRefusal(facts, false)).toBeUndefined()
  })
})
