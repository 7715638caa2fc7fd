import type { Language } from '@snagbox/sdk/contract'
import { h } from 'preact'
import { afterLoadWhenIdle } from '../idle.js'
import { useWidget, type WidgetContextValue } from '../widget-context.js'
import { lazyPart } from './LazyPart.js'

/** The markup editor, loaded when the reporter goes to mark up the picture. */
export const Editor = lazyPart(() => import('./ScreenshotEditor.js').then((m) => m.editorPart))

/** The body of "What will be sent", loaded when the section opens. */
export const Payload = lazyPart(() => import('./PayloadView.js').then((m) => m.payloadPart))

/**
 * The parts the open form may still need, fetched once the page is idle with it: by then a
 * reporter who goes offline can still mark up the picture and see what will be sent.
 */
export const prefetchParts = () =>
  afterLoadWhenIdle(() => {
    for (const part of [Editor, Payload]) part.prefetch()
  })

/**
 * The conversation part — "My requests", one request's conversation with support, and what
 * follows support's replies for the launcher's badge — with the texts of one language.
 */
const CONVERSATION: Record<Language, () => Promise<typeof import('../requests/requests-en.js')>> = {
  en: () => import('../requests/requests-en.js'),
  ru: () => import('../requests/requests-ru.js'),
}
const views = new Map<Language, ReturnType<typeof lazyPart>>()

/** The part that shows "My requests" and one request, in a language: loaded when first wanted. */
export function requestsView(lang: Language) {
  let part = views.get(lang)
  if (!part)
    views.set(lang, (part = lazyPart(() => CONVERSATION[lang]().then((m) => m.requestsPart))))
  return part
}

/** "My requests" or the open request, whichever the view is. */
export function Requests() {
  return h(requestsView(useWidget().options.lang), {})
}

/**
 * Loads the conversation part without showing it: it lists the reporter's requests and follows
 * support's replies, so the launcher's badge counts what is unread.
 */
export const followRequests = (context: WidgetContextValue) =>
  CONVERSATION[context.options.lang]().then(
    (m) => m.conversationOf(context),
    (cause: unknown) => void console.warn('[snagbox] “My requests” could not be loaded', cause),
  )
