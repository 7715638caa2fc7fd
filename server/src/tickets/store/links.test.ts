import { describe, expect, it } from 'vitest'
import type { AgentTicket } from '@snagbox/sdk/contract'
import { agentHarness, type AgentHarness } from '../../../test/harness.js'
import { LINKS_SHOWN } from './links.js'

const ticket = async (h: AgentHarness, ref: string) =>
  (await (await h.api(`/api/v1/tickets/${ref}`)).json()) as AgentTicket
const listed = async (h: AgentHarness, query: string) => {
  const refs: string[] = []
  let cursor: string | null = null
  do {
    const res = await h.api(`/api/v1/tickets?${query}&limit=7${cursor ? `&cursor=${cursor}` : ''}`)
    expect(res.status).toBe(200)
    const page = (await res.json()) as { items: { reference: string }[]; nextCursor: string }
    refs.push(...page.items.map((t) => t.reference))
    cursor = page.nextCursor
  } while (cursor)
  return refs.sort()
}
const post = (h: AgentHarness, ref: string, path: string, json: unknown) =>
  h.api(`/api/v1/tickets/${ref}${path}`, { method: 'POST', json })

describe('a ticket’s links, both ways', () => {
  it('names its mass incident, duplicate and split original, and they name it back, by reference, status and subject', async () => {
    const h = await agentHarness()
    const mass = await h.file({ description: 'Nobody can log in', category: 'mass_incident' })
    const child = await h.file({
      description: 'Login fails for me',
      reporter: { name: 'Anna Petrova', email: 'anna@example.com' },
    })
    const nameless = await h.file({ description: 'Login broken here too' })
    const original = await h.file({ description: 'Export fails with error 0x80070005' })
    const duplicate = await h.file({ description: 'Export fails again' })
    expect((await post(h, child.reference, '/link', { parent: mass.reference })).status).toBe(200)
    expect((await post(h, nameless.reference, '/link', { parent: mass.reference })).status).toBe(
      200,
    )
    const closed = await post(h, duplicate.reference, '/link', {
      duplicateOf: original.reference,
      comment: 'Same problem',
    })
    expect(closed.status).toBe(200)
    const split = await (
      await post(h, original.reference, '/split', {
        subject: 'Printing is slow too',
        description: 'And the printer is slow',
      })
    ).json()

    const parent = await ticket(h, mass.reference)
    expect(parent.children).toEqual([
      {
        id: child.id,
        reference: child.reference,
        status: 'in_progress',
        subject: 'Login fails for me',
        reporterName: 'Anna Petrova',
      },
      {
        id: nameless.id,
        reference: nameless.reference,
        status: 'in_progress',
        subject: 'Login broken here too',
        reporterName: null,
      },
    ])
    expect(parent.linkCounts).toEqual({ children: 2, duplicates: 0, splitInto: 0 })
    expect((await ticket(h, child.reference)).parent).toEqual({
      id: mass.id,
      reference: mass.reference,
      status: 'new',
      subject: 'Nobody can log in',
    })

    const first = await ticket(h, original.reference)
    expect(first.duplicates).toEqual([
      {
        id: duplicate.id,
        reference: duplicate.reference,
        status: 'closed',
        subject: 'Export fails again',
      },
    ])
    expect(first.splitInto).toEqual([
      { id: split.id, reference: split.reference, status: 'new', subject: 'Printing is slow too' },
    ])
    expect(first.linkCounts).toEqual({ children: 0, duplicates: 1, splitInto: 1 })
    expect((await ticket(h, duplicate.reference)).duplicateOf).toMatchObject({
      reference: original.reference,
      status: 'in_progress',
    })
    expect((await ticket(h, split.reference)).splitFrom).toMatchObject({
      reference: original.reference,
    })
    // The timeline names every linked ticket by reference beside its id, also the old events.
    const events = first.timeline.map((e) => ({ type: e.type, data: e.data }))
    expect(events).toContainEqual({
      type: 'split',
      data: expect.objectContaining({ ticketId: split.id, reference: split.reference }),
    })
    expect(events).toContainEqual({
      type: 'linked',
      data: expect.objectContaining({
        relation: 'duplicated_by',
        ticketId: duplicate.id,
        reference: duplicate.reference,
      }),
    })
    const dupEvents = (await ticket(h, duplicate.reference)).timeline.map((e) => e.data)
    expect(dupEvents).toContainEqual(
      expect.objectContaining({
        duplicateOf: original.id,
        duplicateOfReference: original.reference,
      }),
    )
  })

  it('tells the original’s open page that a duplicate of it arrived, and never its reporter', async () => {
    const h = await agentHarness()
    const original = await h.file({ description: 'Export fails' })
    const duplicate = await h.file({ description: 'Export fails again' })
    const heard: string[] = []
    h.changes.subscribe((c) => heard.push(...c.changed.map((t) => `${t.reference}@${t.version}`)))
    await post(h, duplicate.reference, '/link', {
      duplicateOf: original.reference,
      comment: 'Same',
    })
    expect(heard).toEqual([`${duplicate.reference}@2`, `${original.reference}@2`])
    const seen = await (await h.reporter(original.statusUrl)).json()
    expect(JSON.stringify(seen)).not.toContain(duplicate.reference)
    // The link is internal: the original's reporter gets no e-mail and sees no event.
    expect(seen.timeline.map((e: { type: string }) => e.type)).toEqual(['created'])
  })

  it('drops a duplicate from the original once it is reopened, and lists it again when closed again', async () => {
    const h = await agentHarness()
    const original = await h.file({ description: 'Export fails' })
    const duplicate = await h.file({ description: 'Export fails again' })
    const close = () =>
      post(h, duplicate.reference, '/link', { duplicateOf: original.reference, comment: 'Same' })
    await close()
    const reopened = await h.api(`/api/v1/tickets/${duplicate.reference}`, {
      method: 'PATCH',
      json: { status: 'in_progress', reason: 'Not the same after all' },
    })
    expect(reopened.status).toBe(200)
    expect((await ticket(h, original.reference)).linkCounts.duplicates).toBe(0)
    expect(await listed(h, `duplicateOf=${original.reference}`)).toEqual([])
    await close()
    const again = await ticket(h, original.reference)
    expect(again.duplicates.map((d) => d.reference)).toEqual([duplicate.reference])
    expect(again.linkCounts.duplicates).toBe(1)
  })

  it(`shows the first ${LINKS_SHOWN} children with their count, and lists them all by parent`, async () => {
    const h = await agentHarness({ env: { SNAGBOX_RATE_LIMIT_IP: '1000000' } })
    const mass = await h.file({ description: 'Outage', category: 'mass_incident' })
    const children: string[] = []
    for (let i = 0; i < LINKS_SHOWN + 3; i++) {
      const child = await h.file({ description: `Cannot log in, case ${i}` })
      await post(h, child.reference, '/link', { parent: mass.reference })
      children.push(child.reference)
    }
    const other = await h.file({ description: 'Unrelated' })
    const parent = await ticket(h, mass.reference)
    expect(parent.children).toHaveLength(LINKS_SHOWN)
    expect(parent.children[0]!.reference).toBe(children[0])
    expect(parent.linkCounts.children).toBe(LINKS_SHOWN + 3)
    const all = await listed(h, `parent=${mass.reference}`)
    expect(all).toEqual([...children].sort())
    expect(all).not.toContain(other.reference)
    expect(await listed(h, `parent=${mass.id}`)).toEqual(all)
    expect(await listed(h, `parent=${mass.reference}&status=closed`)).toEqual([])
  })

  it('lists the duplicates and the splits of a ticket; an unknown ticket lists nothing', async () => {
    const h = await agentHarness()
    const original = await h.file({ description: 'Export fails' })
    const dups = [await h.file(), await h.file()]
    for (const d of dups)
      await post(h, d.reference, '/link', { duplicateOf: original.reference, comment: 'Same' })
    const split = await (
      await post(h, original.reference, '/split', { subject: 'Other', description: 'Other' })
    ).json()
    expect(await listed(h, `duplicateOf=${original.reference}`)).toEqual(
      dups.map((d) => d.reference).sort(),
    )
    expect(await listed(h, `splitFrom=${original.reference}`)).toEqual([split.reference])
    expect(await listed(h, 'parent=DEMO-999')).toEqual([])
    expect(await listed(h, `splitFrom=${dups[0]!.reference}`)).toEqual([])
    const bad = await h.api(`/api/v1/tickets?parent=${'x'.repeat(61)}`)
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors).toEqual([
      { path: 'parent', message: 'must be at most 60 characters' },
    ])
  })

  it('tells the reporter of an original the requests split from it', async () => {
    const h = await agentHarness()
    const original = await h.file({ description: 'Two problems' })
    const split = await (
      await post(h, original.reference, '/split', { subject: 'Second', description: 'Second' })
    ).json()
    const seen = await (await h.reporter(original.statusUrl)).json()
    expect(seen.related).toEqual([
      { reference: split.reference, relation: 'split_into', status: 'new', yours: true },
    ])
  })
})
