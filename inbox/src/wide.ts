import { signal } from '@preact/signals'

/** Wide enough for the queue's list and the open ticket side by side. */
export const WIDE_MEDIA = '(min-width: 1400px)'

const media = typeof matchMedia === 'function' ? matchMedia(WIDE_MEDIA) : null

/** The window is {@link WIDE_MEDIA} now; follows resizing and rotation. */
export const wide = signal(media?.matches ?? false)
media?.addEventListener('change', (e) => (wide.value = e.matches))
