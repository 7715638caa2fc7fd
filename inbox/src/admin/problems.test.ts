import { describe, expect, it } from 'vitest'
import { ApiProblem } from '../api.js'
import { lang } from '../i18n/index.js'
import { checkNewPassword } from './password.js'
import {
  asProblem,
  fieldErrors,
  fieldOf,
  inputProblem,
  otherErrors,
  problemText,
} from './problems.js'

const refused = new ApiProblem(400, 'invalid_payload', 'holidays[1]: is not a date', [
  { path: 'holidays[1]', message: 'is not a date' },
  { path: 'holidays[3]', message: 'is not a date either' },
  { path: 'origins.0', message: 'is not an origin' },
  { path: 'key', message: 'is not allowed' },
])

describe("the server's refusals beside the form", () => {
  it('puts each field error at its field, the first one per field', () => {
    expect(fieldOf('holidays[1]')).toBe('holidays')
    expect(fieldOf('origins.0')).toBe('origins')
    expect(fieldOf('/email')).toBe('email')
    expect(fieldErrors(refused, ['holidays', 'origins', 'name'])).toEqual({
      holidays: 'is not a date',
      origins: 'is not an origin',
    })
    expect(otherErrors(refused, ['holidays', 'origins'])).toEqual([
      { path: 'key', message: 'is not allowed' },
    ])
    expect(fieldErrors(null, ['name'])).toEqual({})
  })

  it("says the server's own words, and ours where it has none", () => {
    lang.value = 'en'
    expect(problemText(refused)).toBe('Check the marked fields.')
    expect(problemText(new ApiProblem(409, 'conflict', 'An agent has this e-mail'))).toBe(
      'An agent has this e-mail',
    )
    // A 403 has several reasons (not an admin, a read-only token, another site): the server's.
    expect(problemText(new ApiProblem(403, 'forbidden', 'Only an admin may do this'))).toBe(
      'Only an admin may do this',
    )
    expect(problemText(new ApiProblem(403, 'http_403', ''))).toBe('Only admins may do this.')
    expect(problemText(asProblem(new TypeError('Failed to fetch')))).toMatch(/cannot be reached/)
    expect(problemText(new ApiProblem(500, 'http_500', ''))).toBe('Something went wrong')
  })

  it('checks a new password typed twice before sending it', () => {
    expect(checkNewPassword('short', 'short')).toEqual({
      field: 'password',
      message: 'password.tooShort',
    })
    expect(checkNewPassword('long enough', 'long enougH')).toEqual({
      field: 'repeat',
      message: 'password.mismatch',
    })
    expect(checkNewPassword('long enough', 'long enough')).toBeNull()
    expect(fieldErrors(inputProblem('repeat', 'no match'), ['password', 'repeat'])).toEqual({
      repeat: 'no match',
    })
  })
})
