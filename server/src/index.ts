export { createApp, type AppDeps, type SnagboxApp } from './app.js'
export { loadConfig, SETTINGS, type Config, type RateLimit } from './config.js'
export { openDatabase, type Db } from './db/client.js'
export { startServer, stopOnSignals, type RunningServer } from './serve.js'
export { backupDatabase } from './backup.js'
export {
  createAgent,
  createApiToken,
  createProject,
  findAgentByEmail,
  findProjectByPrefix,
  updateProject,
  type Agent,
  type Project,
} from './auth/store.js'
