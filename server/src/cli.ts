import { userInfo } from 'node:os'
import type { AgentNotifications } from '@snagbox/sdk/contract'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { backupDatabase } from './backup.js'
import {
  createAgent,
  inviteAgent,
  reinviteAgent,
  updateAgent,
  type AgentWithProjects,
} from './auth/agents.js'
import { disableAgent, enableAgent, setAgentPassword } from './auth/agent-access.js'
import { findAgentByEmail } from './auth/agent-rows.js'
import { INVITE_HOURS, inviteUrl, type NewInvite } from './auth/invites.js'
import { checkNewPassword } from './auth/secrets.js'
import {
  createApiToken,
  expiryAfter,
  listTokens,
  revokeToken,
  type TokenInfo,
} from './auth/tokens.js'
import { listAudit, type AuditContext } from './audit/store.js'
import { readPassword } from './password-input.js'
import { InputError, type InputProblem } from './input-error.js'
import { createProject, updateProject, type SavedProject } from './projects/store.js'
import { parseFirstResponseHours, parseWorkingHours } from './projects/response-targets.js'
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
                         [--mass-incident-priority low|normal|high|critical]   (default critical)
                         [--mail-from '"Kvant support" <support@kvant.example>'] [--imap-url imaps://user:pass@host/INBOX]
                         [--identity-secret]   (makes a secret for verified reporter identities, shown once)
                         [--working-hours 09:00-18:00]   (the working day in --time-zone; default 09:00-18:00)
                         [--first-response-hours critical=1,high=4,normal=8,low=16]   (working hours, by priority)
  snagbox project update --prefix <PREFIX> [--name <name>] [--origin <url>]… [--auto-close-days <n>]
                         [--time-zone <IANA zone>] [--holiday <YYYY-MM-DD>]…   (lists are replaced)
                         [--mass-incident-priority low|normal|high|critical]
                         [--mail-from <sender>] [--imap-url <url>]   ('' for the server's sender, no mailbox)
                         [--identity-secret | --no-identity-secret]   (a new secret, shown once; or none:
                         signatures made with the old one, and the status links it made, stop working)
                         [--working-hours HH:MM-HH:MM] [--first-response-hours <priority>=<hours>,…]
                         (only the priorities named change)
  snagbox agent create --email <e-mail> --name <name> (--password-stdin | --password <password>)
                       [--role admin|agent]   (--password-stdin: piped, or typed without echo)
                       [--project <PREFIX>]…   (an agent works only in its projects; admin in all)
  snagbox agent update --email <e-mail> [--name <name>] [--role admin|agent]
                       [--project <PREFIX>]…   (projects are replaced; --project '' for none)
                       [--password-stdin]   (a new password; ends the agent's inbox sessions)
                       [--notify-new urgent|all|none] [--notify-activity on|off]   (its e-mails)
  snagbox agent invite --email <e-mail> [--name <name>] [--role admin|agent] [--project <PREFIX>]…
                       [--public-url URL]   (prints a one-time link, valid ${INVITE_HOURS} h, to set a password;
                       for an existing agent only --email: a new link, e.g. for a forgotten password)
  snagbox agent disable --email <e-mail>   (no login, token or stream of it works any more)
  snagbox agent enable --email <e-mail>
  snagbox token create --email <agent e-mail> --name <label> [--scope read|read_write]
                       [--expires-in-days <n>|never]   (default read_write, 90 days)
  snagbox token list --email <agent e-mail>
  snagbox token revoke <token id>
  snagbox audit [--limit <n>]   (sign-ins, failed ones, changes of agents, tokens and projects)
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
  'mass-incident-priority': { type: 'string' },
  'mail-from': { type: 'string' },
  'imap-url': { type: 'string' },
  'identity-secret': { type: 'boolean' },
  'no-identity-secret': { type: 'boolean' },
  'working-hours': { type: 'string' },
  'first-response-hours': { type: 'string' },
}

/** The working-day and origin settings given on the command line (absent ones stay unset). */
function projectSettings(values: Values) {
  const days = values['auto-close-days']
  if (days !== undefined && !/^\d+$/.test(String(days)))
    throw new InputError({ field: 'autoCloseDays', message: 'must be a whole number' })
  if (values['identity-secret'] && values['no-identity-secret'])
    throw new InputError({ message: 'give --identity-secret or --no-identity-secret, not both' })
  return {
    ...(values['identity-secret'] ? { identitySecret: true } : {}),
    ...(values['no-identity-secret'] ? { identitySecret: false } : {}),
    ...(values['working-hours'] !== undefined
      ? { workingHours: parseWorkingHours(String(values['working-hours'])) }
      : {}),
    ...(values['first-response-hours'] !== undefined
      ? { firstResponseHours: parseFirstResponseHours(String(values['first-response-hours'])) }
      : {}),
    ...(values.origin ? { origins: values.origin as string[] } : {}),
    ...(days !== undefined ? { autoCloseDays: Number(days) } : {}),
    ...(values['time-zone'] ? { timeZone: String(values['time-zone']) } : {}),
    ...(values['mass-incident-priority'] !== undefined
      ? { massIncidentPriority: String(values['mass-incident-priority']) }
      : {}),
    // '' clears: the server's sender, no mailbox.
    ...(values['mail-from'] !== undefined ? { mailFrom: String(values['mail-from']) || null } : {}),
    ...(values['imap-url'] !== undefined ? { imapUrl: String(values['imap-url']) || null } : {}),
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

/** A new identity secret, in words: shown this once. */
const secretLines = (p: SavedProject) =>
  p.identitySecret
    ? `\nIdentity secret (shown once; keep it on your backend, which signs user ids with it):\n${p.identitySecret}`
    : ''

/** An agent as `agent create|update` print it. */
const agentResult = (a: AgentWithProjects) => ({
  id: a.id,
  email: a.email,
  role: a.role,
  projects: a.projects,
})

/** Where an agent works, in words: an agent without projects sees nothing. */
function agentWhere(a: AgentWithProjects): string {
  if (a.role === 'admin') return 'an admin: it sees and manages every project'
  if (!a.projects.length) return 'in no project: it sees nothing until given one with --project'
  return `working in ${a.projects.join(', ')}`
}

/** Who acts at the command line, for the audit trail: the operating-system user. */
function cliActor(): AuditContext {
  try {
    return { actor: { kind: 'cli', id: userInfo().username } }
  } catch {
    return { actor: { kind: 'cli', id: process.env.USER ?? null } }
  }
}

/** `--expires-in-days`: a number of days from now (default 90), or `never`. */
function expiryOf(value: string | boolean | string[] | undefined): Date | null {
  if (value === 'never') return null
  if (
    value !== undefined &&
    (!/^\d{1,4}$/.test(String(value)) || !(Number(value) >= 1 && Number(value) <= 3650))
  )
    throw new InputError({
      field: 'expires-in-days',
      message: 'must be a number of days from 1 to 3650, or never',
    })
  return expiryAfter(value === undefined ? undefined : Number(value), new Date())
}

/** The new password of `--password-stdin`, or the one given as `--password`, checked. */
async function passwordOf(values: Values): Promise<string | undefined> {
  if (values['password-stdin'] && values.password !== undefined)
    throw new InputError({ message: 'give --password-stdin or --password, not both' })
  const password = values['password-stdin'] ? await readPassword() : values.password
  if (password !== undefined) checkNewPassword(String(password))
  return password === undefined ? undefined : String(password)
}

/** `--notify-new urgent|all|none` and `--notify-activity on|off` of `agent update`. */
function notificationsOf(values: Values) {
  const activity = values['notify-activity']
  if (activity !== undefined && activity !== 'on' && activity !== 'off')
    throw new InputError({ field: 'notify-activity', message: 'must be on or off' })
  const notifications = {
    ...(values['notify-new'] !== undefined
      ? { newTickets: String(values['notify-new']) as AgentNotifications['newTickets'] }
      : {}),
    ...(activity !== undefined ? { activity: activity === 'on' } : {}),
  }
  return Object.keys(notifications).length ? { notifications } : {}
}

const tokenLine = (t: TokenInfo) =>
  `${t.id}  ${t.name}  ${t.scope}  ${t.state}  expires ${t.expiresAt ?? 'never'}  last used ${t.lastUsedAt ?? 'never'}`

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
        const project = createProject(
          db,
          {
            name: String(values.name ?? ''),
            prefix: String(values.prefix ?? ''),
            ...(values.key ? { key: String(values.key) } : {}),
            ...projectSettings(values),
          },
          cliActor(),
        )
        out.result(
          project,
          `Project ${project.name} (${project.prefix}) created.\nKey: ${project.key}${secretLines(project)}`,
        )
      }),
  },
  'project update': {
    options: PROJECT_SETTINGS,
    run: (values, _p, out) =>
      withDb(values, (db) => {
        const project = updateProject(
          db,
          String(values.prefix ?? ''),
          {
            ...(values.name !== undefined ? { name: String(values.name) } : {}),
            ...projectSettings(values),
          },
          cliActor(),
        )
        out.result(
          project,
          `Project ${project.name} (${project.prefix}) updated.${secretLines(project)}`,
        )
      }),
  },
  'agent create': {
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      role: { type: 'string' },
      project: { type: 'string', multiple: true },
    },
    run: async (values, _p, out) => {
      // Read before the database is opened: a prompt may wait for a person.
      const password = values['password-stdin'] ? await passwordOf(values) : values.password
      await withDb(values, async (db) => {
        const agent = await createAgent(
          db,
          {
            email: String(values.email ?? ''),
            name: String(values.name ?? ''),
            password: String(password ?? ''),
            ...(values.role ? { role: String(values.role) } : {}),
            ...(values.project ? { projects: values.project as string[] } : {}),
          },
          cliActor(),
        )
        out.result(agentResult(agent), `Agent ${agent.email} created, ${agentWhere(agent)}.`)
      })
    },
  },
  'agent update': {
    // What may go on a command line; each option given changes one thing, the rest stays.
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      project: { type: 'string', multiple: true },
      'notify-new': { type: 'string' },
      'notify-activity': { type: 'string' },
      // The password never as a value on the command line: from standard input or a prompt.
      'password-stdin': { type: 'boolean' },
    },
    run: async (values, _p, out) => {
      const password = values['password-stdin'] ? await passwordOf(values) : undefined
      await withDb(values, async (db) => {
        const email = String(values.email ?? '')
        const changes = {
          ...(values.name !== undefined ? { name: String(values.name) } : {}),
          ...(values.role !== undefined ? { role: String(values.role) } : {}),
          ...(values.project ? { projects: values.project as string[] } : {}),
          ...notificationsOf(values),
        }
        const by = cliActor()
        const agent =
          Object.keys(changes).length || password === undefined
            ? updateAgent(db, email, changes, by)
            : undefined
        const access =
          password !== undefined ? await setAgentPassword(db, email, password, by) : undefined
        const said = access
          ? ` New password set; ${access.sessionsEnded} inbox session(s) ended.`
          : ''
        out.result(
          {
            ...(agent ? agentResult(agent) : { id: access!.id, email: access!.email }),
            ...(access ? { passwordChanged: true, sessionsEnded: access.sessionsEnded } : {}),
          },
          agent
            ? `Agent ${agent.email} updated, ${agentWhere(agent)}.${said}`
            : `Agent ${access!.email} updated.${said}`,
        )
      })
    },
  },
  'agent invite': {
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      project: { type: 'string', multiple: true },
      'public-url': { type: 'string' },
    },
    run: (values, _p, out) =>
      withDb(values, (db) => {
        const { publicUrl } = loadConfig(process.env, { 'public-url': values['public-url'] })
        const email = String(values.email ?? '')
        // An agent that exists gets a new link; anything else is a new agent.
        const fresh =
          !findAgentByEmail(db, email) ||
          values.name !== undefined ||
          values.role !== undefined ||
          !!values.project
        const { agent, invite } = fresh
          ? inviteAgent(
              db,
              {
                email,
                name: String(values.name ?? ''),
                ...(values.role ? { role: String(values.role) } : {}),
                ...(values.project ? { projects: values.project as string[] } : {}),
              },
              cliActor(),
            )
          : reinviteAgent(db, email, cliActor())
        const link = (i: NewInvite) => ({
          url: inviteUrl(publicUrl, i.token),
          expiresAt: i.expiresAt,
        })
        out.result(
          { ...agentResult(agent), invite: link(invite) },
          `${fresh ? `Agent ${agent.email} created, ${agentWhere(agent)}` : `A new link for ${agent.email}`}.\n` +
            `Send this one-time link to set a password (valid until ${invite.expiresAt}, shown once):\n` +
            link(invite).url,
        )
      }),
  },
  'agent disable': {
    options: { email: { type: 'string' } },
    run: (values, _p, out) =>
      withDb(values, (db) => {
        const access = disableAgent(db, String(values.email ?? ''), cliActor())
        out.result(
          access,
          `Agent ${access.email} disabled: ${access.sessionsEnded} inbox session(s) ended; its logins, API tokens and open streams stop working.`,
        )
      }),
  },
  'agent enable': {
    options: { email: { type: 'string' } },
    run: (values, _p, out) =>
      withDb(values, (db) => {
        const access = enableAgent(db, String(values.email ?? ''), cliActor())
        out.result(access, `Agent ${access.email} enabled: it can log in again.`)
      }),
  },
  'token create': {
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      scope: { type: 'string' },
      'expires-in-days': { type: 'string' },
    },
    run: (values, _p, out) =>
      withDb(values, (db) => {
        const created = createApiToken(
          db,
          {
            email: String(values.email ?? ''),
            name: String(values.name ?? ''),
            ...(values.scope !== undefined ? { scope: String(values.scope) } : {}),
            expiresAt: expiryOf(values['expires-in-days']),
          },
          cliActor(),
        )
        out.result(
          created,
          `API token (shown once, keep it safe):\n${created.token}\n` +
            `id ${created.id}, scope ${created.scope}, expires ${created.expiresAt ?? 'never'}`,
        )
      }),
  },
  'token list': {
    options: { email: { type: 'string' } },
    run: (values, _p, out) =>
      withDb(values, (db) => {
        const items = listTokens(db, String(values.email ?? ''))
        out.result({ items }, items.length ? items.map(tokenLine).join('\n') : 'No API tokens.')
      }),
  },
  'token revoke': {
    options: {},
    positionals: 1,
    run: (values, positionals, out) =>
      withDb(values, (db) => {
        const id = positionals[0]
        if (!id)
          throw new InputError({ message: 'say which token: snagbox token revoke <token id>' })
        const token = revokeToken(db, id, cliActor())
        out.result(token, `API token ${token.id} (${token.name}) revoked.`)
      }),
  },
  audit: {
    options: { limit: { type: 'string' } },
    run: (values, _p, out) =>
      withDb(values, (db) => {
        const limit = values.limit === undefined ? '50' : String(values.limit)
        if (!/^\d{1,5}$/.test(limit) || Number(limit) < 1)
          throw new InputError({ field: 'limit', message: 'must be a whole number from 1' })
        const items = listAudit(db, { limit: Number(limit) })
        const line = (e: (typeof items)[number]) =>
          [e.createdAt, e.action, `${e.actor.kind}${e.actor.id ? `:${e.actor.id}` : ''}`]
            .concat(e.target ?? [], e.address ? `from ${e.address}` : [], JSON.stringify(e.data))
            .join('  ')
        out.result({ items }, items.length ? items.map(line).join('\n') : 'Nothing recorded yet.')
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
  massIncidentPriority: '--mass-incident-priority',
  timeZone: '--time-zone',
  // The message quotes the origin given, so the flag stands apart from it.
  origins: '--origin:',
  projects: '--project:',
  expiresAt: '--expires-in-days',
  mailFrom: '--mail-from',
  imapUrl: '--imap-url',
  workingHours: '--working-hours',
  firstResponseHours: '--first-response-hours',
  'notifications.newTickets': '--notify-new',
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
