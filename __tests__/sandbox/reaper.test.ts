/**
 * The reaper's job as it arrives on its command line: it removes only what belongs to the run
 * the job names (names, work folder and lease carry the run id), and nothing when in doubt.
 */
import { parseJob } from '../../src/sandbox/reaper.js'

const resources = {
  runId: '0a1b2c3d',
  containers: [],
  networks: ['awf-0a1b2c3d-int', 'awf-0a1b2c3d-egr'],
  hostRules: true,
  workDir: '/tmp/awf-0a1b2c3d-Ab12Cd',
  lease: '/run/awf/leases/0a1b2c3d.lease'
}
const job = (r: object = {}, logFile: unknown = '/tmp/awf-logs-0a1b2c3d/teardown.log'): string =>
  JSON.stringify({ resources: { ...resources, ...r }, logFile })

describe('parseJob', () => {
  it('takes a job naming the run’s own resources', () => {
    expect(parseJob(job())).toEqual({
      resources,
      logFile: '/tmp/awf-logs-0a1b2c3d/teardown.log'
    })
  })

  it.each<[string, string]>([
    ['text that is not JSON', '{'],
    ['a run id that is not one', job({ runId: '../x' })],
    ['a network of another run', job({ networks: ['awf-ffffffff-int'] })],
    ['a container that is not ours', job({ containers: ['postgres'] })],
    ['names that are not strings', job({ networks: [7] })],
    ['another run’s work folder', job({ workDir: '/tmp/awf-ffffffff-Ab12Cd' })],
    ['another run’s lease', job({ lease: '/run/awf/leases/ffffffff.lease' })],
    ['no log file', job({}, 5)]
  ])('refuses %s', (_what, text) => {
    expect(parseJob(text)).toBeUndefined()
  })
})
