// `npm start`: the Snagbox server on an embedded SQLite file, with a demo project and a demo agent.
import {
  createAgent,
  createProject,
  findAgentByEmail,
  findProjectByPrefix,
  loadConfig,
  openDatabase,
  startServer,
  stopOnSignals,
} from '../server/dist/index.js'

const DEMO_AGENT = { email: 'demo@snagbox.local', name: 'Demo Agent', password: 'snagbox-demo', role: 'admin' }

const config = loadConfig(process.env)
const db = openDatabase(config.db)
const project =
  findProjectByPrefix(db, 'DEMO') ??
  createProject(db, { name: 'Demo', prefix: 'DEMO', key: 'pk_demo_snagbox_local', origins: [config.publicUrl] })
if (!findAgentByEmail(db, DEMO_AGENT.email)) await createAgent(db, DEMO_AGENT)

const running = await startServer(db, config)
stopOnSignals(running, db)

const url = config.publicUrl
console.log(`
  Snagbox is running on ${running.url}   (database ${config.db})

  API            ${url}/api/v1/tickets        (OpenAPI: ${url}/api/openapi.json)
  Health         ${url}/healthz

  Demo project   DEMO, key ${project.key}
  Demo agent     ${DEMO_AGENT.email} / ${DEMO_AGENT.password}

  Try it:
    curl -X POST ${url}/api/v1/tickets \\
      -H 'Content-Type: application/json' -H 'X-Snagbox-Key: ${project.key}' \\
      -d '{"description":"The export button does nothing","app":{"version":"4.30.34","build":"6255"}}'
`)
