/** An e-mail address as every Snagbox surface accepts it: `name@host.tld`, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Whether `value` looks like an e-mail address. The same rule for the widget's form, the intake
 * API and the CLI, so a reporter's address accepted by one is accepted by all.
 *
 * @example
 * isEmailAddress('anna@example.com') // true
 * isEmailAddress('anna@example') // false
 */
export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value)
}
