import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mountTestWidget, settle, startTestFirstStage } from '../test/support.js'
import { replay, STUB_SNIPPET, type Stub } from './stub.js'

type Calls = Record<
  'open' | 'close' | 'setUser' | 'setContext' | 'setApp',
  (...args: unknown[]) => void
>
const win = window as unknown as { Snagbox?: Stub }
/** The page's `Snagbox`, stub or widget. */
const S = () => win.Snagbox as Stub & Calls
// The snippet is the host's own inline script: run it the way the page would.
const paste = () => new Function(STUB_SNIPPET)()

afterEach(() => {
  delete win.Snagbox
  document.body.innerHTML = ''
})

describe('the stub snippet', () => {
  it('queues every call, in order, with its arguments', () => {
    paste()
    S().setUser({ name: 'Anna' })
    S().open()
    S().setApp({ version: '4.30.34' })
    expect(S().q).toEqual([
      ['setUser', [{ name: 'Anna' }]],
      ['open', []],
      ['setApp', [{ version: '4.30.34' }]],
    ])
  })

  it('is the very snippet the README and the example page tell hosts to paste', () => {
    for (const file of [
      '../README.md',
      '../../README.md',
      '../../examples/plain-html/index.html',
    ]) {
      expect(readFileSync(new URL(file, import.meta.url), 'utf8'), file).toContain(STUB_SNIPPET)
    }
  })

  it('pasted twice, keeps the first copy and its queue', () => {
    paste()
    S().setUser({ name: 'Anna' })
    const first = win.Snagbox
    paste()
    expect(win.Snagbox).toBe(first)
    expect(S().q).toEqual([['setUser', [{ name: 'Anna' }]]])
  })
})

describe('replaying the queue on the first stage, before the dialog has arrived', () => {
  it('applies the calls in order once it has: the user set before open() is in the form it opens', async () => {
    paste()
    S().setUser({ name: 'Anna Petrova', email: 'anna@kvant.example', organization: 'Kvant' })
    S().setContext({ screen: 'invoices' })
    S().open()
    S().setApp({ version: '4.30.35', build: '6301' })
    const w = startTestFirstStage()
    replay(win.Snagbox, w.api)
    expect(S().q).toEqual([])
    // Nothing reached the SDK yet: the dialog part (with the SDK) is still on its way.
    expect(w.client.log).toEqual([])
    expect(w.$('.launcher')!.textContent).toContain('Preparing the form…')
    await w.arrive()
    // The open shows the form at once; its capture starts after the dialog's first frame.
    expect(w.client.log).toEqual([
      'setContext {"screen":"invoices"}',
      'setApp {"version":"4.30.35","build":"6301"}',
      'capture',
    ])
    expect(w.$('dialog')).not.toBeNull()
    expect(w.$<HTMLInputElement>('#name')!.value).toBe('Anna Petrova')
    expect(w.$<HTMLInputElement>('#email')!.value).toBe('anna@kvant.example')
  })

  it('points a kept reference to the stub at the widget, so late calls are not lost', async () => {
    paste()
    const kept = S()
    const w = startTestFirstStage()
    replay(kept, w.api)
    kept.setUser({ name: 'Boris' })
    kept.open()
    await w.arrive()
    expect(w.$<HTMLInputElement>('#name')!.value).toBe('Boris')
    expect(kept.q).toEqual([])
  })

  it('skips an unknown or malformed queued call without throwing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { api } = mountTestWidget()
    const stub: Stub = { q: [['explode', []], 'nonsense' as never, ['setUser', [42]]] }
    expect(() => replay(stub, api)).not.toThrow()
    // The unknown call, the malformed one, and setUser's refusal of 42.
    expect(warn).toHaveBeenCalledTimes(3)
    warn.mockRestore()
    await settle()
  })
})
