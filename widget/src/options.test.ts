import { describe, expect, it } from 'vitest'
import { optionsFromScript, resolveOptions } from './options.js'

function scriptTag(attributes: Record<string, string>) {
  const script = document.createElement('script')
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value)
  return script
}

describe('the script tag', () => {
  it('gives the key, the app facts, and the endpoint the script came from', () => {
    const o = optionsFromScript(
      scriptTag({
        src: 'https://support.example.com/widget.js',
        'data-key': 'pk_live_1',
        'data-app-name': 'Kvant Energo',
        'data-app-version': '4.30.34',
        'data-app-build': '6255',
      }),
    )
    expect(o).toMatchObject({
      key: 'pk_live_1',
      endpoint: 'https://support.example.com/',
      app: { name: 'Kvant Energo', version: '4.30.34', build: '6255' },
    })
  })

  it('keeps a sub-path deployment, and an explicit data-endpoint wins', () => {
    expect(
      optionsFromScript(scriptTag({ src: 'https://example.com/support/widget.js' })).endpoint,
    ).toBe('https://example.com/support/')
    expect(
      optionsFromScript(
        scriptTag({
          src: 'https://cdn.example.com/widget.js',
          'data-endpoint': 'https://api.example.com',
        }),
      ).endpoint,
    ).toBe('https://api.example.com')
  })

  it('reads switches and the language', () => {
    const o = optionsFromScript(
      scriptTag({
        'data-launcher': 'false',
        'data-screenshot': 'off',
        'data-lang': 'ru',
        'data-position': 'top-left',
      }),
    )
    expect(resolveOptions(o)).toMatchObject({
      launcher: false,
      screenshot: false,
      lang: 'ru',
      position: 'top-left',
    })
  })
})

describe('resolving the options', () => {
  it('falls back to the defaults for values it cannot use, instead of throwing', () => {
    const o = resolveOptions({
      position: 'middle' as never,
      theme: 'neon' as never,
      zIndex: Number.NaN,
      accent: 'red;}:host{display:none',
    })
    expect(o).toMatchObject({
      position: 'bottom-right',
      theme: 'auto',
      zIndex: 2147483000,
      accent: '#2563eb',
      launcher: true,
      screenshot: true,
    })
  })

  it('picks the host’s language, else the first browser language it has, else English', () => {
    expect(resolveOptions({ lang: 'ru' }, ['en-US']).lang).toBe('ru')
    expect(resolveOptions({}, ['de-DE', 'ru-RU', 'en']).lang).toBe('ru')
    expect(resolveOptions({ lang: 'RU-ru' }, []).lang).toBe('ru')
    expect(resolveOptions({ lang: 'fr' }, ['de']).lang).toBe('en')
  })

  it('follows the browser language when the host names none', () => {
    expect(resolveOptions({}, ['ru-RU']).lang).toBe('ru')
    expect(resolveOptions({}, ['pt-BR']).lang).toBe('en')
  })
})
