import { MACRO_VARIABLES, type MacroVariable } from '@snagbox/sdk/contract'

/** `{{name}}`, spaces around the name allowed. */
const VARIABLE = /\{\{([^{}]*)\}\}/g

const KNOWN: ReadonlySet<string> = new Set(MACRO_VARIABLES)

/**
 * The variables a body names that no ticket can fill, each once, in order.
 *
 * @example unknownVariables('Hello {{reporter.name}}, {{ticket.id}}') // ['ticket.id']
 */
export function unknownVariables(body: string): string[] {
  const names = [...body.matchAll(VARIABLE)].map((m) => m[1]!.trim())
  return [...new Set(names.filter((name) => !KNOWN.has(name)))]
}

/**
 * A body with its variables filled in; a value that is not known (a report without the reporter's
 * name) leaves nothing in its place.
 *
 * @example fillMacro('Hello {{reporter.name}}', { 'reporter.name': 'Anna', … }) // 'Hello Anna'
 */
export function fillMacro(body: string, values: Record<MacroVariable, string | null>): string {
  return body.replace(VARIABLE, (whole, name: string) =>
    KNOWN.has(name.trim()) ? (values[name.trim() as MacroVariable] ?? '') : whole,
  )
}
