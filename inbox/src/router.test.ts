import { describe, expect, it } from 'vitest'
import { adminUrl, macrosUrl, parseRoute } from './router.js'

describe('the inbox routes', () => {
  it('reads the queue and a ticket as before', () => {
    expect(parseRoute('/inbox', '?status=new')).toEqual({ view: 'queue', search: '?status=new' })
    expect(parseRoute('/inbox/tickets/DEMO-4', '')).toEqual({
      view: 'ticket',
      reference: 'DEMO-4',
    })
  })

  it('opens the admin screens, agents when no tab is named', () => {
    expect(parseRoute('/inbox/admin', '')).toEqual({ view: 'admin', tab: 'agents' })
    expect(parseRoute('/inbox/admin/', '')).toEqual({ view: 'admin', tab: 'agents' })
    expect(parseRoute('/inbox/admin/projects', '')).toEqual({ view: 'admin', tab: 'projects' })
    expect(parseRoute(adminUrl('audit'), '')).toEqual({ view: 'admin', tab: 'audit' })
    expect(adminUrl()).toBe('/inbox/admin/agents')
    // Not an admin screen: the queue, as for any address the inbox doesn't know.
    expect(parseRoute('/inbox/admin/secrets', '')).toEqual({ view: 'queue', search: '' })
  })

  it('opens the saved replies at /inbox/macros', () => {
    expect(parseRoute(macrosUrl, '')).toEqual({ view: 'macros' })
    expect(parseRoute('/inbox/macros/', '')).toEqual({ view: 'macros' })
  })

  it("opens a one-time link's page at /inbox/invite, whatever the fragment holds", () => {
    expect(parseRoute('/inbox/invite', '')).toEqual({ view: 'invite' })
    expect(parseRoute('/inbox/invite/', '')).toEqual({ view: 'invite' })
  })
})
