#!/usr/bin/env node
// Builds the example the way an app's own build would: esbuild bundles src/main.js with
// @snagbox/widget and @snagbox/sdk from npm (one copy of the SDK, Preact and signals), splits what
// loads on demand — the screenshot capture and its renderer — into chunks of their own, and stamps
// the app's version and build in.
//
//   node examples/bundler-app/build.mjs      → examples/bundler-app/dist/
//
// It bundles the packages' published files (widget/dist/npm, sdk/dist): run `npm run build` first.
import { copyFile, readFile, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { build as esbuild } from 'esbuild'

const here = fileURLToPath(new URL('.', import.meta.url))

/** The release this build is: sent with every report. A release pipeline would pass its own. */
export const APP_VERSION = process.env.APP_VERSION ?? '4.31.0'
export const APP_BUILD = process.env.APP_BUILD ?? '6302'

/**
 * Builds the app into `outdir` (replacing what was there) and returns its files with their sizes.
 *
 * @example
 * const { files } = await build() // [{ file: 'main.js', raw: …, gzip: …, brotli: …, initial: true }, …]
 */
export async function build({ outdir = join(here, 'dist'), quiet = false } = {}) {
  await rm(outdir, { recursive: true, force: true })
  const result = await esbuild({
    absWorkingDir: here,
    entryPoints: { main: 'src/main.js' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: 'linked',
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    define: {
      __APP_VERSION__: JSON.stringify(APP_VERSION),
      __APP_BUILD__: JSON.stringify(APP_BUILD),
    },
    metafile: true,
    logLevel: 'warning',
    // The SDK's files keep the bare `import './chunk.js'` lines Rollup hoists; with its
    // `"sideEffects": false` esbuild rightly drops them, and would say so for each one.
    logOverride: { 'ignored-bare-import': 'silent' },
  })
  await copyFile(join(here, 'index.html'), join(outdir, 'index.html'))

  // What the page loads at once: the entry and everything it imports statically; the rest waits for import().
  const outputs = result.metafile.outputs
  const initial = new Set()
  const visit = (path) => {
    if (initial.has(path)) return
    initial.add(path)
    for (const { path: dep, kind } of outputs[path]?.imports ?? [])
      if (kind === 'import-statement') visit(dep)
  }
  // (Chunks loaded by import() are entry points too, so only the page's own entry is followed.)
  for (const [path, output] of Object.entries(outputs))
    if (output.entryPoint === 'src/main.js') visit(path)
  for (const [path, output] of Object.entries(outputs))
    if (output.cssBundle || path.endsWith('.css')) initial.add(path)

  const files = []
  for (const path of Object.keys(outputs).filter((p) => !p.endsWith('.map'))) {
    const content = await readFile(join(here, path))
    const file = relative(outdir, join(here, path))
    files.push({
      file,
      raw: content.length,
      gzip: gzipSync(content, { level: 9 }).length,
      brotli: brotliCompressSync(content).length,
      initial: initial.has(path),
    })
  }
  files.sort((a, b) => Number(b.initial) - Number(a.initial) || b.raw - a.raw)
  if (!quiet) {
    const kib = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10)
    console.log(
      `Kvant Energo ${APP_VERSION} (${APP_BUILD}) → ${relative(process.cwd(), outdir) || '.'}`,
    )
    for (const f of files)
      console.log(
        `  ${f.file.padEnd(48)} ${kib(f.raw)} raw ${kib(f.gzip)} gzip ${kib(f.brotli)} brotli  ${f.initial ? 'on load' : 'on demand'}`,
      )
    const sum = (list) => kib(list.reduce((n, f) => n + f.gzip, 0)).trim()
    console.log(
      `  on load: ${sum(files.filter((f) => f.initial))} gzip; on demand (screenshot): ${sum(files.filter((f) => !f.initial))} gzip`,
    )
  }
  return { outdir, files }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await build().catch((error) => {
    console.error(error.message)
    process.exitCode = 1
  })
}
