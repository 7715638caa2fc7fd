// @vitest-environment happy-dom
import type { AgentTicket, TimelineEntry } from '@snagbox/sdk/contract'
import { h, render } from 'preact'
import { act } from 'preact/test-utils'
import { describe, expect, it } from 'vitest'
import { Timeline } from './Timeline.js'

const entry = (over: Partial<TimelineEntry>): TimelineEntry => ({
  id: 1,
  type: 'reporter_comment',
  visibility: 'public',
  actor: { kind: 'reporter', id: null, name: null },
  data: { body: 'An HP LaserJet 1020' },
  createdAt: '2026-12-01T10:00:00.000Z',
  ...over,
})

function shown(timeline: TimelineEntry[]): HTMLElement {
  const root = document.createElement('div')
  const data = { reference: 'DEMO-4', timeline, emails: [] } as unknown as AgentTicket
  act(() => render(h(Timeline, { data }), root))
  return root
}

describe('the timeline', () => {
  it('marks what came by e-mail, and names the sender of an e-mail kept as a note', () => {
    const root = shown([
      entry({ id: 1, data: { body: 'An HP LaserJet 1020', via: 'email' } }),
      entry({
        id: 2,
        type: 'internal_note',
        visibility: 'internal',
        actor: { kind: 'system', id: null, name: null },
        data: {
          body: 'Same here',
          via: 'email',
          from: { name: 'Olga', address: 'olga@example.com' },
        },
      }),
      entry({ id: 3, data: { body: 'Typed on the status page' } }),
    ])
    const badges = [...root.querySelectorAll('[data-via="email"]')].map((b) => b.textContent)
    expect(badges).toEqual(['by e-mail', 'by e-mail · Olga <olga@example.com>'])
    expect(root.querySelectorAll('li')[2]!.querySelector('[data-via]')).toBeNull()
  })

  it('shows the images of an e-mailed reply, each to zoom in on or open as it is', () => {
    const root = shown([
      entry({
        data: { body: 'See', via: 'email', attachments: [{ id: 'f-1', name: 'printer.png' }] },
      }),
    ])
    const zoom = root.querySelector<HTMLButtonElement>('.files button.zoom-in')!
    expect(zoom.getAttribute('aria-label')).toBe('Zoom in on printer.png')
    expect(zoom.querySelector('img')!.getAttribute('src')).toBe(
      '/api/v1/tickets/DEMO-4/attachments/f-1',
    )
    const link = root.querySelector<HTMLAnchorElement>('.files a')!
    expect(link.getAttribute('href')).toBe('/api/v1/tickets/DEMO-4/attachments/f-1')
    expect(link.textContent).toBe('printer.png')
  })
})
