// The shapes the agent API answers with (README "Agent API"), as far as the inbox reads them.

export interface Agent {
  id: string
  email: string
  name: string
  role: string
}

export interface OsSummary {
  name?: string | null
  version?: string | null
  bitness?: number | null
}

export interface TicketSummary {
  id: string
  reference: string
  status: string
  closeReason: string | null
  category: string
  priority: string
  blocking: boolean
  subject: string
  reporter: { name?: string; email?: string; organization?: string }
  app: { name?: string; version?: string; build?: string }
  os: OsSummary
  assignee: { id: string; name: string } | null
  hasScreenshot: boolean
  createdAt: string
  updatedAt: string
}

export interface TicketPage {
  items: TicketSummary[]
  nextCursor: string | null
}

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

export interface AllowedAction {
  action: string
  to: string
  status?: string
  closeReason?: string
}

export interface TimelineEntry {
  id: number
  type: string
  visibility: 'public' | 'internal'
  actor: { kind: string; id: string | null; name: string | null; email?: string | null }
  data: Record<string, unknown>
  createdAt: string
}

type Link = { id: string; reference: string | null } | null

export interface Ticket {
  id: string
  reference: string
  status: string
  closeReason: string | null
  category: string
  priority: string
  blocking: boolean
  subject: string
  description: string
  reporter: { name?: string; email?: string; phone?: string; organization?: string }
  app: { name?: string; version?: string; build?: string; environment?: string }
  environment: Environment
  context: Record<string, unknown>
  logs: { level?: string; message?: string; timestamp?: string }[]
  assignee: { id: string; name: string; email: string } | null
  parent: Link
  splitFrom: Link
  duplicateOf: Link
  children: { id: string; reference: string; status: string }[]
  reopenCount: number
  createdAt: string
  updatedAt: string
  version: number
  screenshot: { url: string; contentType: string; width: number | null; height: number | null } | null
  allowedActions: AllowedAction[]
  timeline: TimelineEntry[]
}

/** One message of `GET /api/v1/events`. */
export interface TicketEvent {
  type: 'ticket.created' | 'ticket.changed'
  id: string
  reference: string
  status: string
  version: number
  at: string
}
