import type { ComponentType } from 'preact'
import { useEffect, useLayoutEffect, useState } from 'preact/hooks'
import { useWidget } from '../widget-context.js'

/** A part of the dialog in a file of its own: its component, and the styles it brings. */
export interface Part<P> {
  Component: ComponentType<P>
  styles: string
}

/** The stylesheets already added, per shadow root (by its `addStyles`). */
const styled = new WeakMap<(css: string) => void, Set<string>>()

/**
 * A component loaded when first shown (or earlier: `prefetch()` on a sign of intent, or when the
 * page is idle), from a file of its own, so the form that opens first does not carry it. Until
 * it is there it says so; if it cannot be loaded, it says that, and offers to try again.
 *
 * @example
 * const Editor = lazyPart(() => import('./ScreenshotEditor.js').then((m) => m.part))
 * <button onPointerEnter={Editor.prefetch}>…</button>
 */
export function lazyPart<P extends object>(load: () => Promise<Part<P>>) {
  let part: Part<P> | null = null
  let loading: Promise<Part<P>> | null = null
  const fetchPart = () =>
    (loading ??= load()
      .then((loaded) => {
        // A file of another build may lack the part: that is a failure to load, said as one.
        if (!loaded?.Component) throw new Error('the loaded file has no part')
        return (part = loaded)
      })
      .catch((cause: unknown) => {
        loading = null
        throw cause
      }))

  function Lazy(props: P) {
    const { t, addStyles } = useWidget()
    const [failed, setFailed] = useState(false)
    const [, arrived] = useState(0)
    useEffect(() => {
      // Also when the part came between this render and now: the render did not have it.
      if (!failed)
        fetchPart().then(
          () => arrived(1),
          (cause: unknown) => {
            console.error('[snagbox] a part of the form could not be loaded', cause)
            setFailed(true)
          },
        )
    }, [failed])
    // Before the browser paints it: never a moment without its styles.
    useLayoutEffect(() => {
      if (!part) return
      const added = styled.get(addStyles) ?? new Set()
      if (!added.has(part.styles)) addStyles(part.styles)
      styled.set(addStyles, added.add(part.styles))
    })
    if (part) return <part.Component {...props} />
    return failed ? (
      <p class="error" role="alert">
        {t('partFailed')}{' '}
        <button type="button" class="button button--small" onClick={() => setFailed(false)}>
          {t('retry')}
        </button>
      </p>
    ) : (
      <p class="hint" aria-live="polite">
        {t('partLoading')}
      </p>
    )
  }
  /** Starts loading, on a sign of intent; a failure is said when the part is shown. */
  const prefetch = () => void fetchPart().catch(() => {})
  return Object.assign(Lazy, { prefetch })
}
