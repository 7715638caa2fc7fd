import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeSurfaces, type FakeSurface } from '../../test/support.js'
import { capture } from './capture.js'
import type { RenderRequest, ScreenshotEngine } from './types.js'

afterEach(() => {
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

function place(element: Element, x: number, y: number, width: number, height: number) {
  element.getBoundingClientRect = () => ({
    x,
    y,
    left: x,
    top: y,
    width,
    height,
    right: x + width,
    bottom: y + height,
    toJSON: () => ({}),
  })
}

/** An engine that draws a 1600-px-wide picture of an 800-px viewport (device pixel ratio 2). */
function engine(
  surfaces: ReturnType<typeof fakeSurfaces>,
  seen: RenderRequest[] = [],
): ScreenshotEngine {
  return {
    name: 'fake',
    async render(request) {
      seen.push(request)
      const image = surfaces.create(1600, 1200)
      return {
        image: image as unknown as CanvasImageSource,
        width: 1600,
        height: 1200,
        viewportWidth: 800,
      }
    },
  }
}

const varied = (s: FakeSurface) =>
  Array.from({ length: s.width * s.height * 4 }, (_, i) => (i * 37) % 256)

describe('capture', () => {
  it('blacks out password, card and data-snagbox-mask fields where they are, and leaves ignored elements out', async () => {
    document.body.innerHTML = `
      <input type="password" id="pw"><input autocomplete="cc-number" id="cc"><div data-snagbox-mask id="iban">DE89…</div>
      <div data-snagbox-ignore id="widget"><input type="password" id="inner"></div><p id="text">visible</p>`
    place(document.getElementById('pw')!, 10, 20, 100, 30)
    place(document.getElementById('cc')!, 10.4, 60.6, 100.2, 30)
    place(document.getElementById('iban')!, 300, 500, 50, 10)
    place(document.getElementById('widget')!, 700, 500, 90, 90)
    place(document.getElementById('inner')!, 710, 510, 50, 20)
    const surfaces = fakeSurfaces({ pixels: varied })
    const seen: RenderRequest[] = []
    const result = await capture({ engine: engine(surfaces, seen), mask: '#text' }, surfaces.create)
    expect(result.ok).toBe(true)
    const excluded = [...seen[0]!.excluded].map((e) => e.id).sort()
    expect(excluded).toEqual(['cc', 'iban', 'inner', 'pw', 'text', 'widget'])
    const output = surfaces.surfaces.find((s) => s.ops.includes('fillStyle #000'))!
    const masks = output.ops
      .slice(output.ops.indexOf('fillStyle #000') + 1)
      .filter((op) => op.startsWith('fillRect'))
    // Twice the CSS pixels, edges rounded outwards; #text has no box here, the widget's field is not painted.
    expect(masks).toEqual([
      'fillRect 20,40,200,60',
      'fillRect 20,121,202,61',
      'fillRect 600,1000,100,20',
    ])
    expect(result).toMatchObject({
      masked: true,
      engine: 'fake',
      width: 1600,
      height: 1200,
      type: 'image/webp',
    })
  })

  it('renders a second time when the first picture is blank', async () => {
    let calls = 0
    const surfaces = fakeSurfaces({
      pixels: (s) => (calls > 1 ? varied(s) : new Array(s.width * s.height * 4).fill(255)),
    })
    const counting: ScreenshotEngine = {
      name: 'fake',
      render: async (r) => (calls++, engine(surfaces).render(r)),
    }
    expect((await capture({ engine: counting }, surfaces.create)).ok).toBe(true)
    expect(calls).toBe(2)
  })

  it('gives up on a renderer that takes too long', async () => {
    const surfaces = fakeSurfaces()
    const stuck: ScreenshotEngine = { name: 'stuck', render: () => new Promise(() => {}) }
    const result = await capture({ engine: stuck, timeoutMs: 30 }, surfaces.create)
    expect(result).toMatchObject({ ok: false, error: { code: 'screenshot_timeout' } })
  })

  it('tells a refused screen-capture permission from other failures', async () => {
    const surfaces = fakeSurfaces()
    const refuse = (error: unknown): ScreenshotEngine => ({
      name: 'display-media',
      render: () => Promise.reject(error),
    })
    expect(
      await capture(
        { engine: refuse(new DOMException('denied', 'NotAllowedError')) },
        surfaces.create,
      ),
    ).toMatchObject({ error: { code: 'screenshot_permission_denied' } })
    expect(await capture({ engine: refuse(new Error('tainted')) }, surfaces.create)).toMatchObject({
      error: { code: 'screenshot_failed', message: 'Error: tainted' },
    })
  })

  it('scales down to the maximum width, then steps quality and size down to fit the byte budget', async () => {
    // 0.5 byte per pixel at quality 1: 1600×1200 at 0.85 is 816 kB.
    const surfaces = fakeSurfaces({ pixels: varied })
    const fits = await capture(
      { engine: engine(surfaces), maxWidth: 1000, maxBytes: 400_000 },
      surfaces.create,
    )
    expect(fits).toMatchObject({ ok: true, width: 1000, height: 750, type: 'image/webp' })
    expect(fits.ok && fits.bytes).toBeLessThanOrEqual(400_000)
    const smaller = await capture({ engine: engine(surfaces), maxBytes: 150_000 }, surfaces.create)
    expect(smaller).toMatchObject({ ok: true, width: 900, height: 675 })
    expect(
      await capture({ engine: engine(surfaces), maxBytes: 1000 }, surfaces.create),
    ).toMatchObject({ ok: false, error: { code: 'screenshot_too_large' } })
  })

  it('falls back to JPEG where the browser cannot encode WebP', async () => {
    const surfaces = fakeSurfaces({ webp: false, pixels: varied })
    expect(await capture({ engine: engine(surfaces) }, surfaces.create)).toMatchObject({
      ok: true,
      type: 'image/jpeg',
    })
  })

  it('passes a host picture through as it is where there is no canvas to re-encode it', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 2,
      0, 0, 0, 1, 0x2c, 8, 2, 0, 0, 0,
    ])
    vi.stubGlobal('createImageBitmap', undefined)
    const result = await capture({ image: new Blob([png]) })
    expect(result).toMatchObject({
      ok: true,
      type: 'image/png',
      width: 512,
      height: 300,
      masked: false,
      engine: 'host',
    })
    expect(await capture({ image: new Blob(['<svg/>']) })).toMatchObject({
      ok: false,
      error: { code: 'screenshot_failed' },
    })
    expect(await capture({ image: new Blob([png]), maxBytes: 10 })).toMatchObject({
      ok: false,
      error: { code: 'screenshot_too_large' },
    })
  })

  it('lists what the renderer could not draw: cross-origin images, iframes, unreadable canvases', async () => {
    // happy-dom reports that it does not load frames; that notice is not what is tested here.
    vi.spyOn(console, 'error').mockImplementation(() => {})
    document.body.innerHTML = `
      <img id="own" src="/logo.png"><img id="cdn" src="https://cdn.example.net/a.png"><img id="cors" crossorigin="anonymous" src="https://cdn.example.net/b.png">
      <iframe id="map"></iframe><canvas id="gl" width="300" height="150"></canvas>
      <img id="below" src="https://cdn.example.net/c.png">`
    // happy-dom would try to load a real src; the page only needs to say where the frame points.
    Object.defineProperty(document.getElementById('map'), 'src', {
      value: 'https://maps.example.net/embed',
    })
    for (const [id, y] of [
      ['own', 0],
      ['cdn', 10],
      ['cors', 20],
      ['map', 30],
      ['gl', 40],
      ['below', 5000],
    ] as const)
      place(document.getElementById(id)!, 0, y, 10, 10)
    // Every sample of the picture varies, every sample of the canvas is transparent.
    const surfaces = fakeSurfaces({
      pixels: (s) =>
        s.ops.some((op) => op.startsWith('drawImage 0,0,24,24')) && s.ops.length === 1
          ? new Array(24 * 24 * 4).fill(0)
          : varied(s),
    })
    const result = await capture({ engine: engine(surfaces) }, surfaces.create)
    expect(result.ok && result.unrendered.map((u) => `${u.kind} ${u.src ?? ''}`)).toEqual([
      'cross-origin-image https://cdn.example.net/a.png',
      'iframe https://maps.example.net/embed',
      'canvas ',
    ])
  })
})
