import { STATUSES, type Status } from '@snagbox/sdk/contract'
import type { ActorKind, Allowed } from './types.js'

// The one table of who may do what from where (contract §2). `decide` checks every action
// against it, so the 409's list and the buttons a UI shows can never disagree with the rules.

const OPEN: readonly Status[] = STATUSES.filter((s) => s !== 'closed')

function agentAllowed(from: Status): Allowed[] {
  if (from === 'closed') {
    return [
      { action: 'note', to: 'closed' },
      { action: 'split', to: 'closed' },
      { action: 'reopen', to: 'in_progress' },
    ]
  }
  // Working on a new ticket is what starts it: the first agent action moves it to in_progress.
  // Triage (priority, category) is not work on it and leaves it in the queue of new ones.
  const worked: Status = from === 'new' ? 'in_progress' : from
  const list: Allowed[] = [
    { action: 'take', to: worked },
    { action: 'assign', to: worked },
    { action: 'reply', to: worked },
  ]
  // A question makes sense while the work goes on, not once a solution is given.
  if (from !== 'resolved') {
    list.push({ action: 'reply', status: 'waiting_on_reporter', to: 'waiting_on_reporter' })
  }
  list.push(
    { action: 'reply', status: 'resolved', to: 'resolved' },
    { action: 'note', to: worked },
    { action: 'split', to: worked },
    { action: 'link', to: worked },
    { action: 'set_priority', to: from },
    { action: 'set_category', to: from },
    { action: 'close', to: 'closed', closeReason: 'duplicate' },
    { action: 'close', to: 'closed', closeReason: 'rejected' },
  )
  return list
}

function reporterAllowed(from: Status): Allowed[] {
  if (!OPEN.includes(from)) return []
  const list: Allowed[] = [
    { action: 'comment', to: from === 'waiting_on_reporter' ? 'in_progress' : from },
  ]
  if (from === 'resolved') {
    list.push(
      { action: 'confirm', to: 'closed', closeReason: 'confirmed' },
      { action: 'disagree', to: 'in_progress' },
    )
  }
  list.push({ action: 'withdraw', to: 'closed', closeReason: 'withdrawn' })
  return list
}

/**
 * What an actor of this kind may do to a ticket in this status, and where each leads. The same
 * list answers a refused action (409) and tells a UI which buttons to show. Token and agent
 * are the same here: a token acts for its agent.
 *
 * @example
 * allowedActions('resolved', 'reporter')
 * // [{ action: 'comment', to: 'resolved' },
 * //  { action: 'confirm', to: 'closed', closeReason: 'confirmed' },
 * //  { action: 'disagree', to: 'in_progress' },
 * //  { action: 'withdraw', to: 'closed', closeReason: 'withdrawn' }]
 */
export function allowedActions(from: Status, actor: ActorKind): Allowed[] {
  switch (actor) {
    case 'agent':
    case 'token':
      return agentAllowed(from)
    case 'reporter':
      return reporterAllowed(from)
    case 'system':
      if (from !== 'resolved') return []
      return [{ action: 'auto_close', to: 'closed', closeReason: 'auto_closed' }]
  }
}
