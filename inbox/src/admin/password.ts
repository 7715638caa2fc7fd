/** The shortest password the server takes (it checks again). */
export const MIN_PASSWORD = 8

/**
 * What is wrong with a new password typed twice, by the field to say it at; `null` when nothing.
 *
 * @example
 * checkNewPassword('short', 'short') // { field: 'password', message: 'password.tooShort' }
 */
export function checkNewPassword(
  password: string,
  repeat: string,
): { field: 'password' | 'repeat'; message: 'password.tooShort' | 'password.mismatch' } | null {
  if (password.length < MIN_PASSWORD) return { field: 'password', message: 'password.tooShort' }
  if (password !== repeat) return { field: 'repeat', message: 'password.mismatch' }
  return null
}
