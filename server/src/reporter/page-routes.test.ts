import { describe, expect, it } from 'vitest'
import { agentHarness, type AgentHarness } from '../../test/harness.js'

const path = (statusUrl: string) => statusUrl.replace('https://support.example.com', '')

async function page(h: AgentHarness, statusUrl: string, headers: Record<string, string> = {}) {
  const res = await h.app.request(path(statusUrl), { headers })
  return { status: res.status, html: await res.text(), res }
}

function form(
  h: AgentHarness,
  statusUrl: string,
  action: string,
  fields: Record<string, string> = {},
) {
  return h.app.request(`${path(statusUrl)}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
}

describe('GET /status/:token, the reporter page', () => {
  it('shows the reference, the status in words and the public timeline, in English by default', async () => {
    const h = await agentHarness()
    const { statusUrl, reference } = await h.file({ description: 'The report button does nothing' })
    await h.api(`/api/v1/tickets/${reference}/replies`, {
      method: 'POST',
      json: { body: 'Which browser do you use?', status: 'waiting_on_reporter' },
    })
    const { status, html, res } = await page(h, statusUrl)
    expect(status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(html).toContain('<html lang="en">')
    expect(html).toContain(`Request ${reference}`)
    expect(html).toContain('Waiting for your answer')
    expect(html).toContain('Which browser do you use?')
    expect(html).toContain('The report button does nothing')
    expect(html).toContain('name="body"')
    expect(html).not.toContain('<script')
  })

  it('speaks Russian when the browser prefers it, or when asked', async () => {
    const h = await agentHarness()
    const { statusUrl } = await h.file()
    const ru = await page(h, statusUrl, { 'Accept-Language': 'ru-RU,ru;q=0.9,en;q=0.8' })
    expect(ru.html).toContain('<html lang="ru">')
    expect(ru.html).toContain('Обращение DEMO-1')
    expect(ru.html).toContain('Получено')
    expect((await page(h, `${statusUrl}?lang=ru`)).html).toContain('Получено')
    expect(
      (await page(h, statusUrl, { 'Accept-Language': 'de-DE, en;q=0.5, ru;q=0.4' })).html,
    ).toContain('<html lang="en">')
  })

  it('renders hostile text inert', async () => {
    const h = await agentHarness()
    const evil = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`
    const { statusUrl, reference } = await h.file({ description: evil, subject: `<b>${evil}</b>` })
    await h.reporter(statusUrl, '/comments', {
      method: 'POST',
      json: { body: `<iframe src="javascript:alert(3)">` },
    })
    await h.api(`/api/v1/tickets/${reference}/replies`, {
      method: 'POST',
      json: { body: '</li></ol><script>steal()</script>' },
    })
    const { html } = await page(h, statusUrl)
    expect(html).not.toMatch(/<script>|<img src=x|<iframe|<b>/)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;iframe src=&quot;javascript:alert(3)&quot;&gt;')
    expect(html).toContain('&lt;/li&gt;&lt;/ol&gt;&lt;script&gt;steal()&lt;/script&gt;')
  })

  it('works without JavaScript: comment, disagree with a reason, confirm', async () => {
    const h = await agentHarness()
    const { statusUrl, reference } = await h.file()
    await h.api(`/api/v1/tickets/${reference}/replies`, {
      method: 'POST',
      json: { body: 'Fixed in 4.30.35', status: 'resolved' },
    })
    const resolved = await page(h, statusUrl)
    expect(resolved.html).toContain('Solution provided')
    expect(resolved.html).toContain('Closes automatically if there is no answer by')
    expect(resolved.html).toContain('action="/status/')

    const noReason = await form(h, statusUrl, 'reopen', { reason: '  ' })
    expect(noReason.status).toBe(400)
    expect(await noReason.text()).toContain('role="alert"')

    const reopen = await form(h, statusUrl, 'reopen', { reason: 'Still broken on my machine' })
    expect(reopen.status).toBe(303)
    expect(reopen.headers.get('location')).toMatch(/done=reopen/)
    const after = await page(h, `${statusUrl}?done=reopen`)
    expect(after.html).toContain('The request is back in work.')
    expect(after.html).toContain('Still broken on my machine')

    await h.api(`/api/v1/tickets/${reference}/replies`, {
      method: 'POST',
      json: { body: 'Now really fixed', status: 'resolved' },
    })
    expect((await form(h, statusUrl, 'confirm')).status).toBe(303)
    const closed = await page(h, statusUrl)
    expect(closed.html).toContain('you confirmed the solution')
    expect(closed.html).not.toContain('name="body"') // no comments on a closed request
    const late = await form(h, statusUrl, 'comment', { body: 'one more thing' })
    expect(late.status).toBe(409)
  })

  it('lets the reporter withdraw an open request', async () => {
    const h = await agentHarness()
    const { statusUrl } = await h.file()
    expect((await form(h, statusUrl, 'withdraw', { reason: 'Found it myself' })).status).toBe(303)
    expect(await (await h.reporter(statusUrl)).json()).toMatchObject({
      status: 'closed',
      closeReason: 'withdrawn',
    })
  })

  it('answers 404 for unknown tokens, in the page language', async () => {
    const h = await agentHarness()
    const res = await h.app.request('/status/not-a-token-at-all-xxxxxxxx', {
      headers: { 'Accept-Language': 'ru' },
    })
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('не найдено')
    expect(
      (await h.app.request('/status/not-a-token-at-all-xxxxxxxx/confirm', { method: 'POST' }))
        .status,
    ).toBe(404)
  })
})

describe('the status page forms and the free-text limit', () => {
  it('refuses a comment longer than the API accepts, saying so, instead of cutting it', async () => {
    const h = await agentHarness()
    const { statusUrl } = await h.file()
    const res = await form(h, statusUrl, 'comment', { body: 'x'.repeat(20_001) })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('The text is longer than 20,000 characters')
    const api = await (await h.api('/api/v1/tickets/DEMO-1')).json()
    expect(api.timeline.map((e: { type: string }) => e.type)).toEqual(['created'])
  })

  it('takes a comment of exactly the limit, its line breaks counted as the reporter typed them', async () => {
    const h = await agentHarness()
    const { statusUrl } = await h.file()
    // A browser sends each line break of a textarea as CRLF: 20,000 typed characters, 20,999 sent.
    const typed = Array.from({ length: 1000 }, () => 'y'.repeat(19)).join('\n') + 'y'
    expect(typed.length).toBe(20_000)
    const res = await form(h, statusUrl, 'comment', { body: typed.replace(/\n/g, '\r\n') })
    expect(res.status).toBe(303)
    const api = await (await h.api('/api/v1/tickets/DEMO-1')).json()
    expect(api.timeline.at(-1)).toMatchObject({ type: 'reporter_comment', data: { body: typed } })
  })
})

describe('the status page shows the reporter what concerns them', () => {
  it('keeps its styles unescaped, shows the solution beside its buttons and says which zone times are in', async () => {
    const h = await agentHarness()
    const { statusUrl, reference } = await h.file({
      description: 'Export fails',
      environment: { timezone: 'Asia/Yekaterinburg' },
    })
    await h.api(`/api/v1/tickets/${reference}`, { method: 'PATCH', json: { assigneeId: 'me' } })
    await h.api(`/api/v1/tickets/${reference}/replies`, {
      method: 'POST',
      json: { body: 'Update the driver to 4.2', status: 'resolved' },
    })
    const { html } = await page(h, statusUrl)
    expect(html).toContain('"Segoe UI"')
    expect(html).not.toContain('&quot;Segoe UI&quot;')
    const solution = html.indexOf('class="text solution"')
    expect(solution).toBeGreaterThan(0)
    expect(html.slice(solution, solution + 200)).toContain('Update the driver to 4.2')
    expect(solution).toBeLessThan(html.indexOf('/confirm?'))
    expect(html).toContain('Times are in Asia/Yekaterinburg.')
    // The assignment is support's business, not the reporter's.
    expect(html).not.toContain('Assigned')
    const unknownZone = await h.file({
      description: 'x',
      environment: { timezone: 'Mars/Olympus' },
    })
    expect((await page(h, unknownZone.statusUrl)).html).toContain('Times are in UTC.')
  })

  it("lets the reporter follow the request theirs duplicates, and a split, but never someone else's", async () => {
    const h = await agentHarness()
    const anna = { email: 'anna@example.com' }
    const first = await h.file({ description: 'Printing fails', reporter: anna })
    const again = await h.file({ description: 'Printing fails again', reporter: anna })
    const boris = await h.file({
      description: 'Printing fails for Boris',
      reporter: { email: 'boris@example.com' },
    })
    for (const dup of [again, boris])
      await h.api(`/api/v1/tickets/${dup.reference}/link`, {
        method: 'POST',
        json: { duplicateOf: first.reference, comment: 'Same driver' },
      })
    const mine = await page(h, again.statusUrl)
    expect(mine.html).toContain(`Duplicate of ${first.reference} — Received`)
    expect(mine.html).toContain(`Open ${first.reference}`)
    const followed = await form(h, again.statusUrl, `follow/${first.reference}`)
    expect(followed.status).toBe(303)
    const target = followed.headers.get('location')!
    expect(target).toMatch(/^\/status\/[\w-]{40,}\?lang=en$/)
    expect(await (await h.app.request(target)).text()).toContain(`Request ${first.reference}`)
    // Boris's duplicate names Anna's request and its status, and offers no way into it.
    const his = await page(h, boris.statusUrl)
    expect(his.html).toContain(`Duplicate of ${first.reference} — Received`)
    expect(his.html).not.toContain(`Open ${first.reference}`)
    const refused = await form(h, boris.statusUrl, `follow/${first.reference}`)
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('cannot be opened from here')
    // A split keeps its reporter: both ways.
    const split = await h.api(`/api/v1/tickets/${first.reference}/split`, {
      method: 'POST',
      json: { subject: 'The scanner too', description: 'Scanning fails as well' },
    })
    const part = (await split.json()) as { reference: string; statusUrl: string }
    const original = await page(h, first.statusUrl)
    expect(original.html).toContain(
      `A separate request was made of part of it: ${part.reference} — Received`,
    )
    expect((await form(h, first.statusUrl, `follow/${part.reference}`)).status).toBe(303)
    expect((await page(h, part.statusUrl)).html).toContain(`Split from ${first.reference}`)
  })

  it("shows the reporter's own screenshot", async () => {
    const h = await agentHarness()
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
    const { statusUrl } = await h.file({ description: 'See the picture', screenshot: png })
    const { html } = await page(h, statusUrl)
    const src = /<img class="shot" src="([^"]+)"/.exec(html)?.[1]
    expect(src).toMatch(/^\/api\/v1\/status\/[\w-]+\/screenshot$/)
    const image = await h.app.request(src!)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/png')
    expect((await page(h, (await h.file()).statusUrl)).html).not.toContain('class="shot"')
  })
})
