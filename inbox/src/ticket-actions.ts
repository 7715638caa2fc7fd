import { signal } from '@preact/signals'
import type { AgentTicket, TimelineEntry } from '@snagbox/sdk/contract'
import { asProblem, type Versioned } from './api.js'
import { t } from './i18n/index.js'
import { problemNotice } from './problem-notice.js'
import { scheduleRefresh } from './queue-actions.js'
import {
  api,
  busy,
  changedElsewhere,
  me,
  notice,
  pendingAssignee,
  seenVersion,
  ticket,
  type At,
} from './state.js'
import { listOf, tt } from './ticket-i18n/index.js'

/** Timeline entries others added while the agent had the ticket open: marked new. */
export const freshEntries = signal<ReadonlySet<number>>(new Set())
/** Who last changed the open ticket while it was shown (merged into the page), and to which version. */
export const liveChange = signal<{ who: string; version: number } | null>(null)
/** A live change could not be loaded: the page offers a reload instead. */
export const mergeFailed = signal(false)

// What the page knows of each version of the open ticket it showed: its newest timeline entry,
// and the version the agent's edits made on it rest on. A version the agent's own write made
// rests on the one before it, so an agent's own changes never make its other drafts stale.
const versions = new Map<number, { lastEntry: number; basis: number }>()
/** The version the agent was last told of in a conflict: its edits begun before rest on it now. */
const told = signal(0)
const lastEntry = (data: AgentTicket) => data.timeline.reduce((max, e) => Math.max(max, e.id), 0)

/** The version an edit begun now on the open ticket rests on. */
export function currentBasis(): number {
  const data = ticket.value.data
  return data ? (versions.get(data.version)?.basis ?? data.version) : 0
}

/** Whether an edit begun on `basis` was made before someone else's change now shown. */
export function isStale(basis: number): boolean {
  return !!ticket.value.data && Math.max(basis, told.value) !== currentBasis()
}

const byThisAgent = (e: TimelineEntry) => e.actor.kind === 'agent' && e.actor.id === me.value?.id

/** Who made these entries, in words: `the reporter and Alex Morgan`. */
export function whoMade(entries: readonly TimelineEntry[]): string {
  const names = entries.map(({ actor }) =>
    actor.kind === 'reporter'
      ? tt('who.reporter')
      : actor.kind === 'token'
        ? tt('who.token', { name: actor.name ?? t('actor.agent') })
        : actor.kind === 'system'
          ? tt('who.system')
          : (actor.name ?? t('actor.agent')),
  )
  return names.length ? listOf([...new Set(names)]) : tt('who.someone')
}

/**
 * Shows a version of the open ticket. What others added since the version shown before is
 * marked new and said; `ownFrom` is the version the agent's own write was made on.
 */
function show(data: AgentTicket, etag: string | null, ownFrom?: number): void {
  const before = ticket.value.data
  if (!versions.has(data.version)) {
    const own = ownFrom !== undefined && data.version === ownFrom + 1
    const basis = own ? (versions.get(ownFrom)?.basis ?? ownFrom) : data.version
    versions.set(data.version, { lastEntry: lastEntry(data), basis })
  }
  if (before?.id === data.id) {
    const known = lastEntry(before)
    const added = data.timeline.filter((e) => e.id > known && !byThisAgent(e))
    if (added.length) {
      freshEntries.value = new Set([...freshEntries.value, ...added.map((e) => e.id)])
      liveChange.value = { who: whoMade(added), version: data.version }
    }
  }
  ticket.value = { data, etag, loading: false, error: null }
  if (seenVersion.value < data.version) seenVersion.value = data.version
}

let sequence = 0

export async function openTicket(reference: string): Promise<void> {
  const mine = ++sequence
  const current = ticket.value.data
  const same = current?.reference === reference
  ticket.value = { ...ticket.value, data: same ? current : null, loading: true, error: null }
  if (!same) {
    notice.value = pendingAssignee.value = liveChange.value = null
    freshEntries.value = new Set()
    seenVersion.value = told.value = 0
    versions.clear()
  }
  mergeFailed.value = false
  try {
    const { data, etag } = await api.ticket(reference)
    if (mine === sequence) show(data, etag)
  } catch (error) {
    if (mine === sequence)
      ticket.value = { data: null, etag: null, loading: false, error: asProblem(error) }
  }
}

/**
 * Loads the open ticket again and merges it into the page. An answer older than what is shown
 * by then is dropped, and so is one that comes after another ticket was opened.
 */
async function reload(): Promise<void> {
  const open = ticket.value.data
  if (!open) return
  const opened = sequence
  const { data, etag } = await api.ticket(open.reference)
  const now = ticket.value.data
  if (opened === sequence && now?.id === data.id && data.version >= now.version) show(data, etag)
}

let merging = false
/**
 * Brings the live changes of the open ticket into the page (the event stream told of a newer
 * version): the new entries appear, marked new, and what the agent is writing or choosing stays.
 */
export async function mergeLatest(force = false): Promise<void> {
  if (merging) return
  merging = true
  try {
    // Events may go on arriving meanwhile: until the page shows the newest one told of, or the
    // server has nothing newer.
    for (let first = force; first || changedElsewhere.value; first = false) {
      const shown = ticket.value.data?.version
      await reload()
      if (!first && ticket.value.data?.version === shown) break
    }
    mergeFailed.value = false
  } catch {
    mergeFailed.value = true
  } finally {
    merging = false
  }
}

/** Tells the agent whose change came first; the edits kept now rest on what is shown. */
function tellStale(basis: number, where: At): void {
  const data = ticket.value.data!
  const since = versions.get(basis)?.lastEntry
  const added =
    since === undefined ? [] : data.timeline.filter((e) => e.id > since && !byThisAgent(e))
  notice.value = { kind: 'warning', text: tt('live.stale', { who: whoMade(added) }), at: where }
  told.value = currentBasis()
}

/**
 * Runs one write on the open ticket with the version the agent saw. An edit begun on `basis`
 * before someone else's change is not sent; a 412 means someone else changed the ticket first.
 * Either way nothing is overwritten: the ticket is shown as it is, the agent told by whom, and
 * the edit kept. Resolves to whether the write went through; what it came to is told `where` the
 * action is.
 */
export async function write(
  run: (ref: string, etag: string | null) => Promise<Versioned<AgentTicket>>,
  done?: string,
  where: At = 'side',
  basis?: number,
): Promise<boolean> {
  const current = ticket.value.data
  if (!current || busy.value) return false
  const from = basis ?? currentBasis()
  if (isStale(from)) {
    tellStale(from, where)
    return false
  }
  busy.value = true
  notice.value = null
  try {
    const { data, etag } = await run(current.reference, ticket.value.etag)
    // Gone to another ticket meanwhile: the answer is not what the page shows now.
    if (ticket.value.data?.id === current.id) show(data, etag, current.version)
    notice.value = { kind: 'success', text: done ?? t('control.saved'), at: where }
    scheduleRefresh(0)
    return true
  } catch (error) {
    const problem = asProblem(error)
    // Refused as stale or as not allowed now: the ticket is not what this page shows.
    if (problem.status === 412 || problem.status === 409) await reload().catch(() => undefined)
    if (problem.status === 412) tellStale(from, where)
    else notice.value = problemNotice(problem, where)
    return false
  } finally {
    busy.value = false
  }
}

/**
 * Loads the open ticket again whatever the event stream said, and merges it in: after a split
 * (whose answer is the new ticket), after the stream came back from a drop, or when asked.
 */
export const reloadTicket = () => mergeLatest(true)

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
