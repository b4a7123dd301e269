/**
 * The agent's seccomp profile (Docker/OCI JSON): deny by default with EPERM, so a tool that
 * tries a forbidden call fails with a clear "Operation not permitted"; allow what compilers,
 * Node, Python, git, the JVM, bash and curl use. Modelled on Docker's default profile without
 * the calls that reach the kernel's most dangerous surfaces or other processes.
 */

const EPERM = 1
const ENOSYS = 38

/**
 * The socket families a command may open: what glibc, `ip` and `ss` need. Every other family
 * (AF_VSOCK, which is not namespaced and reaches the hypervisor on some clouds; AF_PACKET;
 * AF_ALG; AF_KEY; ...) gets EPERM before the kernel looks at it.
 */
export const ALLOWED_SOCKET_FAMILIES: Readonly<Record<string, number>> = {
  AF_UNIX: 1,
  AF_INET: 2,
  AF_INET6: 10,
  AF_NETLINK: 16
}

/** Namespace-creating clone flags: NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET. */
const CLONE_NAMESPACE_FLAGS = 0x7e020000

/** Explicitly refused; the security suite generates one attack case per entry. */
// prettier-ignore
export const DENIED_SYSCALLS: readonly string[] = [
  'acct', 'add_key', 'bpf', 'chroot', 'clock_adjtime', 'clock_settime', 'delete_module',
  'finit_module', 'fsconfig', 'fsmount', 'fsopen', 'fspick', 'init_module', 'io_uring_enter',
  'io_uring_register', 'io_uring_setup', 'kcmp', 'kexec_file_load', 'kexec_load', 'keyctl',
  'lookup_dcookie', 'mount', 'mount_setattr', 'move_mount', 'name_to_handle_at', 'nfsservctl',
  'open_by_handle_at', 'open_tree', 'perf_event_open', 'pidfd_getfd', 'pivot_root',
  'process_madvise', 'process_vm_readv', 'process_vm_writev', 'ptrace', 'quotactl', 'reboot',
  'request_key', 'setns', 'settimeofday', 'stime', 'swapoff', 'swapon', 'syslog', 'umount',
  'umount2', 'unshare', 'userfaultfd', 'vhangup', 'adjtimex', 'fanotify_init', 'iopl', 'ioperm',
  'uselib', 'ustat', 'sysfs', '_sysctl', 'create_module', 'get_kernel_syms', 'query_module'
]

// prettier-ignore
const ALLOWED: readonly string[] = [
  'accept', 'accept4', 'access', 'alarm', 'bind', 'brk', 'capget', 'capset', 'chdir', 'chmod',
  'chown', 'chown32', 'clock_getres', 'clock_getres_time64', 'clock_gettime', 'clock_gettime64',
  'clock_nanosleep', 'clock_nanosleep_time64', 'close', 'close_range', 'connect',
  'copy_file_range', 'creat', 'dup', 'dup2', 'dup3', 'epoll_create', 'epoll_create1',
  'epoll_ctl', 'epoll_pwait', 'epoll_pwait2', 'epoll_wait', 'eventfd', 'eventfd2', 'execve',
  'execveat', 'exit', 'exit_group', 'faccessat', 'faccessat2', 'fadvise64', 'fadvise64_64',
  'fallocate', 'fchdir', 'fchmod', 'fchmodat', 'fchmodat2', 'fchown', 'fchown32', 'fchownat',
  'fcntl', 'fcntl64', 'fdatasync', 'fgetxattr', 'flistxattr', 'flock', 'fork', 'fremovexattr',
  'fsetxattr', 'fstat', 'fstat64', 'fstatat64', 'fstatfs', 'fstatfs64', 'fsync', 'ftruncate',
  'ftruncate64', 'futex', 'futex_time64', 'futex_waitv', 'futimesat', 'getcpu', 'getcwd',
  'getdents', 'getdents64', 'getegid', 'getegid32', 'geteuid', 'geteuid32', 'getgid',
  'getgid32', 'getgroups', 'getgroups32', 'getitimer', 'getpeername', 'getpgid', 'getpgrp',
  'getpid', 'getppid', 'getpriority', 'getrandom', 'getresgid', 'getresgid32', 'getresuid',
  'getresuid32', 'getrlimit', 'get_robust_list', 'getrusage', 'getsid', 'getsockname',
  'getsockopt', 'get_thread_area', 'gettid', 'gettimeofday', 'getuid', 'getuid32', 'getxattr',
  'inotify_add_watch', 'inotify_init', 'inotify_init1', 'inotify_rm_watch', 'io_cancel',
  'ioctl', 'io_destroy', 'io_getevents', 'io_pgetevents', 'io_pgetevents_time64', 'ioprio_get',
  'ioprio_set', 'io_setup', 'io_submit', 'ipc', 'kill', 'landlock_add_rule',
  'landlock_create_ruleset', 'landlock_restrict_self', 'lchown', 'lchown32', 'lgetxattr',
  'link', 'linkat', 'listen', 'listxattr', 'llistxattr', '_llseek', 'lremovexattr', 'lseek',
  'lsetxattr', 'lstat', 'lstat64', 'madvise', 'membarrier', 'memfd_create', 'mincore', 'mkdir',
  'mkdirat', 'mknod', 'mknodat', 'mlock', 'mlock2', 'mlockall', 'mmap', 'mmap2', 'mprotect',
  'mq_getsetattr', 'mq_notify', 'mq_open', 'mq_timedreceive', 'mq_timedreceive_time64',
  'mq_timedsend', 'mq_timedsend_time64', 'mq_unlink', 'mremap', 'msgctl', 'msgget', 'msgrcv',
  'msgsnd', 'msync', 'munlock', 'munlockall', 'munmap', 'nanosleep', 'newfstatat', '_newselect',
  'open', 'openat', 'openat2', 'pause', 'pidfd_open', 'pidfd_send_signal', 'pipe', 'pipe2',
  'pkey_alloc', 'pkey_free', 'pkey_mprotect', 'poll', 'ppoll', 'ppoll_time64', 'prctl',
  'pread64', 'preadv', 'preadv2', 'prlimit64', 'pselect6', 'pselect6_time64', 'pwrite64',
  'pwritev', 'pwritev2', 'read', 'readahead', 'readlink', 'readlinkat', 'readv', 'recv',
  'recvfrom', 'recvmmsg', 'recvmmsg_time64', 'recvmsg', 'remap_file_pages', 'removexattr',
  'rename', 'renameat', 'renameat2', 'restart_syscall', 'rmdir', 'rseq', 'rt_sigaction',
  'rt_sigpending', 'rt_sigprocmask', 'rt_sigqueueinfo', 'rt_sigreturn', 'rt_sigsuspend',
  'rt_sigtimedwait', 'rt_sigtimedwait_time64', 'rt_tgsigqueueinfo', 'sched_getaffinity',
  'sched_getattr', 'sched_getparam', 'sched_get_priority_max', 'sched_get_priority_min',
  'sched_getscheduler', 'sched_rr_get_interval', 'sched_rr_get_interval_time64',
  'sched_setaffinity', 'sched_setattr', 'sched_setparam', 'sched_setscheduler', 'sched_yield',
  'seccomp', 'select', 'semctl', 'semget', 'semop', 'semtimedop', 'semtimedop_time64', 'send',
  'sendfile', 'sendfile64', 'sendmmsg', 'sendmsg', 'sendto', 'setfsgid', 'setfsgid32',
  'setfsuid', 'setfsuid32', 'setgid', 'setgid32', 'setgroups', 'setgroups32', 'setitimer',
  'setpgid', 'setpriority', 'setregid', 'setregid32', 'setresgid', 'setresgid32', 'setresuid',
  'setresuid32', 'setreuid', 'setreuid32', 'setrlimit', 'set_robust_list', 'setsid',
  'setsockopt', 'set_thread_area', 'set_tid_address', 'setuid', 'setuid32', 'setxattr', 'shmat',
  'shmctl', 'shmdt', 'shmget', 'shutdown', 'sigaltstack', 'signalfd', 'signalfd4', 'sigprocmask',
  'sigreturn', 'socketpair', 'splice', 'stat', 'stat64', 'statfs',
  'statfs64', 'statx', 'symlink', 'symlinkat', 'sync', 'sync_file_range', 'syncfs', 'sysinfo',
  'tee', 'tgkill', 'time', 'timer_create', 'timer_delete', 'timer_getoverrun', 'timer_gettime',
  'timer_gettime64', 'timer_settime', 'timer_settime64', 'timerfd_create', 'timerfd_gettime',
  'timerfd_gettime64', 'timerfd_settime', 'timerfd_settime64', 'times', 'tkill', 'truncate',
  'truncate64', 'ugetrlimit', 'umask', 'uname', 'unlink', 'unlinkat', 'utime', 'utimensat',
  'utimensat_time64', 'utimes', 'vfork', 'vmsplice', 'wait4', 'waitid', 'waitpid', 'write',
  'writev',
  // x86_64 and aarch64 specifics
  'arch_prctl', 'modify_ldt', 'arm_fadvise64_64', 'arm_sync_file_range',
  'breakpoint', 'cacheflush', 'set_tls'
]

/** Every syscall name the profile mentions, for checks against libseccomp's tables. */
export function seccompSyscallNames(): string[] {
  return [...ALLOWED, 'clone', 'clone3', 'personality', 'socket']
}

export function renderSeccompProfile(): string {
  const overlap = ALLOWED.filter((n) => DENIED_SYSCALLS.includes(n))
  if (overlap.length > 0)
    throw new Error(`seccomp: allowed and denied at once: ${overlap.join(', ')}`)
  const profile = {
    defaultAction: 'SCMP_ACT_ERRNO',
    defaultErrnoRet: EPERM,
    // No 32-bit x86 (ia32): it opens sockets through socketcall(2), which passes the family in
    // memory where seccomp cannot read it, and libseccomp turns every `socket` rule with
    // arguments into an unconditional socketcall(SYS_SOCKET) rule there, so the family rule
    // could not hold. Its syscalls end the process (SIGSYS). Every mapped architecture has a
    // direct socket(2); socketcall(2) itself is never allowed.
    archMap: [
      { architecture: 'SCMP_ARCH_X86_64', subArchitectures: ['SCMP_ARCH_X32'] },
      { architecture: 'SCMP_ARCH_AARCH64', subArchitectures: ['SCMP_ARCH_ARM'] }
    ],
    syscalls: [
      { names: [...ALLOWED].sort(), action: 'SCMP_ACT_ALLOW' },
      {
        // Threads and processes, never new namespaces.
        names: ['clone'],
        action: 'SCMP_ACT_ALLOW',
        args: [{ index: 0, value: CLONE_NAMESPACE_FLAGS, valueTwo: 0, op: 'SCMP_CMP_MASKED_EQ' }]
      },
      {
        // clone3 passes its flags in memory, out of seccomp's reach: ENOSYS makes glibc fall
        // back to clone, whose flags the rule above checks.
        names: ['clone3'],
        action: 'SCMP_ACT_ERRNO',
        errnoRet: ENOSYS
      },
      ...Object.values(ALLOWED_SOCKET_FAMILIES).map((value) => ({
        names: ['socket'],
        action: 'SCMP_ACT_ALLOW',
        args: [{ index: 0, value, valueTwo: 0, op: 'SCMP_CMP_EQ' }]
      })),
      ...[0x0, 0x8, 0x20000, 0x20008, 0xffffffff].map((value) => ({
        // Only the harmless personalities (Linux, 32-bit, query).
        names: ['personality'],
        action: 'SCMP_ACT_ALLOW',
        args: [{ index: 0, value, valueTwo: 0, op: 'SCMP_CMP_EQ' }]
      }))
    ]
  }
  return `${JSON.stringify(profile, null, 2)}\n`
}
