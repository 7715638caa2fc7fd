/** One thing wrong with an admin's input: which input (`prefix`, `holidays[0]`) and what. */
export interface InputProblem {
  field?: string
  message: string
}

/**
 * What kind of refusal: input that is wrong in itself, something named that does not exist, or a
 * change the current state does not allow (a prefix taken, the last admin disabled).
 */
export type InputErrorKind = 'invalid' | 'not_found' | 'conflict'

/**
 * Input an admin got wrong, in the store's words; the CLI and the admin API word it for their own
 * surface, e.g. a field as the flag that sets it, or an HTTP status.
 *
 * @example
 * throw new InputError({ field: 'prefix', message: 'must be 1–10 capital letters' })
 * throw new InputError({ message: 'no agent with the e-mail x@example.com' }, 'not_found')
 */
export class InputError extends Error {
  readonly problems: InputProblem[]

  constructor(
    problems: InputProblem | InputProblem[],
    readonly kind: InputErrorKind = 'invalid',
  ) {
    const list = Array.isArray(problems) ? problems : [problems]
    super(list.map((p) => (p.field ? `${p.field} ${p.message}` : p.message)).join('; '))
    this.name = 'InputError'
    this.problems = list
  }
}
