import { useRef, useState } from 'preact/hooks'
import { useWidget } from '../widget-context.js'
import { Payload } from './parts.js'

/**
 * "What will be sent": a section the reporter opens to see the whole report before sending it;
 * its body is loaded then (or earlier, on a sign of intent).
 */
export function EnvironmentDetails() {
  const { state, t } = useWidget()
  const summary = useRef<HTMLElement>(null)
  const [open, setOpen] = useState(false)
  return (
    <details
      class="field field--wide details"
      onToggle={(e) => {
        const opened = (e.currentTarget as HTMLDetailsElement).open
        setOpen(opened)
        if (opened) state.refreshPreview()
      }}
    >
      <summary ref={summary} onPointerEnter={Payload.prefetch} onFocus={Payload.prefetch}>
        {t('details')}
      </summary>
      <p class="hint">{t('detailsIntro')}</p>
      {open && <Payload onRemoved={() => summary.current?.focus()} />}
    </details>
  )
}
