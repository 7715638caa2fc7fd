import { signal } from '@preact/signals'
import type { AdminAgent, AdminProject } from '@snagbox/sdk/contract'
import type { ApiProblem } from '../api.js'
import { api } from '../state.js'
import { asProblem } from './problems.js'

export interface Listed<T> {
  /** `null` until the first load has answered. */
  items: T[] | null
  error: ApiProblem | null
}

/**
 * A list the admin screens share (the agents, the projects): loaded once per visit of a screen,
 * calls made meanwhile sharing it, and changed in place from what a write answered.
 *
 * @example
 * const projects = adminList(api.adminProjects)
 * await projects.load(); projects.put(updated)
 */
export function adminList<T extends { id: string }>(fetchAll: () => Promise<T[]>) {
  const state = signal<Listed<T>>({ items: null, error: null })
  let pending: Promise<void> | null = null
  return {
    state,
    load(): Promise<void> {
      pending ??= fetchAll()
        .then(
          (items) => void (state.value = { items, error: null }),
          (error: unknown) => void (state.value = { ...state.value, error: asProblem(error) }),
        )
        .finally(() => (pending = null))
      return pending
    },
    /** Puts what the server answered in place of the item of its id, or at the end. */
    put(item: T): void {
      const items = state.value.items ?? []
      state.value = {
        items: items.some((x) => x.id === item.id)
          ? items.map((x) => (x.id === item.id ? item : x))
          : [...items, item],
        error: null,
      }
    },
  }
}

export const agentList = adminList<AdminAgent>(() => api.adminAgents())
export const projectList = adminList<AdminProject>(() => api.adminProjects())
