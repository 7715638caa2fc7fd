// `npm start`: the Snagbox server on an embedded SQLite file, with a demo project, a demo agent
// and a demo host page on its own origin (as a customer's app would be) that embeds the widget.
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import {
  createAgent,
  createProject,
  findAgentByEmail,
  findProjectByPrefix,
  loadConfig,
  openDatabase,
  startServer,
  stopOnSignals,
  updateProject,
} from '../server/dist/index.js'
import { startMailCatcher } from './mail-catcher.mjs'

const DEMO_AGENT = {
  email: 'demo@snagbox.local',
  name: 'Demo Agent',
  password: 'snagbox-demo',
  role: 'admin',
}
const DEMO_PORT = Number(process.env.SNAGBOX_DEMO_PORT ?? 8788)
const DEMO_PAGE = new URL('../examples/plain-html/index.html', import.meta.url)

// Unless told where to send e-mail, the demo sends it to a catcher whose page shows it.
const catcher = process.env.SNAGBOX_SMTP_URL
  ? null
  : await startMailCatcher({
      smtpPort: Number(process.env.SNAGBOX_DEMO_SMTP_PORT ?? 2525),
      webPort: Number(process.env.SNAGBOX_DEMO_MAIL_PORT ?? 8025),
    })
const config = loadConfig(
  process.env,
  catcher
    ? {
        'smtp-url': catcher.smtpUrl,
        ...(process.env.SNAGBOX_MAIL_FROM
          ? {}
          : { 'mail-from': '"Demo support" <support@snagbox.local>' }),
      }
    : {},
)
const db = openDatabase(config.db)
// The demo page, and the bundler example (examples/bundler-app, port 8789) when it runs.
const demoOrigins = [DEMO_PORT, 8789].flatMap((port) => [
  `http://127.0.0.1:${port}`,
  `http://localhost:${port}`,
])
const existing = findProjectByPrefix(db, 'DEMO')
const project = existing
  ? updateProject(db, 'DEMO', {
      origins: [...new Set([...existing.allowedOrigins, ...demoOrigins])],
    })
  : createProject(db, {
      name: 'Demo',
      prefix: 'DEMO',
      key: 'pk_demo_snagbox_local',
      origins: demoOrigins,
    })
if (!findAgentByEmail(db, DEMO_AGENT.email)) await createAgent(db, DEMO_AGENT)

const running = await startServer(db, config)
stopOnSignals(running, db)

// The demo host page, with the widget's script pointed at this server.
const demo = createServer(async (req, res) => {
  if (req.url === '/favicon.ico') return res.writeHead(204).end()
  if (req.url !== '/' && req.url !== '/index.html') return res.writeHead(404).end('Not found')
  const page = await readFile(DEMO_PAGE, 'utf8').catch(() => null)
  if (!page) return res.writeHead(404).end('examples/plain-html/index.html is missing')
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(page.replaceAll('http://127.0.0.1:8787', config.publicUrl))
})
demo.listen(DEMO_PORT, '127.0.0.1')

const url = config.publicUrl
console.log(`
  Snagbox is running on ${running.url}   (database ${config.db})

  Demo app       http://127.0.0.1:${DEMO_PORT}/      (a host page with the "Report a problem" widget)
  Inbox          ${url}/inbox                     (log in as ${DEMO_AGENT.email} / ${DEMO_AGENT.password})
  E-mails        ${catcher ? `${catcher.pageUrl}                  (every e-mail the demo sends: give an address in the report)` : `sent through ${config.mail.smtpUrl?.replace(/\/\/[^@/]*@/, '//…@')}`}
  API            ${url}/api/v1/tickets        (OpenAPI: ${url}/api/openapi.json)
  Health         ${url}/healthz

  Demo project   DEMO, key ${project.key}

  Or file a ticket from the command line:
    curl -X POST ${url}/api/v1/tickets \\
      -H 'Content-Type: application/json' -H 'X-Snagbox-Key: ${project.key}' \\
      -d '{"description":"The export button does nothing","app":{"version":"4.30.34","build":"6255"}}'
`)
