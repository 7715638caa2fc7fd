// The new words of a reply: quoted history and signature left out. Our own small function rather
// than email-reply-parser 1.9: without its optional native RE2 that package's expressions backtrack
// (20,000 characters of hostile text took it 6–10 s of a blocked event loop). Every expression
// here is anchored and bounded, run on one line of at most LINE characters.

const LINE = 998
/** A reply longer than this is cut first: the new words come first. */
const MAX_CHARS = 20_000

/** A line that starts the history whatever comes after it. */
const HISTORY = [
  /^-{2,}\s?(original message|forwarded message|исходное сообщение|пересылаемое сообщение|пересланное сообщение|message d'origine|ursprüngliche nachricht)\s?-{2,}$/i,
  /^_{20,}$/,
]

/** "On Mon, 1 Dec 2025, Anna <anna@example.com> wrote:" and its siblings, on one line. */
const QUOTE_HEADER = [
  /^(on|le|am|el|il|em|op|den|w dniu|dnia)\s.{0,400}\s(wrote|a écrit|écrit|schrieb|escribió|ha scritto|escreveu|schreef|skrev|napisał|pisze)\s?:$/i,
  /^.{0,400}\s(пишет|написал|написала|написал\(а\))\s?:$/i,
  /^.{0,400}<[^<>\s]{1,200}@[^<>\s]{1,200}>:$/,
]

/** Outlook's header block: `From:` and, on one of the next lines, `Sent:` or `To:`… */
const HEADER_FROM = /^\*?(from|от|von|de|van|da)\s?:\*?\s/i
const HEADER_FIELD =
  /^\*?(sent|date|to|cc|subject|отправлено|дата|кому|копия|тема|gesendet|an|betreff)\s?:/i

/** The signature separator of RFC 3676 (and what mailers make of it). */
const SIGNATURE = /^-- ?$/
/** A mobile mailer's last line. */
const MOBILE =
  /^(sent from my |sent from outlook|get outlook for |отправлено с |отправлено из |envoyé de mon |von meinem .{1,80} gesendet)/i

/**
 * The reply's own text, without the quoted history it answers, the quote header ("… wrote:") and
 * the signature. Answers written between quoted lines are kept.
 *
 * @example replyText('Still broken.\n\nOn Mon, 1 Dec 2025, Support <s@x.example> wrote:\n> Fixed?') // 'Still broken.'
 */
export function replyText(text: string): string {
  const lines = text
    .slice(0, MAX_CHARS)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .flatMap((l) => wrap(l.replace(/\s+$/, '')))
  const kept: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim()
    if (HISTORY.some((r) => r.test(t)) || SIGNATURE.test(lines[i]!)) break
    if (isQuoteHeader(t, lines[i + 1]) || isHeaderBlock(lines, i)) break
    if (!t.startsWith('>')) kept.push(lines[i]!)
  }
  const own = tidy(kept)
  // Answers below the history (bottom-posting, inline replies): every line that is not quoted.
  return (
    own ||
    tidy(
      lines.filter((l, i) => !l.trim().startsWith('>') && !isQuoteHeader(l.trim(), lines[i + 1])),
    )
  )
}

function isQuoteHeader(line: string, next: string | undefined): boolean {
  if (QUOTE_HEADER.some((r) => r.test(line))) return true
  // A long header is often wrapped over two lines.
  const joined = next === undefined ? '' : `${line} ${next.trim()}`
  return !!next && joined.length <= LINE && QUOTE_HEADER.some((r) => r.test(joined))
}

function isHeaderBlock(lines: string[], i: number): boolean {
  if (!HEADER_FROM.test(lines[i]!.trim())) return false
  return lines.slice(i + 1, i + 5).some((l) => HEADER_FIELD.test(l.trim()))
}

/** The lines without blank ones at either end and a mobile mailer's last line. */
function tidy(lines: string[]): string {
  const out = [...lines]
  while (out.length && !out[out.length - 1]!.trim()) out.pop()
  if (out.length && MOBILE.test(out[out.length - 1]!.trim())) out.pop()
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function wrap(line: string): string[] {
  if (line.length <= LINE) return [line]
  const parts: string[] = []
  for (let i = 0; i < line.length; i += LINE) parts.push(line.slice(i, i + LINE))
  return parts
}
