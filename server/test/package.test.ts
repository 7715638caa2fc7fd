import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from './harness.js'
import { serve, type Served } from './process.js'

const run = promisify(execFile)
const serverDir = fileURLToPath(new URL('..', import.meta.url))
const repoModules = join(serverDir, '../node_modules')

/**
 * @snagbox/server as npm installs it: the packed tarball unpacked into a node_modules of its own,
 * beside its dependencies and nothing else of this repository.
 */
async function install(): Promise<{ bin: string; files: string[] }> {
  const dir = tempDir()
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], {
    cwd: serverDir,
  })
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[]
  const target = join(dir, 'node_modules/@snagbox/server')
  mkdirSync(target, { recursive: true })
  await run('tar', ['-xzf', join(dir, packed!.filename), '-C', target, '--strip-components=1'])
  const { dependencies } = JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>
  }
  for (const name of Object.keys(dependencies)) {
    mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true })
    symlinkSync(join(repoModules, name), join(dir, 'node_modules', name), 'dir')
  }
  return { bin: join(target, 'bin/snagbox.js'), files: packed!.files.map((f) => f.path) }
}

describe('@snagbox/server installed from its package', () => {
  let installed: Awaited<ReturnType<typeof install>>
  let server: Served

  beforeAll(async () => {
    installed = await install()
    server = await serve(join(tempDir(), 'snagbox.db'), [], installed.bin)
  }, 60_000)
  afterAll(async () => {
    await server?.stop()
  })

  it('carries the widget and the inbox it serves, and its migrations', () => {
    expect(installed.files).toEqual(
      expect.arrayContaining([
        'bin/snagbox.js',
        'dist/cli.js',
        'dist/widget/widget.js',
        'dist/inbox/inbox.js',
        'dist/inbox/index.html',
        'drizzle/meta/_journal.json',
      ]),
    )
    expect(installed.files.filter((f) => f.startsWith('src/'))).toEqual([])
  })

  it('serves the script-tag widget, its lazy parts and the inbox', async () => {
    const widget = await fetch(`${server.url}/widget.js`)
    expect(widget.status).toBe(200)
    const script = await widget.text()
    // The first stage names the dialog part; the dialog part the screenshot capture beside it.
    const dialog = /"widget\/(dialog-[\w-]+\.js)"/.exec(script)?.[1]
    expect(dialog).toBeDefined()
    const dialogPart = await fetch(`${server.url}/widget/${dialog}`)
    expect(dialogPart.status).toBe(200)
    const capture = /"\.\/(capture-[\w-]+\.js)"/.exec(await dialogPart.text())?.[1]
    expect(capture).toBeDefined()
    expect((await fetch(`${server.url}/widget/${capture}`)).status).toBe(200)
    const inbox = await fetch(`${server.url}/inbox`)
    expect(inbox.status).toBe(200)
    expect(await inbox.text()).toContain('inbox.js')
    expect((await fetch(`${server.url}/inbox/assets/inbox.js`)).status).toBe(200)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })
})
