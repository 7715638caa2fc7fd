/**
 * @snagbox/widget for bundlers: the "Report a problem" button and form as an ES module. Importing
 * it touches no browser global (safe during server-side rendering); `createWidget()` mounts it.
 * Preact, signals and `@snagbox/sdk` are dependencies, not copied in: the app's bundler shares them
 * with the app and splits what is imported lazily — the markup editor, the body of "What will be
 * sent", the SDK's screenshot renderer — into chunks of their own, loaded on first use.
 *
 * @example
 * import { createWidget } from '@snagbox/widget'
 * const snagbox = createWidget({ key: 'pk_live_…', endpoint: 'https://support.example.com', app: { version: '4.30.34', build: '6255' } })
 */
export { createWidget } from './create-widget.js'
export type { CreateWidgetOptions, SnagboxWidget } from './create-widget.js'
export type { LauncherPosition } from './options.js'
export type { WidgetEventName, WidgetEvents } from './events.js'
export type { MessageKey, Messages } from './i18n/en.js'
