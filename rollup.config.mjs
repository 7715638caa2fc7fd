import { builtinModules } from 'node:module'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import esbuild from 'rollup-plugin-esbuild'
import { commonjsPackages, widgetParts } from './widget/build/lazy-parts.mjs'

/** TypeScript and JSX (Preact) to ES2020; `minify` for what browsers download. */
const ts = (options = {}) =>
  esbuild({
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    charset: 'utf8',
    ...options,
  })

/** A bare package import (`hono`, `@zumer/snapdom`), not a file of ours or a virtual module. */
const isPackage = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0')

/** @type {Record<string, import('rollup').RollupOptions>} */
const bundles = {
  // @snagbox/sdk: ESM + CJS, the contract as its own entry; dependencies stay external for the
  // integrator's bundler, so the screenshot renderer is only fetched when a capture needs it.
  sdk: {
    input: { index: 'sdk/src/index.ts', contract: 'sdk/src/contract/index.ts' },
    external: isPackage,
    plugins: [ts()],
    output: [
      {
        dir: 'sdk/dist',
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
      {
        dir: 'sdk/dist',
        format: 'cjs',
        entryFileNames: '[name].cjs',
        chunkFileNames: 'chunks/[name]-[hash].cjs',
      },
    ],
  },
  // @snagbox/server: one ESM bundle; the contract is inlined, node_modules stay external.
  server: {
    input: { index: 'server/src/index.ts', cli: 'server/src/cli.ts' },
    external: (id) =>
      id.startsWith('node:') ||
      builtinModules.includes(id) ||
      (isPackage(id) && !id.startsWith('@snagbox/')),
    plugins: [nodeResolve({ exportConditions: ['source'], extensions: ['.ts', '.js'] }), ts()],
    output: {
      dir: 'server/dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  },
  // The agent inbox: Preact + signals in a minified browser bundle, with its page and styles
  // copied beside it; the server serves server/dist/inbox at /inbox.
  inbox: {
    input: 'inbox/src/main.tsx',
    plugins: [
      nodeResolve({
        browser: true,
        exportConditions: ['source'],
        extensions: ['.ts', '.tsx', '.js'],
      }),
      ts({ minify: true }),
      {
        name: 'inbox-page',
        async generateBundle() {
          for (const fileName of ['index.html', 'inbox.css', 'ticket.css', 'queue-tools.css']) {
            const source = await this.fs.readFile(`inbox/public/${fileName}`, { encoding: 'utf8' })
            this.emitFile({ type: 'asset', fileName, source })
          }
        },
      },
    ],
    // The admin screens and the one-time link's page are chunks beside inbox.js, loaded when
    // opened; the server serves any /inbox/assets/<name>.js, so names stay plain (no dots).
    output: {
      dir: 'server/dist/inbox',
      format: 'es',
      entryFileNames: 'inbox.js',
      chunkFileNames: '[name].js',
    },
  },
  // The script-tag widget: widget.js is a classic script (IIFE) with the first stage only (the
  // global API, the launcher); the dialog part (Preact, the UI, the SDK), each language's texts,
  // and the screenshot capture with its renderers are ES modules beside it, loaded when needed.
  widget: (() => {
    const plugins = () => [
      commonjsPackages(['ua-parser-js']),
      nodeResolve({
        browser: true,
        exportConditions: ['source'],
        extensions: ['.ts', '.tsx', '.mjs', '.js'],
      }),
      ts({ minify: true }),
    ]
    return {
      input: { widget: 'widget/src/main.ts' },
      plugins: [
        widgetParts({
          entries: {
            dialog: 'widget/src/dialog-part.ts',
            en: 'widget/src/i18n/en.ts',
            ru: 'widget/src/i18n/ru.ts',
          },
          plugins: plugins(),
        }),
        ...plugins(),
      ],
      // Written twice: widget/dist for this repository, server/dist/widget for @snagbox/server,
      // which serves it and must carry it when installed from npm.
      output: ['widget/dist', 'server/dist/widget'].map((dir) => ({
        dir,
        format: 'iife',
        entryFileNames: '[name].js',
      })),
    }
  })(),
  // @snagbox/widget for bundlers: ESM with Preact, signals and the SDK external, so the app's
  // bundler shares them and splits the SDK's lazily imported screenshot parts itself. Its types:
  // `npm run build:types` (widget/tsconfig.build.json).
  widgetNpm: {
    input: { index: 'widget/src/index.ts' },
    external: isPackage,
    plugins: [ts()],
    output: {
      dir: 'widget/dist/npm',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
    },
  },
}

// `rollup -c --environment ONLY:server` builds one bundle.
export default process.env.ONLY ? [bundles[process.env.ONLY]] : Object.values(bundles)
