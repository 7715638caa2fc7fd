#!/usr/bin/env node
// A desktop-style app (Node or Electron's main process) reporting a problem with the SDK: the OS,
// its version and bitness come from the runtime; a report that can't be sent waits in a folder
// and goes out on the next start.
//
//   node examples/node-app/report.mjs "The billing sync fails" [--screenshot shot.png]
//
// Against `npm start` by default; SNAGBOX_ENDPOINT and SNAGBOX_KEY point it elsewhere.
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createClient } from '@snagbox/sdk'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { screenshot: { type: 'string' } },
})

const snag = createClient({
  endpoint: process.env.SNAGBOX_ENDPOINT ?? 'http://127.0.0.1:8787',
  projectKey: process.env.SNAGBOX_KEY ?? 'pk_demo_snagbox_local',
  app: { name: 'Kvant Energo Desktop', version: '4.30.34', build: '6255' },
  // Electron: join(app.getPath('userData'), 'snagbox-outbox')
  outbox: { dir: process.env.SNAGBOX_OUTBOX ?? join(homedir(), '.kvant-energo', 'snagbox-outbox') },
})
snag.setUser({ name: 'Anna Petrova', email: 'anna@example.com' })
snag.setContext({ module: 'billing-sync', pid: process.pid })

// Electron: (await win.webContents.capturePage()).toPNG()
const screenshot = values.screenshot
  ? new Blob([await readFile(values.screenshot)], { type: 'image/png' })
  : undefined

const result = await snag.report({
  description: positionals.join(' ') || 'The billing sync fails with error 0x80070005',
  category: 'incident',
  ...(screenshot ? { screenshot } : {}),
})
console.log(JSON.stringify(result, null, 2))
snag.close()
process.exitCode = result.status === 'sent' || result.status === 'queued' ? 0 : 1
