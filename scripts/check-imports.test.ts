import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain ES module script without types
import { checkImports } from './check-imports.mjs'

type Imports = Record<string, string[]>
/** The checker over made-up files: each file's imports given as the repository paths they reach. */
const check = (graph: Imports) =>
  checkImports(Object.keys(graph), (file: string) =>
    graph[file]!.map((target) => ({ specifier: target, target })),
  )

describe('the import check', () => {
  it('finds no circle and no crossed boundary in the repository', () => {
    const result = checkImports()
    expect(result.files).toBeGreaterThan(200)
    expect(result.cycles).toEqual([])
    expect(result.violations).toEqual([])
  })

  it('finds a circle of files, also through type-only imports and through others', () => {
    const result = check({
      'server/src/a.ts': ['server/src/b.ts'],
      'server/src/b.ts': ['server/src/c.ts'],
      'server/src/c.ts': ['server/src/a.ts'],
      'server/src/d.ts': ['server/src/a.ts'],
    })
    expect(result.cycles).toEqual([['server/src/a.ts', 'server/src/b.ts', 'server/src/c.ts']])
  })

  it('finds two folders that import each other though no file circle exists', () => {
    const result = check({
      'server/src/auth/store.ts': ['server/src/tickets/days.ts'],
      'server/src/tickets/days.ts': [],
      'server/src/tickets/routes.ts': ['server/src/auth/guard.ts'],
      'server/src/auth/guard.ts': [],
    })
    expect(result.cycles).toEqual([['server/src/auth/', 'server/src/tickets/']])
  })

  it('finds a store that imports HTTP, and an inbox that imports the server', () => {
    const result = check({
      'server/src/tickets/store/write.ts': ['hono', 'server/src/errors.ts'],
      'server/src/errors.ts': [],
      'inbox/src/api.ts': ['server/src/tickets/store/write.ts'],
    })
    expect(
      result.violations.map((v: { rule: string; imports: string }) => `${v.rule}: ${v.imports}`),
    ).toEqual([
      'the store knows no HTTP: hono',
      'the store knows no HTTP: server/src/errors.ts',
      'the inbox imports the contract, never server internals: server/src/tickets/store/write.ts',
    ])
  })
})
