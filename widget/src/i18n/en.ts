import type { RequestsMessages } from './requests-en.js'
import type { LauncherMessages } from './launcher.js'

/**
 * Every string the dialog shows, in English: the reference dictionary, loaded with the dialog (the
 * launcher's few strings are in `launcher.ts`). Other languages must have every key (a test
 * checks); a host can override any of them with the `messages` option.
 */
export const en = {
  title: 'Report a problem',
  intro: 'Tell us what went wrong. Technical details are attached for you.',
  myRequests: 'My requests',
  myRequestsCount: 'My requests ({n})',
  myRequestsUnread: ', with new replies: {n}',
  close: 'Close',
  categoryLegend: 'What is it about?',
  category_incident: 'Something is broken',
  category_incident_hint: 'An error, or something does not work for me',
  category_mass_incident: 'Many people are affected',
  category_mass_incident_hint: 'Work has stopped for several people or a whole team',
  category_consultation: 'I have a question',
  category_consultation_hint: 'How do I do something?',
  category_feature_request: 'I have an idea',
  category_feature_request_hint: 'An improvement or a new feature',
  description: 'What happened?',
  descriptionHint:
    'What did you do, what did you expect, and what happened instead? Paste the error text if there is one.',
  blocking: 'This blocks my work',
  blockingHint: 'Requests that stop work are handled first.',
  screenshot: 'Screenshot',
  screenshotCapturing: 'Taking a screenshot…',
  screenshotNone: 'No screenshot attached.',
  screenshotFailed: 'The screenshot could not be taken. You can attach an image instead.',
  screenshotAlt: 'Screenshot that will be sent',
  screenshotPrivacy: 'Password and card fields are blacked out automatically.',
  screenshotEdit: 'Mark up or hide parts',
  screenshotRemove: 'Remove screenshot',
  screenshotAttach: 'Attach an image',
  screenshotPaste: 'You can also paste an image (Ctrl+V).',
  screenshotBadFile: 'This file is not an image. Attach a PNG, JPEG or WebP picture.',
  contact: 'How can we reach you?',
  name: 'Name',
  email: 'E-mail',
  phone: 'Phone',
  details: 'What will be sent',
  detailsIntro:
    'Besides your description, contact details and the screenshot, the support team gets all of this: facts about your system, data from this application and the recent error messages of this page. You can remove the data and any message before sending.',
  detailsLoading: 'Collecting…',
  detailsRaw: 'Exactly as sent',
  detailsContext: 'Data from this application',
  detailsContextRemove: 'Do not send this data',
  detailsLogs: 'Recent error messages of this page',
  detailsLogRemove: 'Remove',
  detailsLogRemoveLine: 'Remove this line: {line}',
  envOrganization: 'Organization',
  envOs: 'Operating system',
  envBrowser: 'Browser',
  envApp: 'Application',
  envScreen: 'Screen',
  envLanguage: 'Language and time zone',
  envPage: 'Page',
  bits: '{n}-bit',
  build: 'build {build}',
  unknown: 'unknown',
  cancel: 'Cancel',
  send: 'Send',
  sending: 'Sending…',
  required: 'Please describe the problem.',
  invalidEmail: 'This does not look like an e-mail address.',
  fixFields: 'Please correct the marked fields.',
  sentTitle: 'Your request has been sent',
  sentReference: 'Request number',
  sentKeep: 'Keep this number to refer to your request.',
  sentMailTo: 'We will e-mail you at {address} when there is news.',
  sentStatus: 'Follow its progress',
  queuedTitle: 'Saved, not sent yet',
  refusedTitle: 'Your request was not sent',
  queuedText:
    'The support server cannot be reached right now. Your request is kept on this device and will be sent automatically when the connection is back.',
  queuedTextVolatile:
    'The support server cannot be reached right now. Your request will be sent automatically when the connection is back, as long as this page stays open.',
  done: 'Done',
  error_network: 'Could not reach the support server. Check your connection and try again.',
  error_rate_limited: 'Too many requests were sent. Please wait a minute and try again.',
  error_too_large: 'The request is too large. Try removing the screenshot.',
  error_bad_image:
    'The screenshot could not be read. Attach a PNG, JPEG or WebP picture, or remove it.',
  error_not_configured:
    'This form is not set up for this site yet. Please contact support another way.',
  error_failed:
    'Something went wrong and the request was not sent. Your text is kept, please try again.',
  editorTitle: 'Mark up the screenshot',
  editorHint: 'Drag on the picture. Use “Hide” to black out anything private.',
  toolPen: 'Draw',
  toolArrow: 'Arrow',
  toolBox: 'Highlight',
  toolRedact: 'Hide',
  undo: 'Undo',
  editorApply: 'Use this picture',
  editorCancel: 'Back without changes',
  editorCanvas: 'Screenshot being marked up',
  partLoading: 'Loading…',
  partFailed: 'This part of the form did not load. Check the connection.',
  retry: 'Try again',
} as const

/**
 * The keys of the dialog's texts, which every language has.
 *
 * @example
 * const key: MessageKey = 'title' // 'Report a problem'
 */
export type MessageKey = keyof typeof en
/** The dialog's texts in one language. */
export type DialogMessages = Record<MessageKey, string>
/**
 * Every text of the widget, the launcher's, the dialog's and "My requests"'; the `messages`
 * option replaces any.
 *
 * @example
 * const messages: Partial<Messages> = { launcher: 'Help', title: 'Tell Kvant Energo support' }
 * createWidget({ key, endpoint, messages })
 */
export type Messages = DialogMessages & LauncherMessages & RequestsMessages
