// The queue's rows picked for one change to many tickets, by reference, in the order shown.
import { signal } from '@preact/signals'
import { queue } from './state.js'

/** The references checked in the queue, for the bulk bar. */
export const checked = signal<ReadonlySet<string>>(new Set())
/** The checked rows among those shown, in the order shown: what a bulk change is made to. */
export const pickedShown = (): string[] =>
  queue.value.items.map((i) => i.reference).filter((ref) => checked.value.has(ref))
/** The row a shift-click's range starts from: the last one checked or unchecked alone. */
export const anchor = signal<string | null>(null)

/**
 * One row checked or unchecked; `range` (a shift-click) sets every row from the anchor to it,
 * in the order shown, the way the clicked row goes — as mail clients do.
 *
 * @example
 * pick(new Set(['A']), ['A', 'B', 'C'], 'C', { anchor: 'A', range: true }) // A, B, C
 */
export function pick(
  current: ReadonlySet<string>,
  shown: readonly string[],
  target: string,
  options: { anchor?: string | null; range?: boolean } = {},
): Set<string> {
  const next = new Set(current)
  const on = !current.has(target)
  const from = options.range && options.anchor ? shown.indexOf(options.anchor) : -1
  const to = shown.indexOf(target)
  const span =
    from >= 0 && to >= 0 ? shown.slice(Math.min(from, to), Math.max(from, to) + 1) : [target]
  for (const ref of span) {
    if (on) next.add(ref)
    else next.delete(ref)
  }
  return next
}

/** Every row shown checked, or none when they all are already (the header's checkbox). */
export function pickAll(current: ReadonlySet<string>, shown: readonly string[]): Set<string> {
  return allPicked(current, shown) ? new Set() : new Set([...current, ...shown])
}

export const allPicked = (current: ReadonlySet<string>, shown: readonly string[]) =>
  shown.length > 0 && shown.every((ref) => current.has(ref))

/**
 * The rows still checked after the list changed: a ticket that left the view (changed by
 * someone, or another filter) is not changed by a bulk action the agent can no longer see.
 */
export function keepShown(current: ReadonlySet<string>, shown: readonly string[]): Set<string> {
  const visible = new Set(shown)
  return new Set([...current].filter((ref) => visible.has(ref)))
}

/** Checks or unchecks one row and makes it the anchor of the next shift-click. */
export function toggleRow(shown: readonly string[], ref: string, range = false): void {
  checked.value = pick(checked.value, shown, ref, { anchor: anchor.value, range })
  anchor.value = ref
}
