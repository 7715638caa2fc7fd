import { useState } from 'preact/hooks'
import { t } from '../i18n/index.js'

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // No clipboard API (an http page not on localhost): the old way, through a selected field.
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.className = 'offscreen'
    document.body.append(area)
    area.select()
    const ok = document.execCommand('copy')
    area.remove()
    return ok
  }
}

export function CopyButton({
  text,
  title,
  children,
}: {
  text: string
  title: string
  children?: preact.ComponentChildren
}) {
  const [done, setDone] = useState(false)
  return (
    <button
      type="button"
      class="copy"
      title={title}
      aria-label={title}
      onClick={async () => {
        if (await copy(text)) {
          setDone(true)
          setTimeout(() => setDone(false), 1500)
        }
      }}
    >
      {done ? t('ticket.copied') : (children ?? t('ticket.copy'))}
    </button>
  )
}
