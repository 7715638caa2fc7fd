/**
 * @snagbox/sdk — collect an accurate environment, capture a faithful screenshot and deliver a
 * problem report that loses nothing. No UI; safe to import during server-side rendering.
 *
 * @example
 * import { createClient } from '@snagbox/sdk'
 * const snag = createClient({ endpoint: 'https://support.example.com', projectKey: 'pk_live_…', app: { name: 'Kvant Energo', version: '4.30.34', build: '6255' } })
 * const result = await snag.report({ description: 'The invoice total is wrong', screenshot: true })
 * if (result.status === 'sent') show(result.reference)
 */
export { createClient } from './client.js'
export type { SnagboxClient } from './snagbox-client.js'
export type { ReportInput } from './report-input.js'
export type { OutboxEvent, ReportResult } from './report-result.js'
export { DEFAULTS } from './options.js'
export type {
  BeforeSend,
  ClientOptions,
  Clock,
  LogOptions,
  OutboxOptions,
  RetryOptions,
} from './options.js'
export type { SdkError, SdkErrorCode } from './errors.js'

export { startLogBuffer } from './logs/log-buffer.js'
export type { LogBuffer } from './logs/log-buffer.js'

export { collectEnvironment } from './environment/collect.js'
export type { CollectedEnvironment, EnvironmentOptions } from './environment/types.js'
export type { BrandVersion, ClientHints } from './environment/client-hints.js'
export type { RuntimeFacts } from './environment/runtime.js'

export { captureScreenshot, prepareScreenshot } from './screenshot/capture-screenshot.js'
export type {
  EngineName,
  RenderRequest,
  Rendered,
  ScreenshotEngine,
  ScreenshotOptions,
  ScreenshotResult,
  Unrendered,
  Viewport,
} from './screenshot/types.js'

export type { KeyedStore, OutboxEntry, OutboxStore } from './transport/outbox-store.js'
export type {
  MyRequest,
  MyRequests,
  OpenRequest,
  ReplyEvent,
  RequestResult,
} from './requests/types.js'
export type { RememberedRequest } from './requests/remembered.js'

export type {
  AppInfo,
  Category,
  Environment,
  LogEntry,
  OsInfo,
  Reporter,
  ReporterChange,
  ReporterRequest,
  ReporterTicket,
  TicketCreated,
  TicketPayload,
  TimelineEntry,
} from './contract/index.js'
