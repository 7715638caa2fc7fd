import type { TicketPayload } from './contract/index.js'
import { assemble, detectPlatform, userAgentParser } from './environment/collect.js'
import { sdkError, type SdkError } from './errors.js'
import { pageWindow } from './page-window.js'
import { startLogBuffer } from './logs/log-buffer.js'
import { resolveOptions, type ClientOptions } from './options.js'
import type { ReportInput } from './report-input.js'
import type { OutboxEvent, ReportResult } from './report-result.js'
import type { ReplyEvent } from './requests/types.js'
import { attachScreenshot } from './screenshot/attach-screenshot.js'
import { captureScreenshot, prepareScreenshot } from './screenshot/capture-screenshot.js'
import type { SnagboxClient } from './snagbox-client.js'
import { createOutbox } from './transport/outbox.js'
import { requestsAddOn } from './requests/load.js'
import { rememberedStore, userIdOf, type RequestsContext } from './requests/remembered.js'

/**
 * Creates the SDK client: collects the environment, captures screenshots and delivers reports,
 * keeping those it cannot send in an outbox until the network or the server is back.
 *
 * @example
 * const snag = createClient({ endpoint: 'https://support.example.com', projectKey: 'pk_live_…', app: { version: '4.30.34', build: '6255' } })
 * snag.setUser({ email: 'anna@example.com' })
 * const result = await snag.report({ description: 'Export fails', screenshot: true })
 * // { status: 'sent', reference: 'DEMO-42', statusUrl, … } or { status: 'queued', … }
 */
export function createClient(options: ClientOptions): SnagboxClient {
  const o = resolveOptions(options)
  const logs = o.logs ? (o.logs.buffer ?? startLogBuffer(o.logs.max)) : null
  const remembered = rememberedStore(o)
  // Every request sent is remembered, also one the outbox delivers later: `myRequests()` lists them.
  const { send, queued, ...outbox } = createOutbox(o, ({ reference, statusUrl, createdAt }) =>
    remembered
      .then((s) => s.put({ id: reference, statusUrl, createdAt, userId: userIdOf(o) }))
      .then(() => requests.added?.())
      // Not remembered is no failure of the report.
      .catch(() => {}),
  )
  const requests: RequestsContext = { o, remembered, queued }
  let platform: ReturnType<typeof detectPlatform> | undefined
  // Detected once; a detection that failed (a host's runtime function threw) is tried again.
  const detect = async () =>
    assemble(
      await (platform ??= detectPlatform(o.environment).catch((e) => {
        platform = undefined
        throw e
      })),
      o.environment,
    )

  // The client's facts, the report's own and the logs: all of a payload but its picture.
  const build = async (input: ReportInput): Promise<TicketPayload> => ({
    environment: await detect(),
    category: input.category,
    blocking: input.blocking,
    subject: input.subject,
    description: input.description,
    reporter: { ...o.user, ...input.reporter },
    app: { ...o.app, ...input.app },
    // `false`: none (JSON leaves `undefined` out).
    context: input.context === false ? undefined : { ...o.context, ...input.context },
    logs: Array.isArray(input.logs)
      ? input.logs
      : logs && input.logs !== false
        ? logs.snapshot()
        : undefined,
  })

  return {
    ...outbox,
    preview: build,
    async report(input) {
      try {
        const built = await build(input)
        let screenshotError: SdkError | undefined
        if (input.screenshot) {
          ;({ dataUrl: built.screenshot, error: screenshotError } = await attachScreenshot(
            input.screenshot,
            o.screenshot,
          ))
        }
        const payload = await Promise.resolve(built)
          .then(o.beforeSend)
          // A scrubber that failed must not let the unscrubbed report out.
          .catch((cause) => sdkError('vetoed', { message: `beforeSend threw: ${cause}` }))
        const result: ReportResult =
          !payload || 'code' in payload
            ? { status: 'rejected', error: payload || sdkError('vetoed') }
            : // The server validates everything; only an empty report is stopped here, so it is
              // not queued to be refused later (the full validator would double the core's size).
              !payload.description?.trim()
              ? {
                  status: 'rejected',
                  error: sdkError('invalid_payload', {
                    errors: [{ path: 'description', message: 'is required' }],
                  }),
                }
              : await send(payload)
        return screenshotError ? { ...result, screenshotError } : result
      } catch (cause) {
        return { status: 'failed', error: sdkError('internal_error', { message: String(cause) }) }
      }
    },
    collectEnvironment: detect,
    captureScreenshot: (options) => captureScreenshot({ ...o.screenshot, ...options }),
    async prepare({ screenshot = true } = {}) {
      // Node and Electron's main process read their runtime: no parser to fetch there.
      const page = !o.environment.runtime && !!(o.environment.window ?? pageWindow())
      const ready = await Promise.all([
        page
          ? userAgentParser().then(
              () => true,
              () => false,
            )
          : true,
        screenshot ? prepareScreenshot(o.screenshot) : true,
      ])
      return ready.every(Boolean)
    },
    setApp: (app) => void Object.assign(o.app, app),
    setUser: (user) => void (o.user = { ...user }),
    setContext: (context) => void Object.assign(o.context, context),
    on: (
      event: 'reply' | ((event: OutboxEvent) => void),
      listener?: (event: ReplyEvent) => void,
    ) =>
      typeof event === 'function'
        ? outbox.on(event)
        : (requestsAddOn('follow', requests, listener!),
          () => void requestsAddOn('unfollow', requests, listener!)),
    myRequests: () => requestsAddOn('myRequests', requests),
    request: (reference) => requestsAddOn('request', requests, reference),
    close() {
      outbox.close()
      logs?.stop()
      requests.stop?.()
    },
  }
}
