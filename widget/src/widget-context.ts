import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { Translate } from './i18n/translate.js'
import type { Launcher } from './launcher.js'
import type { ResolvedOptions } from './options.js'
import type { WidgetClient, WidgetState } from './state.js'

export interface WidgetContextValue {
  state: WidgetState
  t: Translate
  options: ResolvedOptions
  /** Adds a stylesheet to the shadow root: a part loaded later brings its own. */
  addStyles(css: string): void
  /** The SDK client, for the conversation part ("My requests"). */
  client: WidgetClient
  /** The first stage's launcher, whose badge the conversation part keeps (`null`: none). */
  launcher: Launcher | null
}

export const WidgetContext = createContext<WidgetContextValue>(
  null as unknown as WidgetContextValue,
)

/** The widget's state, translator and options, for any component under `<App>`. */
export const useWidget = () => useContext(WidgetContext)
