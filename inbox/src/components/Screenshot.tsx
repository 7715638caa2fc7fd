import type { AgentTicket } from '@snagbox/sdk/contract'
import { t } from '../i18n/index.js'

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
  return (
    <section class="card" aria-labelledby="shot-title">
      <h2 id="shot-title">{t('ticket.screenshot')}</h2>
      {shot ? (
        <figure class="shot">
          <a
            href={sameOrigin(shot.url)}
            target="_blank"
            rel="noopener"
            title={t('ticket.openFull')}
          >
            <img
              src={sameOrigin(shot.url)}
              alt={`${t('ticket.screenshot')} ${data.reference}`}
              width={shot.width ?? undefined}
              height={shot.height ?? undefined}
              loading="lazy"
            />
          </a>
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
