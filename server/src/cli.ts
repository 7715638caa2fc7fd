import { parseArgs, type ParseArgsConfig } from 'node:util'
import { backupDatabase } from './backup.js'
import { createAgent, createApiToken } from './auth/agents.js'
import { InputError, type InputProblem } from './input-error.js'
import { createProject, updateProject } from './projects/store.js'
import { loadConfig, SETTINGS } from './config.js'
import { openDatabase, type Db } from './db/client.js'
import { startServer, stopOnSignals } from './serve.js'

type Options = NonNullable<ParseArgsConfig['options']>
type Values = Record<string, string | string[] | boolean | undefined>

const COMMON: Options = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
}

const USAGE = `snagbox — the Snagbox server

  snagbox serve [--port 8787] [--host 127.0.0.1] [--public-url URL] [settings…]
  snagbox project create --name <name> --prefix <PREFIX> [--origin <url>]… [--key <pk_…>]
                         [--auto-close-days <n>] [--time-zone <IANA zone>] [--holiday <YYYY-MM-DD>]…
  snagbox project update --prefix <PREFIX> [--name <name>] [--origin <url>]… [--auto-close-days <n>]
                         [--time-zone <IANA zone>] [--holiday <YYYY-MM-DD>]…   (lists are replaced)
  snagbox agent create --email <e-mail> --name <name> --password <password> [--role admin|agent]
  snagbox token create --email <agent e-mail> --name <label>
  snagbox backup <file>

Every command takes --db <file> (default ./data/snagbox.db, env SNAGBOX_DB) and --json.

Settings of serve (flag, environment variable, default):
${SETTINGS.map((s) => `  --${s.flag.padEnd(24)}${s.env.padEnd(32)}${s.default}\n      ${s.doc}`).join('\n')}
`

const PROJECT_SETTINGS: Options = {
  name: { type: 'string' },
  prefix: { type: 'string' },
  origin: { type: 'string', multiple: true },
  'auto-close-days': { type: 'string' },
  'time-zone': { type: 'string' },
  holiday: { type: 'string', multiple: true },
}

/** The working-day and origin settings given on the command line (absent ones stay unset). */
function projectSettings(values: Values) {
  const days = values['auto-close-days']
  if (days !== undefined && !/^\d+$/.test(String(days)))
    throw new InputError({ field: 'autoCloseDays', message: 'must be a whole number' })
  return {
    ...(values.origin ? { origins: values.origin as string[] } : {}),
    ...(days !== undefined ? { autoCloseDays: Number(days) } : {}),
    ...(values['time-zone'] ? { timeZone: String(values['time-zone']) } : {}),
    ...(values.holiday
      ? {
          holidays: (values.holiday as string[])
            .flatMap((h) => h.split(','))
            .map((h) => h.trim())
            .filter(Boolean),
        }
      : {}),
  }
}

interface Command {
  options: Options
  positionals?: number
  run(values: Values, positionals: string[], out: Output): Promise<void>
}

class Output {
  constructor(private readonly json: boolean) {}
  result(value: object, text: string): void {
    console.log(this.json ? JSON.stringify(value) : text)
  }
}

const withDb = async <T>(values: Values, fn: (db: Db) => Promise<T> | T): Promise<T> => {
  const db = openDatabase(loadConfig(process.env, { db: values.db }).db)
  try {
    return await fn(db)
  } finally {
    db.$client.close()
  }
}

const COMMANDS: Record<string, Command> = {
  serve: {
    options: Object.fromEntries(
      SETTINGS.map((s) => [
        s.flag,
        {
          type: s.flag === 'trust-proxy' ? 'boolean' : 'string',
          multiple: s.flag === 'allowed-origin',
        },
      ]),
    ) as Options,
    async run(values, _positionals, out) {
      const config = loadConfig(process.env, values)
      const db = openDatabase(config.db)
      const running = await startServer(db, config)
      out.result(
        { url: running.url, publicUrl: config.publicUrl, db: config.db, pid: process.pid },
        `Snagbox is listening on ${running.url} (public URL ${config.publicUrl}, database ${config.db})`,
      )
      stopOnSignals(running, db)
    },
  },
  'project create': {
    options: { ...PROJECT_SETTINGS, key: { type: 'string' } },
    run: (values, _p, out) =>
      withDb(values, (db) => {
        const project = createProject(db, {
          name: String(values.name ?? ''),
          prefix: String(values.prefix ?? ''),
          ...(values.key ? { key: String(values.key) } : {}),
          ...projectSettings(values),
        })
        out.result(
          project,
          `Project ${project.name} (${project.prefix}) created.\nKey: ${project.key}`,
        )
      }),
  },
  'project update': {
    options: PROJECT_SETTINGS,
    run: (values, _p, out) =>
      withDb(values, (db) => {
        const project = updateProject(db, String(values.prefix ?? ''), {
          ...(values.name ? { name: String(values.name) } : {}),
          ...projectSettings(values),
        })
        out.result(project, `Project ${project.name} (${project.prefix}) updated.`)
      }),
  },
  'agent create': {
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
    },
    run: (values, _p, out) =>
      withDb(values, async (db) => {
        const agent = await createAgent(db, {
          email: String(values.email ?? ''),
          name: String(values.name ?? ''),
          password: String(values.password ?? ''),
          ...(values.role ? { role: String(values.role) } : {}),
        })
        out.result(
          { id: agent.id, email: agent.email, role: agent.role },
          `Agent ${agent.email} (${agent.role}) created.`,
        )
      }),
  },
  'token create': {
    options: { email: { type: 'string' }, name: { type: 'string' } },
    run: (values, _p, out) =>
      withDb(values, (db) => {
        const { token } = createApiToken(db, {
          email: String(values.email ?? ''),
          name: String(values.name ?? ''),
        })
        out.result({ token }, `API token (shown once, keep it safe):\n${token}`)
      }),
  },
  backup: {
    options: {},
    positionals: 1,
    run: (values, positionals, out) =>
      withDb(values, async (db) => {
        const file = positionals[0]
        if (!file)
          throw new InputError({ message: 'say where to write the backup: snagbox backup <file>' })
        const result = await backupDatabase(db, file)
        out.result(result, `Backup written to ${result.file} (${result.pages} pages).`)
      }),
  },
}

async function main(argv: string[]): Promise<void> {
  const name = [`${argv[0]} ${argv[1]}`, argv[0]].find((n) => n && COMMANDS[n])
  if (!name) {
    if (argv[0] && !argv[0].startsWith('-') && argv[0] !== 'help')
      console.error(`snagbox: unknown command "${argv.slice(0, 2).join(' ')}"\n`)
    const asked =
      argv[0] === undefined || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h'
    ;(asked ? console.log : console.error)(USAGE)
    process.exit(asked ? 0 : 2)
  }
  const command = COMMANDS[name]!
  const rest = argv.slice(name.split(' ').length)
  const { values, positionals } = parseArgs({
    args: rest,
    options: { ...COMMON, ...command.options },
    allowPositionals: !!command.positionals,
    strict: true,
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  await command.run(values as Values, positionals, new Output(!!values.json))
}

/** The flag that sets each input the stores check. */
const FLAGS: Record<string, string> = {
  autoCloseDays: '--auto-close-days',
  timeZone: '--time-zone',
  // The message quotes the origin given, so the flag stands apart from it.
  origins: '--origin:',
}

/** An input problem in the command line's words: the input as its flag (`--prefix must be …`). */
function inWords(problem: InputProblem): string {
  if (!problem.field) return problem.message
  const flag = problem.field.startsWith('holidays')
    ? `--holiday (${problem.field})`
    : (FLAGS[problem.field] ?? `--${problem.field}`)
  return `${flag} ${problem.message}`
}

main(process.argv.slice(2)).catch((err: Error & { code?: string }) => {
  const known = err instanceof InputError || err.code?.startsWith('ERR_PARSE_ARGS')
  const json = process.argv.includes('--json')
  const message = err instanceof InputError ? err.problems.map(inWords).join('; ') : err.message
  console.error(json ? JSON.stringify({ error: message }) : `snagbox: ${message}`)
  if (!known) console.error(err.stack)
  process.exit(known ? 2 : 1)
})
