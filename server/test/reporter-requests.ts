import { ORIGIN, type AgentHarness } from './harness.js'

/** `POST /api/v1/status/requests` as the widget on the allowed origin sends it. */
export const listRequests = (
  h: AgentHarness,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  h.app.request('/api/v1/status/requests', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Snagbox-Key': h.project.key,
      Origin: ORIGIN,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
