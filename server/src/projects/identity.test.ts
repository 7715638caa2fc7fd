import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { ReporterRequests } from '@snagbox/sdk/contract'
import { agentHarness, type AgentHarness } from '../../test/harness.js'
import { listRequests } from '../../test/reporter-requests.js'
import { signUserId } from './identity.js'
import { updateProject } from './store.js'

const userOf = (h: AgentHarness, reference: string) =>
  h.db.$client
    .prepare('select reporter_user_id as id, reporter from tickets where reference = ?')
    .get(reference) as { id: string | null; reporter: string }

async function report(h: AgentHarness, reporter: unknown) {
  const res = await h.post({ description: 'Export fails', reporter })
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as { reference: string; identity?: string }
}

describe("a report's signed-in user", () => {
  it('is kept when its signature is the one the identity secret makes, and the signature never is', async () => {
    const h = await agentHarness()
    const secret = updateProject(h.db, 'DEMO', { identitySecret: true }).identitySecret!
    expect(secret).toMatch(/^sbis_[A-Za-z0-9_-]{43}$/)
    const signature = signUserId(secret, 'user-42')
    const sent = await report(h, { id: 'user-42', signature, name: 'Anna' })
    expect(sent.identity).toBe('verified')
    const stored = userOf(h, sent.reference)
    expect(stored.id).toBe('user-42')
    expect(JSON.parse(stored.reporter)).toEqual({ name: 'Anna' })
    // Nowhere in the database: not the ticket, its timeline, the audit trail.
    const dump = JSON.stringify(h.db.$client.prepare('select * from tickets, ticket_events').all())
    expect(dump).not.toContain(signature)
    // A number id is signed as its digits.
    const numeric = await report(h, { id: 42, signature: signUserId(secret, '42') })
    expect(numeric.identity).toBe('verified')
    expect(userOf(h, numeric.reference).id).toBe('42')
  })

  it('is left out, and the report kept, when the signature is wrong, missing or of another shape', async () => {
    const h = await agentHarness()
    const secret = updateProject(h.db, 'DEMO', { identitySecret: true }).identitySecret!
    for (const reporter of [
      { id: 'user-42', signature: signUserId(secret, 'user-43') },
      { id: 'user-42', signature: signUserId('sbis_other', 'user-42') },
      { id: 'user-42' },
      { signature: signUserId(secret, '') },
      { id: '', signature: signUserId(secret, '') },
      { id: { $ne: null }, signature: signUserId(secret, '[object Object]') },
      { id: 'user-42', signature: 42 },
      { id: 'x'.repeat(201), signature: signUserId(secret, 'x'.repeat(201)) },
      { id: 'user-42', signature: 'not hex at all' },
    ]) {
      const sent = await report(h, reporter)
      expect(sent.identity, JSON.stringify(reporter)).toBe('not_verified')
      expect(userOf(h, sent.reference).id).toBeNull()
    }
    // A report that names no user says nothing of identities.
    expect((await report(h, { name: 'Anna' })).identity).toBeUndefined()
  })

  it('is never verified in a project without an identity secret, nor after it was removed', async () => {
    const h = await agentHarness()
    expect((await report(h, { id: 'u', signature: signUserId('', 'u') })).identity).toBe(
      'not_verified',
    )
    const secret = updateProject(h.db, 'DEMO', { identitySecret: true }).identitySecret!
    expect((await report(h, { id: 'u', signature: signUserId(secret, 'u') })).identity).toBe(
      'verified',
    )
    // A new secret: signatures made with the old one stop working.
    const next = updateProject(h.db, 'DEMO', { identitySecret: true }).identitySecret!
    expect(next).not.toBe(secret)
    expect((await report(h, { id: 'u', signature: signUserId(secret, 'u') })).identity).toBe(
      'not_verified',
    )
    updateProject(h.db, 'DEMO', { identitySecret: false })
    expect((await report(h, { id: 'u', signature: signUserId(next, 'u') })).identity).toBe(
      'not_verified',
    )
  })

  it("goes with a split: the new request is the same user's", async () => {
    const h = await agentHarness()
    const secret = updateProject(h.db, 'DEMO', { identitySecret: true }).identitySecret!
    const sent = await report(h, { id: 'u-1', signature: signUserId(secret, 'u-1') })
    const split = await h.api(`/api/v1/tickets/${sent.reference}/split`, {
      method: 'POST',
      json: { subject: 'Also: the chart', description: 'The chart is empty too' },
    })
    expect(split.status).toBe(201)
    const { reference } = (await split.json()) as { reference: string }
    expect(userOf(h, reference).id).toBe('u-1')
  })
})

describe('the status links a verified listing makes', () => {
  /** A verified user's listing, and the status token it gave for the user's one request. */
  async function listedToken(h: AgentHarness, secret: string, id: string) {
    const res = await listRequests(h, { user: { id, signature: signUserId(secret, id) } })
    expect(res.status).toBe(200)
    const { items } = (await res.json()) as ReporterRequests
    expect(items).toHaveLength(1)
    return items[0]!.token
  }
  const opens = async (h: AgentHarness, token: string) =>
    (await h.app.request(`/api/v1/status/${token}`)).status

  it("are made with a key that no user's signature is", async () => {
    const h = await agentHarness()
    const secret = updateProject(h.db, 'DEMO', { identitySecret: true }).identitySecret!
    const sent = await h.post({
      description: "Anna's",
      reporter: { id: 'anna', signature: signUserId(secret, 'anna') },
    })
    const { id } = (await sent.json()) as { id: string }
    expect(await opens(h, await listedToken(h, secret, 'anna'))).toBe(200)
    // The host gives a user the id of the label the links' key is made with: its signature, used
    // as that key, makes no link to another user's request.
    const key = Buffer.from(signUserId(secret, 'snagbox status links'), 'hex')
    const forged = createHmac('sha256', key).update(id).digest('base64url')
    expect(await opens(h, forged)).toBe(404)
  })

  it('stop working when the secret is replaced or removed; the links of reports and e-mails stay', async () => {
    const h = await agentHarness()
    const secret = updateProject(h.db, 'DEMO', { identitySecret: true }).identitySecret!
    const anna = { id: 'anna', signature: signUserId(secret, 'anna') }
    const own = await h.file({ description: "Anna's", reporter: anna })
    const before = await listedToken(h, secret, 'anna')
    expect(await opens(h, before)).toBe(200)

    const next = updateProject(h.db, 'DEMO', { identitySecret: true }).identitySecret!
    expect(await opens(h, before)).toBe(404)
    expect(await opens(h, own.token)).toBe(200)
    // The new secret lists the user's request again, with a link of its own.
    const after = await listedToken(h, next, 'anna')
    expect(after).not.toBe(before)
    expect(await opens(h, after)).toBe(200)

    updateProject(h.db, 'DEMO', { identitySecret: false })
    expect(await opens(h, after)).toBe(404)
    expect(await opens(h, own.token)).toBe(200)
  })
})
