import { parseHomeConfig } from '../../src/agent/home-config.js'
import { InputError } from '../../src/common/errors.js'

const WHERE = 'input home-config'

describe('home-config', () => {
  test('~/ and relative paths, one per line or comma-separated, duplicates once', () => {
    expect(
      parseHomeConfig('~/.claude/settings.json\n.config/foo/, ~/.claude/settings.json', WHERE)
    ).toEqual(['.claude/settings.json', '.config/foo'])
  })

  test('empty means none', () => {
    expect(parseHomeConfig(undefined, WHERE)).toEqual([])
    expect(parseHomeConfig('  # nothing\n', WHERE)).toEqual([])
  })

  test.each([
    ['/etc/passwd', 'is not a path inside HOME'],
    ['~root/.bashrc', 'is not a path inside HOME'],
    ['~/', 'names HOME itself'],
    ['../other/.bashrc', 'leaves HOME'],
    ['~/.ssh/config', 'holds credentials'],
    ['.config', 'would show ~/.config/gcloud'],
    ['~/.docker', 'holds credentials'],
    ['a\u0007b', 'control character']
  ])('%j is refused', (entry, why) => {
    expect(() => parseHomeConfig(entry, WHERE)).toThrow(InputError)
    expect(() => parseHomeConfig(entry, WHERE)).toThrow(why)
    expect(() => parseHomeConfig(entry, WHERE)).toThrow(WHERE)
  })

  test('every bad entry is reported at once', () => {
    try {
      parseHomeConfig('/a\n~/.ssh\n.ok', WHERE)
      throw new Error('not refused')
    } catch (e) {
      expect((e as InputError).problems).toHaveLength(2)
    }
  })
})
