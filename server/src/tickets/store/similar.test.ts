import { describe, expect, it } from 'vitest'
import type { SimilarTicket } from '@snagbox/sdk/contract'
import { createProject } from '../../projects/store.js'
import { agentHarness, ORIGIN, type AgentHarness } from '../../../test/harness.js'
import { SIMILAR_SHOWN } from './similar.js'

const windows11 = { os: { name: 'Windows', version: '11' } }
const similar = async (h: AgentHarness, ref: string) => {
  const res = await h.api(`/api/v1/tickets/${ref}/similar`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { items: SimilarTicket[] }).items
}
const refs = (items: SimilarTicket[]) => items.map((t) => t.reference)

describe('similar open tickets', () => {
  it('share the rarest words of the subject or error text, the same app version and OS first', async () => {
    const h = await agentHarness()
    const report = (description: string, version = '4.30.34', environment = windows11) =>
      h.file({ description, app: { version }, environment })
    for (let i = 0; i < 6; i++) await report(`The export is slow, case ${i}`)
    const elsewhere = await report('Export fails with error 0x80070005 on save', '4.29.1')
    const macOs = await report('Error 0x80070005 again', '4.30.34', {
      os: { name: 'macOS', version: '14.5' },
    })
    const same = await report('Saving: error 0x80070005, export fails')
    const closed = await report('0x80070005 when exporting')
    await h.api(`/api/v1/tickets/${closed.reference}`, {
      method: 'PATCH',
      json: { status: 'closed', closeReason: 'rejected', reason: 'Known' },
    })
    const other = createProject(h.db, {
      name: 'Other',
      prefix: 'OTH',
      key: 'pk_test_other_key',
      origins: [ORIGIN],
    })
    await h.post(
      { description: 'Export fails with error 0x80070005', app: { version: '4.30.34' } },
      { 'X-Snagbox-Key': other.key },
    )
    const unrelated = await report('The printer jams on page two')
    const ticket = await report('Export fails with error 0x80070005')

    const items = await similar(h, ticket.reference)
    expect(refs(items).slice(0, 1)).toEqual([same.reference])
    expect(items[0]).toMatchObject({
      sameEnvironment: true,
      status: 'new',
      app: { version: '4.30.34' },
    })
    expect(refs(items)).toEqual(expect.arrayContaining([elsewhere.reference, macOs.reference]))
    expect(items.filter((t) => t.sameEnvironment).map((t) => t.reference)).toEqual([same.reference])
    for (const absent of [ticket, closed, unrelated])
      expect(refs(items)).not.toContain(absent.reference)
    expect(refs(items).every((r) => r.startsWith('DEMO-'))).toBe(true)
    expect(items.length).toBeLessThanOrEqual(SIMILAR_SHOWN)
  })

  it('leave out the tickets linked to it, either way', async () => {
    const h = await agentHarness()
    const text = 'Login fails: LDAP timeout 4711'
    const mass = await h.file({ description: text, category: 'mass_incident' })
    const ticket = await h.file({ description: text })
    const duplicate = await h.file({ description: text })
    const child = await h.file({ description: text })
    const sibling = await h.file({ description: text })
    await h.api(`/api/v1/tickets/${ticket.reference}/link`, {
      method: 'POST',
      json: { parent: mass.reference },
    })
    await h.api(`/api/v1/tickets/${duplicate.reference}/link`, {
      method: 'POST',
      json: { duplicateOf: ticket.reference, comment: 'Same' },
    })
    const split = await (
      await h.api(`/api/v1/tickets/${ticket.reference}/split`, {
        method: 'POST',
        json: { subject: 'LDAP timeout 4711', description: text },
      })
    ).json()
    expect(refs(await similar(h, ticket.reference)).sort()).toEqual(
      [child.reference, sibling.reference].sort(),
    )
    expect(refs(await similar(h, mass.reference))).not.toContain(ticket.reference)
    expect(refs(await similar(h, split.reference))).not.toContain(ticket.reference)
  })

  it('are none for a ticket that shares no word, whatever its text says to a search engine', async () => {
    const h = await agentHarness()
    await h.file({ description: 'Printing is slow' })
    const odd = await h.file({ description: 'NEAR(a b) OR "x AND * ^ {subject} : -- ;' })
    expect(await similar(h, odd.reference)).toEqual([])
    const lone = await h.file({ description: 'Zyxwvut' })
    expect(await similar(h, lone.reference)).toEqual([])
  })
})
