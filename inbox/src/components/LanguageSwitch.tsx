import { LANGUAGES, type Language } from '@snagbox/sdk/contract'
import { lang, setLang, t } from '../i18n/index.js'

export function LanguageSwitch() {
  return (
    <label class="compact-select">
      <span class="sr-only">{t('header.language')}</span>
      <select
        value={lang.value}
        onChange={(e) => setLang((e.currentTarget as HTMLSelectElement).value as Language)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {l.toUpperCase()}
          </option>
        ))}
      </select>
    </label>
  )
}
