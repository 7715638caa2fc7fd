import type { SdkError } from '@snagbox/sdk'
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { Translate } from '../i18n/translate.js'
import { widgetErrorCode } from '../outcome.js'
import { useWidget } from '../widget-context.js'
import { CHANGED, type Conversation } from './conversation.js'
import { fullTime, relativeTime } from './when.js'
import type { RequestsTranslate } from './words.js'

/** What the components of the conversation part share. */
export interface Requests {
  rt: RequestsTranslate
  conversation: Conversation
}

export const RequestsContext = createContext<Requests>(null as unknown as Requests)

/** The conversation's translator and state, for the components of the part. */
export const useRequests = () => useContext(RequestsContext)

/** When something happened, relative ("5 minutes ago"), with the date and time as its title. */
export function When({ iso }: { iso: string }) {
  const { options } = useWidget()
  const { rt, conversation } = useRequests()
  return (
    <time dateTime={iso} title={fullTime(iso, options.lang)}>
      {relativeTime(iso, conversation.now.value, options.lang, rt('justNow'))}
    </time>
  )
}

/** A text with `{when}` in it (`Saved {when}`), the relative time in its place. */
export function WithTime({ text, iso }: { text: string; iso: string }) {
  const [before, after = ''] = text.split('{when}')
  return (
    <>
      {before}
      <When iso={iso} />
      {after}
    </>
  )
}

/** What the reporter is told of a failed call: in the conversation's words where it has them. */
export function errorWords(error: SdkError, t: Translate, rt: RequestsTranslate): string {
  if (error.code === 'not_found') return rt('gone')
  if (CHANGED.has(error.code)) return rt('changed')
  return t(`error_${widgetErrorCode(error.code)}`)
}
