/**
 * Names written wholly in Cyrillic, Greek or Armenian letters that look like Latin ones
 * (`аррӏе.com`) read as a Latin name: refused unless confirmed with `!`, the message showing
 * the name escaped and the Latin name it reads as. Names in those scripts that do not read as
 * Latin stay accepted.
 */
import { escapeNonAscii, wholeScriptLookalike } from '../../src/policy/confusables.js'
import { buildPolicy, parseDomainEntry, PolicyError } from '../../src/policy/index.js'
import { domainToASCII } from 'node:url'

const W = 'input allow-domains'

function refusal(entry: string): string {
  const r = parseDomainEntry(entry, W)
  if (!('message' in r)) throw new Error(`accepted: ${entry}`)
  return r.message
}

describe('whole-script look-alikes of Latin names', () => {
  test.each([
    [1, '\u0430\u0440\u0440\u04cf\u0435.com', 'Cyrillic', 'apple.com'],
    [2, '\u0441\u043e\u0441\u0430-\u0441\u043e\u04cf\u0430.com', 'Cyrillic', 'coca-cola.com'],
    [3, '\u0440\u0430\u0443\u0440\u0430\u04cf.com', 'Cyrillic', 'paypal.com'],
    [4, 'api.\u0455\u0435\u0441\u0443\u0433\u0435.example', 'Cyrillic', 'api.secyre.example'],
    [5, '\u03bf\u03c1\u03b5\u03b7.com', undefined, undefined],
    [6, '\u03bd\u03b9\u03c1.com', 'Greek', 'vip.com'],
    [7, '\u03c7\u03b1\u03bf.example', 'Greek', 'xao.example'],
    [8, '\u0570\u0585\u0585\u0563.com', undefined, undefined],
    [9, '\u0570\u0585\u0585.com', 'Armenian', 'hoo.com'],
    [10, '\u0430\u0440\u0440\u04cf\u04352.com', 'Cyrillic', 'apple2.com'],
    [11, '\u0430\u0440\u0440.\u03bf\u03c1.example', 'Cyrillic and Greek', 'app.op.example']
  ])('%i: %s', (_n, unicode, scripts, latin) => {
    const found = wholeScriptLookalike(domainToASCII(unicode))
    if (scripts === undefined) expect(found).toBeUndefined()
    else expect(found).toMatchObject({ latin, scripts: scripts.split(' and '), unicode })
  })

  test.each([
    [
      1,
      '\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444',
      'пример.рф: и, м and ф read as no Latin letter'
    ],
    [2, '\u043c\u043e\u0441\u043a\u0432\u0430.example', 'москва: м, к, в are not in the table'],
    [3, 'b\u00fccher.example', 'Latin with a diacritic'],
    [4, '\u65e5\u672c.jp', 'Han'],
    [5, 'apple.com', 'plain Latin'],
    [6, '\u03b5\u03bb\u03bb\u03ac\u03b4\u03b1.example', 'ελλάδα: Greek that reads as Greek']
  ])('%i: %s is not a look-alike (%s)', (_n, unicode) => {
    expect(wholeScriptLookalike(domainToASCII(unicode))).toBeUndefined()
    expect(parseDomainEntry(unicode, W)).toHaveProperty('name', domainToASCII(unicode))
  })
})

describe('an allowed look-alike needs a confirming !', () => {
  test('refused with the name escaped, its punycode and the Latin name it reads as', () => {
    expect(refusal('\u0430\u0440\u0440\u04cf\u0435.com')).toBe(
      'input allow-domains: "\\u0430\\u0440\\u0440\\u04cf\\u0435.com" is written in Cyrillic ' +
        'letters that look like Latin ones: it reads as "apple.com" but is xn--80ak6aa92e.com. ' +
        'Check the name; if it is the one you mean, add a trailing ! to the entry to confirm it ' +
        '(as in xn--80ak6aa92e.com!).'
    )
  })

  test.each([
    [1, 'xn--80ak6aa92e.com'],
    [2, 'https://\u0430\u0440\u0440\u04cf\u0435.com:8443'],
    [3, '*.\u0430\u0440\u0440\u04cf\u0435.com'],
    [4, '\u03bd\u03b9\u03c1.com']
  ])('%i: %s is refused however it is written', (_n, entry) => {
    expect(refusal(entry)).toMatch(/letters that look like Latin ones: it reads as "/)
    expect(refusal(entry)).not.toMatch(/[^\x20-\x7e]/)
  })

  test.each([
    [1, '\u0430\u0440\u0440\u04cf\u0435.com!', 'xn--80ak6aa92e.com'],
    [2, 'xn--80ak6aa92e.com!', 'xn--80ak6aa92e.com'],
    [3, 'https://\u03bd\u03b9\u03c1.com!', 'xn--uxahn.com']
  ])('%i: %s is accepted when confirmed', (_n, entry, name) => {
    expect(parseDomainEntry(entry, W)).toHaveProperty('name', name)
  })

  test('a block entry needs no confirmation: blocking a look-alike is harmless', () => {
    expect(
      parseDomainEntry('\u0430\u0440\u0440\u04cf\u0435.com', 'input block-domains', 'block')
    ).toHaveProperty('name', 'xn--80ak6aa92e.com')
  })

  test('buildPolicy refuses it from a policy file, naming the file and entry', () => {
    try {
      buildPolicy({}, 'input', {
        path: 'p.yml',
        text: 'allow-domains: [a.com, "\u0430\u0440\u0440\u04cf\u0435.com"]\n'
      })
      throw new Error('accepted')
    } catch (e) {
      if (!(e instanceof PolicyError)) throw e
      expect(e.message).toMatch(
        /^p\.yml: allow-domains\[1\]: "\\u0430\\u0440\\u0440\\u04cf\\u0435\.com" is written in Cyrillic/m
      )
    }
  })
})

describe('escapeNonAscii', () => {
  test.each([
    ['apple.com', 'apple.com'],
    ['\u0430b', '\\u0430b'],
    ['\u{1d41a}', '\\u{1d41a}']
  ])('%j -> %s', (text, escaped) => {
    expect(escapeNonAscii(text)).toBe(escaped)
  })
})
