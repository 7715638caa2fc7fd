import type { Language } from '@snagbox/sdk/contract'
import { lang } from '../i18n/index.js'
import { toolsEn, type ToolsKey, type ToolsMessages } from './messages-en.js'
import { toolsRu } from './messages-ru.js'

// The queue tools' strings load with them, not with every agent's inbox.js.
const MESSAGES: Record<Language, ToolsMessages> = { en: toolsEn, ru: toolsRu }

/** A queue tool's string in the inbox's language, with `{name}` placeholders filled in. */
export function qt(key: ToolsKey, values: Record<string, string | number> = {}): string {
  const text: string = MESSAGES[lang.value][key]
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))
}
