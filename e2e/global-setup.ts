/**
 * Before the browser tests, once for the run: widget/dist built from the sources as they are now,
 * so a test run alone never serves an older widget — and never while another test file reads or
 * packs the files. (Vitest passes the project to a global setup: not a directory to build into.)
 */
import { buildWidget } from '../widget/test/build.js'

export default function setup(): Promise<void> {
  return buildWidget()
}
