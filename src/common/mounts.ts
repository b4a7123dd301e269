/** Mounts as the agent's filesystem plan describes them and the Docker wrapper applies them. */

export interface BindMount {
  readonly source: string
  readonly target: string
  readonly readOnly: boolean
}

export interface TmpfsMount {
  readonly target: string
  readonly readOnly: boolean
  /** Octal permission bits of the mount's root, e.g. 0o1777. */
  readonly mode: number
}
