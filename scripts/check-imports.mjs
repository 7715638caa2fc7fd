#!/usr/bin/env node
// The import graph of the packages' sources, checked: no file imports, directly or through others,
// a file that imports it back, and each folder imports only what its boundary allows. Type-only
// imports count too: a loop of types is still a loop a reader has to untangle.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/** The folders whose files are checked. */
export const SOURCES = ['sdk/src', 'widget/src', 'server/src', 'inbox/src']

/**
 * Who may not import what. `from` and `to` match repository paths (`server/src/…`) or, for
 * packages, the bare specifier (`hono/cookie`).
 */
export const BOUNDARIES = [
  {
    name: 'the store knows no HTTP',
    from: /^server\/src\/tickets\/store\//,
    to: /^hono(\/|$)|^@hono\/|^server\/src\/errors\.ts$|^server\/src\/http\//,
  },
  {
    name: 'the lifecycle is pure',
    from: /^server\/src\/tickets\/lifecycle\//,
    to: /^hono(\/|$)|^@hono\/|^drizzle-orm|^server\/src\/(errors|db|http)\b|^node:/,
  },
  {
    name: 'the server imports only the contract from the SDK',
    from: /^server\/src\//,
    to: /^sdk\/src\/(?!contract\/)/,
  },
  {
    name: 'the server never imports the inbox or the widget',
    from: /^server\/src\//,
    to: /^(inbox|widget)\/|^preact/,
  },
  {
    name: 'the inbox imports the contract, never server internals',
    from: /^inbox\/src\//,
    to: /^server\/|^sdk\/src\/(?!contract\/)|^widget\//,
  },
  { name: 'the widget imports only the SDK', from: /^widget\/src\//, to: /^(server|inbox)\// },
  {
    name: 'the SDK has no UI and knows no server',
    from: /^sdk\/src\//,
    to: /^(server|inbox|widget)\/|^preact|^@preact\//,
  },
  {
    name: 'the contract imports nothing',
    from: /^sdk\/src\/contract\//,
    to: /^(?!sdk\/src\/contract\/)/,
  },
]

function sourceFiles(dir) {
  let entries
  try {
    entries = readdirSync(join(ROOT, dir), { withFileTypes: true })
  } catch {
    return []
  }
  return entries.flatMap((e) => {
    const path = `${dir}/${e.name}`
    if (e.isDirectory())
      return e.name === 'node_modules' || e.name === 'dist' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : []
  })
}

function compilerOptions() {
  const file = join(ROOT, 'tsconfig.json')
  const { config } = ts.readConfigFile(file, ts.sys.readFile)
  return ts.parseJsonConfigFileContent(config, ts.sys, ROOT).options
}

/** Every import of a file: relative ones as repository paths, packages as their specifier. */
function importsOf(file, options) {
  const text = readFileSync(join(ROOT, file), 'utf8')
  const { importedFiles } = ts.preProcessFile(text, true, true)
  return importedFiles.map(({ fileName }) => {
    const resolved = ts.resolveModuleName(
      fileName,
      join(ROOT, file),
      options,
      ts.sys,
    ).resolvedModule
    const inRepository = resolved && !resolved.resolvedFileName.includes(`${sep}node_modules${sep}`)
    const realPath = inRepository
      ? relative(ROOT, resolved.resolvedFileName).split(sep).join('/')
      : null
    return { specifier: fileName, target: realPath ?? fileName }
  })
}

const TEST = /\.test\.tsx?$/

/** The folder a file belongs to (`server/src/tickets`), or the file itself when it sits in `src/`. */
function unitOf(file) {
  const match = /^([^/]+\/src\/[^/]+)\//.exec(file)
  return match ? match[1] : file
}

/**
 * The import graph of a package's folders (`server/src/auth` → `server/src/tickets`) from the
 * code itself, tests left out: two folders that import each other are one room, not two.
 */
function folderGraph(graph) {
  const folders = new Map()
  for (const [file, targets] of graph) {
    const from = unitOf(file)
    if (from === file || TEST.test(file)) continue
    if (!folders.has(from)) folders.set(from, new Set())
    for (const target of targets) {
      const to = unitOf(target)
      if (graph.has(target) && to !== target && to !== from) folders.get(from).add(to)
    }
  }
  return folders
}

/** The strongly connected parts of the graph with more than one file (or a file importing itself). */
function cycles(graph) {
  const index = new Map()
  const low = new Map()
  const stack = []
  const onStack = new Set()
  const found = []
  let counter = 0
  const visit = (node) => {
    index.set(node, counter)
    low.set(node, counter++)
    stack.push(node)
    onStack.add(node)
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue
      if (!index.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node), low.get(next)))
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)))
    }
    if (low.get(node) !== index.get(node)) return
    const part = []
    let member
    do {
      member = stack.pop()
      onStack.delete(member)
      part.push(member)
    } while (member !== node)
    if (part.length > 1 || graph.get(node).has(node)) found.push(part.sort())
  }
  for (const node of graph.keys()) if (!index.has(node)) visit(node)
  return found
}

/**
 * Checks the sources; `files` replaces the repository's own (for testing the checker itself).
 *
 * @example
 * const { cycles, violations } = checkImports()
 */
export function checkImports(files = SOURCES.flatMap(sourceFiles), readImports = importsOf) {
  const options = compilerOptions()
  const graph = new Map()
  const violations = []
  for (const file of files) {
    const targets = new Set()
    for (const { specifier, target } of readImports(file, options)) {
      targets.add(target)
      if (TEST.test(file)) continue
      for (const rule of BOUNDARIES) {
        if (rule.from.test(file) && rule.to.test(target))
          violations.push({ rule: rule.name, file, imports: specifier })
      }
    }
    graph.set(file, targets)
  }
  const fileCycles = cycles(graph)
  // A loop of folders that is not already a loop of files: two rooms leaning on each other.
  const seen = new Set(fileCycles.map((part) => part.map(unitOf).sort().join()))
  const folderCycles = cycles(folderGraph(graph)).filter((part) => !seen.has(part.join()))
  return {
    files: files.length,
    cycles: [...fileCycles, ...folderCycles.map((part) => part.map((folder) => `${folder}/`))],
    violations,
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = checkImports()
  for (const part of result.cycles) console.error(`import circle: ${part.join(' → ')}`)
  for (const v of result.violations) console.error(`${v.rule}: ${v.file} imports ${v.imports}`)
  const bad = result.cycles.length + result.violations.length
  console.log(
    bad
      ? `${bad} import problems in ${result.files} files`
      : `imports: ${result.files} files, no circles, boundaries kept`,
  )
  process.exit(bad ? 1 : 0)
}
