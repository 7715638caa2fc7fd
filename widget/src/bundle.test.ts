// @vitest-environment node
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
/** The script tag's cost: Preact, signals, the UI in two languages and the SDK core (ua-parser-js included). */
const WIDGET_BUDGET = 40 * 1024
/** What the first capture adds before its renderer: masking, scaling, encoding. */
const CAPTURE_BUDGET = 5 * 1024

let dir: string
const files: Record<string, Buffer> = {}

// The real build (`rollup -c --environment ONLY:widget`), into a directory of its own.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'snagbox-widget-dist-'))
  await new Promise<void>((resolve, reject) =>
    execFile(
      process.execPath,
      [
        join(root, 'node_modules/rollup/dist/bin/rollup'),
        '-c',
        '--silent',
        '--environment',
        'ONLY:widget',
        '--dir',
        dir,
      ],
      { cwd: root },
      (error, _o, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve()),
    ),
  )
  for (const name of await readdir(dir)) files[name] = await readFile(join(dir, name))
}, 60_000)
afterAll(() => rm(dir, { recursive: true, force: true }))

const kib = (n: number) => `${(n / 1024).toFixed(2)} KiB`
const sizes = (b: Buffer) => ({
  raw: b.length,
  gzip: gzipSync(b, { level: 9 }).length,
  brotli: brotliCompressSync(b).length,
})
const named = (prefix: string) => Object.keys(files).find((n) => n.startsWith(prefix))!
/** A file and every file it imports statically (`from"./x.js"`), transitively. */
function withStaticImports(name: string, seen = new Set<string>()): Set<string> {
  seen.add(name)
  for (const [, dep] of files[name]!.toString().matchAll(/from\s*"\.\/([\w.-]+\.js)"/g))
    if (!seen.has(dep!)) withStaticImports(dep!, seen)
  return seen
}
/** The file widget.js imports for a lazy part. */
const lazyPart = (name: string) =>
  files['widget.js']!.toString().match(new RegExp(`"widget/(${name}-[\\w-]+\\.js)"`))![1]!

describe('widget/dist', () => {
  it(`keeps widget.js within ${kib(WIDGET_BUDGET)} gzip and the capture add-on within ${kib(CAPTURE_BUDGET)}`, () => {
    for (const [name, content] of Object.entries(files)) {
      const s = sizes(content)
      console.log(
        `${name.padEnd(40)} ${String(s.raw).padStart(7)} B raw  ${kib(s.gzip).padStart(10)} gzip  ${kib(s.brotli).padStart(10)} brotli`,
      )
    }
    expect(sizes(files['widget.js']!).gzip).toBeLessThanOrEqual(WIDGET_BUDGET)
    const first = [...withStaticImports(lazyPart('capture')), named('snapdom-engine-')]
    expect(first.length).toBeGreaterThanOrEqual(3)
    const capture = sizes(Buffer.concat(first.map((name) => files[name]!))).gzip
    console.log(`first capture before its renderer: ${first.join(' + ')} = ${kib(capture)} gzip`)
    expect(capture).toBeLessThanOrEqual(CAPTURE_BUDGET)
  })

  it('is a classic script that loads the capture and its renderer only through import() of content-hashed files next to itself', () => {
    const widget = files['widget.js']!.toString()
    expect(widget.startsWith('(function(){')).toBe(true)
    expect(widget).not.toMatch(/^\s*(import|export)\s/m)
    expect(widget).toMatch(/import\(new URL\("widget\/capture-[\w-]+\.js",/)
    expect(widget).toMatch(/import\(new URL\("widget\/attach-[\w-]+\.js",/)
    expect(
      Object.keys(files).filter((name) => name !== 'widget.js' && !/-[\w-]{8}\.js$/.test(name)),
    ).toEqual([])
    // The renderer (84 KB gzip) is not inside: its own file, loaded by the capture add-on.
    expect(widget).not.toContain('snapdom(')
    expect(files[named('snapdom-engine-')]!.toString()).toMatch(
      /import\("\.\/snapdom-[\w-]+\.js"\)/,
    )
  })

  it('runs no eval and sets no inline handlers (CSP without unsafe-eval or unsafe-inline)', () => {
    const widget = files['widget.js']!.toString()
    expect(widget).not.toMatch(/\beval\(|new Function\(|setAttribute\("on/)
  })
})
