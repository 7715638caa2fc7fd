import type { AgentTicket } from '@snagbox/sdk/contract'
import { ApiProblem, type Versioned } from './api.js'
import { t } from './i18n/index.js'
import { scheduleRefresh } from './queue-actions.js'
import { api, busy, notice, pendingAssignee, seenVersion, ticket, type At } from './state.js'

let sequence = 0

export async function openTicket(reference: string): Promise<void> {
  const mine = ++sequence
  const same = ticket.value.data?.reference === reference
  ticket.value = {
    data: same ? ticket.value.data : null,
    etag: same ? ticket.value.etag : null,
    loading: true,
    error: null,
  }
  if (!same) notice.value = pendingAssignee.value = null
  try {
    const { data, etag } = await api.ticket(reference)
    if (mine !== sequence) return
    ticket.value = { data, etag, loading: false, error: null }
    seenVersion.value = data.version
  } catch (error) {
    if (mine === sequence)
      ticket.value = { data: null, etag: null, loading: false, error: error as ApiProblem }
  }
}

/**
 * The notice for a refused or failed write: the problem's own words, with those of its field
 * errors that the detail doesn't already say (said once, not twice).
 */
export function problemNotice(problem: ApiProblem, at?: At) {
  if (problem.code === 'network_error')
    return { kind: 'error' as const, text: t('error.network'), at }
  const detail = problem.errors
    .filter((e) => !problem.detail.includes(e.message))
    .map((e) => `${e.path}: ${e.message}`)
    .join('; ')
  const text =
    problem.status === 409
      ? `${t('error.conflict')}: ${problem.detail}`
      : problem.detail || t('error.generic')
  return { kind: 'error' as const, text, at, ...(detail ? { detail } : {}) }
}

/**
 * Runs one write on the open ticket with the version the agent saw. A 412 means someone else
 * changed it first: the ticket is loaded again and the agent told, nothing is overwritten.
 * Resolves to whether the write went through; what it came to is told `at` the action used.
 */
export async function write(
  run: (ref: string, etag: string | null) => Promise<Versioned<AgentTicket>>,
  done?: string,
  at: At = 'side',
): Promise<boolean> {
  const current = ticket.value.data
  if (!current || busy.value) return false
  busy.value = true
  notice.value = null
  try {
    const { data, etag } = await run(current.reference, ticket.value.etag)
    ticket.value = { data, etag, loading: false, error: null }
    if (seenVersion.value < data.version) seenVersion.value = data.version
    notice.value = { kind: 'success', text: done ?? t('control.saved'), at }
    scheduleRefresh(0)
    return true
  } catch (error) {
    const problem =
      error instanceof ApiProblem ? error : new ApiProblem(0, 'network_error', String(error))
    if (problem.status === 412) {
      await openTicket(current.reference)
      notice.value = { kind: 'warning', text: t('ticket.stale'), at }
    } else {
      // A refused transition means the ticket is not what this page shows: show what it is now.
      if (problem.status === 409) await openTicket(current.reference)
      notice.value = problemNotice(problem, at)
    }
    return false
  } finally {
    busy.value = false
  }
}

/** Reloads the open ticket after the event stream said someone else changed it. */
export const reloadTicket = () => {
  const data = ticket.value.data
  if (data) void openTicket(data.reference)
}

/**
 * Asks again for the open ticket's e-mails: the sender's progress comes with no live event.
 * Only they are taken, so nothing else of the page changes under the agent.
 */
export async function refreshEmails(): Promise<void> {
  const open = ticket.value.data
  if (!open) return
  try {
    const { data } = await api.ticket(open.reference)
    const now = ticket.value
    if (now.data?.id === data.id)
      ticket.value = { ...now, data: { ...now.data, emails: data.emails } }
  } catch {
    // The next look (or a reload) shows them.
  }
}
