/**
 * Before the browser tests, once for the run: widget/dist built from the sources as they are now
 * (`rollup -c --environment ONLY:widget`), so a test run alone never serves an older widget — and
 * never while another test file reads or packs the files.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

export default function buildWidget(): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [
        join(root, 'node_modules/rollup/dist/bin/rollup'),
        '-c',
        '--silent',
        '--environment',
        'ONLY:widget',
      ],
      { cwd: root },
      (error, _out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve()),
    ),
  )
}
