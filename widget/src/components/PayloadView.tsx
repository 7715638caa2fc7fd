import type { CollectedEnvironment } from '@snagbox/sdk'
import type { MessageKey } from '../i18n/en.js'
import type { Translate } from '../i18n/translate.js'
import { useWidget } from '../widget-context.js'
import type { Part } from './LazyPart.js'
import { createPayloadStyles } from './payload-styles.js'

const join = (...parts: (string | number | null | undefined | false)[]) =>
  parts.filter((p) => p || p === 0).join(' ')

/** The readable lines of "what will be sent"; the raw object below them is the proof. */
function rows(
  env: CollectedEnvironment,
  app: { name?: string; version?: string; build?: string },
  organization: string | undefined,
  t: Translate,
): [MessageKey, string][] {
  const bits = (n: number | null | undefined) => (n ? t('bits', { n }) : null)
  const { os, browser, screen } = env
  const unknown = (text: string) => text || t('unknown')
  return [
    [
      'envOs',
      unknown(
        join(
          os.name,
          os.version,
          bits(os.bitness) &&
            `(${bits(os.bitness)}${os.architecture ? `, ${os.architecture}` : ''})`,
        ),
      ),
    ],
    [
      'envBrowser',
      unknown(
        join(browser.name, browser.version, bits(browser.bitness) && `(${bits(browser.bitness)})`),
      ),
    ],
    [
      'envApp',
      unknown(join(app.name, app.version, app.build && `(${t('build', { build: app.build })})`)),
    ],
    [
      'envScreen',
      unknown(
        screen.width
          ? join(
              `${screen.width}×${screen.height}`,
              `@${screen.pixelRatio}x`,
              `· ${screen.viewportWidth}×${screen.viewportHeight}`,
            )
          : '',
      ),
    ],
    ['envLanguage', unknown(join(env.locale, env.timezone && `· ${env.timezone}`))],
    ['envPage', unknown(env.url ?? '')],
    ...(organization ? [['envOrganization', organization] as [MessageKey, string]] : []),
  ]
}

/**
 * The body of "What will be sent": the whole payload the SDK will send (its preview, less what the
 * reporter removed): the environment, the organization, the host's data and the recent console
 * lines (which can hold tokens), each line and the host's data removable before sending. In a
 * file of its own, loaded when the section is opened (or when the page is idle).
 */
function PayloadView({ onRemoved }: { onRemoved: () => void }) {
  const { state, t } = useWidget()
  const payload = state.payload.value
  const env = payload?.environment as CollectedEnvironment | undefined
  const context = payload?.context && Object.keys(payload.context).length ? payload.context : null
  const logs = payload?.logs ?? []
  /** What was removed takes its button along: the focus stays in the dialog, on the section. */
  const removing = (remove: () => void) => () => {
    remove()
    onRemoved()
  }
  if (!payload || !env) return <p class="hint">{t('detailsLoading')}</p>
  return (
    <>
      <dl class="details__list">
        {rows(env, payload.app ?? {}, payload.reporter?.organization, t).map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {context && (
        <section class="details__part" aria-labelledby="details-context">
          <div class="details__head">
            <h4 id="details-context" class="label">
              {t('detailsContext')}
            </h4>
            <button
              type="button"
              class="button button--small button--quiet"
              onClick={removing(state.removeContext)}
            >
              {t('detailsContextRemove')}
            </button>
          </div>
          <pre class="details__code">{JSON.stringify(context, null, 2)}</pre>
        </section>
      )}
      {logs.length > 0 && (
        <section class="details__part" aria-labelledby="details-logs">
          <h4 id="details-logs" class="label">
            {t('detailsLogs')}
          </h4>
          <ul class="details__logs">
            {logs.map((line) => (
              <li key={`${line.timestamp} ${line.message}`}>
                <pre class="details__code">
                  <b>{line.level}</b> {line.message}
                </pre>
                <button
                  type="button"
                  class="button button--small button--quiet"
                  aria-label={t('detailsLogRemoveLine', {
                    line: line.message.split('\n')[0]!.slice(0, 80),
                  })}
                  onClick={removing(() => state.removeLine(line))}
                >
                  {t('detailsLogRemove')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <details class="details__raw">
        <summary>{t('detailsRaw')}</summary>
        <pre tabIndex={0}>{JSON.stringify(payload, null, 2)}</pre>
      </details>
    </>
  )
}

export const payloadPart: Part<{ onRemoved: () => void }> = {
  Component: PayloadView,
  styles: createPayloadStyles(),
}
