import { signal } from '@preact/signals'
import type { Priority, ReplyStatus } from '@snagbox/sdk/contract'
import { currentBasis } from './ticket-actions.js'

export type ComposerMode = 'reply' | 'note'
/** Whether the composer writes to the reporter or a note for agents. */
export const composerMode = signal<ComposerMode>('reply')

/**
 * What the agent is writing on a ticket and what is to go with it: the status a reply leaves the
 * ticket in and the priority it sets (chosen, or brought by a saved reply), the files attached,
 * and the version it was begun on.
 */
export interface Draft {
  text: string
  basis: number
  status?: ReplyStatus
  priority?: Priority
  files?: File[]
}

/** Per ticket and mode: going to the queue and back keeps them, and so do others' changes. */
export const drafts = signal<Record<string, Draft>>({})

export const draftKey = (ticketId: string, mode: ComposerMode) => `${ticketId}:${mode}`

/**
 * Changes a draft. One left with nothing in it is dropped, so the next one rests on the version
 * shown when it is begun.
 *
 * @example
 * editDraft(draftKey(ticket.id, 'reply'), { status: 'resolved' })
 */
export function editDraft(key: string, change: Partial<Omit<Draft, 'basis'>>): void {
  const { [key]: before, ...others } = drafts.value
  const next: Draft = { text: '', basis: before?.basis ?? currentBasis(), ...before, ...change }
  const kept = next.text || next.status || next.priority || next.files?.length
  drafts.value = kept ? { ...others, [key]: next } : others
}
