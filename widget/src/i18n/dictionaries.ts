import type { Language } from '@snagbox/sdk/contract'
import { en, type DialogMessages } from './en.js'
import { ru } from './ru.js'

/**
 * The dialog's texts in every language Snagbox speaks, for the npm package (the script tag loads
 * only the page's language): the contract's `LANGUAGES` decide which one is shown, so a language
 * added there without a dictionary here fails the type check.
 */
export const DICTIONARIES: Record<Language, DialogMessages> = { en, ru }
