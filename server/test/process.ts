import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

export const BIN = fileURLToPath(new URL('../bin/snagbox.js', import.meta.url))

/** Runs a `snagbox` command and tells how it ended, whatever its exit code. */
export const run = (args: string[]) =>
  promisify(execFile)(process.execPath, [BIN, ...args]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  )

/** Runs a `snagbox` command with `--json` and returns what it printed. */
export async function cli(args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await promisify(execFile)(process.execPath, [BIN, ...args, '--json'])
  return JSON.parse(stdout)
}

export interface Served {
  url: string
  child: ChildProcess
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>
}

/** Starts the real `snagbox serve` (of this repository, or `bin`) on a free loopback port and waits until it listens. */
export function serve(db: string, extra: string[] = [], bin = BIN): Promise<Served> {
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1', '--json', ...extra],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    child.stderr!.on('data', (d) => (err += d))
    child.stdout!.on('data', (d) => {
      out += d
      const line = out.split('\n')[0]
      if (out.includes('\n') && line) {
        const { url } = JSON.parse(line) as { url: string }
        resolve({
          url,
          child,
          stop: () => {
            child.kill('SIGTERM')
            return exited
          },
        })
      }
    })
    child.once('exit', (code) => reject(new Error(`snagbox serve exited with ${code}: ${err}`)))
  })
}
