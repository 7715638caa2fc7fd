// The queue's tools, one chunk loaded beside inbox.js (see lazy-page.tsx).
export { BulkBar } from './BulkBar.js'
export { assignToMe } from './bulk-run.js'
export { QueueList } from './QueueList.js'
export { ShortcutHelp } from './ShortcutHelp.js'
export { ViewForm } from './ViewForm.js'
