// @vitest-environment node
/** @snagbox/widget as an npm package: its build, its exports map, and importing it on a server. */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const run = (args: string[], cwd = root) =>
  new Promise<string>((resolve, reject) =>
    execFile(process.execPath, args, { cwd, timeout: 60_000 }, (error, out, err) =>
      error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out),
    ),
  )

let dir: string

// The real build (`rollup -c --environment ONLY:widgetNpm`), into a directory of its own inside the
// repository, so that its bare imports (preact, @snagbox/sdk) resolve as they would for an app.
beforeAll(async () => {
  await mkdir(join(root, 'node_modules/.cache'), { recursive: true })
  dir = await mkdtemp(join(root, 'node_modules/.cache/snagbox-widget-npm-'))
  await run([
    join(root, 'node_modules/rollup/dist/bin/rollup'),
    '-c',
    '--silent',
    '--environment',
    'ONLY:widgetNpm',
    '--dir',
    dir,
  ])
}, 60_000)
afterAll(() => rm(dir, { recursive: true, force: true }))

/** Browser globals plain Node lacks; the probe records every read of them. */
const BROWSER_GLOBALS = [
  'window',
  'document',
  'self',
  'location',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'HTMLElement',
  'customElements',
  'CSS',
  'CSSStyleSheet',
  'matchMedia',
  'requestAnimationFrame',
  'getComputedStyle',
  'screen',
  'devicePixelRatio',
]
/**
 * preact/hooks and @preact/signals feature-test these with `typeof` when they load (no DOM needed);
 * anything else read at import would be the widget touching the page too early.
 */
const FEATURE_TESTS = ['requestAnimationFrame', 'window']

describe('@snagbox/widget for bundlers', () => {
  it('is ES modules that leave Preact, signals and the SDK to the app, the editor, “what will be sent” and “My requests” in files loaded when wanted', async () => {
    const files = (await readdir(dir)).sort()
    expect(files).toEqual([
      expect.stringMatching(/^PayloadView-[\w-]{8}\.js$/),
      expect.stringMatching(/^ScreenshotEditor-[\w-]{8}\.js$/),
      expect.stringMatching(/^index-[\w-]{8}\.js$/),
      'index.js',
      // "My requests" with the texts of each language, and what both share.
      expect.stringMatching(/^requests-en-[\w-]{8}\.js$/),
      expect.stringMatching(/^requests-part-[\w-]{8}\.js$/),
      expect.stringMatching(/^requests-ru-[\w-]{8}\.js$/),
    ])
    const code = await Promise.all(files.map((name) => readFile(join(dir, name), 'utf8')))
    const imports = new Set(
      code.flatMap((c) => [...c.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1])),
    )
    expect([...imports].filter((name) => !name!.startsWith('./')).sort()).toEqual([
      '@preact/signals',
      '@snagbox/sdk',
      '@snagbox/sdk/contract',
      'preact',
      'preact/hooks',
      'preact/jsx-runtime',
    ])
    // The app's bundler splits these off as it does the SDK's screenshot parts.
    const lazy = code.flatMap((c) => [...c.matchAll(/\bimport\('([^']+)'\)/g)].map((m) => m[1]))
    expect(lazy.sort()).toEqual([0, 1, 4, 6].map((i) => `./${files[i]}`))
    expect(code[3]).toMatch(/^export \{ \w+ as createWidget \} from '\.\/index-[\w-]{8}\.js';$/m)
  })

  it('resolves to the built module and its types through the exports map', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'widget/package.json'), 'utf8'))
    expect(pkg.exports['.']).toEqual({
      source: './src/index.ts',
      types: './dist/npm/types/index.d.ts',
      import: './dist/npm/index.js',
    })
    const build = JSON.parse(await readFile(join(root, 'widget/tsconfig.build.json'), 'utf8'))
    expect(`./${build.compilerOptions.outDir}/index.d.ts`).toBe(pkg.exports['.'].types)
    expect(pkg.files).toContain('dist/npm')
    // How Node (and a bundler without the repository's `source` condition) finds it.
    const resolved = await run([
      '--input-type=module',
      '-e',
      "console.log(import.meta.resolve('@snagbox/widget'))",
    ])
    expect(resolved.trim()).toBe(pathToFileURL(join(root, 'widget/dist/npm/index.js')).href)
  })

  it('imports in plain Node (server-side rendering) without a DOM, defining no global and reading no browser global', async () => {
    const script = `
      const before = new Set(Reflect.ownKeys(globalThis))
      const touched = []
      for (const name of ${JSON.stringify(BROWSER_GLOBALS)}) {
        if (name in globalThis) continue
        Object.defineProperty(globalThis, name, { configurable: true, get() { touched.push(name); return undefined } })
      }
      const probes = new Set(Reflect.ownKeys(globalThis))
      const widget = await import(${JSON.stringify(pathToFileURL(join(dir, 'index.js')).href)})
      const added = () => Reflect.ownKeys(globalThis).filter((k) => !before.has(k) && !probes.has(k)).map(String)
      const onImport = { exports: Object.keys(widget), added: added(), touched: [...touched] }
      // Called on the server by mistake: a warning and a widget that does nothing, never a throw.
      const warnings = []
      console.warn = (...args) => warnings.push(args.join(' '))
      const api = widget.createWidget({ key: 'pk_ssr', endpoint: 'http://127.0.0.1:9' })
      api.open(); api.setUser({ name: 'Anna' }); api.setContext({ a: 1 }); api.setApp({ version: '1' }); api.on('submitted', () => {})()
      const environment = await api.getEnvironment()
      api.destroy()
      console.log(JSON.stringify({ onImport, warnings, environment, methods: Object.keys(api).sort(), addedAfterCall: added() }))
    `
    const scriptDir = await mkdtemp(join(dir, 'ssr-'))
    await writeFile(join(scriptDir, 'ssr.mjs'), script)
    const started = Date.now()
    const outcome = JSON.parse(await run([join(scriptDir, 'ssr.mjs')], scriptDir))
    expect(outcome.onImport.exports).toEqual(['createWidget'])
    expect(outcome.onImport.added).toEqual([])
    expect(
      outcome.onImport.touched.filter((name: string) => !FEATURE_TESTS.includes(name)),
    ).toEqual([])
    expect(outcome.warnings).toEqual([expect.stringContaining('not during server-side rendering')])
    expect(outcome.environment).toBeNull()
    expect(outcome.methods).toEqual([
      'close',
      'destroy',
      'getEnvironment',
      'on',
      'open',
      'setApp',
      'setContext',
      'setUser',
    ])
    expect(outcome.addedAfterCall).toEqual([])
    // Nothing (no timer, no listener) keeps a server process alive.
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})
