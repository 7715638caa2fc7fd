import { useEffect, useRef, useState } from 'preact/hooks'
import type { ApiProblem } from '../api.js'
import { asProblem, fieldErrors } from './problems.js'

export interface ActionState {
  busy: boolean
  problem: ApiProblem | null
  /** What the last run came to, said beside the form that ran it. */
  done: string | null
}

const IDLE: ActionState = { busy: false, problem: null, done: null }

/**
 * One form's or button's call to the server: busy while it runs (a second press meanwhile does
 * nothing), then its refusal or what it came to. After a refusal that names fields of the form,
 * focus goes to the first of them (`<idPrefix>-<field>`, or the first input inside it).
 *
 * @example
 * const save = useAction('project-new', ['name', 'prefix'])
 * save.run(() => api.createProject(body), (p) => `Created ${p.prefix}`)
 */
export function useAction(idPrefix = '', fields: readonly string[] = []) {
  const [state, setState] = useState(IDLE)
  const running = useRef(false)
  const errors = fieldErrors(state.problem, fields)

  useEffect(() => {
    const first = fields.find((field) => errors[field])
    if (!first) return
    const target = document.getElementById(`${idPrefix}-${first}`)
    const input = target?.matches('input,select,textarea')
      ? target
      : target?.querySelector<HTMLElement>('input,select,textarea')
    input?.focus()
  }, [state.problem])

  async function run<T>(
    work: () => Promise<T>,
    done: (result: T) => string | null = () => null,
  ): Promise<T | undefined> {
    if (running.current) return undefined
    running.current = true
    setState({ busy: true, problem: null, done: null })
    try {
      const result = await work()
      setState({ busy: false, problem: null, done: done(result) })
      return result
    } catch (error) {
      setState({ busy: false, problem: asProblem(error), done: null })
      return undefined
    } finally {
      running.current = false
    }
  }

  return {
    ...state,
    /** The message for each field of the form that the last refusal named. */
    errors,
    fields,
    run,
    fail: (problem: ApiProblem) => setState({ busy: false, problem, done: null }),
    reset: () => setState(IDLE),
  }
}

export type Action = ReturnType<typeof useAction>
