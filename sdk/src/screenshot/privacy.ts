import type { Viewport } from './types.js'

export interface Privacy {
  /** Left out of the rendering: ignored elements and private ones (so their content never enters it). */
  excluded: Set<Element>
  /** Where private elements are on screen, to be painted black over the picture. */
  masks: Viewport[]
}

/** Every element matching `selector`, including inside open shadow roots. */
export function queryDeep(root: Document | ShadowRoot | Element, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)]
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...queryDeep(element.shadowRoot, selector))
  }
  return found
}

/**
 * Finds what must not be in the picture: `ignore` elements (the widget itself) are left out;
 * `mask` elements (password and card fields, `[data-snagbox-mask]`) are left out of the rendering
 * and their boxes blacked out, so the layout stays and nothing private is ever drawn.
 */
export function findPrivate(doc: Document, ignore: string, mask: string): Privacy {
  const excluded = new Set<Element>()
  const masks: Viewport[] = []
  for (const element of queryDeep(doc, `${ignore},${mask}`)) {
    excluded.add(element)
    if (!element.matches(mask) || element.closest(ignore)) continue
    const r = element.getBoundingClientRect()
    if (r.width > 0 && r.height > 0)
      masks.push({ x: r.left, y: r.top, width: r.width, height: r.height })
  }
  return { excluded, masks }
}

/** Paints the masks black; edges rounded outwards so no sliver of a private field survives. */
export function paintMasks(ctx: CanvasRenderingContext2D, masks: Viewport[], scale: number): void {
  ctx.fillStyle = '#000'
  for (const m of masks) {
    const x = Math.floor(m.x * scale)
    const y = Math.floor(m.y * scale)
    ctx.fillRect(
      x,
      y,
      Math.ceil((m.x + m.width) * scale) - x,
      Math.ceil((m.y + m.height) * scale) - y,
    )
  }
}
