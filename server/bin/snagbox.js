#!/usr/bin/env node
import { existsSync } from 'node:fs'

const cli = new URL('../dist/cli.js', import.meta.url)
if (!existsSync(cli)) {
  console.error('snagbox: the server is not built yet; run `npm run build` at the repository root')
  process.exit(1)
}
await import(cli.href)
