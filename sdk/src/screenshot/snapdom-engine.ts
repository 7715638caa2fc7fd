import type { ScreenshotEngine } from './types.js'

// Behind import() here, not at the top: a bundler that inlines this file keeps the renderer lazy.
const renderer = () => import('@zumer/snapdom')

/**
 * The default renderer: fast on large pages, renders same-origin iframes, `oklch()` and filters.
 * It clones the DOM into an SVG that only ever becomes pixels here; the SVG never leaves the page.
 */
export const snapdomEngine: ScreenshotEngine = {
  name: 'snapdom',
  prepare: renderer,
  async render({ document, excluded, pixelRatio }) {
    const { snapdom } = await renderer()
    const result = await snapdom(document.documentElement, {
      clip: 'viewport',
      exclude: [(element) => excluded.has(element)],
      excludeMode: 'hide',
      dpr: pixelRatio,
      scale: 1,
      backgroundColor: canvasColour(document),
      // Measures the clone against the page and pins what would re-wrap: the picture is the page
      // as the reporter sees it, and snapdom has nothing to warn about in the host's console (its
      // only way to be quiet). Measured on a 12,000-element table: no slower.
      reconcile: true,
      // Every capture is a new moment: never serve an earlier one from snapdom's memo.
      invalidate: true,
    })
    const canvas = await result.toCanvas()
    return {
      image: canvas,
      width: canvas.width,
      height: canvas.height,
      viewportWidth: document.documentElement.clientWidth,
    }
  },
}

/**
 * The colour a browser paints the whole window with: the root's background, else the body's (CSS
 * propagates it to the canvas), else white. snapdom draws only the root's box, so below a page
 * shorter than the window this colour must fill in, or a white band appears that is not there.
 */
function canvasColour(document: Document): string {
  for (const element of [document.documentElement, document.body]) {
    const colour = element && document.defaultView?.getComputedStyle(element).backgroundColor
    if (colour && !/^(transparent|rgba\(.*,\s*0\))$/.test(colour)) return colour
  }
  return '#ffffff'
}
