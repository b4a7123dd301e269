import { settleAll } from '../../src/sandbox/settle.js'

describe('settleAll', () => {
  test('gives the values in order, as Promise.all does', async () => {
    await expect(settleAll([Promise.resolve(1), 'two', Promise.resolve([3])])).resolves.toEqual([
      1,
      'two',
      [3]
    ])
  })

  test('raises the first failure only after the slower tasks have finished', async () => {
    let slowDone = false
    const slow = new Promise<void>((resolve) =>
      setTimeout(() => {
        slowDone = true
        resolve()
      }, 50)
    )
    await expect(settleAll([Promise.reject(new Error('rules failed')), slow])).rejects.toThrow(
      'rules failed'
    )
    expect(slowDone).toBe(true)
  })
})
