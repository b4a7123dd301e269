/**
 * The programs the attack suite's socket-family cases run, written into its workspace (seen
 * by the sandbox and the control alike): a Python script that tries families through the
 * native socket(2), and 32-bit x86 (ia32) programs that try one through the 32-bit syscall
 * ABI, where socket(2) can also go through socketcall(2) with its arguments in memory.
 * The ia32 programs are written as bytes here (an ELF header, one loadable segment, the code)
 * so that the suite needs no 32-bit toolchain; they run where the kernel runs ia32 (x86_64).
 */
import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const BASE = 0x08048000
const HEADERS = 52 + 32

/** How the socket is asked for: socketcall(SYS_SOCKET, args) or the direct socket(2). */
export type Ia32SocketPath = 'socketcall' | 'socket'

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(n)
  return b
}

/** eax >= 0: exit(0); otherwise exit(-eax). */
const EXIT_WITH_ERRNO = Buffer.from([
  0x85, 0xc0, // test eax, eax
  0x79, 0x06, // jns ok
  0xf7, 0xd8, // neg eax
  0x89, 0xc3, // mov ebx, eax
  0xeb, 0x02, // jmp out
  0x31, 0xdb, // ok: xor ebx, ebx
  0xb8, ...u32(1), // out: mov eax, 1 (exit)
  0xcd, 0x80 // int 0x80
]) // prettier-ignore

function code(path: Ia32SocketPath, family: number, type: number): Buffer {
  if (path === 'socket')
    return Buffer.concat([
      Buffer.from([0xb8, ...u32(359)]), // mov eax, 359 (socket)
      Buffer.from([0xbb, ...u32(family)]), // mov ebx, family
      Buffer.from([0xb9, ...u32(type)]), // mov ecx, type
      Buffer.from([0x31, 0xd2, 0xcd, 0x80]), // xor edx, edx; int 0x80
      EXIT_WITH_ERRNO
    ])
  const instructions = 5 + 5 + 5 + 2 + EXIT_WITH_ERRNO.length
  return Buffer.concat([
    Buffer.from([0xb8, ...u32(102)]), // mov eax, 102 (socketcall)
    Buffer.from([0xbb, ...u32(1)]), // mov ebx, 1 (SYS_SOCKET)
    Buffer.from([0xb9, ...u32(BASE + HEADERS + instructions)]), // mov ecx, args
    Buffer.from([0xcd, 0x80]),
    EXIT_WITH_ERRNO,
    Buffer.concat([u32(family), u32(type), u32(0)]) // args: family, type, protocol
  ])
}

export function ia32SocketProgram(path: Ia32SocketPath, family: number, type = 1): Buffer {
  const body = code(path, family, type)
  const size = HEADERS + body.length
  const elf = Buffer.concat([
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    Buffer.from([2, 0, 3, 0]), // ET_EXEC, EM_386
    u32(1), // version
    u32(BASE + HEADERS), // entry
    u32(52), // program headers
    u32(0), // section headers
    u32(0), // flags
    Buffer.from([52, 0, 32, 0, 1, 0, 0, 0, 0, 0, 0, 0]), // sizes, one program header
    u32(1), // PT_LOAD
    u32(0), // from the start of the file
    u32(BASE),
    u32(BASE),
    u32(size),
    u32(size),
    u32(5), // read + execute
    u32(0x1000)
  ])
  return Buffer.concat([elf, body])
}

/**
 * `socket-probe.py F` prints `F=OK` or `F=<errno name>` for family F (trying the socket
 * types the family may support); `socket-probe.py sweep` tries every family but the four
 * the profile allows and prints `every family EPERM`, or `not EPERM:` and the others.
 */
const SOCKET_PROBE = `import errno, socket, sys

WRONG_TYPE = {errno.ESOCKTNOSUPPORT, errno.EPROTONOSUPPORT, errno.EINVAL, errno.EPROTOTYPE}


def attempt(family):
    answer = "ESOCKTNOSUPPORT"
    for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM, socket.SOCK_SEQPACKET):
        try:
            socket.socket(family, kind).close()
            return "OK"
        except OSError as e:
            answer = errno.errorcode.get(e.errno, str(e.errno))
            if e.errno not in WRONG_TYPE:
                return answer
    return answer


if sys.argv[1] == "sweep":
    others = [f"{f}={attempt(f)}" for f in range(64) if f not in (1, 2, 10, 16)]
    others = [o for o in others if not o.endswith("=EPERM")]
    print("not EPERM: " + " ".join(others) if others else "every family EPERM")
else:
    family = int(sys.argv[1])
    print(f"{family}={attempt(family)}")
`

export const AF_VSOCK = 40

/** Writes the probes into `dir`; the ia32 programs only where they can run. */
export function writeSocketProbes(dir: string, ia32: boolean): void {
  writeFileSync(join(dir, 'socket-probe.py'), SOCKET_PROBE)
  if (!ia32) return
  for (const path of ['socketcall', 'socket'] as const) {
    const file = join(dir, `ia32-${path}-vsock`)
    writeFileSync(file, ia32SocketProgram(path, AF_VSOCK))
    chmodSync(file, 0o755)
  }
}
