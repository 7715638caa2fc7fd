import type { Db } from './db/client.js'

/**
 * A consistent copy of the database while the server keeps writing (SQLite's online backup).
 *
 * @example
 * await backupDatabase(db, './backups/snagbox-2026-11-24.db')
 */
export async function backupDatabase(
  db: Db,
  file: string,
): Promise<{ file: string; pages: number }> {
  const result = await db.$client.backup(file)
  return { file, pages: result.totalPages }
}
