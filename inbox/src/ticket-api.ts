import {
  MULTIPART,
  ROUTES,
  ticketPaths,
  type AgentTicket,
  type FilledMacro,
  type Macro,
  type Priority,
  type PresenceViewer,
  type ReplyStatus,
  type SimilarTicket,
} from '@snagbox/sdk/contract'
import { api } from './state.js'

/** A saved reply as the editor sends it; `null` clears the status, the priority, the project. */
export type MacroBody = {
  name?: string
  body?: string
  status?: ReplyStatus | null
  priority?: Priority | null
  /** A project's prefix; `null`: every project's (admins only). */
  project?: string | null
}

const enc = encodeURIComponent
const items = async <T>(path: string, method = 'GET', body?: Record<string, unknown>) =>
  (await api.request<{ items: T[] }>(method, path, body)).data.items

/**
 * The agent API's calls of the ticket page and the saved replies' editor, loaded with them
 * (inbox.js carries only what the queue needs).
 *
 * @example
 * const filled = await ticketApi.fillMacro('DEMO-4', macro.id)
 */
export const ticketApi = {
  similar: (ref: string) => items<SimilarTicket>(ticketPaths.ticket(ref, '/similar')),
  macros: () => items<Macro>(ROUTES.macros),
  fillMacro: async (ref: string, id: string) =>
    (await api.request<FilledMacro>('GET', ticketPaths.ticket(ref, `/macros/${enc(id)}`))).data,
  createMacro: async (body: MacroBody) =>
    (await api.request<Macro>('POST', ROUTES.macros, body)).data,
  updateMacro: async (id: string, body: MacroBody) =>
    (await api.request<Macro>('PATCH', `${ROUTES.macros}/${enc(id)}`, body)).data,
  deleteMacro: async (id: string) =>
    void (await api.request('DELETE', `${ROUTES.macros}/${enc(id)}`)),
  /** A heartbeat on the ticket: the others on it. */
  beat: (ref: string, typing: boolean) =>
    items<PresenceViewer>(ticketPaths.ticket(ref, '/presence'), 'POST', { typing }),
  leave: async (ref: string) =>
    void (await api.request('DELETE', ticketPaths.ticket(ref, '/presence'))),
  /** A reply with files: its fields in the `payload` part, each file a `files` part. */
  replyWithFiles: (
    ref: string,
    fields: Record<string, unknown>,
    files: File[],
    etag: string | null,
  ) => {
    const form = new FormData()
    form.set(MULTIPART.payload, JSON.stringify(fields))
    for (const file of files) form.append('files', file, file.name)
    return api.request<AgentTicket>('POST', ticketPaths.ticket(ref, '/replies'), form, etag)
  },
}
