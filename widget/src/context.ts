import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { Translate } from './i18n/index.js'
import type { ResolvedOptions } from './options.js'
import type { WidgetState } from './state.js'

export interface WidgetContext {
  state: WidgetState
  t: Translate
  options: ResolvedOptions
}

export const Widget = createContext<WidgetContext>(null as unknown as WidgetContext)

/** The widget's state, translator and options, for any component under `<App>`. */
export const useWidget = () => useContext(Widget)
