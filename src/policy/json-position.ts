/**
 * Where a JSON text first goes wrong, as line and column. JSON.parse says "at position N" for
 * some errors and nothing for others (an unexpected token), and its message quotes the text;
 * this scanner follows the JSON grammar only to find the offset of the first bad character.
 */

const WS = /[ \t\n\r]*/y
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y
// eslint-disable-next-line no-control-regex
const STRING = /"([^"\\\u0000-\u001f]|\\(["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y
const LITERAL = /true|false|null/y
// eslint-disable-next-line no-control-regex
const STRING_END = /["\\\u0000-\u001f]/

class Scanner {
  pos = 0
  constructor(readonly text: string) {}

  match(re: RegExp): boolean {
    re.lastIndex = this.pos
    const m = re.exec(this.text)
    if (m === null) return false
    this.pos += m[0].length
    return true
  }

  skip(): void {
    this.match(WS)
  }

  eat(c: string): boolean {
    this.skip()
    if (this.text[this.pos] !== c) return false
    this.pos++
    return true
  }

  /** One value; false leaves `pos` at the first character that cannot continue it. */
  value(depth: number): boolean {
    this.skip()
    const c = this.text[this.pos]
    if (depth > 512) return false
    if (c === '{') return this.container('}', depth, true)
    if (c === '[') return this.container(']', depth, false)
    if (c === '"') return this.string()
    return this.match(NUMBER) || this.match(LITERAL)
  }

  string(): boolean {
    if (this.match(STRING)) return true
    // Point at the character that ends the string wrongly, not at its opening quote.
    const start = this.pos
    this.pos++
    while (this.pos < this.text.length && !STRING_END.test(this.text[this.pos]!)) this.pos++
    if (this.text[this.pos] === '\\') this.pos++
    if (this.pos === start) this.pos++
    return false
  }

  container(close: string, depth: number, object: boolean): boolean {
    this.pos++
    if (this.eat(close)) return true
    for (;;) {
      if (object) {
        this.skip()
        if (this.text[this.pos] !== '"' || !this.string() || !this.eat(':')) return false
      }
      if (!this.value(depth + 1)) return false
      if (this.eat(close)) return true
      if (!this.eat(',')) return false
    }
  }
}

/** The 1-based line and column of the first error in `text`, or undefined when it is valid. */
export function jsonErrorPosition(text: string): { line: number; column: number } | undefined {
  const s = new Scanner(text)
  const ok = s.value(0)
  if (ok) {
    s.skip()
    if (s.pos === text.length) return undefined
  }
  const before = text.slice(0, s.pos)
  const line = before.split('\n').length
  return { line, column: s.pos - before.lastIndexOf('\n') }
}
