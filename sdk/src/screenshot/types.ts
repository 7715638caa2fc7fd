import type { ImageType } from '../contract/index.js'
import type { SdkError } from '../errors.js'

/**
 * The built-in renderers.
 *
 * @example
 * captureScreenshot({ engine: 'html2canvas' satisfies EngineName })
 */
export type EngineName = 'snapdom' | 'html2canvas' | 'display-media'

/**
 * A rectangle in CSS pixels.
 *
 * @example
 * const visible: Viewport = { x: scrollX, y: scrollY, width: innerWidth, height: innerHeight }
 */
export interface Viewport {
  x: number
  y: number
  width: number
  height: number
}

/**
 * What an engine is asked to draw: the visible viewport, without the excluded elements.
 *
 * @example
 * const render = async ({ viewport, excluded }: RenderRequest) => myRenderer(viewport, (el: Element) => excluded.has(el))
 */
export interface RenderRequest {
  document: Document
  /** The visible part of the page, in CSS pixels of the document. */
  viewport: Viewport
  /** Elements to leave out of the picture, their layout kept (their descendants go with them). */
  excluded: ReadonlySet<Element>
  /** Device pixels per CSS pixel to render at (already capped so the picture is not wider than needed). */
  pixelRatio: number
  /** Aborted when the time limit is up. */
  signal: AbortSignal
}

/**
 * What an engine returns.
 *
 * @example
 * const rendered: Rendered = { image: canvas, width: canvas.width, height: canvas.height, viewportWidth: innerWidth }
 */
export interface Rendered {
  image: CanvasImageSource
  width: number
  height: number
  /**
   * The CSS width of this page's viewport that the picture shows edge to edge, so private elements
   * can be blacked out at their positions; `null` for a picture of something else.
   */
  viewportWidth: number | null
}

/**
 * A way of turning the page into pixels. The built-in ones are loaded on first use; a host may
 * pass its own (e.g. one that asks Electron's main process for `webContents.capturePage()`).
 *
 * @example
 * const electron: ScreenshotEngine = {
 *   name: 'electron',
 *   async render() {
 *     const bitmap = await createImageBitmap(await window.bridge.capturePage()) // a PNG Blob from the main process
 *     return { image: bitmap, width: bitmap.width, height: bitmap.height, viewportWidth: innerWidth }
 *   },
 * }
 */
export interface ScreenshotEngine {
  name: string
  render(request: RenderRequest): Promise<Rendered>
  /** Fetches what `render` will need (its renderer), so the first capture does not wait for it. */
  prepare?(): Promise<unknown>
}

/**
 * How to capture. Defaults: snapdom, 1920 px, 1.5 MB, 10 s, WebP.
 *
 * @example
 * captureScreenshot({ mask: '.iban, .salary', ignore: '#chat-bubble', maxBytes: 800_000 })
 */
export interface ScreenshotOptions {
  /** `snapdom` (default), `html2canvas`, `display-media` (asks permission; real pixels), or an engine of your own. */
  engine?: EngineName | ScreenshotEngine
  /** A picture the host already has (Blob, File, data URL): used instead of rendering. */
  image?: Blob | string
  /** The host's picture shows exactly this page's viewport (Electron `capturePage()`): mask on it too. */
  imageOfViewport?: boolean
  /** Wider pictures are scaled down to this width. */
  maxWidth?: number
  /** The encoded picture must fit; quality, then size, step down until it does. */
  maxBytes?: number
  /** One capture may take this long. */
  timeoutMs?: number
  /** More elements to leave out, besides `[data-snagbox-ignore]`. */
  ignore?: string
  /** More elements to black out, besides password fields, `[autocomplete^=cc-]` and `[data-snagbox-mask]`. */
  mask?: string
  /** `image/webp` (default; JPEG where the browser cannot encode WebP) or `image/jpeg`. */
  type?: 'image/webp' | 'image/jpeg'
}

/**
 * Something the renderer could not draw: a cross-origin image, an iframe, a WebGL or tainted canvas.
 *
 * @example
 * const map: Unrendered = { kind: 'iframe', src: 'https://maps.example.net/embed', rect: { x: 0, y: 300, width: 600, height: 400 } }
 */
export interface Unrendered {
  kind: 'cross-origin-image' | 'iframe' | 'canvas'
  src: string | null
  rect: Viewport
}

/**
 * A capture, or why there is none.
 *
 * @example
 * const shot: ScreenshotResult = await captureScreenshot()
 * if (shot.ok) preview.src = URL.createObjectURL(shot.blob)
 */
export type ScreenshotResult =
  | {
      ok: true
      blob: Blob
      width: number
      height: number
      bytes: number
      /** WebP or JPEG; a host's PNG passes through unchanged where there is no canvas to re-encode it (Node). */
      type: ImageType
      /** What could not be rendered, so support knows a blank area is not the bug. */
      unrendered: Unrendered[]
      /** Private elements were blacked out (false only for a host picture not of this page). */
      masked: boolean
      engine: string
    }
  | { ok: false; error: SdkError }
