import { describe, expect, it, vi } from 'vitest'
import { ApiProblem, createApi } from './api.js'

const problem = (
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  })

function fakeFetch(...answers: (Response | Error)[]) {
  const calls: { url: string; init: RequestInit }[] = []
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} })
    const next = answers.shift()
    if (!next) throw new Error('no answer left')
    if (next instanceof Error) throw next
    return next
  })
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls }
}

describe('the inbox API client', () => {
  it('tells whether a call was made since a time, failed ones too', async () => {
    const { fetch } = fakeFetch(new Response('{"items":[]}'), new Error('offline'))
    const api = createApi({ fetch })
    const start = performance.now()
    expect(api.calledSince(start)).toBe(false)
    await api.agents()
    expect(api.calledSince(start)).toBe(true)
    const later = performance.now() + 1
    expect(api.calledSince(later)).toBe(false)
    await expect(api.views()).rejects.toMatchObject({ code: 'network_error' })
    expect(api.calledSince(start)).toBe(true)
  })

  it('sends If-Match with the version the agent saw and returns the new ETag', async () => {
    const { fetch, calls } = fakeFetch(
      new Response(JSON.stringify({ reference: 'DEMO-1', version: 3 }), {
        headers: { ETag: '"3"' },
      }),
    )
    const api = createApi({ fetch })
    const result = await api.patch('DEMO-1', { priority: 'high' }, '"2"')
    expect(result).toEqual({ data: { reference: 'DEMO-1', version: 3 }, etag: '"3"' })
    expect(calls[0]!.url).toBe('/api/v1/tickets/DEMO-1')
    expect(calls[0]!.init.method).toBe('PATCH')
    expect(calls[0]!.init.headers).toMatchObject({
      'If-Match': '"2"',
      'Content-Type': 'application/json',
    })
    expect(calls[0]!.init.body).toBe('{"priority":"high"}')
  })

  it('sends a form of parts as it is, for the browser to frame (a reply with files)', async () => {
    const { fetch, calls } = fakeFetch(
      new Response('{}', { status: 201, headers: { ETag: '"4"' } }),
    )
    const form = new FormData()
    form.set('payload', '{"body":"See"}')
    await createApi({ fetch }).request('POST', '/api/v1/tickets/DEMO-1/replies', form, '"3"')
    expect(calls[0]!.init.body).toBe(form)
    expect(calls[0]!.init.headers).toEqual({ Accept: 'application/json', 'If-Match': '"3"' })
  })

  it("asks the server every time, never a cached copy: e-mails' delivery keeps the ETag", async () => {
    const { fetch, calls } = fakeFetch(
      new Response(JSON.stringify({ reference: 'DEMO-1', emails: [] }), {
        headers: { ETag: '"3"' },
      }),
      new Response(JSON.stringify({ id: 9, state: 'pending' }), { status: 201 }),
      new Response(JSON.stringify({ id: 'a1', mail: true }), { status: 200 }),
    )
    const api = createApi({ fetch })
    await api.ticket('DEMO-1')
    expect(calls[0]!.init.cache).toBe('no-store')
    expect(await api.resendEmail('DEMO-1', 7)).toEqual({ id: 9, state: 'pending' })
    expect([calls[1]!.init.method, calls[1]!.url]).toEqual([
      'POST',
      '/api/v1/tickets/DEMO-1/emails/7/resend',
    ])
    await api.updateMe({ activity: false })
    expect([calls[2]!.init.method, calls[2]!.url, calls[2]!.init.body]).toEqual([
      'PATCH',
      '/api/v1/me',
      '{"notifications":{"activity":false}}',
    ])
  })

  it('turns a problem document into an ApiProblem with its code, detail and field errors', async () => {
    const { fetch } = fakeFetch(
      problem(409, {
        code: 'illegal_transition',
        detail: '"reply" is not allowed while the ticket is closed',
        allowed: [],
      }),
    )
    const error = await createApi({ fetch })
      .reply('DEMO-1', { body: 'x' }, null)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiProblem)
    expect(error).toMatchObject({
      status: 409,
      code: 'illegal_transition',
      detail: '"reply" is not allowed while the ticket is closed',
    })

    const { fetch: invalid } = fakeFetch(
      problem(400, {
        code: 'invalid_payload',
        detail: 'body is required',
        errors: [{ path: 'body', message: 'is required' }],
      }),
    )
    await expect(createApi({ fetch: invalid }).note('DEMO-1', '')).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'body', message: 'is required' }],
    })
  })

  it('reports a 412 as precondition_failed so the page can reload', async () => {
    const { fetch } = fakeFetch(
      problem(412, { code: 'precondition_failed', detail: 'The ticket changed' }),
    )
    await expect(
      createApi({ fetch }).patch('DEMO-1', { category: 'incident' }, '"1"'),
    ).rejects.toMatchObject({ status: 412, code: 'precondition_failed' })
  })

  it('says network_error when the server cannot be reached, and survives a body that is not JSON', async () => {
    const { fetch } = fakeFetch(
      new TypeError('Failed to fetch'),
      new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
    )
    const api = createApi({ fetch })
    await expect(api.me()).rejects.toMatchObject({ status: 0, code: 'network_error' })
    await expect(api.me()).rejects.toMatchObject({
      status: 502,
      code: 'http_502',
      detail: 'Bad Gateway',
    })
  })

  it('tells the page the session is gone on a 401, but not for a failed login', async () => {
    const onUnauthorized = vi.fn()
    const { fetch } = fakeFetch(
      problem(401, { code: 'unauthorized', detail: 'Wrong e-mail or password' }),
      problem(401, { code: 'unauthorized', detail: 'Log in' }),
    )
    const api = createApi({ fetch, onUnauthorized })
    await expect(api.login('a@example.com', 'nope')).rejects.toMatchObject({ status: 401 })
    expect(onUnauthorized).not.toHaveBeenCalled()
    await expect(api.list(new URLSearchParams('status=open'))).rejects.toMatchObject({
      status: 401,
    })
    expect(onUnauthorized).toHaveBeenCalledOnce()
  })

  it('lists the agents from GET /api/v1/agents', async () => {
    const items = [{ id: 'a1', email: 'ann@example.com', name: 'Ann Agent', role: 'admin' }]
    const { fetch, calls } = fakeFetch(new Response(JSON.stringify({ items })))
    expect(await createApi({ fetch }).agents()).toEqual(items)
    expect(calls[0]!.url).toBe('/api/v1/agents')
    expect(calls[0]!.init.method).toBe('GET')
  })

  it('escapes the reference in the path and sends no If-Match when there is none', async () => {
    const { fetch, calls } = fakeFetch(new Response('{}', { status: 201 }))
    await createApi({ fetch, base: 'https://support.example.com' }).note('DEMO-1/../x', 'hello')
    expect(calls[0]!.url).toBe('https://support.example.com/api/v1/tickets/DEMO-1%2F..%2Fx/notes')
    expect(calls[0]!.init.headers).not.toHaveProperty('If-Match')
  })
})
