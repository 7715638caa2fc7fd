import { describe, expect, it } from 'vitest'
import { clampView, fitView, MAX_SCALE, zoomAt } from './zoom.js'

const SHOT = { w: 1600, h: 1000 }
const FRAME = { w: 800, h: 600 }

describe("the lightbox's geometry", () => {
  it('fits the whole image, centred, and never enlarges a small one', () => {
    expect(fitView(SHOT, FRAME)).toEqual({ scale: 0.5, x: 0, y: 50 })
    expect(fitView({ w: 200, h: 100 }, FRAME)).toEqual({ scale: 1, x: 300, y: 250 })
  })

  it('keeps the point under the cursor where it is while zooming', () => {
    const before = { scale: 0.5, x: 0, y: 50 }
    const after = zoomAt(before, 2, 200, 150)
    expect(after.scale).toBe(1)
    // The image pixel under (200, 150) before is still under it after.
    const pixel = (v: typeof before, p: number, o: number) => (p - o) / v.scale
    expect(pixel(after, 200, after.x)).toBeCloseTo(pixel(before, 200, before.x))
    expect(pixel(after, 150, after.y)).toBeCloseTo(pixel(before, 150, before.y))
    expect(zoomAt(after, 1000, 0, 0).scale).toBe(MAX_SCALE)
  })

  it('keeps a zoomed image from leaving an empty margin, and centres a smaller one', () => {
    expect(clampView({ scale: 1, x: 300, y: -900 }, SHOT, FRAME)).toEqual({
      scale: 1,
      x: 0,
      y: -400,
    })
    expect(clampView({ scale: 0.25, x: -50, y: 10 }, SHOT, FRAME)).toEqual({
      scale: 0.25,
      x: 200,
      y: 175,
    })
  })
})
