import type { ScreenshotEngine } from './types.js'

const HIDE = 'data-snagbox-hide'
// Behind import() here, not at the top: a bundler that inlines this file keeps the renderer lazy.
const renderer = () => import('html2canvas-pro')

/**
 * html2canvas-pro, for pages where an SVG-based renderer is blocked (a strict CSP) or wrong.
 * Excluded elements are marked for the moment of cloning and hidden in the clone, so the layout
 * stays and their content is never painted.
 */
export const html2canvasEngine: ScreenshotEngine = {
  name: 'html2canvas',
  prepare: renderer,
  async render({ document, viewport, excluded, pixelRatio, signal }) {
    const { default: html2canvas } = await renderer()
    for (const element of excluded) element.setAttribute(HIDE, '')
    try {
      const canvas = await html2canvas(document.documentElement, {
        x: viewport.x,
        y: viewport.y,
        width: viewport.width,
        height: viewport.height,
        windowWidth: document.documentElement.clientWidth,
        windowHeight: document.documentElement.clientHeight,
        scale: pixelRatio,
        backgroundColor: '#ffffff',
        logging: false,
        useCORS: true,
        signal,
        onclone: (clone) => {
          for (const element of clone.querySelectorAll<HTMLElement>(`[${HIDE}]`)) {
            element.style.setProperty('visibility', 'hidden', 'important')
            if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)
              element.value = ''
          }
        },
      })
      return {
        image: canvas,
        width: canvas.width,
        height: canvas.height,
        viewportWidth: viewport.width,
      }
    } finally {
      for (const element of excluded) element.removeAttribute(HIDE)
    }
  },
}
