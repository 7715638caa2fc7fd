import { useEffect, useRef, useState } from 'preact/hooks'
import { tt } from '../ticket-i18n/index.js'
import { clampView, fitView, zoomAt, type View } from '../zoom.js'

export interface LightboxImage {
  src: string
  /** What the image shows, for those who can't see it; also the dialog's title. */
  alt: string
}

const STEP = 1.25
const PAN = 60

/**
 * An image in a modal dialog, to zoom (wheel, +/−, pinch, keyboard) and move (drag, arrow keys)
 * in, fitted to the window at first; 0 fits it again, 1 shows it at 100 %, Escape closes.
 */
export function LightboxDialog({ image, onClose }: { image: LightboxImage; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const frame = useRef<HTMLDivElement>(null)
  const [size, setSize] = useState<{ w: number; h: number } | null>(null)
  const [view, setView] = useState<View>({ scale: 1, x: 0, y: 0 })
  const pointers = useRef(new Map<number, { x: number; y: number }>())

  useEffect(() => {
    dialog.current!.showModal()
    frame.current!.focus()
  }, [])
  const bounds = () => {
    const r = frame.current!.getBoundingClientRect()
    return { w: r.width, h: r.height, left: r.left, top: r.top }
  }
  const fit = () => size && setView(fitView(size, bounds()))
  const zoom = (factor: number, px?: number, py?: number) => {
    if (!size) return
    const b = bounds()
    setView((v) => clampView(zoomAt(v, factor, px ?? b.w / 2, py ?? b.h / 2), size, b))
  }
  const pan = (dx: number, dy: number) =>
    size && setView((v) => clampView({ ...v, x: v.x + dx, y: v.y + dy }, size, bounds()))
  // Fitted once the image is known and the dialog shown, and again when the window changes size.
  useEffect(() => {
    fit()
    const refit = () => fit()
    addEventListener('resize', refit)
    return () => removeEventListener('resize', refit)
  }, [size])

  const onKey = (e: KeyboardEvent) => {
    // The page's shortcuts are not for the dialog; Escape closes it (the dialog's `cancel`).
    e.stopPropagation()
    if (e.ctrlKey || e.metaKey || e.altKey) return
    const keys: Record<string, () => unknown> = {
      '+': () => zoom(STEP),
      '=': () => zoom(STEP),
      '-': () => zoom(1 / STEP),
      '0': () => fit(),
      '1': () => zoom(1 / view.scale),
      ArrowLeft: () => pan(PAN, 0),
      ArrowRight: () => pan(-PAN, 0),
      ArrowUp: () => pan(0, PAN),
      ArrowDown: () => pan(0, -PAN),
    }
    const run = keys[e.key]
    if (run) {
      e.preventDefault()
      run()
    }
  }
  const local = (e: { clientX: number; clientY: number }) => {
    const b = bounds()
    return { x: e.clientX - b.left, y: e.clientY - b.top }
  }
  const onPointerDown = (e: PointerEvent) => {
    pointers.current.set(e.pointerId, local(e))
    try {
      ;(e.currentTarget as HTMLElement).setPointerCapture(e.pointerId)
    } catch {
      // The pointer is gone already: nothing to follow.
    }
  }
  const onPointerMove = (e: PointerEvent) => {
    const before = pointers.current.get(e.pointerId)
    if (!before || !size) return
    const now = local(e)
    const others = [...pointers.current].filter(([id]) => id !== e.pointerId)
    pointers.current.set(e.pointerId, now)
    if (others.length === 0) return pan(now.x - before.x, now.y - before.y)
    // Two fingers: zoom by how far apart they moved, around the point between them.
    const other = others[0]![1]
    const apart = Math.hypot(before.x - other.x, before.y - other.y)
    const factor = apart > 0 ? Math.hypot(now.x - other.x, now.y - other.y) / apart : 1
    zoom(factor, (now.x + other.x) / 2, (now.y + other.y) / 2)
  }
  const onPointerUp = (e: PointerEvent) => void pointers.current.delete(e.pointerId)
  const percent = Math.round(view.scale * 100)

  return (
    <dialog
      ref={dialog}
      class="lightbox"
      aria-labelledby="lightbox-title"
      onKeyDown={onKey}
      onClose={onClose}
    >
      <div class="lb-bar">
        <h2 id="lightbox-title">{image.alt}</h2>
        <div class="lb-tools" role="toolbar" aria-label={tt('lightbox.tools')}>
          <button type="button" onClick={() => zoom(1 / STEP)} aria-label={tt('lightbox.out')}>
            −
          </button>
          <output aria-live="polite" aria-label={tt('lightbox.level')} data-zoom={percent}>
            {percent} %
          </output>
          <button type="button" onClick={() => zoom(STEP)} aria-label={tt('lightbox.in')}>
            +
          </button>
          <button type="button" onClick={() => fit()}>
            {tt('lightbox.fit')}
          </button>
          <button type="button" onClick={() => zoom(1 / view.scale)}>
            100 %
          </button>
          <a href={image.src} target="_blank" rel="noopener">
            {tt('lightbox.original')}
          </a>
          <button type="button" class="lb-close" onClick={() => dialog.current!.close()}>
            {tt('lightbox.close')}
          </button>
        </div>
      </div>
      <div
        ref={frame}
        class="lb-frame"
        tabIndex={0}
        role="group"
        aria-label={image.alt}
        aria-describedby="lightbox-hint"
        onWheel={(e) => {
          e.preventDefault()
          const at = local(e)
          zoom(Math.exp(-e.deltaY * 0.002), at.x, at.y)
        }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onDblClick={(e) => {
          const at = local(e)
          zoom(view.scale < 1 ? 1 / view.scale : STEP * STEP, at.x, at.y)
        }}
      >
        <img
          src={image.src}
          alt={image.alt}
          draggable={false}
          style={{
            transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})`,
            visibility: size ? 'visible' : 'hidden',
          }}
          onLoad={(e) => {
            const img = e.currentTarget as HTMLImageElement
            setSize({ w: img.naturalWidth, h: img.naturalHeight })
          }}
        />
      </div>
      <p id="lightbox-hint" class="lb-hint">
        {tt('lightbox.hint')}
      </p>
    </dialog>
  )
}
