import { fileURLToPath } from 'node:url'
import { rollup } from 'rollup'

/**
 * The widget ships as a classic script (`widget.js`, an IIFE: `<script async src>` works on any
 * page), while the screenshot capture and its renderer are ES modules beside it that load only
 * when a capture happens. A classic-script build cannot split code, so this plugin:
 *  - turns the SDK's `import('./capture.js' | './attach.js')` into `import()` of those files next
 *    to the script's own URL (`<dir of widget.js>/widget/<name>.js`, where the server serves them);
 *  - builds them (and the renderers they load) as ES modules in a nested build, emitted with the
 *    script, every one named by its content's hash. Node-only branches of the SDK (`runtime.js`, `file-store.js`) stay external: a page
 *    never takes them.
 */
export function widgetLazyParts({ plugins, dir = 'widget' }) {
  const sdkScreenshot = fileURLToPath(new URL('../../sdk/src/screenshot/', import.meta.url))
  const lazy = { capture: `${sdkScreenshot}capture.ts`, attach: `${sdkScreenshot}attach.ts` }
  /** The nested build's output, and each entry's file name (content-hashed: every file but widget.js is immutable). */
  let parts
  const entries = new Map()
  return {
    name: 'snagbox-widget-lazy-parts',
    async buildStart() {
      const bundle = await rollup({
        input: lazy,
        plugins,
        onwarn: (w, warn) => w.code !== 'CIRCULAR_DEPENDENCY' && warn(w),
      })
      ;({ output: parts } = await bundle.generate({
        format: 'es',
        entryFileNames: '[name]-[hash].js',
        chunkFileNames: '[name]-[hash].js',
      }))
      await bundle.close()
      for (const part of parts)
        if (part.type === 'chunk' && part.isEntry) entries.set(part.name, part.fileName)
    },
    resolveDynamicImport(specifier, importer) {
      if (typeof specifier !== 'string' || !importer) return null
      const name = specifier.match(/^\.\/(capture|attach)\.js$/)?.[1]
      if (name && importer.startsWith(sdkScreenshot))
        return { id: `snagbox-lazy:${name}`, external: true }
      if (/^\.\/(runtime|file-store)\.js$/.test(specifier)) return { id: specifier, external: true }
      return null
    },
    renderDynamicImport({ targetModuleId }) {
      if (!targetModuleId?.startsWith('snagbox-lazy:')) return null
      const file = `${dir}/${entries.get(targetModuleId.slice('snagbox-lazy:'.length))}`
      // __snagboxScript is set by the bundle's intro, while the classic script runs.
      return {
        left: `import(new URL(${JSON.stringify(file)}, __snagboxScript).href /* `,
        right: ' */)',
      }
    },
    generateBundle() {
      for (const part of parts) {
        this.emitFile({
          type: 'asset',
          fileName: part.fileName,
          source: part.type === 'chunk' ? part.code : part.source,
        })
      }
    },
  }
}

/** Put at the top of the IIFE: the script's own URL, read while it runs (relative imports resolve against it). */
export const WIDGET_INTRO =
  'var __snagboxScript = (document.currentScript && document.currentScript.src) || location.href;'

/**
 * CommonJS packages the SDK uses (ua-parser-js), turned into ES modules by esbuild so Rollup can
 * bundle them into the classic script (the repository has no CommonJS plugin for Rollup).
 */
export function commonjsPackages(names) {
  const pattern = new RegExp(
    `/node_modules/(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})/`,
  )
  return {
    name: 'snagbox-commonjs-packages',
    async load(id) {
      if (!pattern.test(id)) return null
      const { build } = await import('esbuild')
      const result = await build({
        entryPoints: [id],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        logLevel: 'silent',
      })
      return result.outputFiles[0].text
    },
  }
}
