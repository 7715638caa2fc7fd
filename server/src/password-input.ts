import { stderr, stdin } from 'node:process'
import { InputError } from './input-error.js'

/**
 * A new password for `--password-stdin`: from a pipe, everything read less one final line break
 * (`printf %s "$PW" | snagbox agent update …`); from a terminal, typed twice without echo. Never
 * on the command line, where it would land in the shell's history and in `ps`.
 *
 * @example const password = await readPassword()
 */
export async function readPassword(): Promise<string> {
  if (!stdin.isTTY) {
    const chunks: Buffer[] = []
    for await (const chunk of stdin) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '')
  }
  const first = await prompt('New password: ')
  const again = await prompt('The same again: ')
  if (first !== again)
    throw new InputError({ field: 'password', message: 'was not typed the same twice' })
  return first
}

/** Reads one line from the terminal without showing it. */
function prompt(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // No echo before the question shows: what is typed ahead must not appear either.
    stdin.setRawMode(true)
    stdin.setEncoding('utf8')
    stdin.resume()
    stderr.write(question)
    let value = ''
    const finish = () => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      stderr.write('\n')
    }
    const onData = (text: string) => {
      for (const ch of text) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish()
          return resolve(value)
        }
        if (ch === '\u0003') {
          finish()
          return reject(new InputError({ message: 'no password given (interrupted)' }))
        }
        value = ch === '\u007f' || ch === '\b' ? [...value].slice(0, -1).join('') : value + ch
      }
    }
    stdin.on('data', onData)
  })
}
