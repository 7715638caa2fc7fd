// An HTML body as plain text, for a message that has no text part. Nothing of it is run or kept
// as markup: elements whose content is code or styling go with their content, every other tag
// goes, and entities become the characters they stand for. Written with indexOf, not regular
// expressions that backtrack, so that hostile markup costs time in proportion to its length.

/** Elements dropped with everything inside them. */
const DROPPED = ['script', 'style', 'head', 'template', 'noscript', 'iframe', 'object', 'svg']
/** Tags that end a line of text. */
const BREAKS = /^\/?(br|p|div|tr|li|h[1-6]|table|blockquote|pre|hr)\b/i

/**
 * @example htmlToText('<p>Export <b>fails</b></p><script>alert(1)</script>') // 'Export fails'
 */
export function htmlToText(html: string): string {
  const lower = html.toLowerCase()
  let out = ''
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    if (lt < 0) {
      out += html.slice(i)
      break
    }
    out += html.slice(i, lt)
    if (lower.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      i = end < 0 ? html.length : end + 3
      continue
    }
    const gt = html.indexOf('>', lt + 1)
    if (gt < 0) break // an unclosed tag at the end: nothing after it is text
    const tag = lower.slice(lt + 1, gt).trim()
    const name = /^[a-z0-9]+/.exec(tag)?.[0] ?? ''
    if (DROPPED.includes(name)) {
      const close = lower.indexOf(`</${name}`, gt + 1)
      const end = close < 0 ? -1 : html.indexOf('>', close)
      i = end < 0 ? html.length : end + 1
      continue
    }
    if (BREAKS.test(tag)) out += '\n'
    i = gt + 1
  }
  return decodeEntities(out)
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  laquo: '«',
  raquo: '»',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  copy: '©',
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, code: string) => {
    if (code[0] !== '#') return NAMED[code.toLowerCase()] ?? whole
    const n =
      code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1))
    return n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : ''
  })
}
