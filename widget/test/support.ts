/** What the widget's unit tests share: a fake SDK client and a mounted widget. Not shipped. */
import type {
  CollectedEnvironment,
  OutboxEvent,
  ReportInput,
  ReportResult,
  ScreenshotResult,
  SdkError,
  SdkErrorCode,
  SnagboxClient,
  TicketPayload,
} from '@snagbox/sdk'
import { createApi } from '../src/api.js'
import type { WidgetOptions } from '../src/options.js'

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
    setApp: (app: object) => void log.push(`setApp ${JSON.stringify(app)}`),
    setContext(context: Record<string, unknown>) {
      log.push(`setContext ${JSON.stringify(context)}`)
      Object.assign(client.context, context)
    },
    on(listener: (event: OutboxEvent) => void) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    deliver: (event: OutboxEvent) => listeners.forEach((fn) => fn(event)),
  }
  return client
}

/** Lets Preact render what the signals changed, and pending promises settle. */
export const settle = async (rounds = 3) => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0))
}

/** A widget on the test's page, with helpers that look inside its shadow root. */
export function mountTestWidget(options: WidgetOptions = {}, client = fakeClient()) {
  const api = createApi(
    { key: 'pk_test', endpoint: 'https://support.example.com', lang: 'en', ...options },
    client as unknown as SnagboxClient,
  )
  const root = api.widget.root
  const $ = <E extends Element = HTMLElement>(selector: string) =>
    root.querySelector<E & HTMLElement>(selector)
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
  return { api, client, root, $, type, send, unmount: api.widget.unmount }
}

/** An SDK error as the client would return it (tests only). */
export const sdkErrorFor = (code: SdkErrorCode, errors?: SdkError['errors']): SdkError => ({
  code,
  message: code,
  ...(errors ? { errors } : {}),
})
