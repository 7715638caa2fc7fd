// Who a ticket can be assigned to, in the order an agent looks for them, and how an assignment
// reads in the timeline. Pure: the components pass the agents, the signed-in one and the words.

export interface Person {
  id: string
  name: string
}

const byName = (a: Person, b: Person) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)

/**
 * The assignee picker's agents: the signed-in one first, then everyone else by name. The ticket's
 * current assignee is kept even when the list doesn't hold them (not loaded yet, or failed).
 *
 * @example
 * pickerAgents([bob, ann], ann, null).map((a) => a.name) // ['Ann', 'Bob']
 */
export function pickerAgents(
  agents: readonly Person[] | null,
  self: Person,
  current: Person | null,
): Person[] {
  const others = new Map<string, Person>()
  for (const agent of [...(agents ?? []), ...(current ? [current] : [])]) {
    if (agent.id !== self.id && !others.has(agent.id)) others.set(agent.id, agent)
  }
  return [self, ...[...others.values()].sort(byName)]
}

/** What `PATCH` gets for a picker choice: `me` for oneself, `null` for nobody, else the id. */
export function assigneeIdFor(choice: string, selfId: string): string | null {
  if (!choice) return null
  return choice === selfId ? 'me' : choice
}

/**
 * The agents the queue's assignee filter offers besides "me" and "nobody": everyone else by name,
 * and the agent the URL names even when the list doesn't know them (shown by their id).
 */
export function filterAgents(
  agents: readonly Person[] | null,
  selfId: string,
  chosen: string,
): Person[] {
  const others = (agents ?? []).filter((a) => a.id !== selfId).sort(byName)
  const special = chosen === '' || chosen === 'me' || chosen === 'none'
  if (special || chosen === selfId || others.some((a) => a.id === chosen)) return others
  return [...others, { id: chosen, name: chosen }]
}

export interface AssignmentWords {
  /** For a side that is nobody: "Unassigned". */
  nobody: string
  /** For an agent whose name is not known (deleted since): "Agent". */
  unknown: string
  /** Names the inbox knows from elsewhere (the agent list), by id. */
  nameOf?: (id: string) => string | undefined
}

/**
 * Both sides of an `assigned` timeline event, `Ann → Bob`, from the names the server put in
 * `fromName`/`toName`, else the agent list, else a word that says who it was.
 *
 * @example
 * assignmentSides({ from: null, to: 'a1', fromName: null, toName: 'Ann' }, words)
 * // { from: 'Unassigned', to: 'Ann' }
 */
export function assignmentSides(
  data: Record<string, unknown>,
  words: AssignmentWords,
): { from: string; to: string } {
  const side = (id: unknown, name: unknown) => {
    if (typeof name === 'string' && name) return name
    if (typeof id !== 'string' || !id) return words.nobody
    return words.nameOf?.(id) || words.unknown
  }
  return { from: side(data.from, data.fromName), to: side(data.to, data.toName) }
}
