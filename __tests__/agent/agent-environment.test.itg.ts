/**
 * The command's environment inside the firewall, end to end with real Docker and the lab:
 * the runner's tools, the user it runs as, what it can see and write, its variables, every
 * client family's proxy settings, localhost, host ports, limits and the timeout.
 */
import { execFileSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  chownSync,
  copyFileSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { startCli } from '../helpers/cli.js'
import {
  ensureLab,
  LAB_CA,
  LAB_RESOLVER,
  labLog,
  leftovers,
  newNonce,
  serveOnRunner,
  startResponderContainer,
  type Result
} from '../helpers/lab.js'
import { node24Binary, NODE24_VERSION } from '../helpers/node24.js'
import { describeWith } from '../helpers/require-tool.js'

const POLICY = ['--allow-domains', 'allowed.test', '--dns-servers', LAB_RESOLVER]
const UID = 4242

/** Every `key=value` line the script printed. */
function results(r: Result): Record<string, string> {
  return Object.fromEntries(
    [...r.stdout.matchAll(/^(\w[\w.-]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!])
  )
}

function logsDirOf(r: Result): string {
  const m = /logs in (\S+)/.exec(r.stderr)
  if (!m?.[1]) throw new Error(`no logs directory in:\n${r.stderr}`)
  return m[1]
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]
  )
}

describeWith(
  { root: true, docker: true, tools: ['iptables-save', 'dmesg'] },
  'agent environment (integration)',
  () => {
    const nonce = newNonce()
    const secret = `s3cr3t-${nonce}-value`
    let fake: string
    let workspace: string
    let runnerRoot: string
    let home: string
    let githubEnv: string
    let node: string
    let env: Record<string, string>

    /** Runs the CLI as the runner's own Node would: from <runner>/externals, with its env. */
    const run = (args: readonly string[], script: string, extraEnv = {}): Promise<Result> =>
      startCli(['run', '--user', `${UID}:${UID}`, ...args, '--', 'bash', '-c', script], workspace, {
        ...env,
        ...extraEnv
      }).done

    beforeAll(() => {
      ensureLab()
      // A self-hosted runner laid out under /opt, which host mode shows read-only.
      fake = mkdtempSync('/opt/awf-itg-runner-')
      chmodSync(fake, 0o755)
      runnerRoot = join(fake, 'runner')
      workspace = join(runnerRoot, '_work', 'repo', 'repo')
      home = join(fake, 'home')
      const fileCommands = join(runnerRoot, '_work', '_temp', '_runner_file_commands')
      for (const d of [
        workspace,
        fileCommands,
        join(runnerRoot, '_diag'),
        join(runnerRoot, 'externals', 'node', 'bin'),
        join(home, '.ssh'),
        join(fake, 'toolcache', 'mytool', 'bin')
      ])
        mkdirSync(d, { recursive: true })
      for (const [file, text] of [
        ['.credentials', `CRED-${nonce}`],
        ['.runner', `RUNNER-${nonce}`],
        ['_diag/Runner_1.log', `DIAG-${nonce}`]
      ] as const)
        writeFileSync(join(runnerRoot, file), text)
      writeFileSync(join(home, '.ssh', 'id_ed25519'), `SSHKEY-${nonce}`)
      githubEnv = join(fileCommands, 'set_env_1')
      writeFileSync(githubEnv, '')
      chmodSync(fileCommands, 0o777)
      chmodSync(githubEnv, 0o666)
      // A tool an earlier step installed: a Node script in the tool cache.
      const tool = join(fake, 'toolcache', 'mytool', 'bin', 'mytool')
      writeFileSync(tool, '#!/usr/bin/env node\nconsole.log(`mytool ok on ${process.version}`)\n')
      chmodSync(tool, 0o755)
      // The runner's Node, so the runner's folder is found as an action would find it.
      node = join(runnerRoot, 'externals', 'node', 'bin', 'node')
      try {
        linkSync(process.execPath, node)
      } catch {
        copyFileSync(process.execPath, node)
        chmodSync(node, 0o755)
      }
      copyFileSync(LAB_CA, join(workspace, 'ca.crt'))
      chownSync(workspace, UID, UID)
      env = {
        HOME: home,
        RUNNER_TOOL_CACHE: join(fake, 'toolcache'),
        PATH: `${join(fake, 'toolcache', 'mytool', 'bin')}:${process.env.PATH ?? ''}`,
        GITHUB_ENV: githubEnv,
        GITHUB_TOKEN: `ghs_${nonce}`,
        ACTIONS_RUNTIME_TOKEN: `rt_${nonce}`,
        AWF_SECRET: secret
      }
    })

    afterAll(() => rmSync(fake, { recursive: true, force: true }))

    /** The CLI, started with the runner's Node binary. */
    const runAsRunner = (args: readonly string[], script: string): Promise<Result> =>
      startCli(
        ['run', '--user', `${UID}:${UID}`, ...args, '--', 'bash', '-c', script],
        workspace,
        env,
        { launcher: [node] }
      ).done

    describe('host mode', () => {
      let r: Result
      let out: Record<string, string>
      const forbidden = (): string[] => [
        join(runnerRoot, '.credentials'),
        join(runnerRoot, '.runner'),
        join(runnerRoot, '_diag', 'Runner_1.log'),
        githubEnv,
        join(home, '.ssh', 'id_ed25519'),
        '/var/run/docker.sock',
        '/run/docker.sock',
        '/run/containerd/containerd.sock'
      ]

      beforeAll(async () => {
        const checks = forbidden()
          .map(
            (p, i) =>
              `echo "read${i}=$(cat '${p}' 2>/dev/null | head -c 40)"; ` +
              `(echo x >> '${p}') 2>/dev/null; echo "write${i}=$?"`
          )
          .join('\n')
        const script = `
          echo "uid=$(id -u):$(id -g)"
          echo "tool=$(mytool)"
          echo "home=$HOME"
          touch created-by-agent
          i=0; for d in /usr /etc /opt / /var "${runnerRoot}"; do touch "$d/awf-write-probe" 2>/dev/null; echo "dir$i=$?"; i=$((i+1)); done
          touch "$HOME/.config-probe"; echo "homewrite=$?"
          touch /tmp/probe; echo "tmpwrite=$?"
          ${checks}
          echo "names=$(env | cut -d= -f1 | sort | tr '\\n' ' ')"
          echo "secret=$(printf %s "$AWF_SECRET" | sha256sum | cut -c1-16)"
          echo "literal=$LITERAL"
          echo "memory=$(cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes)"
          echo "pids=$(cat /sys/fs/cgroup/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids/pids.max)"
          python3 -m http.server 8123 --bind 127.0.0.1 >/dev/null 2>&1 &
          for i in $(seq 50); do curl -s -o /dev/null http://127.0.0.1:8123/ && break; sleep 0.1; done
          echo "localhost=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8123/)"
          gw=$(hostname -I | awk '{print $1}' | sed 's/\\.[0-9]*$/.1/')
          curl -sf -o /dev/null --max-time 5 --noproxy '*' "http://$gw:18181/"; echo "runnerport=$?"
          curl -sf -o /dev/null --max-time 5 "http://$gw:18181/"; echo "runnerport_proxied=$?"
        `
        r = await runAsRunner(
          [
            ...POLICY,
            '--env',
            'AWF_SECRET',
            '--env',
            'LITERAL=plain value',
            '--memory-limit',
            '512m',
            '--pids-limit',
            '300'
          ],
          script
        )
        out = results(r)
      })

      test('the run succeeds', () => {
        expect(r.stderr).toContain('exited with 0')
        expect(r.code).toBe(0)
      })

      test('a Node tool installed on the runner before the run works inside', () => {
        expect(out.tool).toBe(`mytool ok on ${process.version}`)
      })

      test("the command runs as the runner's uid, and its files belong to the runner user", () => {
        expect(out.uid).toBe(`${UID}:${UID}`)
        expect(statSync(join(workspace, 'created-by-agent')).uid).toBe(UID)
      })

      test('only the workspace, a fresh HOME and /tmp are writable', () => {
        expect(out.home).toBe(home)
        expect(out.homewrite).toBe('0')
        expect(out.tmpwrite).toBe('0')
        ;['/usr', '/etc', '/opt', '/', '/var', runnerRoot].forEach((d, i) =>
          expect([d, out[`dir${i}`]]).toEqual([d, '1'])
        )
      })

      test('runner credentials, the ssh key, GITHUB_ENV and runtime sockets are invisible and unwritable', () => {
        forbidden().forEach((p, i) => {
          expect([p, out[`read${i}`]]).toEqual([p, ''])
          expect([p, out[`write${i}`]]).toEqual([p, '1'])
        })
        expect(readFileSync(githubEnv, 'utf8')).toBe('')
        expect(readFileSync(join(runnerRoot, '.credentials'), 'utf8')).toBe(`CRED-${nonce}`)
      })

      test('only the named variables, the safe set and the proxy settings are visible', () => {
        const names = out.names!.trim().split(' ')
        expect(names).toEqual(expect.arrayContaining(['AWF_SECRET', 'LITERAL', 'PATH', 'HOME']))
        for (const hidden of ['GITHUB_TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'GITHUB_ENV'])
          expect(names).not.toContain(hidden)
        const allowed = new Set([
          'AWF_SECRET',
          'LITERAL',
          'PATH',
          'HOME',
          'TMPDIR',
          'PWD',
          'SHLVL',
          '_',
          'HOSTNAME',
          'LANG',
          'CI',
          'RUNNER_TOOL_CACHE',
          'HTTP_PROXY',
          'HTTPS_PROXY',
          'ALL_PROXY',
          'NO_PROXY',
          'http_proxy',
          'https_proxy',
          'all_proxy',
          'no_proxy',
          'NODE_USE_ENV_PROXY',
          'npm_config_proxy',
          'npm_config_https_proxy',
          'JAVA_TOOL_OPTIONS'
        ])
        expect(names.filter((n) => !allowed.has(n) && !n.startsWith('GITHUB_'))).toEqual([])
        expect(out.literal).toBe('plain value')
        expect(out.secret).toBe(createHash('sha256').update(secret).digest('hex').slice(0, 16))
      })

      test('the secret appears in no log, rendered file or report', () => {
        expect(r.stdout + r.stderr).not.toContain(secret)
        for (const file of filesUnder(logsDirOf(r)))
          expect([file, readFileSync(file, 'utf8').includes(secret)]).toEqual([file, false])
      })

      test('memory and process limits apply', () => {
        expect(out.memory).toBe(String(512 * 1024 * 1024))
        expect(out.pids).toBe('300')
      })

      test('a server the command starts on localhost is reachable', () => {
        expect(out.localhost).toBe('200')
      })

      test('nothing on the runner is reachable without allow-host-ports', () => {
        expect(out.runnerport).not.toBe('0')
        expect(out.runnerport_proxied).not.toBe('0')
      })
    })

    describe('proxy settings of every client family', () => {
      let r: Result
      let out: Record<string, string>
      let lab: string
      const n = nonce

      beforeAll(async () => {
        mkdirSync(join(workspace, 'java'), { recursive: true })
        writeFileSync(
          join(workspace, 'java', 'Get.java'),
          `public class Get { public static void main(String[] a) throws Exception {
  var c = (java.net.HttpURLConnection) new java.net.URL(a[0]).openConnection();
  System.out.println(c.getResponseCode()); } }\n`
        )
        chownSync(join(workspace, 'java'), UID, UID)
        // Node 24 as actions/setup-node leaves it: in the tool cache, which host mode shows.
        const node24 = join(fake, 'toolcache', 'node', NODE24_VERSION, 'x64', 'bin', 'node')
        mkdirSync(join(node24, '..'), { recursive: true })
        copyFileSync(node24Binary(), node24)
        chmodSync(node24, 0o755)
        const script = `
          CA="$PWD/ca.crt"
          export NODE_EXTRA_CA_CERTS="$CA" GIT_SSL_CAINFO="$CA" npm_config_cafile="$CA"
          probe() { local id=$1; shift; "$@" >/tmp/$id.out 2>&1; echo "$id=$?"; tr '\\n' ' ' </tmp/$id.out | head -c 300 | sed "s/^/$id.out=/"; echo; }
          probe curl_ok curl -sS --max-time 10 --cacert "$CA" https://allowed.test/${n}-curl
          probe curl_no curl -sS --max-time 10 --cacert "$CA" https://blocked.test/${n}-xcurl
          probe wget_ok wget -q -O- --ca-certificate="$CA" https://allowed.test/${n}-wget
          probe wget_no wget -q -O- --ca-certificate="$CA" https://blocked.test/${n}-xwget
          probe git_ok git ls-remote https://allowed.test/${n}-git
          probe git_no git ls-remote https://blocked.test/${n}-xgit
          probe py_ok python3 -c "import ssl,urllib.request as u; print(u.urlopen('https://allowed.test/${n}-py', context=ssl.create_default_context(cafile='$CA')).read())"
          probe py_no python3 -c "import ssl,urllib.request as u; print(u.urlopen('https://blocked.test/${n}-xpy', context=ssl.create_default_context(cafile='$CA')).read())"
          probe pip_ok python3 -m pip download --no-deps --retries 0 --timeout 10 --cert "$CA" --index-url https://allowed.test/${n}-pip/simple -d /tmp/pip awf-probe
          probe pip_no python3 -m pip download --no-deps --retries 0 --timeout 10 --cert "$CA" --index-url https://blocked.test/${n}-xpip/simple -d /tmp/pip awf-probe
          probe npm_ok npm ping --registry https://allowed.test/${n}-npm/
          probe npm_no npm ping --registry https://blocked.test/${n}-xnpm/
          probe fetch_ok node -e "fetch('https://allowed.test/${n}-fetch').then(r => r.text()).then(console.log)"
          probe fetch_no node -e "fetch('https://blocked.test/${n}-xfetch').then(r => r.text()).then(console.log)"
          probe https_ok node -e "require('https').get('https://allowed.test/${n}-https', r => r.pipe(process.stdout)).on('error', e => { console.error(e.message); process.exit(1) })"
          probe node24_version ${node24} --version
          probe n24fetch_ok ${node24} -e "fetch('https://allowed.test/${n}-n24fetch').then(r => r.text()).then(console.log)"
          probe n24fetch_no ${node24} -e "fetch('https://blocked.test/${n}-xn24fetch').then(r => r.text()).then(console.log)"
          probe n24https_ok ${node24} -e "require('https').get('https://allowed.test/${n}-n24https', r => r.pipe(process.stdout)).on('error', e => { console.error(e.message); process.exit(1) })"
          probe java_ok java java/Get.java http://allowed.test/${n}-java
          probe java_no java java/Get.java http://blocked.test/${n}-xjava
        `
        r = await runAsRunner(POLICY, script)
        out = results(r)
        lab = labLog()
      })

      const reached = (path: string): boolean => lab.includes(`/${n}-${path}`)

      test.each([
        ['curl', 'curl'],
        ['wget', 'wget'],
        ['python urllib', 'py']
      ])('%s reaches allowed.test and is refused blocked.test', (_name, id) => {
        expect([id, out[`${id}_ok`], out[`${id}_ok.out`]]).toEqual([
          id,
          '0',
          expect.stringContaining('LAB-ALLOWED')
        ])
        expect(out[`${id}_no`]).not.toBe('0')
        expect(reached(`x${id}`)).toBe(false)
      })

      test('git (https) goes through the proxy: allowed.test is asked, blocked.test is refused', () => {
        expect(reached('git')).toBe(true)
        expect(out.git_no).not.toBe('0')
        expect(out['git_no.out']).toMatch(/403/)
        expect(reached('xgit')).toBe(false)
      })

      test.each([
        ['pip', 'pip'],
        ['npm', 'npm']
      ])('%s asks allowed.test through the proxy and is refused blocked.test', (_name, id) => {
        expect([id, reached(id), out[`${id}_ok.out`]]).toEqual([id, true, expect.anything()])
        expect(out[`${id}_no`]).not.toBe('0')
        expect(reached(`x${id}`)).toBe(false)
      })

      test('Node 24 from the tool cache: fetch and https.get go through the proxy (NODE_USE_ENV_PROXY), blocked.test is refused', () => {
        expect(out['node24_version.out']).toContain(`v${NODE24_VERSION}`)
        expect(out['n24fetch_ok.out']).toContain('LAB-ALLOWED')
        expect(out['n24https_ok.out']).toContain('LAB-ALLOWED')
        expect(out.n24fetch_no).not.toBe('0')
        expect(reached('xn24fetch')).toBe(false)
      })

      test('the JVM follows JAVA_TOOL_OPTIONS: 200 from allowed.test, 403 from the proxy for blocked.test', () => {
        expect(out['java_ok.out']).toContain('200')
        expect(out['java_no.out']).toContain('403')
        expect(reached('xjava')).toBe(false)
      })

      test("Node's fetch and https.get: through the proxy where Node honours NODE_USE_ENV_PROXY, else they fail closed", () => {
        const [major, minor] = process.versions.node.split('.').map(Number) as [number, number]
        const honours = major >= 24 || (major === 22 && minor >= 21)
        if (honours) {
          expect(out['fetch_ok.out']).toContain('LAB-ALLOWED')
          expect(out['https_ok.out']).toContain('LAB-ALLOWED')
        } else {
          // Node 20 ignores every proxy setting: the direct connection never reaches the lab.
          expect(out.fetch_ok).not.toBe('0')
          expect(out.https_ok).not.toBe('0')
          expect(reached('fetch')).toBe(false)
          expect(reached('https')).toBe(false)
        }
        expect(out.fetch_no).not.toBe('0')
        expect(reached('xfetch')).toBe(false)
      })
    })

    describe('host ports', () => {
      let r: Result
      let out: Record<string, string>
      const open = 18181
      const closed = 18182
      const published = 18183
      const servers: ChildProcess[] = []
      let service = ''

      beforeAll(async () => {
        servers.push(serveOnRunner(open, 'RUNNER-OPEN'), serveOnRunner(closed, 'RUNNER-CLOSED'))
        service = `awf-itg-service-${nonce}`
        // A `services:` container published on the runner, as GitHub starts them.
        const image = execFileSync(
          'docker',
          ['images', '--format', '{{.Repository}}:{{.Tag}}', 'awf-agent'],
          {
            encoding: 'utf8'
          }
        ).split('\n')[0]!
        startResponderContainer({ name: service, image, body: 'SERVICE', publish: published })
        const script = `
          for i in $(seq 50); do curl -s -o /dev/null http://host.docker.internal:${open}/ && break; sleep 0.1; done
          echo "open=$(curl -s --max-time 5 http://host.docker.internal:${open}/)"
          for i in $(seq 50); do curl -s -o /dev/null http://host.docker.internal:${published}/ && break; sleep 0.1; done
          echo "published=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 http://host.docker.internal:${published}/)"
          curl -s --max-time 5 http://host.docker.internal:${closed}/; echo "closed=$?"
        `
        r = await runAsRunner([...POLICY, '--allow-host-ports', `${open},${published}`], script)
        out = results(r)
      })

      afterAll(() => {
        for (const s of servers) s.kill()
        execFileSync('docker', ['rm', '-f', service], { stdio: 'ignore' })
      })

      test('an opted-in runner port is reachable as host.docker.internal', () => {
        expect(out.open).toBe('RUNNER-OPEN')
      })

      test('an opted-in port published by a services: container is reachable', () => {
        expect(out.published).toBe('200')
      })

      test('a runner port not listed stays closed', () => {
        expect(out.closed).not.toBe('0')
      })

      test('a database port needs the confirming !, before anything starts', async () => {
        const refused = await run(['--allow-host-ports', '5432'], 'true')
        expect(refused.code).toBe(2)
        expect(refused.stderr).toContain('write it as 5432! to confirm')
      })
    })

    describe('limits and image mode', () => {
      test('agent-timeout kills the sandbox, says so and exits 124, leaving nothing behind', async () => {
        const started = Date.now()
        const r = await run([...POLICY, '--agent-timeout', '0.05'], 'sleep 120')
        expect(r.code).toBe(124)
        expect(Date.now() - started).toBeLessThan(60000)
        expect(r.stderr).toContain('killed after 0.05 min (agent-timeout): exit code 124')
        expect(leftovers()).toEqual([])
      })

      test('image mode runs in the given image, with the handshake, a tty on request and the same user', async () => {
        const image = execFileSync(
          'docker',
          ['images', '--format', '{{.Repository}}:{{.Tag}}', 'awf-agent'],
          {
            encoding: 'utf8'
          }
        ).split('\n')[0]!
        const r = await run(
          [...POLICY, '--agent-image', image, '--tty'],
          'echo "node=$(command -v node || echo none)"; test -t 1; echo "tty=$?"; echo "uid=$UID"'
        )
        const out = results(r)
        expect(r.code).toBe(0)
        expect(out.node?.trim()).toBe('none')
        expect(out.tty?.trim()).toBe('0')
        expect(out.uid?.trim()).toBe(String(UID))
      })
    })
  }
)
