import { randomUUID } from 'node:crypto'
import { and, asc, eq, or } from 'drizzle-orm'
import { STANDARD_VIEWS, type StandardViewId, type TicketView } from '@snagbox/sdk/contract'
import type { Db } from '../db/client.js'
import { savedViews } from '../db/schema.js'
import { InputError } from '../input-error.js'
import { parseListQuery } from '../tickets/list-query.js'
import { countTickets, scopeOf, type ListQuery, type Lister } from '../tickets/store/list.js'
import { ticketTally, type TicketTally } from '../tickets/store/tally.js'
import type { SharedCounts } from './shared-counts.js'

/** Who asks: the lister of the queue, and whether it is an admin (who may change shared views). */
export type Viewer = Lister & { admin: boolean }

/** The tickets a viewer's projects hold (`scopeOf`). */
type Scope = ReturnType<typeof scopeOf>

/** A view's query, checked like the ticket list's; `limit` and `cursor` belong to a page, not a view. */
export function checkViewQuery(query: string): { text: string; parsed: ListQuery } {
  const params = new URLSearchParams(query.replace(/^\?/, ''))
  params.delete('limit')
  params.delete('cursor')
  const parsed = parseListQuery(Object.fromEntries(params))
  if ('errors' in parsed)
    throw new InputError(
      parsed.errors.map((e) => ({ field: `query.${e.path}`, message: e.message })),
    )
  params.sort()
  return { text: params.toString(), parsed: parsed.query }
}

/**
 * The standard views, then the caller's own saved views and the shared ones, each with how many
 * tickets of the caller's projects it holds now.
 *
 * @example listViews(db, { agentId, projects: 'all', admin: true }, counts)[0] // { id: 'new', kind: 'standard', count: 12, … }
 */
export function listViews(db: Db, viewer: Viewer, counts: SharedCounts): TicketView[] {
  const scope = scopeOf(db, viewer.projects)
  const count = sharedCounter(db, viewer, scope, counts)
  const standardCount = standardCounts(db, viewer, scope, counts)
  const standard = STANDARD_VIEWS.map((v) => ({
    id: v.id,
    kind: 'standard' as const,
    name: null,
    query: v.query,
    count: standardCount[v.id],
    editable: false,
  }))
  const saved = db
    .select()
    .from(savedViews)
    .where(or(eq(savedViews.createdBy, viewer.agentId), eq(savedViews.shared, true)))
    .orderBy(asc(savedViews.name))
    .all()
    .map((row) => viewOf(row, viewer, count))
  return [...standard, ...saved]
}

function viewOf(
  row: typeof savedViews.$inferSelect,
  viewer: Viewer,
  count: (query: string) => number,
): TicketView {
  return {
    id: row.id,
    kind: row.shared ? 'shared' : 'mine',
    name: row.name,
    query: row.query,
    count: count(row.query),
    editable: row.createdBy === viewer.agentId || (row.shared && viewer.admin),
  }
}

/**
 * The standard views' counts from one tally of the scope's tickets, shared by every agent of the
 * same projects: the same numbers as their queries give (tested), at a fraction of the work.
 */
function standardCounts(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  counts: SharedCounts,
): Record<StandardViewId, number> {
  const tally = counts.get<TicketTally>(`tally ${scope}`, () => ticketTally(db, scope))
  const sum = (keep: (row: TicketTally['open'][number]) => boolean) =>
    tally.open.filter(keep).reduce((n, row) => n + row.n, 0)
  return {
    new: sum((r) => r.status === 'new'),
    mine: sum((r) => r.assigneeId === viewer.agentId),
    unassigned: sum((r) => r.assigneeId === null),
    waiting_on_reporter: sum((r) => r.status === 'waiting_on_reporter'),
    awaiting_confirmation: sum((r) => r.status === 'resolved'),
    urgent: sum((r) => r.urgent),
    closed: tally.total - sum(() => true),
  }
}

/** How many of the viewer's tickets a view's query holds. */
const counter = (db: Db, viewer: Viewer) => (query: string) =>
  countTickets(db, checkViewQuery(query).parsed, viewer)

/**
 * The same in the viewer's scope, shared by the agents of the same projects (and, for
 * `assignee=me`, the same agent) until the tickets change.
 */
const sharedCounter =
  (db: Db, viewer: Viewer, scope: Scope, counts: SharedCounts) => (query: string) => {
    const { text, parsed } = checkViewQuery(query)
    const who = parsed.assignee === 'me' ? viewer.agentId : ''
    return counts.get(`view ${scope} ${who} ${text}`, () =>
      countTickets(db, parsed, { agentId: viewer.agentId, projects: scope }),
    )
  }

function checkName(name: string): string {
  const trimmed = name.trim()
  if (!trimmed || trimmed.length > 80)
    throw new InputError({ field: 'name', message: 'must be 1 to 80 characters' })
  return trimmed
}

/** Saves a view for the caller, or for everyone when `shared`. */
export function createView(
  db: Db,
  viewer: Viewer,
  input: { name: string; query: string; shared?: boolean },
  now: Date,
): TicketView {
  const row = db
    .insert(savedViews)
    .values({
      id: randomUUID(),
      name: checkName(input.name),
      query: checkViewQuery(input.query).text,
      createdBy: viewer.agentId,
      shared: input.shared ?? false,
      createdAt: now.toISOString(),
    })
    .returning()
    .get()
  return viewOf(row, viewer, counter(db, viewer))
}

/** A saved view the caller may change: its own, or (for an admin) a shared one; else not found. */
function editable(db: Db, viewer: Viewer, id: string) {
  const row = db
    .select()
    .from(savedViews)
    .where(
      and(
        eq(savedViews.id, id),
        or(eq(savedViews.createdBy, viewer.agentId), eq(savedViews.shared, true)),
      ),
    )
    .get()
  if (!row) throw new InputError({ message: `no view ${id}` }, 'not_found')
  if (row.createdBy !== viewer.agentId && !viewer.admin)
    throw new InputError(
      { message: 'only its author or an admin may change a shared view' },
      'conflict',
    )
  return row
}

export function updateView(
  db: Db,
  viewer: Viewer,
  id: string,
  changes: { name?: string; query?: string; shared?: boolean },
): TicketView {
  editable(db, viewer, id)
  if (!Object.values(changes).some((v) => v !== undefined))
    throw new InputError({ message: 'nothing to change' })
  const row = db
    .update(savedViews)
    .set({
      ...(changes.name !== undefined ? { name: checkName(changes.name) } : {}),
      ...(changes.query !== undefined ? { query: checkViewQuery(changes.query).text } : {}),
      ...(changes.shared !== undefined ? { shared: changes.shared } : {}),
    })
    .where(eq(savedViews.id, id))
    .returning()
    .get()!
  return viewOf(row, viewer, counter(db, viewer))
}

export function deleteView(db: Db, viewer: Viewer, id: string): void {
  editable(db, viewer, id)
  db.delete(savedViews).where(eq(savedViews.id, id)).run()
}
