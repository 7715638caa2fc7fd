/** What the widget's unit tests share: a fake SDK client and a mounted widget. Not shipped. */
import type {
  CollectedEnvironment,
  MyRequests,
  OutboxEvent,
  ReplyEvent,
  Reporter,
  RequestResult,
  ReportInput,
  ReportResult,
  ScreenshotResult,
  SdkError,
  SdkErrorCode,
  SnagboxClient,
  TicketPayload,
} from '@snagbox/sdk'
import { startDialog } from '../src/dialog-part.js'
import { startFirstStage } from '../src/lazy-api.js'
import { DICTIONARIES } from '../src/i18n/dictionaries.js'
import { resolveOptions, type WidgetOptions } from '../src/options.js'
import { createShell } from '../src/shell.js'

export const ENVIRONMENT = {
  os: { name: 'Windows', version: '11', bitness: 64, architecture: 'x64', source: 'client-hints' },
  browser: { name: 'Chrome', version: '156.0.0.0', bitness: 64 },
  device: { type: 'desktop', vendor: null, model: null },
  screen: {
    width: 1920,
    height: 1080,
    pixelRatio: 1,
    viewportWidth: 1280,
    viewportHeight: 720,
    colorScheme: 'light',
  },
  locale: 'en-GB',
  timezone: 'Europe/Moscow',
  userAgent: 'Mozilla/5.0',
  url: 'https://app.example.com/orders',
  referrer: null,
  raw: { userAgent: 'Mozilla/5.0', clientHints: null, platform: 'Win32', maxTouchPoints: 0 },
} satisfies CollectedEnvironment

export const SENT: ReportResult = {
  status: 'sent',
  id: '1',
  reference: 'DEMO-7',
  statusUrl: 'https://support.example.com/status/tok',
  createdAt: 'now',
}

export function fakeShot(): ScreenshotResult {
  const blob = new Blob(['webp'], { type: 'image/webp' })
  return {
    ok: true,
    blob,
    width: 1280,
    height: 720,
    bytes: blob.size,
    type: 'image/webp',
    unrendered: [],
    masked: true,
    engine: 'fake',
  }
}

/**
 * A client that records what it is asked and answers as told. Its `preview` builds the payload
 * as the SDK does (the logs it holds, the context set, the input's reporter); `deliver` plays the
 * outbox settling a queued report later.
 */
export function fakeClient(
  answer: ReportResult = SENT,
  shot: () => Promise<ScreenshotResult> = async () => fakeShot(),
) {
  const reports: ReportInput[] = []
  const log: string[] = []
  const listeners = new Set<(event: OutboxEvent) => void>()
  const replies = new Set<(event: ReplyEvent) => void>()
  const client = {
    answer,
    reports,
    log,
    /** The console lines the SDK would attach. */
    logs: [] as NonNullable<TicketPayload['logs']>,
    context: {} as Record<string, unknown>,
    async report(input: ReportInput) {
      reports.push(input)
      return client.answer
    },
    async preview(input: ReportInput): Promise<TicketPayload> {
      const logs = Array.isArray(input.logs) ? input.logs : input.logs === false ? [] : client.logs
      return {
        environment: ENVIRONMENT,
        category: input.category,
        blocking: input.blocking,
        description: input.description,
        reporter: { ...input.reporter },
        app: {},
        context: input.context === false ? undefined : { ...client.context, ...input.context },
        ...(logs.length ? { logs } : {}),
      }
    },
    collectEnvironment: async () => ENVIRONMENT,
    /** A capture of the page, or (given an `image`) the encoding of an attached picture. */
    captureScreenshot: (options?: { image?: unknown }) => (
      log.push(options?.image ? 'encode' : 'capture'),
      shot()
    ),
    /** Fetching ahead the parser and (on intent) the capture and its renderer. */
    prepare: async (options?: { screenshot?: boolean }) => (
      log.push(options?.screenshot === false ? 'prepare' : 'prepare with screenshot'),
      true
    ),
    setApp: (app: object) => void log.push(`setApp ${JSON.stringify(app)}`),
    /** The user the SDK was given (its id and signature list a signed-in user's requests). */
    user: null as Reporter | null,
    setUser: (user: Reporter | null) => void (client.user = user),
    setContext(context: Record<string, unknown>) {
      log.push(`setContext ${JSON.stringify(context)}`)
      Object.assign(client.context, context)
    },
    on(event: 'reply' | ((event: OutboxEvent) => void), listener?: (event: ReplyEvent) => void) {
      if (event === 'reply') {
        replies.add(listener!)
        return () => void replies.delete(listener!)
      }
      listeners.add(event)
      return () => void listeners.delete(event)
    },
    deliver: (event: OutboxEvent) => listeners.forEach((fn) => fn(event)),
    /** Plays support writing on one of the reporter's requests, as the live stream tells it. */
    reply: (event: ReplyEvent) => replies.forEach((fn) => fn(event)),
    /** How many listen to support's replies. */
    following: () => replies.size,
    /** The reporter's requests (none, unless a test gives its own). */
    myRequests: async (): Promise<MyRequests> => ({ items: [], identity: null }),
    request: async (reference: string): Promise<RequestResult> => ({
      ok: false,
      error: sdkErrorFor('not_found', undefined, `No request ${reference} is known here`),
    }),
  }
  return client
}

/** Waits until `ready()` holds: a lazily loaded part of the dialog has arrived and rendered. */
export async function until(ready: () => unknown, what = 'the part') {
  for (let i = 0; i < 200; i++) {
    if (ready()) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`${what} never showed`)
}

/** Opens "What will be sent" in `root` and waits for its body (a part loaded when opened). */
export async function openDetails(root: ShadowRoot) {
  const details = root.querySelector<HTMLDetailsElement>('details.details')!
  details.open = true
  details.dispatchEvent(new Event('toggle'))
  await until(() => root.querySelector('.details__raw'), 'what will be sent')
  return details
}

/** Lets Preact render what the signals changed, and pending promises settle. */
export const settle = async (rounds = 3) => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0))
}

/** The options every test widget starts from, resolved. */
const testOptions = (options: WidgetOptions) =>
  resolveOptions({
    key: 'pk_test',
    endpoint: 'https://support.example.com',
    lang: 'en',
    ...options,
  })

/** `querySelector` inside a shadow root, typed. */
const finder =
  (root: ShadowRoot) =>
  <E extends Element = HTMLElement>(selector: string) =>
    root.querySelector<E & HTMLElement>(selector)

/**
 * A widget on the test's page as the npm package mounts it (the shell and the dialog at once),
 * with helpers that look inside its shadow root.
 */
export function mountTestWidget(options: WidgetOptions = {}, client = fakeClient()) {
  const o = testOptions(options)
  let opened: ReturnType<typeof startDialog> | null = null
  const shell = createShell(o, {
    open: (opener, view) => opened?.open(opener, view),
    intent: () => {},
  })
  const dialog = (opened = startDialog(
    shell,
    DICTIONARIES[o.lang],
    client as unknown as SnagboxClient,
  ))
  const api = { ...dialog.api, widget: dialog.widget }
  const root = shell.root
  const $ = finder(root)
  const type = (selector: string, value: string) => {
    const input = $<HTMLInputElement>(selector)!
    input.value = value
    input.dispatchEvent(new Event('input', { bubbles: true }))
  }
  /** Opens the form, fills the fields (`#id` → text) and sends. */
  const send = async (fields: Record<string, string>) => {
    api.open()
    await settle()
    for (const [selector, value] of Object.entries(fields)) type(selector, value)
    await api.widget.state.submit()
    await settle()
  }
  const unmount = () => {
    dialog.widget.unmount()
    shell.remove()
  }
  return { api, shell, client, root, $, type, send, unmount }
}

/**
 * The script tag's first stage on the test's page, whose dialog arrives when the test says:
 * `arrive()` lets the pending load finish with the real dialog part (over `client`), `fail()`
 * makes it fail as a network error would; `idle()` plays the page's idle moment.
 */
export function startTestFirstStage(options: WidgetOptions = {}, client = fakeClient()) {
  const o = testOptions(options)
  const deferred = () => {
    let resolve!: () => void
    let reject!: (cause: unknown) => void
    const promise = new Promise<void>((yes, no) => ((resolve = yes), (reject = no)))
    return { promise, resolve, reject }
  }
  let attempts = 0
  let gate = deferred()
  let idle = () => {}
  const { api, shell } = startFirstStage(
    o,
    async () => {
      attempts++
      await gate.promise
      return {
        startDialog: (s, messages) => startDialog(s, messages, client as unknown as SnagboxClient),
        messages: DICTIONARIES[o.lang],
      }
    },
    (fn) => (idle = fn),
  )
  return {
    api,
    shell,
    client,
    $: finder(shell.root),
    /** How many times the dialog was asked for. */
    attempts: () => attempts,
    idle: () => idle(),
    async arrive() {
      gate.resolve()
      await settle()
    },
    async fail() {
      gate.reject(new TypeError('Failed to fetch dynamically imported module'))
      gate = deferred()
      await settle()
    },
  }
}

/** An SDK error as the client would return it (tests only). */
export const sdkErrorFor = (
  code: SdkErrorCode,
  errors?: SdkError['errors'],
  message: string = code,
): SdkError => ({
  code,
  message,
  ...(errors ? { errors } : {}),
})
