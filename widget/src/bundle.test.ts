// @vitest-environment node
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LANGUAGES } from '@snagbox/sdk/contract'
import { buildWidget } from '../test/build.js'

/**
 * What every page with the script tag pays: the global API and its queue, the launcher, the badge,
 * the console lines' buffer.
 */
const FIRST_STAGE_BUDGET = 6 * 1024
/**
 * What the first open needs before the form shows: Preact, signals, the SDK's core and the form,
 * with the page language's texts.
 */
const FORM_BUDGET = 30 * 1024
/**
 * The SDK's user-agent parser (ua-parser-js), fetched after the dialog part (at the idle moment
 * or on intent): a detection, and so a report, never waits for it once the form is open.
 */
const PARSER_BUDGET = 10 * 1024
/** The parts loaded when wanted (or when the page is idle with the form open). */
const EDITOR_BUDGET = 3 * 1024
const PAYLOAD_BUDGET = 2 * 1024
/**
 * "My requests" and a request's conversation, with one language's texts: loaded when the view
 * opens, or at idle for the launcher's badge when the browser remembers requests.
 */
const CONVERSATION_BUDGET = 10 * 1024
/** What the first capture adds before its renderer: masking, scaling, encoding. */
const CAPTURE_BUDGET = 5 * 1024

let dir: string
const files: Record<string, Buffer> = {}

// The real build (`rollup -c --environment ONLY:widget`), into a directory of its own.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'snagbox-widget-dist-'))
  await buildWidget(dir)
  for (const name of await readdir(dir)) files[name] = await readFile(join(dir, name))
}, 60_000)
afterAll(() => rm(dir, { recursive: true, force: true }))

const kib = (n: number) => `${(n / 1024).toFixed(2)} KiB`
const gzip = (names: Iterable<string>) =>
  gzipSync(Buffer.concat([...names].map((name) => files[name]!)), { level: 9 }).length
const text = (name: string) => files[name]!.toString()
/** A file and every file it imports statically (`from"./x.js"`), transitively. */
function withStaticImports(name: string, seen = new Set<string>()): Set<string> {
  seen.add(name)
  for (const [, dep] of text(name).matchAll(/from\s*"\.\/([\w.-]+\.js)"/g))
    if (!seen.has(dep!)) withStaticImports(dep!, seen)
  return seen
}
/** The files a file loads with `import("./x.js")` (the SDK's Node-only branches are not files here). */
const lazyImports = (name: string) =>
  [...text(name).matchAll(/import\("\.\/([\w.-]+\.js)"\)/g)]
    .map((m) => m[1]!)
    .filter((file) => file in files)
/** The parts the first stage knows, by name: `{ dialog: 'widget/dialog-….js', en: …, ru: … }`. */
const parts = (): Record<string, string> =>
  Object.fromEntries(
    [
      ...text('widget.js')
        .match(/\{"?dialog"?:"[^}]+\}/)![0]
        .matchAll(/"?(\w+)"?:"([^"]+)"/g),
    ].map((m) => [m[1], m[2]]),
  )
const part = (name: string) => parts()[name]!.replace(/^widget\//, '')
const named = (prefix: string) => Object.keys(files).find((n) => n.startsWith(prefix))!

describe('widget/dist', () => {
  it(`keeps the first stage within ${kib(FIRST_STAGE_BUDGET)} gzip, the form within ${kib(FORM_BUDGET)}, the parts loaded later and the capture add-on within theirs`, () => {
    for (const [name, content] of Object.entries(files)) {
      const g = gzipSync(content, { level: 9 }).length
      const b = brotliCompressSync(content).length
      console.log(
        `${name.padEnd(40)} ${String(content.length).padStart(7)} B raw  ${kib(g).padStart(10)} gzip  ${kib(b).padStart(10)} brotli`,
      )
    }
    const dialog = withStaticImports(part('dialog'))
    const texts = Math.max(...LANGUAGES.map((lang) => gzip([part(lang)])))
    const form = gzip(dialog) + texts
    console.log(`first stage: widget.js = ${kib(gzip(['widget.js']))} gzip`)
    console.log(`form: ${[...dialog].join(' + ')} + the larger texts = ${kib(form)} gzip`)
    expect(gzip(['widget.js'])).toBeLessThanOrEqual(FIRST_STAGE_BUDGET)
    expect(form).toBeLessThanOrEqual(FORM_BUDGET)

    const later = (prefix: string) => {
      const file = lazyImports(part('dialog')).find((name) => name.startsWith(prefix))!
      return gzip([...withStaticImports(file)].filter((name) => !dialog.has(name)))
    }
    expect(later('ScreenshotEditor-')).toBeLessThanOrEqual(EDITOR_BUDGET)
    expect(later('PayloadView-')).toBeLessThanOrEqual(PAYLOAD_BUDGET)
    const conversation = Math.max(...LANGUAGES.map((lang) => later(`requests-${lang}-`)))
    console.log(`“My requests” with the larger texts: ${kib(conversation)} gzip`)
    expect(conversation).toBeLessThanOrEqual(CONVERSATION_BUDGET)
    console.log(`the user-agent parser: ${kib(later('user-agent-'))} gzip`)
    expect(later('user-agent-')).toBeLessThanOrEqual(PARSER_BUDGET)
    const capture = [
      ...[...withStaticImports(named('capture-'))].filter((name) => !dialog.has(name)),
      named('snapdom-engine-'),
    ]
    console.log(`first capture before its renderer: ${capture.join(' + ')} = ${kib(gzip(capture))}`)
    expect(capture.length).toBeGreaterThanOrEqual(2)
    expect(gzip(capture)).toBeLessThanOrEqual(CAPTURE_BUDGET)
  })

  it('is a classic script with the first stage only, which knows each part by its content-hashed file next to it', () => {
    const widget = text('widget.js')
    expect(widget.startsWith('(function(){')).toBe(true)
    expect(widget).not.toMatch(/^\s*(import|export)\s/m)
    // The SDK (its transport, its user-agent parser) and the renderer are not in it; the console
    // lines' buffer is.
    for (const marker of ['Idempotency-Key', 'ua-parser', 'Konqueror', 'snapdom('])
      expect(widget, marker).not.toContain(marker)
    expect(widget).toContain('unhandledrejection')
    expect(text(part('dialog'))).toContain('Idempotency-Key')
    // The dialog and one dictionary per language, each a file of the build.
    expect(Object.keys(parts()).sort()).toEqual(['dialog', ...LANGUAGES].sort())
    for (const name of Object.keys(parts())) expect(files[part(name)], name).toBeDefined()
    expect(
      Object.keys(files).filter((name) => name !== 'widget.js' && !/-[\w-]{8}\.js$/.test(name)),
    ).toEqual([])
  })

  it('loads the editor, “what will be sent”, “My requests”, the user-agent parser and the capture only through import(), and the renderer only from the capture', () => {
    const dialog = part('dialog')
    expect(lazyImports(dialog)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ScreenshotEditor-/),
        expect.stringMatching(/^PayloadView-/),
        expect.stringMatching(/^requests-en-/),
        expect.stringMatching(/^requests-ru-/),
        expect.stringMatching(/^user-agent-/),
        expect.stringMatching(/^capture-/),
        expect.stringMatching(/^attach-/),
      ]),
    )
    for (const name of withStaticImports(dialog)) {
      expect(text(name)).not.toContain('snapdom(')
      // ua-parser-js's tables (a browser name of theirs) are in the parser's file only.
      expect(text(name)).not.toContain('Konqueror')
    }
    expect(text(named('user-agent-'))).toContain('Konqueror')
    expect(text(named('snapdom-engine-'))).toMatch(/import\("\.\/snapdom-[\w-]+\.js"\)/)
    // A language's texts are only its own.
    expect(text(part('ru'))).not.toContain('Report a problem')
    expect(text(part('en'))).not.toContain('Сообщить')
  })

  it('runs no eval and sets no inline handlers (CSP without unsafe-eval or unsafe-inline)', () => {
    const ours = [
      'widget.js',
      ...Object.keys(parts()).map(part),
      ...withStaticImports(part('dialog')),
      ...lazyImports(part('dialog')),
    ]
    for (const name of ours)
      expect(text(name), name).not.toMatch(/\beval\(|new Function\(|setAttribute\("on/)
  })
})
