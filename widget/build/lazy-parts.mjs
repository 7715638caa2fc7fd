import { rollup } from 'rollup'

/** The virtual module through which the first stage knows its parts' file names. */
const PARTS_MODULE = 'snagbox:widget-parts'

/**
 * The widget ships as a classic script (`widget.js`, an IIFE: `<script async src>` works on any
 * page) that holds only the first stage: the global API and its queue, the launcher, the badge.
 * Everything else is ES modules beside it, every one named by its content's hash (immutable):
 *  - `entries` (the dialog part, one dictionary per language) are built by a nested build, which
 *    also splits out what they import lazily (the screenshot capture and its renderers);
 *  - the first stage imports them through `snagbox:widget-parts`, which gives each entry's path
 *    relative to the script's own URL (`widget/<name>-<hash>.js`, where the server serves them).
 * Node-only branches of the SDK (`runtime.js`, `file-store.js`) stay external: a page never takes
 * them.
 */
export function widgetParts({ entries, plugins, dir = 'widget' }) {
  /** The nested build's output, and the entries' paths. */
  let parts
  let paths
  const nodeOnly = {
    name: 'snagbox-node-only',
    resolveDynamicImport: (specifier) =>
      typeof specifier === 'string' && /^\.\/(runtime|file-store)\.js$/.test(specifier)
        ? { id: specifier, external: true }
        : null,
  }
  return {
    name: 'snagbox-widget-parts',
    async buildStart() {
      const bundle = await rollup({
        input: entries,
        plugins: [nodeOnly, ...plugins],
        // The dialog part may export what the parts it loads later share with it (no facade file).
        preserveEntrySignatures: 'allow-extension',
        onwarn: (w, warn) => w.code !== 'CIRCULAR_DEPENDENCY' && warn(w),
      })
      ;({ output: parts } = await bundle.generate({
        format: 'es',
        entryFileNames: '[name]-[hash].js',
        chunkFileNames: '[name]-[hash].js',
      }))
      await bundle.close()
      paths = Object.fromEntries(
        parts
          .filter((part) => part.type === 'chunk' && part.isEntry)
          .map((part) => [part.name, `${dir}/${part.fileName}`]),
      )
    },
    resolveId: (id) => (id === PARTS_MODULE ? `\0${PARTS_MODULE}` : null),
    load: (id) =>
      id === `\0${PARTS_MODULE}` ? `export const PARTS = ${JSON.stringify(paths)}` : null,
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

/**
 * CommonJS packages the SDK uses (ua-parser-js), turned into ES modules by esbuild so Rollup can
 * bundle them (the repository has no CommonJS plugin for Rollup).
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
