import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

export interface AxeViolation {
  id: string
  impact: string
  help: string
  /** The offending elements' selectors (through shadow roots: one array per element). */
  targets: string[]
}

/**
 * The serious and critical accessibility violations axe-core finds on the page as it is now
 * (open shadow roots included). Injected through the DevTools protocol, so a page's strict CSP
 * does not stop it.
 *
 * @example
 * expect(await seriousViolations(page)).toEqual([])
 */
export async function seriousViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  return page.evaluate(async (selector) => {
    type Result = {
      violations: {
        id: string
        impact: string | null
        help: string
        nodes: { target: unknown[] }[]
      }[]
    }
    const axe = (
      window as unknown as { axe: { run(context: unknown, options: unknown): Promise<Result> } }
    ).axe
    const { violations } = await axe.run(selector ? { include: [selector] } : document, {
      resultTypes: ['violations'],
    })
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact!,
        help: v.help,
        targets: v.nodes.map((n) => JSON.stringify(n.target)),
      }))
  }, include)
}
