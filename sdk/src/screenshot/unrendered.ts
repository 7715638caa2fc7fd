import { isTransparent, sample } from './blank.js'
import type { CreateSurface } from './canvas.js'
import { queryDeep } from './privacy.js'
import type { Unrendered, Viewport } from './types.js'

/**
 * Lists what a DOM renderer cannot draw in the visible part of the page, so a blank area in the
 * picture is not mistaken for the bug: images from other origins without CORS, iframes it cannot
 * enter (every iframe for html2canvas), canvases whose pixels cannot be read back (WebGL without
 * `preserveDrawingBuffer`, tainted ones).
 */
export function findUnrendered(
  doc: Document,
  viewport: Viewport,
  excluded: ReadonlySet<Element>,
  rendersSameOriginFrames: boolean,
  create: CreateSurface,
): Unrendered[] {
  const origin = doc.defaultView?.location.origin
  const found: Unrendered[] = []
  for (const element of queryDeep(doc, 'img,iframe,canvas')) {
    const r = element.getBoundingClientRect()
    const visible =
      r.width > 0 &&
      r.height > 0 &&
      r.right > 0 &&
      r.bottom > 0 &&
      r.left < viewport.width &&
      r.top < viewport.height
    if (!visible || isExcluded(element, excluded)) continue
    const rect = { x: r.left, y: r.top, width: r.width, height: r.height }
    if (element instanceof HTMLImageElement) {
      const src = element.currentSrc || element.src
      if (
        src &&
        !/^(data|blob):/.test(src) &&
        new URL(src, doc.baseURI).origin !== origin &&
        !element.crossOrigin
      ) {
        found.push({ kind: 'cross-origin-image', src, rect })
      }
    } else if (element instanceof HTMLIFrameElement) {
      if (!rendersSameOriginFrames || !readable(element))
        found.push({ kind: 'iframe', src: element.src || null, rect })
    } else if (element instanceof HTMLCanvasElement && !canvasReadable(element, create)) {
      found.push({ kind: 'canvas', src: null, rect })
    }
  }
  return found
}

function isExcluded(element: Element, excluded: ReadonlySet<Element>): boolean {
  for (let e: Element | null = element; e; e = e.parentElement) if (excluded.has(e)) return true
  return false
}

function readable(frame: HTMLIFrameElement): boolean {
  try {
    return !!frame.contentDocument
  } catch {
    return false
  }
}

function canvasReadable(canvas: HTMLCanvasElement, create: CreateSurface): boolean {
  if (canvas.width === 0 || canvas.height === 0) return true
  try {
    return !isTransparent(sample(canvas, create))
  } catch {
    return false
  }
}
