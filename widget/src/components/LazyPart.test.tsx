import { render, type ComponentChild } from 'preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WidgetContext, type WidgetContextValue } from '../widget-context.js'
import { lazyPart, type Part } from './LazyPart.js'

afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

const words: Record<string, string> = { partLoading: 'Loading…', partFailed: 'Not loaded.' }

/** Renders `node` under the widget's context, into a fresh element; the styles added are kept. */
function mount(node: ComponentChild) {
  const styles: string[] = []
  const el = document.createElement('div')
  document.body.append(el)
  const value = {
    t: (key: string) => words[key] ?? key,
    addStyles: (css: string) => styles.push(css),
  } as unknown as WidgetContextValue
  render(<WidgetContext.Provider value={value}>{node}</WidgetContext.Provider>, el)
  return { el, styles }
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 30))

const part: Part<{ who: string }> = {
  Component: ({ who }) => <p class="part">Hello {who}</p>,
  styles: '.part { color: red }',
}

describe('a part of the dialog loaded when shown', () => {
  it('shows the part that arrived after it rendered "Loading…" but before its effect ran', async () => {
    const Lazy = lazyPart(() => Promise.resolve(part))
    // Started earlier (a sign of intent): the file arrives in a microtask, before the effects.
    Lazy.prefetch()
    const { el, styles } = mount(<Lazy who="Anna" />)
    expect(el.textContent).toBe('Loading…')
    await settled()
    expect(el.textContent).toBe('Hello Anna')
    expect(styles).toEqual([part.styles])
  })

  it('says a file without the part could not be loaded, and tries again when asked', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    let loads = 0
    const Lazy = lazyPart(() =>
      Promise.resolve((loads++ ? part : {}) as unknown as Part<{ who: string }>),
    )
    const { el } = mount(<Lazy who="Anna" />)
    await settled()
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Not loaded.')
    el.querySelector('button')!.click()
    await settled()
    expect(el.textContent).toBe('Hello Anna')
    expect(loads).toBe(2)
  })
})
