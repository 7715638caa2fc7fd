const WINDOWS_NT: Record<string, string> = {
  '5.0': '2000',
  '5.1': 'XP',
  '5.2': 'XP',
  '6.0': 'Vista',
  '6.1': '7',
  '6.2': '8',
  '6.3': '8.1',
}

/**
 * Windows version from an NT kernel version and build, as Node's `os.release()` gives it
 * (`10.0.22631`). NT 10.0 is both 10 and 11: the build tells them apart (11 starts at 22000).
 */
export function windowsFromRelease(release: string): string | null {
  const [major, minor, build] = release.split('.').map(Number)
  if (major === 10)
    return build === undefined || Number.isNaN(build) ? null : build >= 22000 ? '11' : '10'
  return WINDOWS_NT[`${major}.${minor}`] ?? null
}

/**
 * macOS version from the Darwin kernel (`os.release()`): Darwin 20–24 is macOS 11–15, Darwin 25
 * is macOS 26 (Apple's jump to year numbers), Darwin 19 and before is 10.x. The minor version
 * does not map reliably, so only the major is given.
 */
export function macosFromDarwin(release: string): string | null {
  const major = Number(release.split('.')[0])
  if (!Number.isInteger(major) || major < 5) return null
  if (major >= 25) return String(major + 1)
  if (major >= 20) return String(major - 9)
  return `10.${major - 4}`
}
