import type { ScreenshotEngine } from './types.js'

/**
 * The default renderer: fast on large pages, renders same-origin iframes, `oklch()` and filters.
 * It clones the DOM into an SVG that only ever becomes pixels here; the SVG never leaves the page.
 */
export const snapdomEngine: ScreenshotEngine = {
  name: 'snapdom',
  async render({ document, excluded, pixelRatio }) {
    // Behind import() here, not at the top: a bundler that inlines this file keeps the renderer lazy.
    const { snapdom } = await import('@zumer/snapdom')
    const result = await snapdom(document.documentElement, {
      clip: 'viewport',
      exclude: [(element) => excluded.has(element)],
      excludeMode: 'hide',
      dpr: pixelRatio,
      scale: 1,
      backgroundColor: '#ffffff',
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
