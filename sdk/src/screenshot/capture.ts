import { sdkError, type SdkErrorCode } from '../errors.js'
import { sniffImage } from '../contract/image.js'
import { withTimeout } from '../timeout.js'
import { dataUrlToBlob } from '../data-url.js'
import { isUniform, sample } from './blank.js'
import { context2d, createSurface, type CreateSurface, type Surface } from './canvas.js'
import { SCREENSHOT_DEFAULTS } from './defaults.js'
import { encode } from './encode.js'
import { findPrivate, paintMasks, type Privacy } from './privacy.js'
import type {
  EngineName,
  Rendered,
  ScreenshotEngine,
  ScreenshotOptions,
  ScreenshotResult,
  Unrendered,
  Viewport,
} from './types.js'
import { findUnrendered } from './unrendered.js'

const ENGINES: Record<EngineName, () => Promise<ScreenshotEngine>> = {
  snapdom: async () => (await import('./snapdom-engine.js')).snapdomEngine,
  html2canvas: async () => (await import('./html2canvas-engine.js')).html2canvasEngine,
  'display-media': async () => (await import('./display-media-engine.js')).displayMediaEngine,
}

const engineOf = async (engine: EngineName | ScreenshotEngine) =>
  typeof engine === 'string' ? ENGINES[engine]() : engine

const TIMEOUT = { name: 'TimeoutError' }

/** Fetches the engine and its renderer without capturing (`prepareScreenshot`). */
export async function prepare(options: ScreenshotOptions): Promise<void> {
  await (await engineOf(options.engine ?? SCREENSHOT_DEFAULTS.engine)).prepare?.()
}

/**
 * Captures the visible viewport (or takes the host's picture), blacks out private elements,
 * scales down and encodes under the byte budget. Never throws: a failure is a result with a code.
 */
export async function capture(
  options: ScreenshotOptions,
  create: CreateSurface = createSurface,
): Promise<ScreenshotResult> {
  const d = SCREENSHOT_DEFAULTS
  const o = {
    ...d,
    ...options,
    ignore: join(d.ignore, options.ignore),
    mask: join(d.mask, options.mask),
  }
  try {
    const doc = typeof document === 'object' ? document : undefined
    if (o.image !== undefined) {
      const blob = typeof o.image === 'string' ? dataUrlToBlob(o.image) : o.image
      if (!doc || typeof createImageBitmap !== 'function')
        return await passThrough(blob, o.maxBytes)
      const bitmap = await createImageBitmap(blob)
      const rendered = {
        image: bitmap,
        width: bitmap.width,
        height: bitmap.height,
        viewportWidth: o.imageOfViewport ? innerWidth : null,
      }
      return await finish(rendered, findPrivate(doc, o.ignore, o.mask), [], 'host', o, create)
    }
    if (!doc) return failure('screenshot_unsupported')
    const engine = await engineOf(o.engine)
    const root = doc.documentElement
    // clientWidth leaves the scrollbar out; a document without layout (no <html> box) has none.
    const viewport: Viewport = {
      x: scrollX,
      y: scrollY,
      width: root.clientWidth || innerWidth,
      height: root.clientHeight || innerHeight,
    }
    const pixelRatio = Math.min(devicePixelRatio || 1, o.maxWidth / viewport.width)
    const render = async () => {
      const privacy = findPrivate(doc, o.ignore, o.mask)
      const controller = new AbortController()
      const request = {
        document: doc,
        viewport,
        excluded: privacy.excluded,
        pixelRatio,
        signal: controller.signal,
      }
      try {
        return {
          privacy,
          rendered: await withTimeout(engine.render(request), o.timeoutMs, TIMEOUT),
        }
      } finally {
        controller.abort()
      }
    }
    let { privacy, rendered } = await render()
    // Safari's first SVG-based capture is often empty; a second one is not.
    if (engine.name !== 'display-media' && isUniform(sample(rendered.image, create)))
      ({ privacy, rendered } = await render())
    const unrendered = findUnrendered(
      doc,
      viewport,
      privacy.excluded,
      engine.name === 'snapdom',
      create,
    )
    return await finish(rendered, privacy, unrendered, engine.name, o, create)
  } catch (cause) {
    const name = (cause as { name?: string } | null)?.name
    const code: SdkErrorCode =
      cause === TIMEOUT
        ? 'screenshot_timeout'
        : name === 'NotAllowedError'
          ? 'screenshot_permission_denied'
          : name === 'NotSupportedError'
            ? 'screenshot_unsupported'
            : 'screenshot_failed'
    return failure(code, cause === TIMEOUT ? undefined : String(cause))
  }
}

async function finish(
  rendered: Rendered,
  privacy: Privacy,
  unrendered: Unrendered[],
  engine: string,
  o: { maxWidth: number; maxBytes: number; type: 'image/webp' | 'image/jpeg' },
  create: CreateSurface,
): Promise<ScreenshotResult> {
  // Our own canvas on white: a transparent page must not turn black in JPEG.
  const surface: Surface = create(rendered.width, rendered.height)
  const ctx = context2d(surface)
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, rendered.width, rendered.height)
  ctx.drawImage(rendered.image, 0, 0)
  const masked = rendered.viewportWidth !== null
  if (masked) paintMasks(ctx, privacy.masks, rendered.width / rendered.viewportWidth!)
  const encoded = await encode(surface, o, create)
  if (!encoded) return failure('screenshot_too_large')
  return { ok: true, ...encoded, bytes: encoded.blob.size, unrendered, masked, engine }
}

/** Where there is no canvas (Node, Electron's main process) a host picture goes as it is, if it is a real image within budget. */
async function passThrough(blob: Blob, maxBytes: number): Promise<ScreenshotResult> {
  const info = sniffImage(new Uint8Array(await blob.arrayBuffer()))
  if (!info) return failure('screenshot_failed', 'Not a PNG, JPEG or WebP image')
  if (blob.size > maxBytes) return failure('screenshot_too_large')
  const typed = blob.type === info.type ? blob : new Blob([blob], { type: info.type })
  return {
    ok: true,
    blob: typed,
    width: info.width,
    height: info.height,
    bytes: blob.size,
    type: info.type,
    unrendered: [],
    masked: false,
    engine: 'host',
  }
}

function join(base: string, extra: string | undefined): string {
  return extra ? `${base},${extra}` : base
}

function failure(code: SdkErrorCode, message?: string): ScreenshotResult {
  return { ok: false, error: sdkError(code, message ? { message } : {}) }
}
