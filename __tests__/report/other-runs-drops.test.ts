/**
 * Runs side by side on one machine share one kernel log: each run's report takes only the
 * lines its own rules wrote (their prefix carries the run id, which the run's lease makes
 * unique on the machine), whichever run's namespace or bridge they came from.
 */
import { parseKernelLog, type EventScope } from '../../src/report/events.js'

const scope = (runId: string, agentIp: string): EventScope => ({
  runId,
  agentIp,
  bootTimeMs: 0,
  internalNames: [],
  commandStartMs: 0,
  internalEndpoints: []
})

const KERNEL_LOG = [
  '[  100.100000] awf-aaaaaaaa-agent-drop: IN= OUT=eth0 SRC=172.28.4.3 DST=198.18.0.99 PROTO=TCP SPT=40000 DPT=22',
  '[  100.200000] awf-bbbbbbbb-agent-drop: IN= OUT=eth0 SRC=172.28.4.3 DST=198.18.0.99 PROTO=TCP SPT=40001 DPT=23',
  '[  100.300000] awf-bbbbbbbb-host-drop: IN=awfi-bbbbbbbb OUT=eth0 SRC=172.29.9.3 DST=198.18.0.98 PROTO=UDP SPT=5 DPT=9',
  '[  100.400000] awf-aaaaaaaa-runner-drop: IN=awfi-aaaaaaaa OUT= SRC=172.28.4.3 DST=172.28.4.1 PROTO=TCP SPT=40002 DPT=8080'
].join('\n')

test('one run’s drops never appear in another run’s report, even at the same agent address', () => {
  const a = parseKernelLog(KERNEL_LOG, scope('aaaaaaaa', '172.28.4.3'))
  const b = parseKernelLog(KERNEL_LOG, scope('bbbbbbbb', '172.28.4.3'))
  expect(a.map((e) => `${e.layer} ${e.target}:${e.port}`)).toEqual([
    'agent 198.18.0.99:22',
    'runner 172.28.4.1:8080'
  ])
  expect(b.map((e) => `${e.layer} ${e.target}:${e.port}`)).toEqual([
    'agent 198.18.0.99:23',
    'host 198.18.0.98:9'
  ])
})
