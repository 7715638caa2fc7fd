/**
 * Before the browser tests, once for the run: widget/dist built from the sources as they are now,
 * so a test run alone never serves an older widget — and never while another test file reads or
 * packs the files.
 */
export { buildWidget as default } from '../widget/test/build.js'
