/** The conversation part in Russian (see `requests-en.ts`). */
import { ru } from '../i18n/requests-ru.js'
import { requestsPartOf } from './requests-part.js'

export { conversationOf } from './conversation.js'
export const requestsPart = requestsPartOf(ru)
