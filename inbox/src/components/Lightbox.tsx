import { signal } from '@preact/signals'
import type { ComponentType } from 'preact'
import type { LightboxImage } from './LightboxDialog.js'

type Viewer = ComponentType<{ image: LightboxImage; onClose: () => void }>

const shown = signal<{ image: LightboxImage; opener: HTMLElement | null } | null>(null)
// The viewer is a part of its own, fetched when an image is first opened.
const viewer = signal<Viewer | null>(null)

/** Opens an image in the lightbox; when it closes, focus goes back to what opened it. */
export function openImage(image: LightboxImage): void {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
  shown.value = { image, opener }
  if (!viewer.value)
    import('./LightboxDialog.js').then(
      (m) => (viewer.value = m.LightboxDialog),
      // Not loaded (a new version deployed meanwhile): the image as it is, in a tab.
      () => {
        shown.value = null
        open(image.src, '_blank', 'noopener')
      },
    )
}

/** The one lightbox of the page, rendered while an image is open. */
export function LightboxHost() {
  const open = shown.value
  const View = viewer.value
  if (!open || !View) return null
  const close = () => {
    shown.value = null
    requestAnimationFrame(() => open.opener?.isConnected && open.opener.focus())
  }
  return <View key={open.image.src} image={open.image} onClose={close} />
}
