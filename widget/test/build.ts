import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * The widget's real build (`rollup -c --environment ONLY:widget`): into widget/dist (and the
 * server's copy), or into `dir` alone.
 */
export function buildWidget(dir?: string): Promise<void> {
  const rollup = join(root, 'node_modules/rollup/dist/bin/rollup')
  const args = [
    rollup,
    '-c',
    '--silent',
    '--environment',
    'ONLY:widget',
    ...(dir ? ['--dir', dir] : []),
  ]
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { cwd: root }, (error, _out, err) =>
      error ? reject(new Error(`${error.message}\n${err}`)) : resolve(),
    ),
  )
}
