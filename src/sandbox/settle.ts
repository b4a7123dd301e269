/**
 * Like `Promise.all`, but a failure is raised only once every task has settled. Start-up runs
 * tasks that create things (networks, rules, containers) side by side; if one fails while
 * another is still creating, teardown must not look before the other is done, or what it
 * creates afterwards is left behind.
 */
export async function settleAll<T extends readonly unknown[] | []>(
  tasks: T
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results = (await Promise.allSettled(tasks)) as PromiseSettledResult<unknown>[]
  const values: unknown[] = []
  for (const r of results) {
    if (r.status === 'rejected') throw r.reason
    values.push(r.value)
  }
  return values as {
    -readonly [K in keyof T]: Awaited<T[K]>
  }
}

/** Waits until `task` has settled, or `ms` have passed, whichever comes first. */
export async function settledWithin(task: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    task.catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, ms)))
  ])
  clearTimeout(timer)
}
