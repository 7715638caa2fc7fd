import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Finds `relative` in this module's folder or one of its parents, so the same code finds its
 * files from the sources (`src/…`), from the bundle (`dist/`, `dist/chunks/`) and in the
 * repository (`dist/widget` in `server/`). `undefined` when it is nowhere.
 *
 * @example locate('drizzle/meta/_journal.json') // '/app/server/drizzle/meta/_journal.json'
 */
export function locate(relative: string): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, relative)
    if (existsSync(candidate)) return candidate
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  return undefined
}
