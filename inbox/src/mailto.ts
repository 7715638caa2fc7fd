import { isEmailAddress } from '@snagbox/sdk/contract'

/**
 * The `mailto:` link for a reporter's e-mail address, or `null` when the text is not one address.
 * Intake refuses `a@x.test?bcc=…` today, but older tickets may hold it: as a link it would add
 * recipients or a body, so such text is shown, never linked; and every address is percent-encoded.
 *
 * @example mailtoHref('anna@example.com') // 'mailto:anna@example.com'
 */
export function mailtoHref(address: string | null | undefined): string | null {
  if (!address || !isEmailAddress(address)) return null
  const at = address.lastIndexOf('@')
  const local = encodeURIComponent(address.slice(0, at))
  return `mailto:${local}@${encodeURIComponent(address.slice(at + 1))}`
}
