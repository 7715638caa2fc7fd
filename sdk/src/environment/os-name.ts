/** Names the way support staff say them: `Mac OS` → `macOS`, `Chromium OS` / `Chrome OS` → `ChromeOS`. */
export function osName(name: string | undefined): string | null {
  if (!name) return null
  if (/^mac ?os/i.test(name)) return 'macOS'
  if (/^(chromium|chrome) ?os$/i.test(name)) return 'ChromeOS'
  return name
}
