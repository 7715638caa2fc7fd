import type { AgentTicket } from '@snagbox/sdk/contract'
import { t } from '../i18n/index.js'
import { tt } from '../ticket-i18n/index.js'
import { openImage } from './Lightbox.js'

/** The server's screenshot address on this origin, whatever public URL the server was given. */
const sameOrigin = (url: string) => {
  try {
    return new URL(url, location.href).pathname
  } catch {
    return url
  }
}

export function Screenshot({ data }: { data: AgentTicket }) {
  const shot = data.screenshot
  const alt = `${t('ticket.screenshot')} ${data.reference}`
  return (
    <section class="card" aria-labelledby="shot-title">
      <h2 id="shot-title">{t('ticket.screenshot')}</h2>
      {shot ? (
        <figure class="shot">
          <button
            type="button"
            class="zoom-in"
            aria-label={tt('lightbox.open', { name: alt })}
            onClick={() => openImage({ src: sameOrigin(shot.url), alt })}
          >
            <img
              src={sameOrigin(shot.url)}
              alt={alt}
              width={shot.width ?? undefined}
              height={shot.height ?? undefined}
              loading="lazy"
            />
          </button>
          <figcaption class="hint">
            {shot.width && shot.height ? `${shot.width}×${shot.height} · ` : ''}
            {shot.contentType} ·{' '}
            <a href={sameOrigin(shot.url)} target="_blank" rel="noopener">
              {t('ticket.openFull')}
            </a>
          </figcaption>
        </figure>
      ) : (
        <p class="hint">{t('ticket.noScreenshot')}</p>
      )}
    </section>
  )
}
