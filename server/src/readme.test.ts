import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SETTINGS } from './config.js'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

describe('README', () => {
  it.each(SETTINGS.map((s) => [s.flag, s.env]))('documents --%s and %s', (flag, env) => {
    expect(readme).toContain(`\`--${flag}\``)
    expect(readme).toContain(`\`${env}\``)
  })
})
