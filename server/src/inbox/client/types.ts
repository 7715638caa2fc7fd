// The shapes the agent API answers with, taken from the server's own code so that the two
// cannot drift apart; type-only imports, nothing of the server reaches the browser bundle.
import type { TicketEvent } from '../../events/bus.js'
import type { TicketSummary } from '../../tickets/store-list.js'
import type { TimelineEntry } from '../../tickets/store-read.js'
import type { agentView } from '../../tickets/view.js'

export type { TicketEvent, TicketSummary, TimelineEntry }

export interface Agent {
  id: string
  email: string
  name: string
  role: string
}

export type OsSummary = TicketSummary['os']

export interface TicketPage {
  items: TicketSummary[]
  nextCursor: string | null
}

/** `environment` as the SDK sends it (contract §3); the server stores it as given. */
export interface Environment {
  os?: OsSummary & { architecture?: string | null; source?: string | null }
  browser?: { name?: string | null; version?: string | null; bitness?: number | null }
  device?: { type?: string | null; vendor?: string | null; model?: string | null }
  screen?: { width?: number; height?: number; pixelRatio?: number; viewportWidth?: number; viewportHeight?: number; colorScheme?: string }
  locale?: string | null
  timezone?: string | null
  userAgent?: string | null
  url?: string | null
  referrer?: string | null
}

type AgentView = ReturnType<typeof agentView>

/** `GET /api/v1/tickets/:ref`, with the JSON columns the server passes through given their shape. */
export type Ticket = Omit<AgentView, 'reporter' | 'app' | 'environment' | 'context' | 'logs'> & {
  reporter: { name?: string; email?: string; phone?: string; organization?: string }
  app: { name?: string; version?: string; build?: string; environment?: string }
  environment: Environment
  context: Record<string, unknown>
  /** `timestamp`: ISO 8601 or epoch milliseconds as sent; `0` when the entry had none. */
  logs: { level?: string; message?: string; timestamp?: string | number }[]
}

export type AllowedAction = Ticket['allowedActions'][number]
