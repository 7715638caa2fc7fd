import { html, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import { entryText, FREE_TEXT_CHARS, ticketPaths, type ReporterTicket } from '@snagbox/sdk/contract'
import { MESSAGES, type Lang } from './i18n.js'
import { closedWhy, entryAuthor, entryTitle } from './words.js'

type View = ReporterTicket
type Html = HtmlEscapedString | Promise<HtmlEscapedString>

const STYLE = `
  :root { color-scheme: light dark; --accent: #2457c5; --muted: #6b7280; --line: #d9dde3; --bg: #fff; --card: #f7f8fa; }
  @media (prefers-color-scheme: dark) { :root { --accent: #8ab4ff; --muted: #9aa3af; --line: #333a44; --bg: #111418; --card: #1a1f26; } }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); }
  main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
  header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
  h1 { font-size: 1.5rem; margin: 0; } h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; }
  .status { display: inline-block; padding: .15rem .6rem; border-radius: 999px; background: var(--accent); color: var(--bg); font-weight: 600; }
  .hint, .meta, time { color: var(--muted); } .meta { font-size: .9rem; }
  .notice { padding: .75rem 1rem; border-radius: .5rem; background: var(--card); border-left: 4px solid var(--accent); }
  .error { border-left-color: #d33; }
  .text { white-space: pre-wrap; overflow-wrap: anywhere; }
  ol { list-style: none; padding: 0; } li { padding: .75rem 0; border-top: 1px solid var(--line); }
  form { margin: 1rem 0; padding: 1rem; background: var(--card); border-radius: .5rem; }
  label { display: block; font-weight: 600; margin-bottom: .35rem; }
  textarea { width: 100%; min-height: 5rem; font: inherit; padding: .5rem; border: 1px solid var(--line); border-radius: .35rem; background: var(--bg); color: inherit; }
  button { margin-top: .5rem; font: inherit; padding: .45rem 1rem; border-radius: .35rem; border: 0; background: var(--accent); color: var(--bg); cursor: pointer; }
  button.secondary { background: transparent; color: var(--accent); border: 1px solid var(--accent); }
  a { color: var(--accent); }
  form.focus { outline: 3px solid var(--accent); outline-offset: 2px; }
  form.inline { display: inline; margin: 0; padding: 0; background: none; } form.inline button { margin: 0 0 0 .5rem; padding: .1rem .6rem; }
  .related { list-style: none; padding: 0; } .related li { border: 0; padding: .25rem 0; }
  img.shot { max-width: 100%; max-height: 24rem; border: 1px solid var(--line); border-radius: .35rem; }
  blockquote.solution { margin: 0; padding: .75rem 1rem; border-left: 4px solid var(--accent); background: var(--card); border-radius: .35rem; }
`

function layout(lang: Lang, title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${raw(STYLE)}</style>
</head>
<body><main>${body}</main></body>
</html>`
}

export function notFoundPage(lang: Lang): Html {
  const t = MESSAGES[lang]
  return layout(lang, t.title, html`<h1>${t.title}</h1><p class="notice error">${t.notFound}</p>`)
}

/** The reporter's status page: usable without JavaScript, every value escaped by `html`. */
export function statusPage(input: {
  view: View
  lang: Lang
  token: string
  timeZone: string
  /** The reporter's address, masked, when updates are e-mailed to it. */
  mailTo?: string | null
  done?: string
  error?: string
  /** The form a link asked for (`?do=`): shown first and focused, never submitted by itself. */
  focus?: 'confirm' | 'reopen'
}): Html {
  const { view, lang, token } = input
  const t = MESSAGES[lang]
  const when = (iso: string) =>
    html`<time datetime="${iso}">${new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: input.timeZone }).format(new Date(iso))}</time>`
  // The solution the reporter is asked to confirm: the last one given, beside its buttons.
  const solution =
    view.status === 'resolved'
      ? [...view.timeline]
          .reverse()
          .find((e) => e.type === 'public_reply' && e.data.status === 'resolved')
      : undefined
  const follow = (reference: string) =>
    html`<form method="post" action="${ticketPaths.statusPage(token)}/follow/${encodeURIComponent(reference)}?lang=${lang}" class="inline"><button class="secondary">${t.open(reference)}</button></form>`
  const action = (name: string) => `${ticketPaths.statusPage(token)}/${name}?lang=${lang}`
  const can = (a: string) => (view.allowedActions as string[]).includes(a)
  const other: Lang = lang === 'ru' ? 'en' : 'ru'
  const why = closedWhy(lang, view.status, view.closeReason)

  const body = html`
<header>
  <h1>${t.title} ${view.reference}</h1>
  <a href="${ticketPaths.statusPage(token)}?lang=${other}" lang="${other}">${t.language}</a>
</header>
<p><span class="status">${t.status[view.status] ?? view.status}</span>${why ? ` — ${why}` : ''}</p>
<p class="hint">${t.statusHint[view.status] ?? ''}</p>
${input.done && t.done[input.done] ? html`<p class="notice" role="status">${t.done[input.done]}</p>` : ''}
${input.error ? html`<p class="notice error" role="alert">${input.error}</p>` : ''}
${input.focus && can(input.focus === 'confirm' ? 'confirm' : 'disagree') ? html`<p class="notice" role="status">${t.focus[input.focus]}</p>` : ''}
${input.mailTo && view.status !== 'closed' ? html`<p class="meta">${t.mailTo(input.mailTo)}</p>` : ''}
<p class="meta">${t.category[view.category] ?? view.category} · ${t.created} ${when(view.createdAt)}
${view.autoCloseDueAt ? html`<br>${t.autoClose} ${when(view.autoCloseDueAt)}` : ''}
<br>${t.timesIn(input.timeZone)}</p>
${
  view.related.length
    ? html`<ul class="related">${view.related.map(
        (r) =>
          html`<li>${t.related[r.relation]} ${r.reference} — ${t.status[r.status] ?? r.status}${r.yours ? html` ${follow(r.reference)}` : ''}</li>`,
      )}</ul>`
    : ''
}

<h2>${view.subject}</h2>
${view.description !== view.subject ? html`<p class="text">${view.description}</p>` : ''}
${view.hasScreenshot ? html`<p><a href="${ticketPaths.status(token)}/screenshot" target="_blank" rel="noopener"><img class="shot" src="${ticketPaths.status(token)}/screenshot" alt="${t.screenshot}"></a></p>` : ''}
${solution ? html`<h2>${t.solution}</h2><blockquote class="text solution">${String(solution.data.body ?? '')}</blockquote>` : ''}

${
  can('confirm')
    ? html`
<form method="post" action="${action('confirm')}" id="confirm"${input.focus === 'confirm' ? html` class="focus"` : ''}><label>${t.confirm}</label><button${input.focus === 'confirm' ? html` autofocus` : ''}>${t.confirmButton}</button></form>`
    : ''
}
${
  can('disagree')
    ? html`
<form method="post" action="${action('reopen')}" id="reopen"${input.focus === 'reopen' ? html` class="focus"` : ''}><label for="reason">${t.disagree}</label>
<textarea id="reason" name="reason" required maxlength="${FREE_TEXT_CHARS}" placeholder="${t.disagreeReason}"${input.focus === 'reopen' ? html` autofocus` : ''}></textarea>
<button class="secondary">${t.disagreeButton}</button></form>`
    : ''
}
${
  can('comment')
    ? html`
<form method="post" action="${action('comment')}"><label for="body">${t.comment}</label>
<textarea id="body" name="body" required maxlength="${FREE_TEXT_CHARS}"></textarea><button>${t.commentButton}</button></form>`
    : ''
}

<h2>${t.history}</h2>
<ol>${view.timeline.map((e) => timelineEntry(e, lang, when, token))}</ol>

${
  can('withdraw')
    ? html`
<form method="post" action="${action('withdraw')}"><label for="withdraw-reason">${t.withdraw}</label>
<textarea id="withdraw-reason" name="reason" maxlength="${FREE_TEXT_CHARS}" placeholder="${t.withdrawReason}"></textarea>
<button class="secondary">${t.withdrawButton}</button></form>`
    : ''
}`
  return layout(
    lang,
    `${t.title} ${view.reference} — ${t.status[view.status] ?? view.status}`,
    body,
  )
}

function timelineEntry(
  e: View['timeline'][number],
  lang: Lang,
  when: (iso: string) => Html,
  token: string,
): Html {
  const text = entryText(e)
  return html`<li><strong>${entryTitle(lang, e)}</strong> <span class="meta">${entryAuthor(lang, e)} · ${when(e.createdAt)}</span>${text ? html`<div class="text">${text}</div>` : ''}${files(e, token)}</li>`
}

/** The files an entry carries (an agent's reply's), each a link to download or open it. */
function files(e: View['timeline'][number], token: string): Html | '' {
  const list = Array.isArray(e.data.attachments) ? (e.data.attachments as unknown[]) : []
  const links = list.flatMap((f) => {
    const { id, name } = (f ?? {}) as { id?: unknown; name?: unknown }
    if (typeof id !== 'string') return []
    const href = ticketPaths.status(token, `/attachments/${encodeURIComponent(id)}`)
    return [
      html`<li><a href="${href}" target="_blank" rel="noopener">${typeof name === 'string' ? name : id}</a></li>`,
    ]
  })
  return links.length ? html`<ul class="files">${links}</ul>` : ''
}
