// @vitest-environment node
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Plugin } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const RENDERERS = ['@zumer/snapdom', 'html2canvas-pro']
/**
 * The core a page pays for (client, environment detection, delivery, outbox, logs): about 5.5 KB
 * gzip, in bytes. The user-agent parser, ua-parser-js (about 10 KB), is a part of its own, fetched
 * on the first detection in a page; Node and Electron's main process never fetch it.
 */
const CORE_BUDGET = 6_500
const PARSER_BUDGET = 10_500
const CAPTURE_BUDGET = 5 * 1024

const dirs: string[] = []
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))))

/** What loads only when used (`import()`): the capture add-on, Node-only code. */
const lazyExternal: Plugin = {
  name: 'lazy-external',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    )
  },
}

/** The user-agent parser as a file of its own beside the bundle (`user-agent.mjs`). */
const parserApart: Plugin = {
  name: 'parser-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/user-agent\.js$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: './user-agent.mjs', external: true } : undefined,
    )
  },
}

async function bundle(
  entry: string,
  options: { platform: 'browser' | 'node'; lazy: boolean; plugins?: Plugin[] },
) {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: options.platform,
    conditions: ['source'],
    external: RENDERERS,
    plugins: options.lazy ? [lazyExternal] : (options.plugins ?? []),
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.contents
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`

describe('the published bundle', () => {
  it(`keeps the core within ${CORE_BUDGET} B gzip, the user-agent parser within ${PARSER_BUDGET} B and the capture add-on within ${kib(CAPTURE_BUDGET)}`, async () => {
    const core = await bundle('sdk/src/index.ts', { platform: 'browser', lazy: true })
    const parser = await bundle('sdk/src/environment/user-agent.ts', {
      platform: 'browser',
      lazy: true,
    })
    const capture = await bundle('sdk/src/screenshot/attach.ts', {
      platform: 'browser',
      lazy: true,
    })
    const gzipped = (code: Uint8Array) => gzipSync(code, { level: 9 }).length
    const [coreGzip, parserGzip, captureGzip] = [gzipped(core), gzipped(parser), gzipped(capture)]
    console.log(
      `@snagbox/sdk core: ${core.length} B minified, ${coreGzip} B gzip of ${CORE_BUDGET} B allowed (${kib(coreGzip)}); ` +
        `user-agent parser: ${parserGzip} B gzip of ${PARSER_BUDGET} B (${kib(parserGzip)}); ` +
        `capture add-on without its renderer: ${captureGzip} B gzip (${kib(captureGzip)})`,
    )
    expect(coreGzip).toBeLessThanOrEqual(CORE_BUDGET)
    expect(parserGzip).toBeLessThanOrEqual(PARSER_BUDGET)
    expect(captureGzip).toBeLessThanOrEqual(CAPTURE_BUDGET)
    // The parser is only behind import(): its tables (one of its browser names here) are not in the core.
    expect(new TextDecoder().decode(parser)).toContain('Konqueror')
    expect(new TextDecoder().decode(core)).not.toContain('Konqueror')
    expect(new TextDecoder().decode(core)).toMatch(/import\(["']\.\/user-agent\.js["']\)/)
  })

  it('pulls no renderer and no Node built-in into a browser bundle', async () => {
    const text = new TextDecoder().decode(
      await bundle('sdk/src/index.ts', { platform: 'browser', lazy: false }),
    )
    // Building for the browser at all proves no static `node:` import; the renderers stay behind import().
    expect(text).not.toMatch(/from\s*["'](node:|@zumer|html2canvas)/)
    expect(text).toMatch(/import\(["']@zumer\/snapdom["']\)/)
  })

  it('imports during server-side rendering without touching a browser global, and reports from Node', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'snagbox-ssr-'))
    dirs.push(dir)
    await writeFile(
      join(dir, 'sdk.mjs'),
      await bundle('sdk/src/index.ts', { platform: 'node', lazy: false, plugins: [parserApart] }),
    )
    // Node reads its runtime, never the user agent: were the parser loaded, this would say so.
    await writeFile(
      join(dir, 'user-agent.mjs'),
      'globalThis.userAgentParserLoaded = true; export const fromUserAgent = () => { throw new Error("not in Node") }',
    )
    const script = `
      // Plain Node: reading window, document, localStorage… would throw a ReferenceError here.
      const before = new Set(Object.getOwnPropertyNames(globalThis))
      const sdk = await import('./sdk.mjs')
      const added = Object.getOwnPropertyNames(globalThis).filter((n) => !before.has(n))
      const requests = []
      const fetch = async (url, init) => {
        requests.push({ url, key: init.headers['X-Snagbox-Key'], body: JSON.parse(init.body) })
        return Response.json({ id: '1', reference: 'SSR-1', status: 'new', statusUrl: 'u', createdAt: 'now' }, { status: 201 })
      }
      const snag = sdk.createClient({ endpoint: 'http://127.0.0.1:9', projectKey: 'pk_ssr', fetch })
      const result = await snag.report({ description: 'from Node' })
      snag.close()
      const parserLoaded = 'userAgentParserLoaded' in globalThis
      console.log(JSON.stringify({ added, parserLoaded, result, os: requests[0].body.environment.os, browser: requests[0].body.environment.browser }))
    `
    await writeFile(join(dir, 'ssr.mjs'), script)
    const started = Date.now()
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [join(dir, 'ssr.mjs')],
        { cwd: dir, timeout: 20_000 },
        (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
      ),
    )
    const outcome = JSON.parse(stdout) as {
      added: string[]
      parserLoaded: boolean
      result: { status: string }
      os: { source: string; name: string }
      browser: { name: string }
    }
    expect(outcome.added).toEqual([])
    expect(outcome.parserLoaded).toBe(false)
    expect(outcome.result.status).toBe('sent')
    expect(outcome.os.source).toBe('runtime')
    expect(outcome.browser.name).toBe('Node.js')
    // Nothing (no timer, no listener) keeps a server process alive after the client is closed.
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})
