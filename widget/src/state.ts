import { batch, signal } from '@preact/signals'
import type { Category, CollectedEnvironment, Reporter, SnagboxClient } from '@snagbox/sdk'
import type { Emitter } from './events.js'
import type { Translate } from './i18n/translate.js'
import type { ResolvedOptions } from './options.js'
import { outcomeOf, type Outcome } from './outcome.js'
import { imageFrom, isImageType, shotOf, type Shot } from './shot.js'
import { validateDraft, type FieldErrors } from './validate.js'

/** What the widget needs of the SDK client (tests pass a fake). */
export type WidgetClient = Pick<
  SnagboxClient,
  'report' | 'collectEnvironment' | 'captureScreenshot'
>

export type View = 'closed' | 'form' | 'editor' | 'done'

/**
 * The widget's state as signals, and the actions that change it. Components read the signals and
 * call the actions; nothing else talks to the SDK client.
 */
export function createState(
  client: WidgetClient,
  options: ResolvedOptions,
  t: Translate,
  events: Emitter,
) {
  const view = signal<View>('closed')
  const opening = signal(false)
  const category = signal<Category>('incident')
  const description = signal('')
  const name = signal('')
  const email = signal('')
  const phone = signal('')
  const blocking = signal(false)
  const shot = signal<Shot | null>(null)
  const capturing = signal(false)
  const captureFailed = signal(false)
  const environment = signal<CollectedEnvironment | null>(null)
  const errors = signal<FieldErrors>({})
  const formError = signal('')
  const sending = signal(false)
  const outcome = signal<Outcome | null>(null)
  const app = signal({ ...options.app })
  /** The host's user: organisation and anything else the form has no field for go along too. */
  let user: Reporter = {}
  let returnFocus: HTMLElement | null = null

  function setShot(next: Shot | null) {
    if (shot.value) URL.revokeObjectURL(shot.value.url)
    shot.value = next
    captureFailed.value = false
    if (errors.value.screenshot) errors.value = { ...errors.value, screenshot: undefined }
  }

  async function capture() {
    capturing.value = true
    const result = await client.captureScreenshot()
    batch(() => {
      capturing.value = false
      if (result.ok) setShot(shotOf(result))
      else captureFailed.value = true
    })
  }

  function reset() {
    batch(() => {
      category.value = 'incident'
      description.value = ''
      blocking.value = false
      name.value = user.name ?? ''
      email.value = user.email ?? ''
      phone.value = user.phone ?? ''
      errors.value = {}
      formError.value = ''
      setShot(null)
    })
  }

  return {
    view,
    opening,
    category,
    description,
    name,
    email,
    phone,
    blocking,
    shot,
    capturing,
    captureFailed,
    environment,
    errors,
    formError,
    sending,
    outcome,
    app,

    /**
     * Opens the form. The page is captured first, so the dialog is not in the picture; a draft
     * and a picture the reporter worked on are kept from last time.
     */
    async open(opener?: HTMLElement | null) {
      if (view.value !== 'closed' || opening.value) return
      returnFocus = opener ?? null
      opening.value = true
      void client.collectEnvironment().then(
        (env) => (environment.value = env),
        () => {},
      )
      const current = shot.value
      if (options.screenshot && !(current && (current.edited || current.origin === 'file')))
        await capture()
      batch(() => {
        opening.value = false
        outcome.value = null
        view.value = 'form'
      })
      events.emit('open', undefined)
    },

    close() {
      if (view.value === 'closed') return
      const wasDone = view.value === 'done'
      view.value = 'closed'
      if (wasDone) outcome.value = null
      events.emit('close', undefined)
      if (returnFocus?.isConnected) returnFocus.focus()
      returnFocus = null
    },

    /** A new host user fills the contact fields the reporter has not changed. */
    setUser(next: Reporter | null) {
      const previous = user
      user = { ...next }
      batch(() => {
        if (name.value === (previous.name ?? '')) name.value = user.name ?? ''
        if (email.value === (previous.email ?? '')) email.value = user.email ?? ''
        if (phone.value === (previous.phone ?? '')) phone.value = user.phone ?? ''
      })
    },

    /** The host's app facts, shown in "what will be sent" (the client sends them). */
    setApp: (next: ResolvedOptions['app']) => void (app.value = { ...app.value, ...next }),

    /** The returning-focus target, e.g. the launcher when the dialog was opened from it. */
    setReturnFocus(element: HTMLElement | null) {
      returnFocus = element
    },

    /** An attached or pasted picture replaces the capture; anything else is refused with a reason. */
    attach(file: Blob) {
      if (!isImageType(file.type))
        return void (errors.value = { ...errors.value, screenshot: t('screenshotBadFile') })
      setShot(shotOf(file, 'file', false))
    },
    /** A pasted or dropped picture, if the data has one: `true` when it was taken. */
    attachFrom(data: DataTransfer | null): boolean {
      const image = imageFrom(data)
      if (image) this.attach(image)
      return !!image
    },
    removeShot: () => setShot(null),
    /** The marked-up picture from the editor. */
    applyEdit(blob: Blob) {
      batch(() => {
        setShot(shotOf(blob, shot.value?.origin ?? 'capture', true))
        view.value = 'form'
      })
    },
    editShot: () => void (shot.value && (view.value = 'editor')),
    leaveEditor: () => void (view.value = 'form'),

    /** Sends the report. On any error the draft stays as it is, with the reasons beside the fields. */
    async submit() {
      if (sending.value) return
      const problems = validateDraft({ description: description.value, email: email.value })
      if (Object.keys(problems).length) {
        batch(() => {
          errors.value = Object.fromEntries(
            Object.entries(problems).map(([field, key]) => [field, t(key)]),
          )
          formError.value = t('fixFields')
        })
        return
      }
      batch(() => {
        sending.value = true
        errors.value = {}
        formError.value = ''
      })
      const text = (s: string) => s.trim() || undefined
      const result = await client.report({
        category: category.value,
        description: description.value.trim(),
        blocking: blocking.value,
        reporter: {
          ...user,
          name: text(name.value),
          email: text(email.value),
          phone: text(phone.value),
        },
        screenshot: shot.value?.input,
      })
      const next = outcomeOf(result, t)
      batch(() => {
        sending.value = false
        if (next.kind === 'error') {
          errors.value = next.fields
          formError.value = next.message
          return
        }
        outcome.value = next
        view.value = 'done'
        reset()
      })
      if (next.kind === 'sent')
        events.emit('submitted', {
          status: 'sent',
          reference: next.reference,
          statusUrl: next.statusUrl,
        })
      if (next.kind === 'queued') events.emit('submitted', { status: 'queued' })
    },
  }
}

export type WidgetState = ReturnType<typeof createState>
