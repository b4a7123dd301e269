/**
 * Typed wrapper over iptables-restore/iptables-save (and ip6tables), on the host or inside a
 * container's network namespace through nsenter. Needs root: when not root, commands go
 * through `sudo -n` (GitHub-hosted runners allow it) and fail with an actionable message.
 */
import { lastLine, type CommandRunner } from './exec.js'

export type Family = 4 | 6

export class NetfilterError extends Error {}

export class Netfilter {
  constructor(
    private readonly run: CommandRunner,
    /** Host PID of a process whose network namespace the commands enter; host when absent. */
    private readonly netnsPid?: number,
    private readonly asRoot = process.getuid?.() === 0
  ) {}

  /** The same tools inside the network namespace of `pid`. */
  inNetns(pid: number): Netfilter {
    return new Netfilter(this.run, pid, this.asRoot)
  }

  private argv(tool: string, args: readonly string[]): [string, string[]] {
    const inner =
      this.netnsPid === undefined
        ? [tool, ...args]
        : ['nsenter', '-t', String(this.netnsPid), '-n', tool, ...args]
    return this.asRoot ? [inner[0] ?? tool, inner.slice(1)] : ['sudo', ['-n', ...inner]]
  }

  private async exec(tool: string, args: readonly string[], input?: string): Promise<string> {
    const [command, argv] = this.argv(tool, args)
    const result = await this.run(command, argv, { input, timeoutMs: 30000 }).catch(
      (e: unknown) => ({
        exitCode: 127,
        stdout: '',
        stderr: e instanceof Error ? e.message : String(e)
      })
    )
    if (result.exitCode !== 0) {
      const why = lastLine(result.stderr) || `exit code ${result.exitCode}`
      throw new NetfilterError(
        `${[tool, ...args].join(' ')} failed: ${why}. Host firewall rules need root (or passwordless ` +
          'sudo) and iptables on the runner; where neither is available, host-firewall: off ' +
          'enforces the policy without them (see docs/threat-model.md).'
      )
    }
    return result.stdout
  }

  /** Applies a ruleset batch atomically, leaving every other rule in place. */
  async restore(family: Family, text: string): Promise<void> {
    await this.exec(family === 4 ? 'iptables-restore' : 'ip6tables-restore', ['--noflush'], text)
  }

  async save(family: Family): Promise<string> {
    return this.exec(family === 4 ? 'iptables-save' : 'ip6tables-save', [])
  }

  /** The same with each rule's counters (`[packets:bytes] -A ...`): what the drops counted. */
  async saveWithCounters(family: Family): Promise<string> {
    return this.exec(family === 4 ? 'iptables-save' : 'ip6tables-save', ['-c'])
  }

  /** Sets a kernel setting (see namespace-logging.ts for the one a run changes). */
  async setSysctl(name: string, value: string): Promise<void> {
    if (!/^[a-z0-9_.]+$/.test(name) || !/^[0-9]+$/.test(value))
      throw new NetfilterError(
        `refusing to set ${JSON.stringify(name)} to ${JSON.stringify(value)}`
      )
    await this.exec('sysctl', ['-q', '-w', `${name}=${value}`])
  }

  /** The kernel log, where LOG rules write (root, or sudo where dmesg is restricted). */
  async kernelLog(): Promise<string> {
    return this.exec('dmesg', [])
  }

  /** Writes one line into the kernel log, stamped with the kernel log's own clock. */
  async markKernelLog(line: string): Promise<void> {
    await this.exec('tee', ['/dev/kmsg'], `${line}\n`)
  }

  /** Replaces the default route of the namespace (used to steer the agent at the proxy). */
  async setDefaultRoute(via: string): Promise<void> {
    await this.exec('ip', ['route', 'replace', 'default', 'via', via])
  }
}
