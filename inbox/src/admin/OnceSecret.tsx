import { useEffect, useRef } from 'preact/hooks'
import { CopyButton } from '../components/CopyButton.js'
import { when } from '../i18n/index.js'
import { at } from './i18n.js'

/**
 * A secret the server shows this once (a one-time link, an API token): read-only, selected and
 * focused when it appears so it can be copied at once, with what to do with it.
 */
export function OnceSecret(props: {
  id: string
  label: string
  value: string
  note: string
  copyTitle: string
  expiresAt?: string | null
}) {
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [props.value])
  return (
    <div class="notice notice-warning once">
      <label for={props.id}>{props.label}</label>
      <div class="once-value">
        <input
          ref={input}
          id={props.id}
          class="mono"
          readOnly
          value={props.value}
          aria-describedby={`${props.id}-note`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton text={props.value} title={props.copyTitle} />
      </div>
      <p id={`${props.id}-note`} class="once-note">
        {props.note}
        {props.expiresAt && ` ${at('link.expires', { date: when(props.expiresAt) })}`}
      </p>
    </div>
  )
}
