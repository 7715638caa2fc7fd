import { DEFAULT_LIMITS, REPLY_FILES_MAX } from '@snagbox/sdk/contract'

export { REPLY_FILES_MAX }
/** The largest file, the screenshot's limit on the server. */
export const REPLY_FILE_BYTES = DEFAULT_LIMITS.screenshotBytes

/**
 * A size as people read it in `locale`: `0.8 kB`, `14 kB`, `3.4 MB` (`3,4 МБ` in Russian).
 *
 * @example
 * fileSize(3_565_158, 'en') // '3.4 MB'
 */
export function fileSize(bytes: number, locale: string): string {
  const mega = bytes >= 1024 * 1024
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: mega ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(bytes / (mega ? 1024 * 1024 : 1024))
}

/**
 * The files to add to those a reply has: empty, too large and past the count are refused (each
 * named, with why), the others kept in order.
 *
 * @example
 * addFiles([], [big, shot]) // { files: [shot], refused: [{ name: 'dump.bin', why: 'large' }] }
 */
export function addFiles(
  have: readonly File[],
  incoming: readonly File[],
): { files: File[]; refused: { name: string; why: 'empty' | 'large' | 'many' }[] } {
  const files = [...have]
  const refused: { name: string; why: 'empty' | 'large' | 'many' }[] = []
  for (const file of incoming) {
    const why =
      file.size === 0
        ? 'empty'
        : file.size > REPLY_FILE_BYTES
          ? 'large'
          : files.length >= REPLY_FILES_MAX
            ? 'many'
            : null
    if (why) refused.push({ name: file.name, why })
    else files.push(file)
  }
  return { files, refused }
}
