import { readFileSync, openSync, constants, chmodSync, writeSync, closeSync, accessSync, existsSync, realpathSync, readdirSync, lstatSync, rmSync, appendFileSync, readlinkSync } from 'node:fs';
import { join, delimiter, dirname, basename } from 'node:path';
import 'node:crypto';
import net from 'node:net';
import { StringDecoder } from 'string_decoder';
import * as os from 'os';
import * as events from 'events';
import * as child from 'child_process';
import * as path from 'path';
import 'assert';
import * as fs from 'fs';
import { setTimeout as setTimeout$1 } from 'timers';
import { spawn } from 'node:child_process';
import { constants as constants$1 } from 'node:os';
import { fileURLToPath } from 'node:url';
import dgram from 'node:dgram';

/**
 * Everything one run creates is named after its run id, so teardown and the sweep of crashed
 * runs find it by name or label. The names live here and nowhere else.
 */
const RUN_ID = /^[0-9a-f]{8}$/;
function isRunId(text) {
    return RUN_ID.test(text);
}
/** LOG prefixes (at most 29 characters), which the report matches to attribute drops. */
function logPrefixes$1(runId) {
    return {
        hostPort: `awf-${runId}-host-port: `,
        host: `awf-${runId}-host-drop: `,
        runner: `awf-${runId}-runner-drop: `,
        ipv6: `awf-${runId}-ipv6-drop: `,
        agent: `awf-${runId}-agent-drop: `
    };
}

/**
 * The shared vocabulary of refusals. Every value a person typed that cannot be used becomes an
 * `InputError` listing each problem: where (input, flag or file key), the value, and what
 * would be accepted. Policy errors are one kind of it.
 */
/**
 * Characters that change how the text around them reads without being visible: C1 controls,
 * bidirectional overrides and isolates (which reorder what follows), zero-width characters,
 * the line and paragraph separators, soft hyphen and the byte-order mark. JSON.stringify
 * leaves every one of them raw.
 */
/** The message of anything thrown, whether or not it is an Error. */
function errorText(e) {
    return e instanceof Error ? e.message : String(e);
}

/**
 * Names, prefixes and value checks shared by every renderer. Values reaching a rendered file
 * are checked here once more, so a bug upstream cannot turn into config injection.
 */
/** Asked by the enforcement canary from inside the sandbox; refused, and never reported. */
const CANARY_NAME = 'canary.awf.invalid';
/**
 * The tunnel the canary opens (with a server name that does not match) and the proxy's own
 * start-up probe of its peeking port use. It is never spliced and never resolves.
 */
const TLS_CANARY_TUNNEL = 'tunnel.awf.invalid';
/** The canary's direct connection goes to this (closed) port of the proxy itself. */
const CANARY_PORT = 9;
/** LOG prefixes of the run, checked before they reach a rule. */
function logPrefixes(runId) {
    assertRunId(runId);
    return logPrefixes$1(runId);
}
class RenderAssertionError extends Error {
}
function assert(ok, what, value) {
    if (!ok)
        throw new RenderAssertionError(`refusing to render ${what} ${JSON.stringify(value)}`);
}
function assertRunId(v) {
    assert(/^[0-9a-f]{8}$/.test(v), 'run id', v);
}

/** Fixed ports inside the proxy container. */
const SQUID_PORT = 3128;
/** Squid's peeking (ssl-bump) port, on the proxy's loopback only: see src/render/squid-tls.ts. */
const SQUID_TLS_PORT = 3129;

/**
 * The enforcement canary: after the rules are in place and before the command starts, probes
 * run inside the agent's network namespace with the agent's user, capabilities and seccomp
 * profile (src/sandbox/container-specs.ts canarySpec), and
 * each refusal is confirmed in the refusing layer's own log. No probe sends a packet beyond the
 * sandbox: the DNS and proxy probes stop at the proxy, the direct one aims at the proxy itself.
 */
const read = (path) => {
    try {
        return readFileSync(path, 'utf8');
    }
    catch {
        return '';
    }
};
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Log lines land a moment after the probe returns; look again for a short, bounded while. */
async function eventually(check, timeoutMs = 3000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (await check())
            return true;
        await new Promise((r) => setTimeout(r, 25));
    }
    return check();
}
/** Returns the checks passed; throws listing the failures. */
async function runCanary(probe, netfilter, run) {
    const { proxyIp, runId } = run.topology;
    // The probes are independent: they run side by side, each printing one short line (a
    // single write, so lines never interleave), and the script waits for all of them.
    const script = [
        `getent hosts ${CANARY_NAME} >/dev/null; echo "dns=$?"`,
        `curl -s -o /dev/null -w "proxy=%{http_code}\\n" --max-time 5 http://${CANARY_NAME}/`,
        `(exec 3<>/dev/tcp/${proxyIp}/${CANARY_PORT}) 2>/dev/null; echo "direct=$?"`,
        // A tunnel whose TLS server name is not the CONNECT host's: refused at the ClientHello.
        `curl -s -o /dev/null --max-time 5 -x http://${proxyIp}:${SQUID_PORT} --connect-to ${CANARY_NAME}:443:${TLS_CANARY_TUNNEL}:443 https://${CANARY_NAME}/; echo "tls=$?"`,
        // SIOCSIFFLAGS on lo with the flags it already has (up, loopback, running): a change that
        // needs CAP_NET_ADMIN, as every firewall rule change does, and would change nothing.
        `python3 -c "import socket,fcntl,struct; fcntl.ioctl(socket.socket(), 0x8914, struct.pack('16sH14x', b'lo', 0x49))" 2>&1 | grep -q 'Errno 1'; echo "netadmin=$?"`
    ]
        .map((probe) => `{ ${probe}; } &`)
        .concat('wait')
        .join('\n');
    const r = await probe(script);
    const got = (key) => new RegExp(`^${key}=(\\S+)$`, 'm').exec(r.stdout)?.[1] ?? 'none';
    const agentDrop = new RegExp(`${escape(logPrefixes(runId).agent)}.* DST=${escape(proxyIp)} .*DPT=${CANARY_PORT} `);
    const checks = [
        [
            'canary: a DNS query for a name not allowed is refused by the forwarder',
            async () => got('dns') === '2' &&
                (await eventually(() => read(join(run.logsDir, 'dns.log')).includes(`config ${CANARY_NAME} is NXDOMAIN`)))
        ],
        [
            'canary: a proxied request for a name not allowed is refused by Squid, no connection made',
            async () => got('proxy') === '403' &&
                (await eventually(() => new RegExp(`TCP_DENIED/403 GET ${escape(CANARY_NAME)} 80 - `).test(read(join(run.logsDir, 'access.log')))))
        ],
        [
            'canary: a tunnel whose TLS server name does not match it is refused at the ClientHello',
            async () => got('tls') === '35' &&
                (await eventually(() => new RegExp(`CONNECT ${escape(TLS_CANARY_TUNNEL)} 443 .* ${escape(CANARY_NAME)} terminate ${SQUID_TLS_PORT}$`, 'm').test(read(join(run.logsDir, 'access.log')))))
        ],
        [
            'canary: changing the network configuration fails with EPERM (no NET_ADMIN)',
            () => Promise.resolve(got('netadmin') === '0')
        ],
        [
            'canary: a direct connection that ignores the proxy is dropped by the container rules',
            async () => got('direct') !== '0' &&
                (!run.confirmDrops ||
                    (await eventually(async () => agentDrop.test(await netfilter.kernelLog()))))
        ]
    ];
    const results = await Promise.all(checks.map(async ([name, ok]) => [name, await ok()]));
    const failed = results.filter(([, ok]) => !ok).map(([name]) => name);
    if (failed.length > 0)
        throw new Error(`the enforcement canary failed, so the command was not started:\n  ${failed.join('\n  ')}\n` +
            `canary output: ${JSON.stringify(r.stdout + r.stderr)}`);
    return results.map(([name]) => name);
}

/**
 * The agent's start handshake over two FIFOs in a read-only control folder: the agent's
 * entrypoint writes `ready` and blocks on `go`; the host arms the sandbox in between and then
 * writes `go` (or `abort`, and the command never runs). See containers/agent/README.
 */
class Handshake {
    dir;
    goFd;
    constructor(dir) {
        this.dir = dir;
        // Held open read-write from the start: the agent's open of `go` never blocks, and a
        // written line waits in the pipe until the agent reads it.
        this.goFd = openSync(join(dir, 'go'), constants.O_RDWR | constants.O_NONBLOCK);
        // Then read-only for everyone: nothing in the sandbox (root included, which holds no
        // capability there) can open `go` to write, so only this process can say go or abort.
        chmodSync(join(dir, 'go'), 0o444);
    }
    static async create(run, dir) {
        const result = await run('mkfifo', ['-m', '0666', join(dir, 'ready')]).then((r) => r.exitCode === 0 ? run('mkfifo', ['-m', '0600', join(dir, 'go')]) : r);
        if (result.exitCode !== 0)
            throw new Error(`cannot make the handshake FIFOs in ${dir}: ${result.stderr.trim()}`);
        return new Handshake(dir);
    }
    /** Resolves when the agent's entrypoint reports ready; rejects on timeout or `abandon`. */
    waitReady(timeoutMs, abandon) {
        const fd = openSync(join(this.dir, 'ready'), constants.O_RDWR | constants.O_NONBLOCK);
        const socket = new net.Socket({ fd, readable: true, writable: false });
        return new Promise((resolve, reject) => {
            let buffered = '';
            const finish = (error) => {
                clearTimeout(timer);
                socket.destroy();
                if (error)
                    reject(error);
                else
                    resolve();
            };
            const timer = setTimeout(() => finish(new Error(`the agent container did not start within ${timeoutMs / 1000} s`)), timeoutMs);
            socket.on('data', (chunk) => {
                buffered += chunk.toString('utf8');
                if (buffered.includes('ready\n'))
                    finish();
            });
            socket.on('error', (e) => finish(e));
            abandon.then(() => finish(new Error('the agent container exited before it was ready')), (e) => finish(e instanceof Error ? e : new Error(String(e))));
        });
    }
    go() {
        writeSync(this.goFd, 'go\n');
    }
    abort() {
        writeSync(this.goFd, 'abort\n');
    }
    close() {
        closeSync(this.goFd);
    }
}

/** What the proxy and agent containers are run with: pure functions over the run's facts. */
const ENTRYPOINT_MOUNT = '/awf/entrypoint';
/**
 * Docker's `--init` mounts its init at /sbin/docker-init, which fails where /sbin leads into
 * the runner's read-only /usr (host mode); so the same binary is mounted here instead.
 */
const INIT_MOUNT = '/awf/init';

const RUN_LABEL = 'awf.run';
/** `--mount` values are CSV: a path holding a comma or quote must be quoted, not split. */
function csvField(field) {
    return /[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
function mountArg(m) {
    const fields = ['type=bind', `source=${m.source}`, `target=${m.target}`];
    return [...fields.map(csvField), ...(m.readOnly ? ['readonly'] : [])].join(',');
}
function tmpfsArg(t) {
    const fields = ['type=tmpfs', `target=${t.target}`, `tmpfs-mode=${t.mode.toString(8)}`];
    return [...fields.map(csvField), ...(t.readOnly ? ['readonly'] : [])].join(',');
}
function labelArgs(labels) {
    return Object.entries(labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]);
}
function buildNetworkCreateArgs(spec) {
    return [
        'network',
        'create',
        '--driver',
        'bridge',
        '--subnet',
        spec.subnet,
        '--opt',
        `com.docker.network.bridge.name=${spec.bridgeName}`,
        ...(spec.internal ? ['--internal'] : []),
        ...labelArgs(spec.labels),
        spec.name
    ];
}
function networkArgs(a) {
    if ('shareNetworkOf' in a)
        return ['--network', `container:${a.shareNetworkOf}`];
    if ('noNetwork' in a)
        return ['--network', 'none'];
    return ['--network', a.network, '--ip', a.ip];
}
/**
 * `docker create`/`docker run` options shared by every container. Every container drops
 * every capability, cannot gain privileges and runs no health check; what a container needs
 * is added back by name.
 */
function containerOptions(spec) {
    const a = spec.attach;
    const args = [
        '--name',
        spec.name,
        ...networkArgs(a),
        '--cap-drop',
        'ALL',
        ...spec.capAdd.flatMap((c) => ['--cap-add', c]),
        '--security-opt',
        'no-new-privileges',
        // A health check defined by an image would run its code in the container before `go`
        // (and on a 5 s cadence after); none of a run's containers needs one.
        '--no-healthcheck',
        ...labelArgs(spec.labels),
        ...spec.mounts.flatMap((m) => ['--mount', mountArg(m)]),
        ...(spec.tmpfs ?? []).flatMap((t) => ['--mount', tmpfsArg(t)]),
        ...Object.entries(spec.extraHosts ?? {}).flatMap(([host, ip]) => [
            '--add-host',
            `${host}:${ip}`
        ]),
        ...Object.entries(spec.sysctls).flatMap(([k, v]) => ['--sysctl', `${k}=${v}`]),
        ...Object.entries(spec.env).flatMap(([k, v]) => ['--env', readByDocker(k) ? `${k}=${v}` : k])
    ];
    if (spec.seccompProfile)
        args.push('--security-opt', `seccomp=${spec.seccompProfile}`);
    if (spec.user)
        args.push('--user', spec.user);
    if (spec.workdir)
        args.push('--workdir', spec.workdir);
    if (spec.pidsLimit)
        args.push('--pids-limit', String(spec.pidsLimit));
    if (spec.memoryBytes)
        args.push('--memory', String(spec.memoryBytes));
    for (const [name, limit] of Object.entries(spec.ulimits ?? {}))
        args.push('--ulimit', `${name}=${limit}:${limit}`);
    for (const gid of spec.groupAdd ?? [])
        args.push('--group-add', String(gid));
    if (spec.sharePidOf)
        args.push('--pid', `container:${spec.sharePidOf}`);
    if (spec.init)
        args.push('--init');
    if (spec.readOnlyRoot)
        args.push('--read-only');
    if (spec.entrypoint)
        args.push('--entrypoint', spec.entrypoint);
    if (spec.tty)
        args.push('--tty');
    return args;
}
/**
 * Names the docker command itself (and the loader and Go runtime under it) reads from its
 * environment: where its engine is, its configuration and credentials, its proxy, its TLS
 * roots. The container's variables of these names (the proxy settings the firewall sets, HOME,
 * PATH) are given in argv, so the docker command on the runner never acts on the agent's
 * values; the user's own variables may not use the DOCKER_ prefix (src/agent/env.ts).
 */
function readByDocker(name) {
    return /^(DOCKER_.*|LD_.*|GO(DEBUG|TRACEBACK|MAXPROCS|GC|MEMLIMIT)|(HTTPS?|ALL|NO)_PROXY|(https?|all|no)_proxy|HOME|PATH|TMPDIR|SSL_CERT_(FILE|DIR)|XDG_.*)$/.test(name);
}
/**
 * The docker process's own environment gets the container's other variables (their values
 * never appear in argv): the user's secrets travel there, under names docker does not read.
 */
function containerEnv(spec) {
    return Object.fromEntries(Object.entries(spec.env).filter(([k]) => !readByDocker(k)));
}
function buildCreateArgs(spec) {
    return ['create', ...containerOptions(spec), spec.image, ...spec.command];
}
/** Foreground run: output streams to our stdio, the exit status is the container's. */
function buildRunArgs(spec) {
    return [
        'run',
        ...(spec.keepAfterExit ? [] : ['--rm']),
        ...containerOptions(spec),
        spec.image,
        ...spec.command
    ];
}
function buildBuildArgs(opts) {
    return [
        'build',
        '--quiet',
        '--tag',
        opts.tag,
        ...Object.entries(opts.buildArgs).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]),
        opts.context
    ];
}

var __awaiter$3 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs.promises;
// export const {open} = 'fs'
const IS_WINDOWS$1 = process.platform === 'win32';
fs.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter$3(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS$1) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter$3(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS$1) {
                // on Windows, test for valid extension
                const upperExt = path.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS$1) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = path.dirname(filePath);
                        const upperName = path.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = path.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS$1) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}

var __awaiter$2 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return __awaiter$2(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS$1) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return __awaiter$2(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS$1 && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(path.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(path.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(path.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(path.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}

var __awaiter$1 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/* eslint-disable @typescript-eslint/unbound-method */
const IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends events.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(os.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + os.EOL.length);
                n = s.indexOf(os.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return __awaiter$1(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = path.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => __awaiter$1(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = child.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends events.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = setTimeout$1(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}

var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return __awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return __awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}

/**
 * The exit statuses the tool gives besides the command's own, used by the CLI, the action's
 * messages and the summary alike.
 */
/** The status a command killed by a signal is reported with, as a shell does. */
function signalExitCode(signalNumber) {
    return 128 + signalNumber;
}

let current = {
    debug: () => undefined,
    info: (m) => process.stderr.write(`${m}\n`),
    warning: (m) => process.stderr.write(`warning: ${m}\n`)
};
function setLogger(logger) {
    current = logger;
}
const debug = (message) => current.debug(message);
const info = (message) => current.info(message);

/**
 * The one place that starts processes. Every wrapper (Docker, Netfilter, ...) takes an `Exec`
 * so tests and the composition root decide how commands run.
 */
/**
 * Runs a command to completion, capturing its output; never throws on a non-zero exit.
 * Through @actions/exec, except for a command fed on stdin (`input`): @actions/exec leaves an
 * EPIPE on the child's stdin unhandled, which kills this process when the command exits before
 * reading all of it (iptables-restore refusing a batch, say), so those are spawned here. A
 * timed command runs under timeout(1), as @actions/exec has no timeout: `--foreground` makes
 * timeout exit 137 itself after killing the command, rather than kill itself too.
 */
const runCommand = async (command, args, options = {}) => {
    debug(`exec: ${command} ${args.join(' ')}`);
    const [file, argv] = options.timeoutMs === undefined
        ? [command, [...args]]
        : [
            'timeout',
            [
                '--foreground',
                '--signal=KILL',
                `${Math.max(options.timeoutMs, 1) / 1000}`,
                command,
                ...args
            ]
        ];
    const env = { ...processEnv(), ...options.env };
    try {
        if (options.input !== undefined)
            return await spawnWithInput(file, argv, options.input, env);
        const r = await getExecOutput(onPath(file), argv, { silent: true, ignoreReturnCode: true, env });
        return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
    }
    catch (e) {
        throw new Error(`cannot run ${command}: ${e instanceof Error ? e.message : String(e)}`);
    }
};
function spawnWithInput(command, args, input, env) {
    return new Promise((resolve, reject) => {
        const child = spawn(command, [...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
        const out = [];
        const err = [];
        child.stdout.on('data', (chunk) => out.push(chunk));
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', reject);
        child.on('close', (code, signal) => resolve({
            exitCode: code ?? signalExitCode(signal ? constants$1.signals[signal] : 15),
            stdout: Buffer.concat(out).toString('utf8'),
            stderr: Buffer.concat(err).toString('utf8')
        }));
        // A command that exits without reading everything closes the pipe: its status says why.
        child.stdin.on('error', () => undefined);
        child.stdin.end(input);
    });
}
/**
 * The agent's run: @actions/exec cannot hand the child our own terminal (`inherit`, which
 * `tty` needs) or keep its stdin closed, so this one spawns directly.
 */
const runAttached = (command, args, stdio, env = {}) => new Promise((resolve, reject) => {
    debug(`exec (attached): ${command} ${args.join(' ')}`);
    const child = spawn(command, [...args], { stdio, env: { ...processEnv(), ...env } });
    child.on('error', (e) => reject(new Error(`cannot run ${command}: ${e.message}`)));
    child.on('exit', (code, signal) => resolve(code ?? signalExitCode(signal ? constants$1.signals[signal] : 15)));
});
const runDetached = (command, args, fds) => new Promise((resolve) => {
    debug(`exec (detached): ${command} ${args.join(' ')}`);
    const child = spawn(command, [...args], {
        detached: true,
        stdio: ['ignore', 'ignore', 'ignore', ...fds],
        env: processEnv()
    });
    child.once('error', () => resolve(undefined));
    child.once('spawn', () => {
        child.unref();
        resolve(child.pid);
    });
});
const realExec = { run: runCommand, attach: runAttached, detach: runDetached };
/**
 * The program's full path. @actions/exec would search PATH itself and print a line on stdout
 * for every PATH folder it may not read (a user's PATH naming /root/...), into the command's
 * own output; an unreadable folder is simply skipped here.
 */
function onPath(command) {
    if (command.includes('/'))
        return command;
    for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
        try {
            accessSync(join(dir, command), constants.X_OK);
            return join(dir, command);
        }
        catch {
            // Absent or unreadable: the next folder.
        }
    }
    throw new Error(`${command} is not on PATH`);
}
function processEnv() {
    return Object.fromEntries(Object.entries(process.env).filter((e) => e[1] !== undefined));
}
/** The last non-empty line of a command's stderr: what a person needs to see first. */
function lastLine(text) {
    const lines = text.trim().split('\n');
    return lines[lines.length - 1]?.trim() ?? '';
}

class DockerError extends Error {
    action;
    result;
    constructor(action, result) {
        // Docker 20.10 ends some errors with a bare "exit status 1": the line before says why.
        const why = lastLine(result.stderr.replace(/^exit status \d+$/gm, ''));
        super(`docker ${action} failed: ${why || `exit code ${result.exitCode}`}`);
        this.action = action;
        this.result = result;
    }
}
class Docker {
    exec;
    binary;
    constructor(exec, binary = 'docker') {
        this.exec = exec;
        this.binary = binary;
    }
    run = (...args) => this.exec.run(...args);
    async call(action, args, env) {
        const result = await this.run(this.binary, args, { env });
        if (result.exitCode !== 0)
            throw new DockerError(action, result);
        return result.stdout.trim();
    }
    /** Fails with an actionable message when no engine answers. */
    async ensureEngine() {
        const result = await this.run(this.binary, ['version', '--format', '{{.Server.Version}}'], {
            timeoutMs: 20000
        }).catch((e) => ({ exitCode: 127, stdout: '', stderr: String(e) }));
        if (result.exitCode !== 0) {
            throw new Error(`no Docker engine answers (${lastLine(result.stderr) || 'docker version failed'}). ` +
                'Start dockerd (scripts/setup.sh does it on Debian) or run on a runner with Docker.');
        }
        return result.stdout.trim();
    }
    async imageId(ref) {
        const result = await this.run(this.binary, ['image', 'inspect', '--format', '{{.Id}}', ref]);
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    async pull(ref) {
        const result = await this.run(this.binary, ['pull', '--quiet', ref], { timeoutMs: 300000 });
        return result.exitCode === 0;
    }
    async build(opts) {
        await this.call('build', buildBuildArgs(opts));
    }
    async save(ref, file) {
        await this.call('save', ['save', '--output', file, ref]);
    }
    async load(file) {
        await this.call('load', ['load', '--quiet', '--input', file]);
    }
    async networkCreate(spec) {
        await this.call('network create', buildNetworkCreateArgs(spec));
    }
    /** Removes networks; absent ones are not an error. */
    async networkRemove(names) {
        if (names.length === 0)
            return;
        const result = await this.run(this.binary, ['network', 'rm', ...names]);
        if (result.exitCode !== 0 && realErrors(result.stderr, /No such network|not found/i).length > 0)
            throw new DockerError('network rm', result);
    }
    /** Every network with its subnets, so a run can pick subnets nothing else uses. */
    async networks(labelFilter) {
        const ls = [
            'network',
            'ls',
            '--quiet',
            ...(labelFilter ? ['--filter', `label=${labelFilter}`] : [])
        ];
        const ids = (await this.call('network ls', ls)).split('\n').filter(Boolean);
        if (ids.length === 0)
            return [];
        const result = await this.run(this.binary, ['network', 'inspect', ...ids]);
        // A network removed between ls and inspect makes inspect fail; its siblings still print.
        const parsed = JSON.parse(result.stdout.trim() || '[]');
        return parsed.map((n) => ({
            name: n.Name,
            subnets: (n.IPAM?.Config ?? []).map((c) => c.Subnet ?? '').filter(Boolean),
            labels: n.Labels ?? {}
        }));
    }
    async containerCreate(spec) {
        await this.call('create', buildCreateArgs(spec), containerEnv(spec));
    }
    async networkConnect(network, container, ip) {
        await this.call('network connect', ['network', 'connect', '--ip', ip, network, container]);
    }
    async containerStart(name) {
        await this.call('start', ['start', name]);
    }
    /** `docker run` in the foreground, its output on `stdio`; resolves with its exit status. */
    runAttached(spec, stdio) {
        return this.exec.attach(this.binary, buildRunArgs(spec), stdio, containerEnv(spec));
    }
    /** The host PID of the container's init process, or undefined when it is not running. */
    async containerPid(name) {
        const result = await this.run(this.binary, ['inspect', '--format', '{{.State.Pid}}', name]);
        const pid = Number(result.stdout.trim());
        return result.exitCode === 0 && pid > 0 ? pid : undefined;
    }
    async containerRunning(name) {
        const result = await this.run(this.binary, ['inspect', '--format', '{{.State.Running}}', name]);
        return result.exitCode === 0 && result.stdout.trim() === 'true';
    }
    /** Removes containers at once (SIGKILL, no graceful stop); absent ones are not an error. */
    async containerRemove(names) {
        if (names.length === 0)
            return;
        const result = await this.run(this.binary, ['rm', '--force', '--volumes', ...names]);
        if (result.exitCode !== 0 &&
            realErrors(result.stderr, /No such container|already in progress/i).length > 0)
            throw new DockerError('rm', result);
    }
    async containersByLabel(label) {
        const out = await this.call('ps', [
            'ps',
            '--all',
            '--filter',
            `label=${label}`,
            '--format',
            '{{.Names}}\t{{.Labels}}'
        ]);
        return out
            .split('\n')
            .filter(Boolean)
            .map((line) => {
            const [name = '', labels = ''] = line.split('\t');
            return { name, labels: parseLabelList(labels) };
        });
    }
    /** `docker run --rm` to completion, output captured; for short helpers. */
    async runCaptured(spec, timeoutMs) {
        return this.run(this.binary, buildRunArgs(spec), { env: containerEnv(spec), timeoutMs });
    }
    /** A text file of a container (`docker cp -L`: links followed inside it), as a tar stream. */
    async copyOut(container, path) {
        const result = await this.run(this.binary, ['cp', '-L', `${container}:${path}`, '-'], {
            timeoutMs: 20000
        });
        return result.exitCode === 0 ? result.stdout : undefined;
    }
    async logs(name) {
        const result = await this.run(this.binary, ['logs', '--tail', '50', name]);
        return `${result.stdout}${result.stderr}`.trim();
    }
}
/**
 * stderr lines other than the ones saying a thing was already gone (and the `exit status 1`
 * trailer some Docker versions print after them).
 */
function realErrors(stderr, alreadyGone) {
    return stderr
        .split('\n')
        .filter((l) => l.trim() && !alreadyGone.test(l) && !/^exit status \d+$/.test(l.trim()));
}
/** `docker ps` prints labels as `k=v,k2=v2`. */
function parseLabelList(text) {
    const labels = {};
    for (const pair of text.split(',')) {
        const eq = pair.indexOf('=');
        if (eq > 0)
            labels[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    return labels;
}

/**
 * The proxy and agent images: the digests a release published (images.json), pulled and
 * checked; else tagged by a hash of their build context and base image, reused when present,
 * built from containers/ otherwise. scripts/image-tag.sh computes the same tag.
 */
/**
 * Docker's init binary (a static tini) on this machine: where dockerd installs look for it,
 * then PATH. Host mode needs a local engine anyway, so a local path is the right one.
 */
function findInitBinary(path = process.env.PATH ?? '') {
    const dirs = [
        '/usr/libexec/docker',
        '/usr/local/libexec/docker',
        ...path.split(':').filter((d) => d.startsWith('/'))
    ];
    for (const dir of dirs) {
        const candidate = join(dir, 'docker-init');
        if (existsSync(candidate))
            return realpathSync(candidate);
    }
    throw new Error('cannot find docker-init (the init Docker runs as PID 1) in /usr/libexec/docker or PATH; ' +
        'install the Docker engine package that provides it (docker.io or docker-ce)');
}

/**
 * Typed wrapper over iptables-restore/iptables-save (and ip6tables), on the host or inside a
 * container's network namespace through nsenter. Needs root: when not root, commands go
 * through `sudo -n` (GitHub-hosted runners allow it) and fail with an actionable message.
 */
class NetfilterError extends Error {
}
class Netfilter {
    run;
    netnsPid;
    asRoot;
    constructor(run, 
    /** Host PID of a process whose network namespace the commands enter; host when absent. */
    netnsPid, asRoot = process.getuid?.() === 0) {
        this.run = run;
        this.netnsPid = netnsPid;
        this.asRoot = asRoot;
    }
    /** The same tools inside the network namespace of `pid`. */
    inNetns(pid) {
        return new Netfilter(this.run, pid, this.asRoot);
    }
    argv(tool, args) {
        const inner = this.netnsPid === undefined
            ? [tool, ...args]
            : ['nsenter', '-t', String(this.netnsPid), '-n', tool, ...args];
        return this.asRoot ? [inner[0] ?? tool, inner.slice(1)] : ['sudo', ['-n', ...inner]];
    }
    async exec(tool, args, input) {
        const [command, argv] = this.argv(tool, args);
        const result = await this.run(command, argv, { input, timeoutMs: 30000 }).catch((e) => ({
            exitCode: 127,
            stdout: '',
            stderr: e instanceof Error ? e.message : String(e)
        }));
        if (result.exitCode !== 0) {
            const why = lastLine(result.stderr) || `exit code ${result.exitCode}`;
            throw new NetfilterError(`${[tool, ...args].join(' ')} failed: ${why}. Host firewall rules need root (or passwordless ` +
                'sudo) and iptables on the runner; where neither is available, host-firewall: off ' +
                'enforces the policy without them (see docs/threat-model.md).');
        }
        return result.stdout;
    }
    /** Applies a ruleset batch atomically, leaving every other rule in place. */
    async restore(family, text) {
        await this.exec(family === 4 ? 'iptables-restore' : 'ip6tables-restore', ['--noflush'], text);
    }
    async save(family) {
        return this.exec(family === 4 ? 'iptables-save' : 'ip6tables-save', []);
    }
    /** The same with each rule's counters (`[packets:bytes] -A ...`): what the drops counted. */
    async saveWithCounters(family) {
        return this.exec(family === 4 ? 'iptables-save' : 'ip6tables-save', ['-c']);
    }
    /** Sets a kernel setting (see namespace-logging.ts for the one a run changes). */
    async setSysctl(name, value) {
        if (!/^[a-z0-9_.]+$/.test(name) || !/^[0-9]+$/.test(value))
            throw new NetfilterError(`refusing to set ${JSON.stringify(name)} to ${JSON.stringify(value)}`);
        await this.exec('sysctl', ['-q', '-w', `${name}=${value}`]);
    }
    /** The kernel log, where LOG rules write (root, or sudo where dmesg is restricted). */
    async kernelLog() {
        return this.exec('dmesg', []);
    }
    /** Writes one line into the kernel log, stamped with the kernel log's own clock. */
    async markKernelLog(line) {
        await this.exec('tee', ['/dev/kmsg'], `${line}\n`);
    }
    /** Replaces the default route of the namespace (used to steer the agent at the proxy). */
    async setDefaultRoute(via) {
        await this.exec('ip', ['route', 'replace', 'default', 'via', via]);
    }
}

/**
 * What the kernel says about the agent's processes: capability sets, no_new_privs and seccomp
 * mode from /proc/PID/status. The sandbox refuses to run the command unless every process of
 * the agent container holds no capability, has NoNewPrivs 1 and Seccomp 2 (filter).
 */
const CAP_FIELDS = ['CapInh', 'CapPrm', 'CapEff', 'CapBnd', 'CapAmb'];
function parseStatus(pid, text) {
    const fields = new Map();
    for (const line of text.split('\n')) {
        const colon = line.indexOf(':');
        if (colon > 0)
            fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
    }
    return {
        pid,
        capabilities: Object.fromEntries(CAP_FIELDS.map((f) => [f, fields.get(f) ?? 'missing'])),
        noNewPrivs: fields.get('NoNewPrivs') ?? 'missing',
        seccomp: fields.get('Seccomp') ?? 'missing'
    };
}
function children(pid) {
    try {
        return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
            .split(/\s+/)
            .filter(Boolean)
            .map(Number);
    }
    catch {
        return [];
    }
}
/** The container's init process and every descendant, read from /proc on the host. */
function inspectProcessTree(rootPid) {
    const seen = [];
    const queue = [rootPid];
    while (queue.length > 0 && seen.length < 64) {
        const pid = queue.shift();
        seen.push(parseStatus(pid, readFileSync(`/proc/${pid}/status`, 'utf8')));
        queue.push(...children(pid));
    }
    return seen;
}

/** Probing the proxy until Squid and the DNS forwarder answer: bounded, never a fixed sleep. */
const PROBE_INTERVAL_MS = 20;
/** How often a start-up that has not answered yet asks whether the proxy container still runs. */
const ALIVE_INTERVAL_MS = 200;
const pause$1 = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function tcpAnswers(host, port) {
    return new Promise((resolve) => {
        const socket = net.connect({ host, port });
        const done = (ok) => {
            socket.destroy();
            resolve(ok);
        };
        socket.setTimeout(500, () => done(false));
        socket.once('connect', () => done(true));
        socket.once('error', () => done(false));
    });
}
/** A minimal DNS query (A record, recursion desired) for `name`. */
function dnsQuery(name, id) {
    const labels = name
        .split('.')
        .map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)]));
    const header = Buffer.from([id >> 8, id & 255, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    return Buffer.concat([header, ...labels, Buffer.from([0, 0, 1, 0, 1])]);
}
/**
 * Whether the forwarder answers before `deadline`: one socket, a fresh query every probe
 * interval (a query sent before dnsmasq listened is simply lost, never refused, so waiting
 * long for its answer would only add to the start), any of them answered counts.
 */
function dnsAnswersBy(host, port, name, deadline, given) {
    return new Promise((resolve) => {
        const socket = dgram.createSocket('udp4');
        const sent = new Set();
        let timer;
        const done = (ok) => {
            if (timer === undefined)
                return;
            clearInterval(timer);
            timer = undefined;
            socket.close();
            resolve(ok);
        };
        const send = () => {
            if (Date.now() >= deadline || given())
                return done(false);
            const id = Math.floor(Math.random() * 65535);
            sent.add(id);
            socket.send(dnsQuery(name, id), port, host, () => undefined);
        };
        socket.on('message', (msg) => {
            if (msg.length >= 2 && sent.has(msg.readUInt16BE(0)))
                done(true);
        });
        // Unreachable for now (the container's address not yet up): the next query tries again.
        socket.on('error', () => undefined);
        timer = setInterval(send, PROBE_INTERVAL_MS);
        send();
    });
}
/** Whether Squid accepts a connection before `deadline`, tried every probe interval. */
async function tcpAnswersBy(host, port, deadline, given) {
    while (Date.now() < deadline && !given()) {
        if (await tcpAnswers(host, port))
            return true;
        await pause$1(PROBE_INTERVAL_MS);
    }
    return false;
}
/**
 * Resolves once both services answer. `alive` is asked between probes so that a proxy that
 * died (a bad config, say) fails the run at once instead of after the timeout.
 */
async function waitForProxy(endpoints, timeoutMs, alive) {
    const deadline = Date.now() + timeoutMs;
    let over = false;
    const given = () => over;
    // Each service is probed on its own: the one that is up first waits for nothing.
    const probes = Promise.all([
        tcpAnswersBy(endpoints.host, endpoints.squidPort, deadline, given),
        dnsAnswersBy(endpoints.host, endpoints.dnsPort, endpoints.probeName, deadline, given)
    ]);
    const watch = async () => {
        while (!over) {
            await pause$1(ALIVE_INTERVAL_MS);
            if (!over && !(await alive()))
                throw new Error('the proxy container exited during start-up');
        }
        return [false, false];
    };
    const [squid, dns] = await Promise.race([probes, watch()]).finally(() => {
        over = true;
    });
    if (squid && dns)
        return;
    const missing = [
        squid ? '' : `Squid (tcp/${endpoints.squidPort})`,
        dns ? '' : `the DNS forwarder (udp/${endpoints.dnsPort})`
    ];
    throw new Error(`the proxy did not become ready within ${timeoutMs / 1000} s: no answer from ${missing.filter(Boolean).join(' and ')}`);
}

/**
 * Who owns a run, checkable by every process on the machine whatever its PID namespace or
 * container: the lease is a FIFO that the owner keeps open for reading while it lives. The
 * kernel closes it when the owner dies, however it dies (SIGKILL, OOM), and from then on an
 * open for writing fails with ENXIO. No PID, no clock, no renewal.
 *
 * Next to the FIFO, a record says where the run keeps what the sweep must find without Docker
 * or netfilter (its temporary root). Both are written before the run creates anything and
 * removed after everything else, so a run is never without a lease while it has leftovers.
 */
const LEASE = /^([0-9a-f]{8})\.lease$/;
const RECORD = /^([0-9a-f]{8})\.json$/;
const leasePath = (dir, runId) => join(dir, `${runId}.lease`);
const recordPath = (lease) => lease.replace(/\.lease$/, '.json');
/** Whether the lease's owner still holds it. Never blocks, never creates anything. */
function probeLease(path) {
    try {
        if (!lstatSync(path).isFIFO())
            return 'unknown';
    }
    catch (e) {
        return e.code === 'ENOENT' ? 'absent' : 'unknown';
    }
    try {
        closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW));
        return 'held';
    }
    catch (e) {
        const code = e.code;
        return code === 'ENXIO' ? 'free' : code === 'ENOENT' ? 'absent' : 'unknown';
    }
}
/** The lease's files, record first: a FIFO left alone still marks a dead run for the sweep. */
function removeLeaseFiles(lease) {
    rmSync(recordPath(lease), { force: true });
    rmSync(lease, { force: true });
}
/** Run ids with a lease or a record in `dir`. */
function leasesIn(dir) {
    let entries;
    try {
        entries = readdirSync(dir);
    }
    catch {
        return [];
    }
    const ids = new Set();
    for (const name of entries) {
        const id = LEASE.exec(name)?.[1] ?? RECORD.exec(name)?.[1];
        if (id)
            ids.add(id);
    }
    return [...ids].sort();
}

/**
 * The one host setting a run changes: net.netfilter.nf_log_all_netns, which lets LOG rules
 * inside the agent's network namespace reach the kernel log. The first run that turns it on
 * writes down the value it found, next to the leases; whoever removes the last run on the
 * machine (its teardown, the post step or a sweep) puts that value back.
 */
const SETTING = 'net.netfilter.nf_log_all_netns';
const recordOf = (leaseDir) => join(leaseDir, `${SETTING}.was`);
/**
 * Puts the setting back when no run on the machine may still need it: no lease in the folder
 * is held and no network of any run is left. Returns the line to report, if it did.
 */
async function restoreNamespaceLogging(deps, leaseDir) {
    let was;
    try {
        was = readFileSync(recordOf(leaseDir), 'utf8').trim();
    }
    catch {
        return undefined;
    }
    if (leasesIn(leaseDir).some((id) => probeLease(leasePath(leaseDir, id)) === 'held'))
        return undefined;
    if ((await deps.docker.networks(RUN_LABEL)).length > 0)
        return undefined;
    if (!/^[01]$/.test(was)) {
        rmSync(recordOf(leaseDir), { force: true });
        return undefined;
    }
    // The record goes first: a run starting now writes its own and turns the setting on after.
    rmSync(recordOf(leaseDir), { force: true });
    await deps.netfilter.setSysctl(SETTING, was);
    return `restored ${SETTING} to ${was}`;
}

/**
 * Pure reading of `iptables-save` output: which of our chains exist, whether they are jumped
 * to, and the exact batch that removes a run's rules while leaving every other rule alone.
 */
/** Our chains are `AWF-<runId>` optionally followed by a suffix (`-IN`, `-6`, ...). */
const OUR_CHAIN = /^AWF-([0-9a-f]{8})(?:-[A-Z0-9]+)?$/;
function parseSave(text) {
    const tables = [];
    let current;
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (line.startsWith('*')) {
            current = { name: line.slice(1), chains: [], rules: [] };
            tables.push(current);
        }
        else if (line.startsWith(':') && current) {
            current.chains.push(line.slice(1).split(/\s+/)[0] ?? '');
        }
        else if (line.startsWith('-A ') && current) {
            current.rules.push(line);
        }
    }
    return tables;
}
function isRunChain(chain, runId) {
    return OUR_CHAIN.exec(chain)?.[1] === runId;
}
function jumpTarget(rule) {
    return /\s-[jg]\s+(\S+)/.exec(rule)?.[1];
}
/**
 * The restore batch (for `--noflush`) that deletes every jump into the run's chains, then
 * flushes and deletes the chains. Empty when the run left nothing in this ruleset.
 */
function removalBatch(saveText, runId) {
    const out = [];
    for (const table of parseSave(saveText)) {
        const ours = table.chains.filter((c) => isRunChain(c, runId));
        const jumps = table.rules.filter((r) => {
            const chain = r.split(/\s+/)[1] ?? '';
            const target = jumpTarget(r);
            return !isRunChain(chain, runId) && target !== undefined && isRunChain(target, runId);
        });
        if (ours.length === 0 && jumps.length === 0)
            continue;
        out.push(`*${table.name}`);
        for (const rule of jumps)
            out.push(`-D${rule.slice(2)}`);
        for (const chain of ours)
            out.push(`-F ${chain}`);
        for (const chain of ours)
            out.push(`-X ${chain}`);
        out.push('COMMIT');
    }
    return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/**
 * Like `Promise.all`, but a failure is raised only once every task has settled. Start-up runs
 * tasks that create things (networks, rules, containers) side by side; if one fails while
 * another is still creating, teardown must not look before the other is done, or what it
 * creates afterwards is left behind.
 */
async function settleAll(tasks) {
    const results = (await Promise.allSettled(tasks));
    const values = [];
    for (const r of results) {
        if (r.status === 'rejected')
            throw r.reason;
        values.push(r.value);
    }
    return values;
}

/**
 * Removing a run's resources (for teardown, the post step and the sweep), in an order that keeps every leftover findable: files that may
 * hold secrets first, then containers and host rules, then networks, then the rest of the
 * work folder, and the lease last (a run with a lease left is what the sweep looks for).
 * Idempotent, and safe to run twice at once; each step runs even when an earlier one failed,
 * and problems are returned for the caller to report as warnings, never thrown over the
 * command's result.
 */
/** The work folder's subfolder for files that hold secrets: always the first thing removed. */
const SECRETS_DIR = 'secrets';
const message = (e) => (e instanceof Error ? e.message : String(e));
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Deletes the run's jumps and chains. Another sweep may remove some of them between our save
 * and our restore, which fails the batch: then look again.
 */
async function removeHostRules(netfilter, runId) {
    await settleAll([4, 6].map(async (family) => {
        for (let attempt = 1;; attempt++) {
            const batch = removalBatch(await netfilter.save(family), runId);
            if (!batch)
                return;
            try {
                return await netfilter.restore(family, batch);
            }
            catch (e) {
                if (attempt >= 4)
                    throw e;
            }
        }
    }));
}
/** A network is refused while a container another teardown is removing is still attached. */
async function removeNetworks(docker, networks) {
    for (let attempt = 1;; attempt++) {
        try {
            return await docker.networkRemove(networks);
        }
        catch (e) {
            if (attempt >= 5 || !/active endpoints/i.test(message(e)))
                throw e;
            await pause(300 * attempt);
        }
    }
}
/** The secrets first (they must not outlive a failure later on), then the rest. */
function removeFolder(dir, secretsOnly) {
    rmSync(secretsOnly ? join(dir, SECRETS_DIR) : dir, {
        recursive: true,
        force: true,
        maxRetries: 3
    });
}
/** Removes everything `r` names; returns the problems (empty when all is gone). */
async function removeRun(deps, r) {
    const problems = [];
    const attempt = async (what, step) => {
        try {
            await step();
        }
        catch (e) {
            problems.push(`${what}: ${message(e)}`);
        }
    };
    for (const dir of r.secretsOf ? [...r.folders, r.secretsOf] : r.folders)
        await attempt(`removing secrets in ${dir}`, () => removeFolder(dir, true));
    // Containers and rules are independent. Rules go before networks: a run that still has
    // chains always has its networks, which is how the sweep tells a live run from a crashed one.
    await Promise.all([
        attempt('removing containers', () => deps.docker.containerRemove(r.containers)),
        r.hostRules
            ? attempt('removing host rules', () => removeHostRules(deps.netfilter, r.runId))
            : undefined
    ]);
    if (r.stage === 'running')
        return problems;
    await attempt('removing networks', () => removeNetworks(deps.docker, r.networks));
    for (const dir of r.folders)
        await attempt('removing temporary files', () => removeFolder(dir, false));
    const lease = r.lease;
    if (lease && problems.length === 0)
        await attempt('removing the lease', () => removeLeaseFiles(lease));
    return problems;
}

/**
 * Removing the sandbox: a run's own teardown (also the CLI's on a signal, and the action's
 * post step), and the sweep of crashed runs at the start of a run.
 */
/**
 * Removes one run's sandbox as the run (or the post step after it) knows it; when all of it
 * is gone and no other run is left on the machine, the kernel setting runs change goes back.
 */
async function teardown(deps, r) {
    const problems = await removeRun(deps, {
        runId: r.runId,
        containers: r.containers,
        networks: r.networks,
        hostRules: r.hostRules,
        folders: r.workDir && existsSync(r.workDir) ? [r.workDir] : [],
        lease: r.lease
    });
    if (problems.length === 0 && r.lease && r.hostRules) {
        const restored = await restoreNamespaceLogging(deps, dirname(r.lease)).catch((e) => {
            problems.push(`restoring a kernel setting: ${e instanceof Error ? e.message : String(e)}`);
            return undefined;
        });
        if (restored)
            info(restored);
    }
    return problems;
}

/**
 * The end of a teardown, after the run's result is out. Once the command has ended, the run
 * removes in-process everything that runs, enforces or holds a secret (containers, host
 * rules, the secrets folder: removal.ts stage 'running'); what is left is inert: networks
 * with no container on them, the work folder's configs, the lease. A detached reaper
 * (dist/reap.js) removes those while the CLI or the action step reports and exits. It takes
 * the lease's FIFO over before the run lets go of it, so every sweep sees the run as live
 * until the reaper is done; if the reaper dies, the lease is free and the next sweep, or the
 * action's post step (which waits for the lease first), removes the rest.
 */
/** The reaper's entry, next to the bundle that runs (dist/); absent when run from sources. */
function reaperScript() {
    const script = join(dirname(fileURLToPath(import.meta.url)), 'reap.js');
    return existsSync(script) ? script : undefined;
}
const strings = (v) => Array.isArray(v) && v.every((x) => typeof x === 'string');
/** The job, when every name in it is one of the run's own (nothing else is ever removed). */
function parseJob(text) {
    let job;
    try {
        job = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const r = job.resources;
    if (!r || typeof r.runId !== 'string' || !isRunId(r.runId))
        return undefined;
    if (typeof job.logFile !== 'string' || typeof r.hostRules !== 'boolean')
        return undefined;
    const own = `awf-${r.runId}-`;
    const names = [r.containers, r.networks];
    if (!names.every(strings) || !names.flat().every((n) => n.startsWith(own)))
        return undefined;
    if (r.workDir !== undefined && !basename(r.workDir).startsWith(own))
        return undefined;
    if (r.lease !== undefined && basename(r.lease) !== `${r.runId}.lease`)
        return undefined;
    return { resources: r, logFile: job.logFile };
}
/** The reaper's work: removes what the job names; problems go to the job's log file. */
async function reap(deps, text) {
    const job = parseJob(text);
    if (!job)
        return 64;
    const note = (level) => (message) => appendFileSync(job.logFile, `${new Date().toISOString()} ${level}: ${message}\n`);
    setLogger({ debug: () => undefined, info: note('info'), warning: note('warning') });
    const problems = await teardown(deps, job.resources);
    for (const problem of problems)
        note('warning')(problem);
    return problems.length === 0 ? 0 : 1;
}

/**
 * Where the runner keeps its things, worked out from facts that do not depend on how the
 * action was started: the step's environment, the Node binary's path, the paths of runner
 * processes seen on the machine and the unix sockets bound on it. Pure: the sandbox gathers
 * the observations (src/sandbox/runner-facts.ts) and adds them with `withObservations`.
 */
/**
 * Socket paths from /proc/net/unix: the path is everything after the seventh column (it may
 * hold spaces); abstract sockets (`@name`) have no file to hide.
 */
function socketPathsFromProcNetUnix(text) {
    const paths = text
        .split('\n')
        .slice(1)
        .map((line) => /^\s*\S+:(?:\s+\S+){6} (.+)$/.exec(line)?.[1])
        .filter((p) => !!p && p.startsWith('/'));
    return [...new Set(paths)].sort();
}

/**
 * Finds what in the runner's visible system folders only root (or a group) may read, so that
 * a command running as root does not read it as the owner (src/agent/filesystem.ts masks
 * what this finds). A folder others cannot read or enter is reported whole and not entered.
 */
const OTHERS_READ = 0o004;
const OTHERS_ENTER = 0o001;
/** Entries looked at before the scan stops (and says so). */
const SCAN_LIMIT = 300_000;
/**
 * Walks `dirs` without following links, leaving out `skip` (the workspace: the command owns
 * it anyway). Runs use find(1) for the same walk (scanWithFind); this is where find fails.
 */
function scanRootOnly(dirs, skip = []) {
    const started = Date.now();
    const found = [];
    let visited = 0;
    // Paths are joined by hand and links skipped by their directory entry: path.join and a
    // stat per link made the walk half as slow again (docs/performance.md).
    const walk = (dir, device) => {
        let entries;
        try {
            entries = readdirSync(dir, { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const entry of entries) {
            const path = dir === '/' ? `/${entry.name}` : `${dir}/${entry.name}`;
            if (skip.includes(path))
                continue;
            if (++visited > SCAN_LIMIT)
                return;
            if (entry.isSymbolicLink())
                continue;
            const st = lstatSync(path, { throwIfNoEntry: false });
            if (!st)
                continue;
            if (st.isDirectory()) {
                if ((st.mode & OTHERS_READ) === 0 || (st.mode & OTHERS_ENTER) === 0)
                    found.push({ path, kind: 'dir' });
                // Another filesystem mounted below (a tool cache, /usr/local on its own disk) is
                // visible through the recursive bind too, so it is scanned; /proc-like ones never are.
                else if (st.dev === device || !/^\/(proc|sys|dev|run)(\/|$)/.test(path))
                    walk(path, st.dev);
            }
            else if (st.isFile() && (st.mode & OTHERS_READ) === 0)
                found.push({ path, kind: 'file' });
        }
    };
    for (const dir of dirs) {
        try {
            const st = lstatSync(dir);
            if (st.isDirectory())
                walk(dir, st.dev);
        }
        catch {
            // Absent: nothing to scan.
        }
    }
    return { found, visited, ms: Date.now() - started, truncated: visited > SCAN_LIMIT };
}
/** find(1) is stopped after this long; what it found by then is masked, and the run says so. */
const FIND_TIMEOUT_MS = 20_000;
const PROC_LIKE = /^\/(proc|sys|dev|run)(\/|$)/;
/** A path as a find(1) `-path` pattern that matches only itself. */
const literalPattern = (path) => path.replace(/[\\*?[\]]/g, '\\$&');
/**
 * find(1)'s arguments for the same walk as scanRootOnly: below each folder (not the folder
 * itself), `skip` and `prune` left out, a folder others cannot read or enter printed as
 * `d<path>` and not entered, a file others cannot read as `f<path>` (each ended by NUL), and
 * one `.` for every other entry, so the entries looked at can be counted.
 */
function findArgs(dirs, skip, prune) {
    const left = [...skip, ...prune].flatMap((p, i) => [
        ...(i > 0 ? ['-o'] : []),
        '-path',
        literalPattern(p)
    ]);
    return [
        '-P',
        ...dirs,
        '-mindepth',
        '1',
        ...(left.length > 0 ? ['(', ...left, ')', '-prune', '-o'] : []),
        ...'-type d ( ! -perm -o=r -o ! -perm -o=x ) -printf d%p\\0 -prune -o'.split(' '),
        ...'-type f ! -perm -o=r -printf f%p\\0 -o'.split(' '),
        '-printf',
        '.'
    ];
}
/** What findArgs' find printed: the paths found, and how many entries it looked at. */
function parseFindOutput(out) {
    const found = [];
    let visited = 0;
    for (let i = 0; i < out.length;) {
        const c = out[i];
        if (c === 'd' || c === 'f') {
            const end = out.indexOf('\0', i);
            if (end < 0)
                break;
            found.push({ path: out.slice(i + 1, end), kind: c === 'd' ? 'dir' : 'file' });
            i = end + 1;
        }
        else
            i++;
        visited++;
    }
    return { found, visited };
}
/** Mount points whose path is /proc-like, below `dirs`, on another device than their parent. */
function procLikeMounts(mountinfo, dirs) {
    const unescape = (p) => p.replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8)));
    const under = (p) => dirs.some((d) => p.startsWith(d === '/' ? '/' : `${d}/`));
    return mountinfo
        .split('\n')
        .map((line) => line.split(' ')[4])
        .filter((p) => p !== undefined)
        .map(unescape)
        .filter((p) => PROC_LIKE.test(p) && under(p))
        .filter((p) => lstatSync(p, { throwIfNoEntry: false })?.dev !==
        lstatSync(dirname(p), { throwIfNoEntry: false })?.dev);
}
/**
 * The scan through find(1), about twice as fast as scanRootOnly and in a process of its own,
 * so it runs beside the networks being made. Where find fails (absent, or without GNU
 * `-printf`), scanRootOnly walks here instead: the masks never depend on find.
 */
function scanWithFind(run) {
    return async (dirs, skip) => {
        const started = Date.now();
        const present = dirs.filter((d) => lstatSync(d, { throwIfNoEntry: false })?.isDirectory());
        if (present.length === 0)
            return { found: [], visited: 0, ms: 0, truncated: false };
        const prune = procLikeMounts(readFileSync('/proc/self/mountinfo', 'utf8'), present);
        const killed = signalExitCode(constants$1.signals.SIGKILL);
        const r = await run('find', findArgs(present, skip, prune), {
            timeoutMs: FIND_TIMEOUT_MS
        }).catch((e) => ({ exitCode: -1, stdout: '', stderr: errorText(e) }));
        // 1: some folder could not be read (scanRootOnly passes over those as well).
        if (r.exitCode !== 0 && r.exitCode !== 1 && r.exitCode !== killed) {
            debug(`find could not scan for root-only files (${r.exitCode}: ${r.stderr.trim()}); walking here`);
            return scanRootOnly(dirs, skip);
        }
        return {
            ...parseFindOutput(r.stdout),
            ms: Date.now() - started,
            truncated: r.exitCode === killed
        };
    };
}

/**
 * What the filesystem plan needs to know about the machine besides the step's environment:
 * runner processes (their installation folders hold credentials, their work folders other
 * jobs' files) and bound unix sockets. Read from /proc; anything unreadable is left out.
 */
const RUNNER_PROGRAM = /\/bin\/Runner\.(Worker|Listener)$/;
function readOr(read, fallback) {
    try {
        return read();
    }
    catch {
        return fallback;
    }
}
const processIds = () => readOr(() => readdirSync('/proc'), []).filter((p) => /^\d+$/.test(p));
/** Executables of every runner process we may look at (all of them, as root). */
function runnerExes(pids) {
    const exes = pids.map((pid) => {
        const exe = readOr(() => readlinkSync(`/proc/${pid}/exe`), '');
        if (RUNNER_PROGRAM.test(exe))
            return exe;
        // A runner started through `dotnet Runner.Worker.dll` shows its program as the first argument.
        const argv0 = readOr(() => readFileSync(`/proc/${pid}/cmdline`, 'utf8'), '').split('\0');
        return argv0.find((a) => RUNNER_PROGRAM.test(a.replace(/\.dll$/, ''))) ?? '';
    });
    return [...new Set(exes.filter((e) => e))].map((e) => e.replace(/\.dll$/, ''));
}
/**
 * Sockets bound in every network namespace we can look into (/proc/net/unix lists only the
 * reader's; a container's socket on a host path is reachable by path from any namespace).
 */
function boundSockets(pids) {
    const seen = new Set();
    const sockets = new Set();
    for (const pid of ['self', ...pids]) {
        const netns = readOr(() => readlinkSync(`/proc/${pid}/ns/net`), '');
        if (!netns || seen.has(netns))
            continue;
        seen.add(netns);
        const table = readOr(() => readFileSync(`/proc/${pid}/net/unix`, 'utf8'), '');
        for (const path of socketPathsFromProcNetUnix(table))
            sockets.add(path);
    }
    return [...sockets].sort();
}
function observeRunner() {
    const pids = processIds();
    return { runnerExes: runnerExes(pids), sockets: boundSockets(pids) };
}

/** The composition root: the real Docker, netfilter, process runner and live-system probes. */
function realDeps() {
    return {
        docker: new Docker(realExec),
        netfilter: new Netfilter(realExec.run),
        exec: realExec,
        probes: {
            waitForProxy,
            openHandshake: (dir) => Handshake.create(realExec.run, dir),
            inspectProcesses: inspectProcessTree,
            findInitBinary: () => findInitBinary(),
            observeRunner,
            interfaceExists: (name) => existsSync(`/sys/class/net/${name}`),
            isAgentProcess: (pid, asRoot) => asRoot ? existsSync(`/proc/${pid}/root${ENTRYPOINT_MOUNT}`) : agentCommandLine(pid),
            canary: runCanary,
            scanRootOnly: scanWithFind(realExec.run)
        },
        reaper: reaperScript()
    };
}
/**
 * Without root, the agent's root folder cannot be entered, but its command line can be read:
 * the agent's PID 1 is our init running our entrypoint.
 */
function agentCommandLine(pid) {
    try {
        return readFileSync(`/proc/${pid}/cmdline`, 'latin1').startsWith([INIT_MOUNT, '--', '/bin/sh', ENTRYPOINT_MOUNT, ''].join('\0'));
    }
    catch {
        return false;
    }
}

process.exitCode = await reap(realDeps(), process.argv[2] ?? '');
