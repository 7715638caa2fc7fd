import { batch, computed, effect, signal } from '@preact/signals'
import type {
  Category,
  LogEntry,
  Reporter,
  ReportInput,
  SnagboxClient,
  TicketPayload,
} from '@snagbox/sdk'
import type { Emitter } from './events.js'
import type { Translate } from './i18n/translate.js'
import type { ResolvedOptions } from './options.js'
import { outcomeOf, widgetErrorCode, type Outcome } from './outcome.js'
import type { Mark } from './screenshot-markup.js'
import { imageFrom, isImageType, markedShot, shotOf, staleUrls, type Shot } from './shot.js'
import { validateDraft, type FieldErrors } from './validate.js'

/** What the widget needs of the SDK client (tests pass a fake). */
export type WidgetClient = Pick<
  SnagboxClient,
  | 'report'
  | 'preview'
  | 'collectEnvironment'
  | 'captureScreenshot'
  | 'on'
  | 'myRequests'
  | 'request'
>

/** A log line's identity, to remember that the reporter removed it. */
const lineKey = (line: LogEntry) => `${line.timestamp} ${line.message}`

/** The dialog's views: the form and what follows it, and "My requests" with one request open. */
export type View = 'closed' | 'form' | 'editor' | 'done' | 'requests' | 'request'

/** What "My requests" knows once its part has looked: how many requests, how many have news. */
export interface RequestsKnown {
  count: number
  unread: number
}

/**
 * The widget's state as signals, and the actions that change it. Components read the signals and
 * call the actions; nothing else talks to the SDK client.
 */
export function createState(
  client: WidgetClient,
  options: ResolvedOptions,
  t: Translate,
  events: Emitter,
  /** The launcher: opened from it while support has written, the dialog shows "My requests". */
  launcher: HTMLElement | null = null,
) {
  const view = signal<View>('closed')
  const category = signal<Category>('incident')
  const description = signal('')
  const name = signal('')
  const email = signal('')
  const phone = signal('')
  const blocking = signal(false)
  const shot = signal<Shot | null>(null)
  const capturing = signal(false)
  const captureFailed = signal(false)
  const errors = signal<FieldErrors>({})
  const formError = signal('')
  const sending = signal(false)
  const outcome = signal<Outcome | null>(null)
  /** The host's user: organisation and anything else the form has no field for go along too. */
  const user = signal<Reporter>({})
  /** The SDK's preview of the draft: everything the report carries but its picture. */
  const preview = signal<TicketPayload | null>(null)
  /** The log lines the reporter removed from "what will be sent", and whether the host's data. */
  const removedLines = signal<string[]>([])
  const contextRemoved = signal(false)
  /** Set by the conversation part once it has listed the reporter's requests. */
  const requests = signal<RequestsKnown | null>(null)
  /** The request open in the conversation view (and, back in the list, the one to focus). */
  const reference = signal<string | null>(null)
  /** A request the host asked to show that is not among the reporter's: the list says so. */
  const unlisted = signal<string | null>(null)
  /**
   * The request the host opened (`open('requests', reference)`), while it is shown: leaving it
   * closes the dialog, as the reporter did not come from the list.
   */
  let direct: string | null = null
  let returnFocus: HTMLElement | null = null

  /** The report as the form has it now (its picture apart). */
  const draft = (): ReportInput => {
    const text = (s: string) => s.trim() || undefined
    return {
      category: category.value,
      description: description.value.trim(),
      blocking: blocking.value,
      reporter: {
        ...user.value,
        name: text(name.value),
        email: text(email.value),
        phone: text(phone.value),
      },
    }
  }
  const keptLines = (logs: LogEntry[] = []) =>
    logs.filter((line) => !removedLines.value.includes(lineKey(line)))
  /** Exactly what will be sent: the preview less what the reporter removed. */
  const payload = computed(
    () =>
      preview.value && {
        ...preview.value,
        context: contextRemoved.value ? undefined : preview.value.context,
        logs: keptLines(preview.value.logs),
      },
  )
  // The preview follows the draft while the form is open; a stale answer never wins.
  let asked = 0
  const askPreview = (input = draft()) => {
    const n = ++asked
    client.preview(input).then(
      (p) => void (n === asked && (preview.value = p)),
      () => {},
    )
  }
  const stopPreview = effect(() => void (view.value === 'form' && askPreview(draft())))
  /** Asks the SDK again: the reporter opened "what will be sent", or the host changed its data. */
  const refreshPreview = () => void (view.value === 'form' && askPreview())
  // A queued report settled later: its reference goes to the host, and the screen that still
  // says "not sent yet" for it tells the reference, or that it was refused after all.
  const stopListening = client.on((event) => {
    const waiting = outcome.value
    const shown = waiting?.kind === 'queued' && waiting.outboxId === event.outboxId
    if (event.kind === 'rejected') {
      if (shown)
        outcome.value = {
          kind: 'refused',
          message: t(`error_${widgetErrorCode(event.error.code)}`),
        }
      return
    }
    const { reference, statusUrl, mailTo } = event.ticket
    if (shown) outcome.value = { kind: 'sent', reference, statusUrl, mailTo: mailTo ?? null }
    events.emit('submitted', { status: 'sent', reference, statusUrl, outboxId: event.outboxId })
  })

  function setShot(next: Shot | null) {
    for (const url of staleUrls(shot.value, next)) URL.revokeObjectURL(url)
    shot.value = next
    captureFailed.value = false
    if (errors.value.screenshot) errors.value = { ...errors.value, screenshot: undefined }
  }

  /** The page is captured for the form unless the reporter attached or marked up a picture. */
  const wantsCapture = () => {
    const current = shot.value
    return options.screenshot && !(current && (current.marks.length || current.origin === 'file'))
  }

  /** The capture under way (or the last one): a report sent meanwhile waits for its picture. */
  let captured = Promise.resolve()
  async function capture() {
    batch(() => {
      // The picture of an earlier open shows another moment: the new one takes its place.
      setShot(null)
      capturing.value = true
    })
    // After the dialog's first frame: the renderer's work on the page must not hold it back.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
    const result = await client.captureScreenshot()
    batch(() => {
      capturing.value = false
      // A picture the reporter attached (or marked up) meanwhile stays.
      if (!wantsCapture()) return
      if (result.ok) setShot(shotOf(result, 'capture'))
      else captureFailed.value = true
    })
  }

  /**
   * Shows the form at once, the page captured behind it: a renderer draws the page itself, never
   * the widget's element (`data-snagbox-ignore`), so the dialog is not in the picture, which fills
   * in when ready. A draft and a picture the reporter worked on are kept from last time.
   */
  function showForm() {
    batch(() => {
      outcome.value = null
      unlisted.value = null
      direct = null
      view.value = 'form'
    })
    if (wantsCapture() && !capturing.value) captured = capture()
  }

  function close() {
    if (view.value === 'closed') return
    const wasDone = view.value === 'done'
    direct = null
    view.value = 'closed'
    if (wasDone) outcome.value = null
    events.emit('close', undefined)
  }

  function showRequests() {
    batch(() => {
      unlisted.value = null
      direct = null
      view.value = 'requests'
    })
  }

  function reset() {
    batch(() => {
      category.value = 'incident'
      description.value = ''
      blocking.value = false
      name.value = user.value.name ?? ''
      email.value = user.value.email ?? ''
      phone.value = user.value.phone ?? ''
      errors.value = {}
      formError.value = ''
      removedLines.value = []
      contextRemoved.value = false
      setShot(null)
    })
  }

  return {
    view,
    category,
    description,
    name,
    email,
    phone,
    blocking,
    shot,
    capturing,
    captureFailed,
    errors,
    formError,
    sending,
    outcome,
    payload,
    user,
    requests,
    reference,
    unlisted,

    /**
     * Opens the form at once (see `showForm`), the page captured behind it; or "My requests",
     * with `wanted` that request's conversation. Nothing while the dialog is open.
     */
    open(opener?: HTMLElement | null, target: 'form' | 'requests' = 'form', wanted?: string) {
      if (view.value !== 'closed') return
      returnFocus = opener ?? null
      // From the launcher while support has written: what they wrote, rather than a new form.
      if (target === 'requests' || (opener && opener === launcher && requests.value?.unread))
        batch(() => {
          unlisted.value = null
          direct = wanted ?? null
          if (wanted) reference.value = wanted
          view.value = wanted ? 'request' : 'requests'
        })
      else showForm()
      events.emit('open', undefined)
    },

    /** "My requests", from the form or back from a request. */
    showRequests,
    /** The request the host opened is not among the reporter's: the list, saying so. */
    notListed(wanted: string) {
      batch(() => {
        showRequests()
        unlisted.value = wanted
      })
    },
    /** Whether the request shown is the one the host opened (`open('requests', reference)`). */
    openedDirectly: (shown: string) => direct === shown,
    /** One request's conversation, from "My requests". */
    showRequest(next: string) {
      batch(() => {
        unlisted.value = null
        direct = null
        reference.value = next
        view.value = 'request'
      })
    },
    /** Leaving a request: back to the list, or — opened by the host — out of the dialog. */
    leaveRequest() {
      if (direct === reference.value) close()
      else showRequests()
    },
    /** The form, from "My requests". */
    showForm,

    close,
    /** Once the dialog has gone: the focus goes back to what opened it. */
    restoreFocus() {
      if (returnFocus?.isConnected) returnFocus.focus()
      returnFocus = null
    },

    /** A new host user fills the contact fields the reporter has not changed. */
    setUser(next: Reporter | null) {
      const previous = user.value
      const current = { ...next }
      batch(() => {
        user.value = current
        if (name.value === (previous.name ?? '')) name.value = current.name ?? ''
        if (email.value === (previous.email ?? '')) email.value = current.email ?? ''
        if (phone.value === (previous.phone ?? '')) phone.value = current.phone ?? ''
      })
    },

    /** The reporter takes a log line out of the report. */
    removeLine: (line: LogEntry) =>
      void (removedLines.value = [...removedLines.value, lineKey(line)]),
    /** The reporter takes the host's data (`setContext`) out of the report. */
    removeContext: () => void (contextRemoved.value = true),
    refreshPreview,

    /** The returning-focus target, e.g. the launcher when the dialog was opened from it. */
    setReturnFocus(element: HTMLElement | null) {
      returnFocus = element
    },

    /**
     * An attached or pasted picture replaces the capture; anything else is refused with a reason.
     * It is encoded now, as a capture is: the preview shows what will be sent, and a report queued
     * offline has its picture in hand. (If that fails, the SDK tries again when sending.)
     */
    async attach(file: Blob) {
      if (!isImageType(file.type))
        return void (errors.value = { ...errors.value, screenshot: t('screenshotBadFile') })
      const encoded = await client.captureScreenshot({ image: file })
      setShot(shotOf(encoded.ok ? encoded : file, 'file'))
    },
    /** A pasted or dropped picture, if the data has one: `true` when it was taken. */
    attachFrom(data: DataTransfer | null): boolean {
      const image = imageFrom(data)
      if (image) void this.attach(image)
      return !!image
    },
    removeShot: () => setShot(null),
    /** The editor's marks, and the picture with them drawn on (`null` when there are none). */
    applyEdit(flattened: Blob | null, marks: Mark[]) {
      batch(() => {
        if (shot.value) setShot(markedShot(shot.value, marks, flattened))
        view.value = 'form'
      })
    },
    editShot: () => void (shot.value && (view.value = 'editor')),
    leaveEditor: () => void (view.value = 'form'),

    /** Sends the report. On any error the draft stays as it is, with the reasons beside the fields. */
    async submit() {
      if (sending.value) return
      const problems = validateDraft({ description: description.value, email: email.value })
      if (Object.keys(problems).length) {
        batch(() => {
          errors.value = Object.fromEntries(
            Object.entries(problems).map(([field, key]) => [field, t(key)]),
          )
          formError.value = t('fixFields')
        })
        return
      }
      batch(() => {
        sending.value = true
        errors.value = {}
        formError.value = ''
      })
      // The picture the form says it is taking goes with the report.
      await captured
      const input: ReportInput = { ...draft(), screenshot: shot.value?.input }
      // What the reporter removed is not sent: the lines as the SDK has them now, less those.
      if (removedLines.value.length)
        input.logs = keptLines(
          await client.preview(input).then(
            (p) => p.logs,
            () => [],
          ),
        )
      if (contextRemoved.value) input.context = false
      const result = await client.report(input)
      const next = outcomeOf(result, t)
      batch(() => {
        sending.value = false
        if (next.kind === 'error') {
          errors.value = next.fields
          formError.value = next.message
          return
        }
        outcome.value = next
        view.value = 'done'
        reset()
      })
      if (next.kind === 'sent')
        events.emit('submitted', {
          status: 'sent',
          reference: next.reference,
          statusUrl: next.statusUrl,
        })
      if (next.kind === 'queued')
        events.emit('submitted', { status: 'queued', outboxId: next.outboxId })
    },

    /** Stops following the draft and the outbox (the widget is unmounted). */
    dispose() {
      stopPreview()
      stopListening()
    },
  }
}

export type WidgetState = ReturnType<typeof createState>
