/**
 * Splits a list input: entries are separated by newlines, commas or spaces (harden-runner's
 * lists are space-separated; no entry of any list may hold whitespace). `#` starts a comment
 * when it begins the text or follows whitespace (so a `#` inside an entry stays and is refused
 * by the validator).
 */
export function parseList(text: string): string[] {
  const items: string[] = []
  for (const rawLine of text.split(/\r?\n/)) {
    const comment = rawLine.search(/(^|\s)#/)
    const line = comment === -1 ? rawLine : rawLine.slice(0, comment)
    for (const item of line.split(/[,\s]+/)) if (item) items.push(item)
  }
  return items
}
