import { useEffect, useRef } from 'preact/hooks'
import { notice, type At } from '../state.js'

/**
 * What the last action came to, shown next to that action (not at the page's top, where the
 * agent isn't looking), and brought into view.
 */
export function NoticeLine({ at }: { at: At }) {
  const n = notice.value?.at === at ? notice.value : null
  const ref = useRef<HTMLParagraphElement>(null)
  useEffect(() => ref.current?.scrollIntoView?.({ block: 'nearest' }), [n])
  return (
    <div aria-live="polite" class="notices">
      {n && (
        <p
          ref={ref}
          class={`notice notice-${n.kind}`}
          role={n.kind === 'success' ? 'status' : 'alert'}
          data-notice={n.kind}
        >
          {n.text}
          {n.detail && <span class="detail">{n.detail}</span>}
          {n.items && (
            <ul class="detail">
              {n.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
        </p>
      )}
    </div>
  )
}
