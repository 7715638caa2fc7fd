import { pickLanguage, type Language } from '@snagbox/sdk/contract'
import type { Messages } from './i18n/en.js'

/**
 * Where the launcher button sits.
 *
 * @example
 * createWidget({ key, endpoint, position: 'bottom-left' satisfies LauncherPosition })
 */
export type LauncherPosition = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left'

/**
 * Everything the widget takes; all optional but the key. The script tag gives them as `data-*`
 * attributes (`data-key`, `data-app-version`, `data-lang`, `data-launcher="false"`, …).
 *
 * @example
 * const options: WidgetOptions = { key: 'pk_live_…', endpoint: 'https://support.example.com', app: { version: '4.30.34', build: '6255' }, accent: '#0a7' }
 */
export interface WidgetOptions {
  /** The project's public key, `pk_…`. */
  key?: string
  /** The Snagbox server; the script tag defaults it to where the script came from. */
  endpoint?: string
  app?: { name?: string; version?: string; build?: string; environment?: string }
  /** `en` or `ru`; default: the browser's language. */
  lang?: string
  /** `false` when the host opens the form with its own button (`data-snagbox-open`). */
  launcher?: boolean
  position?: LauncherPosition
  /** `auto` follows the system's light or dark mode. */
  theme?: 'auto' | 'light' | 'dark'
  /** Any CSS colour for buttons and focus rings. */
  accent?: string
  /** Capture the page when the form opens. */
  screenshot?: boolean
  /** The CSP nonce for the widget's `<style>` where constructable stylesheets are missing. */
  nonce?: string
  /** Stacking order of the launcher and the dialog. */
  zIndex?: number
  /** Any of the widget's texts, replaced. */
  messages?: Partial<Messages>
}

/** The options resolved once against {@link DEFAULTS}: nothing after this checks for a missing one. */
export interface ResolvedOptions {
  key: string
  endpoint: string
  app: NonNullable<WidgetOptions['app']>
  lang: Language
  launcher: boolean
  position: LauncherPosition
  theme: 'auto' | 'light' | 'dark'
  accent: string
  screenshot: boolean
  nonce: string
  zIndex: number
  messages: Partial<Messages>
}

export const DEFAULTS = {
  launcher: true,
  position: 'bottom-right',
  theme: 'auto',
  accent: '#2563eb',
  screenshot: true,
  zIndex: 2147483000,
} as const

const POSITIONS: readonly LauncherPosition[] = [
  'bottom-right',
  'bottom-left',
  'top-right',
  'top-left',
]

/** Resolves the public options once. Unusable values fall back to the defaults instead of throwing. */
export function resolveOptions(
  o: WidgetOptions,
  languages: readonly string[] = browserLanguages(),
): ResolvedOptions {
  return {
    key: o.key ?? '',
    endpoint: o.endpoint ?? '',
    app: { ...o.app },
    lang: pickLanguage([o.lang, ...languages]),
    launcher: o.launcher ?? DEFAULTS.launcher,
    position: POSITIONS.includes(o.position!) ? o.position! : DEFAULTS.position,
    theme: o.theme === 'light' || o.theme === 'dark' ? o.theme : DEFAULTS.theme,
    // The colour goes into a stylesheet: only a value the browser parses as a colour is let in.
    accent: o.accent && isColour(o.accent) ? o.accent : DEFAULTS.accent,
    screenshot: o.screenshot ?? DEFAULTS.screenshot,
    nonce: o.nonce ?? '',
    zIndex: Number.isSafeInteger(o.zIndex) ? o.zIndex! : DEFAULTS.zIndex,
    messages: { ...o.messages },
  }
}

const isColour = (value: string) =>
  !/[;{}<>\\]/.test(value) && (typeof CSS === 'undefined' || CSS.supports('color', value))

const browserLanguages = () =>
  typeof navigator === 'object' ? [...(navigator.languages ?? []), navigator.language] : []

const flag = (value: string | undefined) =>
  value === undefined ? undefined : !/^(false|0|no|off)$/i.test(value)

/**
 * Reads the script tag: `data-*` attributes, the endpoint from the script's own address, and the
 * script's CSP nonce.
 *
 * @example
 * optionsFromScript(document.currentScript) // { key: 'pk_…', endpoint: 'https://support.example.com/', app: { … } }
 */
export function optionsFromScript(script: HTMLScriptElement): WidgetOptions {
  const d = script.dataset
  const app = {
    name: d.appName,
    version: d.appVersion,
    build: d.appBuild,
    environment: d.appEnvironment,
  }
  return {
    key: d.key,
    // The directory the script came from: `https://support.example.com/widget.js` → that origin.
    endpoint: d.endpoint ?? (script.src ? new URL('.', script.src).href : undefined),
    app: Object.fromEntries(Object.entries(app).filter(([, v]) => v !== undefined)),
    lang: d.lang,
    launcher: flag(d.launcher),
    position: d.position as LauncherPosition | undefined,
    theme: d.theme as WidgetOptions['theme'],
    accent: d.accent,
    screenshot: flag(d.screenshot),
    nonce: script.nonce || d.nonce,
    zIndex: d.zIndex ? Number(d.zIndex) : undefined,
  }
}
