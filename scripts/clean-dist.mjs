// Empties the build folders before a build: Rollup never removes a file it no longer writes, and
// @snagbox/server publishes everything in server/dist, so stale chunks would ship.
import { rmSync } from 'node:fs'

for (const dir of ['sdk/dist', 'server/dist', 'widget/dist']) {
  rmSync(new URL(`../${dir}`, import.meta.url), { recursive: true, force: true })
}
