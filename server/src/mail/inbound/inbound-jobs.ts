import type { AppDeps } from '../../deps.js'
import { watchMailbox, type MailboxJob, type MailboxJobOptions } from './mailbox-job.js'
import { projectsWithMailbox } from './store.js'

/**
 * Watches the mailbox of every project that has one (`snagbox project create|update
 * --imap-url`), and looks again every `--imap-poll-seconds` for projects whose mailbox was set,
 * changed or removed since — the CLI changes them in the database while the server runs.
 *
 * @example const inbound = startInboundMail(deps); …; await inbound.stop()
 */
export function startInboundMail(
  deps: Pick<AppDeps, 'db' | 'config' | 'changes' | 'now'>,
  options: MailboxJobOptions = {},
): { stop(): Promise<void> } {
  const jobs = new Map<string, { key: string; job: MailboxJob }>()
  const stopping: Promise<void>[] = []
  const sync = () => {
    const wanted = projectsWithMailbox(deps.db)
    for (const project of wanted) {
      const key = [project.imapUrl, project.mailFrom, project.prefix].join('\n')
      const running = jobs.get(project.id)
      if (running?.key === key) continue
      if (running) stopping.push(running.job.stop())
      jobs.delete(project.id)
      try {
        jobs.set(project.id, { key, job: watchMailbox(deps, project, options) })
      } catch (err) {
        console.error(`Snagbox mail ${project.prefix}: cannot watch its mailbox:`, err)
      }
    }
    for (const [id, running] of jobs) {
      if (wanted.some((p) => p.id === id)) continue
      stopping.push(running.job.stop())
      jobs.delete(id)
    }
  }
  sync()
  const timer = setInterval(() => {
    try {
      sync()
    } catch (err) {
      console.error('Snagbox mail: cannot list the projects’ mailboxes:', err)
    }
  }, deps.config.inbound.pollSeconds * 1000)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await Promise.all([...stopping, ...[...jobs.values()].map((r) => r.job.stop())])
    },
  }
}
