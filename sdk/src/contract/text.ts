/**
 * An e-mail address as every Snagbox surface accepts it: a local part without spaces or the
 * characters that would turn it into more than an address (`?`, `&`, `<`, quotes…), and a host
 * name — with or without a dot, since support desks on a company network write `ivanov@corp`.
 */
const EMAIL =
  /^[^\s@<>()[\]\\,;:"?&=#%/]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*$/u

/**
 * Whether `value` looks like an e-mail address. The same rule for the widget's form, the intake
 * API and the CLI, so a reporter's address accepted by one is accepted by all.
 *
 * @example
 * isEmailAddress('anna@example.com') // true
 * isEmailAddress('ivanov@corp') // true
 * isEmailAddress('anna@example.com?bcc=all@example.com') // false
 */
export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value)
}
