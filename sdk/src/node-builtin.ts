/** The parts of Node's `process` the SDK reads; typed here so no Node types leak into the API. */
export interface NodeProcessLike {
  versions?: { node?: string; electron?: string }
  env?: Record<string, string | undefined>
  getBuiltinModule?(id: string): unknown
  /** Electron only: the real OS version (`14.5.0`, `10.0.22631`). */
  getSystemVersion?(): string
}

export function nodeProcess(): NodeProcessLike | undefined {
  const proc = (globalThis as { process?: NodeProcessLike }).process
  return proc?.versions?.node ? proc : undefined
}

/**
 * Loads a Node built-in only when running in Node, so a browser bundle never pulls it in: the
 * specifier is not a literal a bundler could follow, and `getBuiltinModule` (Node ≥ 20.16)
 * needs no import at all.
 */
export async function nodeBuiltin<T>(name: string): Promise<T | undefined> {
  const proc = nodeProcess()
  if (!proc) return undefined
  const id = `node:${name}`
  try {
    return (
      (proc.getBuiltinModule?.(id) as T | undefined) ??
      ((await import(/* @vite-ignore */ /* webpackIgnore: true */ id)) as T)
    )
  } catch {
    return undefined
  }
}
