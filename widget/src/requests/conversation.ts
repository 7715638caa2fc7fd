import { batch, computed, effect, signal } from '@preact/signals'
import type {
  MyRequest,
  MyRequests,
  OpenRequest,
  ReplyEvent,
  RequestResult,
  SdkError,
} from '@snagbox/sdk'
import type { WidgetContextValue } from '../widget-context.js'

/** A request as the server last told it. */
export type SentRequest = Extract<MyRequest, { state: 'sent' }>

/** Errors that mean the request is no longer as the reporter saw it: it is shown anew. */
export const CHANGED = new Set([
  'illegal_transition',
  'no_change',
  'conflict',
  'precondition_failed',
])

/**
 * The reporter's requests as the conversation part holds them, one per widget: the list, the
 * request open, support's replies as they come. Its listing sets the launcher's badge (the
 * requests with something unread) and what the form's link says; a reply to the request open
 * is read at once, which marks it seen.
 */
function createConversation({
  client,
  state,
  launcher,
}: Pick<WidgetContextValue, 'client' | 'state' | 'launcher'>) {
  /** `null` until the first listing has answered. */
  const items = signal<MyRequest[] | null>(null)
  const identity = signal<MyRequests['identity']>(null)
  const loading = signal(false)
  /** Why the last listing did not reach the server: the list is what this browser remembers. */
  const stale = signal<SdkError | null>(null)
  const opened = signal<OpenRequest | null>(null)
  const openError = signal<SdkError | null>(null)
  /** The last reply heard live, for the views' live regions. */
  const heard = signal<{ reference: string; name: string | null; n: number } | null>(null)
  /** The clock the relative times are told by, moved on while a view is shown. */
  const now = signal(Date.now())
  /** What the reporter began to write on each request and has not sent. */
  const drafts = new Map<string, string>()
  /** What the server last told of each request while this page was open: shown offline. */
  const lastKnown = new Map<string, SentRequest>()

  const withNews = computed(
    () => (items.value ?? []).filter((r) => r.state === 'sent' && r.unread > 0).length,
  )
  effect(() => {
    const unread = withNews.value
    launcher?.setBadge(unread)
    if (items.value) state.requests.value = { count: items.value.length, unread }
  })

  /** Changes a listed request as the server now tells it. */
  function patch(reference: string, change: Partial<SentRequest>) {
    items.value =
      items.value?.map((r) => {
        if (r.state !== 'sent' || r.reference !== reference) return r
        const next = { ...r, ...change }
        lastKnown.set(reference, next)
        return next
      }) ?? null
  }
  const listed = (reference: string) =>
    !!items.value?.some((r) => r.state === 'sent' && r.reference === reference)

  let asked = 0
  let following = false
  async function refresh() {
    const n = ++asked
    loading.value = true
    const answer = await client.myRequests()
    if (n !== asked) return
    batch(() => {
      loading.value = false
      identity.value = answer.identity
      stale.value = answer.error ?? null
      items.value = answer.items.map((item) => {
        if (item.state === 'sent') lastKnown.set(item.reference, item)
        return item.state === 'remembered' ? (lastKnown.get(item.reference) ?? item) : item
      })
    })
    // Only after the first listing, which remembers a signed-in user's requests of other
    // devices here: the stream follows them too.
    if (!following) {
      following = true
      client.on('reply', hear)
    }
  }

  function hear(event: ReplyEvent) {
    const { reference } = event
    const showing = state.view.value === 'request' && state.reference.value === reference
    const by = [...event.entries].reverse().find((e) => e.actor.name)?.actor.name ?? null
    batch(() => {
      patch(reference, { ...event.request, unread: showing ? 0 : event.request.unread })
      heard.value = { reference, name: by, n: (heard.value?.n ?? 0) + 1 }
    })
    if (showing) void reload(reference)
    else if (!listed(reference)) void refresh()
  }

  /** Shows what opening or acting answered; the request is seen, so nothing of it is unread. */
  function show(result: RequestResult): SdkError | null {
    if (!result.ok) {
      openError.value = result.error
      return result.error
    }
    const { request } = result
    batch(() => {
      opened.value = request
      openError.value = null
      const { status, closeReason, updatedAt } = request.ticket
      patch(request.reference, { status, closeReason, updatedAt, unread: 0 })
    })
    return null
  }

  async function open(reference: string) {
    if (opened.value?.reference !== reference) opened.value = null
    openError.value = null
    const result = await client.request(reference)
    // The reporter went elsewhere meanwhile.
    if (state.reference.value !== reference) return
    // The host asked for a request this browser does not know (or can no longer open).
    if (!result.ok && result.error.code === 'not_found' && state.openedDirectly(reference))
      return state.notListed(reference)
    show(result)
  }

  const reload = (reference: string) => {
    const current = opened.value
    return current?.reference === reference ? current.refresh().then(show) : open(reference)
  }

  return {
    items,
    identity,
    loading,
    stale,
    opened,
    openError,
    heard,
    now,
    drafts,
    /** Lists the requests again (the list is shown, a request was sent, the user changed). */
    refresh,
    /** Reads one request (the conversation view shows it), which marks it seen. */
    open,
    reload,
    /**
     * One of the reporter's actions on the open request; the request as it is after it is shown.
     * Answers the error when it failed; a request that changed meanwhile is read again.
     */
    async act(run: (request: OpenRequest) => Promise<RequestResult>): Promise<SdkError | null> {
      const current = opened.value
      if (!current) return null
      const result = await run(current)
      if (result.ok) {
        show(result)
        void refresh()
        return null
      }
      if (CHANGED.has(result.error.code)) void current.refresh().then(show)
      return result.error
    },
  }
}

export type Conversation = ReturnType<typeof createConversation>

const conversations = new WeakMap<object, Conversation>()

/**
 * The widget's conversation: made the first time it is asked for (by the views, or to keep the
 * badge), then the same one. It lists nothing by itself: `refresh()` does.
 */
export function conversationOf(context: Pick<WidgetContextValue, 'client' | 'state' | 'launcher'>) {
  let conversation = conversations.get(context.state)
  if (!conversation) conversations.set(context.state, (conversation = createConversation(context)))
  return conversation
}
