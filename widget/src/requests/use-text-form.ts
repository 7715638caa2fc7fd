import { useState } from 'preact/hooks'

/**
 * A text the reporter writes and sends (an answer, a reason): what is typed, whether a required
 * one is missing, whether it is being sent. Sent text is cleared; a failed send keeps it. `kept`
 * holds it where it outlives the form (an answer the reporter comes back to).
 */
export function useTextForm(
  required: boolean,
  onSend: (text: string) => Promise<boolean>,
  kept?: { text: string; keep(text: string): void },
) {
  const [text, setTextState] = useState(kept?.text ?? '')
  const setText = (next: string) => {
    setTextState(next)
    kept?.keep(next)
  }
  const [missing, setMissing] = useState(false)
  const [sending, setSending] = useState(false)
  return {
    text,
    missing,
    sending,
    onInput(event: Event) {
      setText((event.currentTarget as HTMLTextAreaElement).value)
      setMissing(false)
    },
    async send(event: Event) {
      event.preventDefault()
      if (sending) return
      if (required && !text.trim()) return setMissing(true)
      setSending(true)
      if (await onSend(text.trim())) setText('')
      setSending(false)
    },
  }
}
