/** One thing wrong with an admin's input: which input (`prefix`, `holidays[0]`) and what. */
export interface InputProblem {
  field?: string
  message: string
}

/**
 * Input an admin got wrong, in the store's words; the CLI (or a later admin API) words it for
 * its own surface, e.g. a field as the flag that sets it.
 *
 * @example
 * throw new InputError({ field: 'prefix', message: 'must be 1–10 capital letters' })
 */
export class InputError extends Error {
  readonly problems: InputProblem[]

  constructor(problems: InputProblem | InputProblem[]) {
    const list = Array.isArray(problems) ? problems : [problems]
    super(list.map((p) => (p.field ? `${p.field} ${p.message}` : p.message)).join('; '))
    this.name = 'InputError'
    this.problems = list
  }
}
