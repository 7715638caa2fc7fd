import { builtinModules } from 'node:module'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import esbuild from 'rollup-plugin-esbuild'

const ts = () => esbuild({ target: 'es2020', jsx: 'automatic', jsxImportSource: 'preact' })

/** @type {Record<string, import('rollup').RollupOptions>} */
const bundles = {
  // @snagbox/sdk: ESM + CJS, the contract as its own entry; dependencies stay external for the
  // integrator's bundler, so the screenshot renderer is only fetched when a capture needs it.
  sdk: {
    input: { index: 'sdk/src/index.ts', contract: 'sdk/src/contract/index.ts' },
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
    plugins: [ts()],
    output: [
      { dir: 'sdk/dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      { dir: 'sdk/dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
    ],
  },
  // @snagbox/server: one ESM bundle; the contract is inlined, node_modules stay external.
  server: {
    input: { index: 'server/src/index.ts', cli: 'server/src/cli.ts' },
    external: (id) =>
      id.startsWith('node:') || builtinModules.includes(id) || (!id.startsWith('.') && !id.startsWith('/') && !id.startsWith('@snagbox/') && !id.startsWith('\0')),
    plugins: [nodeResolve({ exportConditions: ['source'], extensions: ['.ts', '.js'] }), ts()],
    output: { dir: 'server/dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
  },
}

// `rollup -c --environment ONLY:server` builds one bundle.
export default process.env.ONLY ? [bundles[process.env.ONLY]] : Object.values(bundles)
