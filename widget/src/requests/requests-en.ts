/**
 * The conversation part in English: "My requests", one request's conversation, and the
 * follower of support's replies behind the launcher's badge (loaded on first use).
 */
import { en } from '../i18n/requests-en.js'
import { requestsPartOf } from './requests-part.js'

export { conversationOf } from './conversation.js'
export const requestsPart = requestsPartOf(en)
