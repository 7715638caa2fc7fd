export type {
  AppInfo,
  Architecture,
  ClaimedUser,
  Bitness,
  BrowserInfo,
  Category,
  CloseReason,
  DeviceInfo,
  Environment,
  EnvironmentSource,
  ErrorCode,
  FieldError,
  LogEntry,
  LogLevel,
  OsInfo,
  Priority,
  Problem,
  RawEnvironment,
  Reporter,
  ScreenInfo,
  Status,
  TicketCreated,
  TicketPayload,
  ValidTicketPayload,
} from './types.js'
export {
  ARCHITECTURES,
  CATEGORIES,
  CLOSE_REASONS,
  ENVIRONMENT_SOURCES,
  ERROR_CODES,
  LOG_LEVELS,
  PRIORITIES,
  STATUSES,
} from './types.js'
export {
  DEFAULT_LIMITS,
  FREE_TEXT_CHARS,
  REPLY_FILES_MAX,
  REPORTER_REQUESTS_MAX,
  type Limits,
} from './limits.js'
export {
  API_PREFIX,
  HEADERS,
  MULTIPART,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  ROUTES,
  ticketPaths,
} from './routes.js'
export { IMAGE_TYPES, sniffImage, type ImageInfo, type ImageType } from './image.js'
export {
  SCREENSHOT_DATA_URL,
  SCREENSHOT_DATA_URL_PATTERN,
  validateTicketPayload,
  type Validation,
} from './validate.js'
export { entryText, MACRO_VARIABLES, REPLY_STATUSES, STANDARD_VIEWS } from './agent-api.js'
export type {
  ActorKind,
  AgentInfo,
  AgentTicket,
  AllowedAction,
  BulkAnswer,
  FilledMacro,
  LinkedChild,
  LinkedTicket,
  Macro,
  MacroVariable,
  PresenceEvent,
  StreamEndReason,
  PresenceViewer,
  RelatedRequest,
  ReplyStatus,
  ReporterContext,
  ReporterTicket,
  RequestsOf,
  SimilarTicket,
  TicketActionType,
  TicketEmail,
  TicketEvent,
  TicketLink,
  TicketPage,
  StandardViewId,
  TicketSummary,
  TicketView,
  TimelineEntry,
} from './agent-api.js'
export type {
  ReporterChange,
  ReporterRequest,
  ReporterRequests,
  ReporterRequestsQuery,
  ReporterStreamEvent,
} from './reporter-api.js'
export { isFromSupport, SUPPORT_WRITES } from './reporter-api.js'
export { FIRST_RESPONSE_HOURS_MAX, NEW_TICKET_NOTICES, TOKEN_SCOPES } from './admin-api.js'
export type {
  AdminAgent,
  AdminProject,
  AdminToken,
  AgentInvite,
  AgentNotifications,
  AgentState,
  AuditEvent,
  CreatedToken,
  FirstResponseHours,
  ProjectWithSecret,
  TokenScope,
  WorkingHours,
} from './admin-api.js'
export {
  acceptedLanguages,
  LANGUAGES,
  pickLanguage,
  supportedLanguage,
  type Language,
} from './language.js'
export { isEmailAddress } from './text.js'
export { backoff } from './backoff.js'
