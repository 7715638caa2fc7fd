import type { CollectedEnvironment } from '@snagbox/sdk'
import type { MessageKey } from '../i18n/en.js'
import type { Translate } from '../i18n/translate.js'
import { useWidget } from '../widget-context.js'

const join = (...parts: (string | number | null | undefined | false)[]) =>
  parts.filter((p) => p || p === 0).join(' ')

/** The readable lines of "what will be sent"; the raw object below them is the proof. */
function rows(
  env: CollectedEnvironment,
  app: { name?: string; version?: string; build?: string },
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
  ]
}

/** "What will be sent": the environment exactly as the report carries it (`Snagbox.getEnvironment()`). */
export function EnvironmentDetails() {
  const { state, t } = useWidget()
  const env = state.environment.value
  return (
    <details class="field field--wide details">
      <summary>{t('details')}</summary>
      <p class="hint">{t('detailsIntro')}</p>
      {env ? (
        <>
          <dl class="details__list">
            {rows(env, state.app.value, t).map(([key, value]) => (
              <div key={key}>
                <dt>{t(key)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <details class="details__raw">
            <summary>{t('detailsRaw')}</summary>
            <pre tabIndex={0}>
              {JSON.stringify({ app: state.app.value, environment: env }, null, 2)}
            </pre>
          </details>
        </>
      ) : (
        <p class="hint">{t('detailsLoading')}</p>
      )}
    </details>
  )
}
