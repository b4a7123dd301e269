/** The command line's help: an overview, and one text per command (`awf-action run --help`). */
import { ExitCode } from '../common/exit-codes.js'

const POLICY_FLAGS = `Policy flags (the action's inputs, same names and syntax; repeat a list flag or separate
values with commas, spaces or newlines; lists are added to the policy file's):
  --policy FILE           YAML or JSON policy file (docs/policy-reference.md)
  --allow-domains LIST    domains the command may reach (example.com, *.example.com,
                          https://api.example.com, example.com:8443, @npm)
  --block-domains LIST    domains refused even when an allowed entry covers them
  --allow-networks LIST   private CIDRs the proxy may reach (10.1.0.0/16)
  --dns-servers LIST      upstream resolvers (IP addresses); default: the machine's own
  --allow-host-ports LIST ports of this machine the command may reach as
                          host.docker.internal (3000; 5432! to confirm a database port)
  --allow-urls RULE       a URL rule ([METHODS] URL-PATTERN, repeatable, one rule a flag):
                          GET,HEAD https://github.com/my-org/*; only matching requests
                          reach a host named in a rule
  --expected-blocks LIST  blocks that do not fail the run under --fail-on-blocked
  --upstream-proxy URL    leave through a corporate proxy (http://HOST:PORT)
  --upstream-proxy-auth VAR  the variable holding its login (user:password)
  --tls-without-sni LIST  allowed hosts whose TLS clients may omit the server name
  --credentials 'HOST HEADER=TEMPLATE'  a header the proxy sets on every request to HOST
                          (repeatable), e.g. 'api.example.com x-api-key=\${API_KEY}': the
                          command gets a placeholder in API_KEY, never the key
  --ca-certificates FILE  PEM CAs the proxy trusts for intercepted hosts' servers
  --mode MODE             enforce (default) or audit: HTTP(S) to any public domain is
                          allowed and recorded, and a policy is suggested at the end`

const RUN_FLAGS = `Run flags:
  --env NAME[=VALUE]      pass a variable to the command (repeatable); NAME alone passes
                          its value here; NAME! also masks the value
  --agent-timeout MIN     kill the sandbox after MIN minutes (exit status ${ExitCode.timeout})
  --memory-limit SIZE     memory limit of the command (512m, 4g; default 75% of RAM)
  --pids-limit N          process limit of the command (default 4096)
  --host-firewall on|off  off: no host iptables rules, so no root needed (see
                          docs/threat-model.md for what that gives up)
  --docker-daemon auto|remote  remote: run topology-only (no host rules; image mode),
                          for a Docker-in-Docker sidecar reached through a unix socket
  --agent-image REF       run the command in this image instead of with this machine's
                          own tools (mounted read-only)
  --home-config LIST      files under HOME the command's tools need, shown read-only in
                          its fresh HOME (~/.claude/settings.json; repeatable)
  --protect-git true|false  false: the command may change .git/config, hooks and
                          info (read-only by default); the check after it still runs
  --git-integrity fail|warn fail (default): exit ${ExitCode.git} when the command left git
                          metadata a later git command would run; warn: only report it
  --report-detail DETAIL  domains (default): names that look random, or many under one
                          domain, are counted, not printed; full: every name
  --address-pool CIDR     IPv4 network the run's two /24 networks come from
                          (default 172.28.0.0/14; a prefix from /8 to /23)
  --base-image REF        base image for building the proxy and agent images
  --proxy-image REF       use this prebuilt proxy image
  --image-registry PATH   pull the released images (same digests) from this mirror,
                          host[:port]/path
  --tty                   give the command a terminal
  --fail-on-blocked       exit ${ExitCode.blocked} when anything outside --expected-blocks was blocked
                          (and the command itself succeeded)`

const EXIT = `Exit status: the command's own; ${ExitCode.timeout} when it hit --agent-timeout; ${ExitCode.usage} for invalid input;
${ExitCode.blocked} for --fail-on-blocked; ${ExitCode.git} for --git-integrity fail; ${ExitCode.sandbox} when the sandbox
cannot start, or the firewall failed under the running command.`

export const USAGE = `Usage:
  awf-action run [flags] -- COMMAND...    run COMMAND inside the firewall
  awf-action check [flags] [--json]       validate and print the effective policy; writes nothing
  awf-action render [flags] --out DIR     write every rendered config file to DIR
  awf-action presets                      list the domain presets (@npm, @github, ...)
  awf-action version                      this version and its images
  awf-action help COMMAND                 the flags of one command (or COMMAND --help)

${EXIT}`

export const COMMAND_HELP: Readonly<Record<string, string>> = {
  run: `Usage: awf-action run [flags] -- COMMAND...

Runs COMMAND inside the firewall (root and Docker needed) and prints what it reached and
what was blocked on stderr.

${POLICY_FLAGS}

${RUN_FLAGS}
  --user UID:GID          run the command as this user (default: yours)
  --logs-dir DIR          keep configs and logs here (default: a new folder in $TMPDIR)
  --json                  print the report as one JSON line on stdout, after the
                          command's own output

${EXIT}`,
  check: `Usage: awf-action check [flags] [--json]

Validates the policy and the run settings as \`run\` would, and prints the effective policy:
presets expanded, which entries came from the policy file and which from flags. Writes
nothing and needs neither root nor Docker. Exit status ${ExitCode.usage} when anything is refused.

${POLICY_FLAGS}

${RUN_FLAGS}
  --json                  print it as JSON`,
  render: `Usage: awf-action render [flags] --out DIR

Writes every config file a run would use (squid.conf, dnsmasq.conf, the seccomp profile, the
host and container rule sets) to DIR, for a fixed example topology. Writes nothing when a
value is refused.

${POLICY_FLAGS}
  --out DIR               the folder to write to (created if missing)`,
  presets: `Usage: awf-action presets

Lists the domain presets (@npm, @github, ...) and what each allows.`,
  version: `Usage: awf-action version

Prints this version, and the proxy and agent images it uses: their tags (a hash of their
build context) and, where Docker has them, their image ids.`,
  help: USAGE
}
