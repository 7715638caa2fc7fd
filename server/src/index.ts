export { createApp, type SnagboxApp } from './app.js'
export { appDeps, type AppDeps } from './deps.js'
export { loadConfig, SETTINGS, type Config, type RateLimit } from './config.js'
export { openDatabase, type Db } from './db/client.js'
export { startServer, stopOnSignals, type RunningServer } from './serve.js'
export { backupDatabase } from './backup.js'
export { createAgent } from './auth/agents.js'
export { findAgentByEmail, type Agent } from './auth/agent-rows.js'
export { createApiToken } from './auth/tokens.js'
export {
  createProject,
  findProjectByPrefix,
  updateProject,
  type Project,
} from './projects/store.js'
export { InputError, type InputProblem } from './input-error.js'
export { ChangeFeed, type CommittedChange } from './tickets/store/changes.js'
