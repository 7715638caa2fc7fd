/**
 * Fakes for the SDK's unit tests: a clock that never waits, a scripted server, a canvas that
 * records what is drawn. Not part of the package.
 */
import { MULTIPART, PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE } from '../src/contract/index.js'
import type { Clock } from '../src/options.js'
import type { Surface } from '../src/screenshot/canvas.js'

export interface FakeClock extends Clock {
  /** Every `sleep` asked for, in milliseconds. */
  slept: number[]
  /** Timers scheduled and not yet run or cancelled. */
  timers: { fn: () => void; at: number }[]
  advance(ms: number): void
  /** Runs the timers that are due. */
  tick(): Promise<void>
}

export function fakeClock(start = 1_700_000_000_000): FakeClock {
  let now = start
  const clock: FakeClock = {
    slept: [],
    timers: [],
    now: () => now,
    random: () => 0.5,
    async sleep(ms) {
      clock.slept.push(ms)
      now += ms
    },
    schedule(fn, ms) {
      const timer = { fn, at: now + Math.max(0, ms) }
      clock.timers.push(timer)
      return () => void clock.timers.splice(clock.timers.indexOf(timer) >>> 0, 1)
    },
    advance(ms) {
      now += ms
    },
    async tick() {
      const due = clock.timers.filter((t) => t.at <= now)
      clock.timers = clock.timers.filter((t) => t.at > now)
      for (const timer of due) timer.fn()
      await settle()
    },
  }
  return clock
}

/** Lets every pending promise chain (fake IndexedDB, fetch) run to its end. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0))
}

export interface Recorded {
  url: string
  headers: Record<string, string>
  contentType: 'json' | 'multipart'
  payload: Record<string, unknown>
  screenshot: File | null
}

type Answer = Response | 'network' | 'hang'

/**
 * A server scripted answer by answer (the last one repeats); records every request as the real
 * server would parse it.
 */
export function fakeServer(...answers: Answer[]) {
  const requests: Recorded[] = []
  let n = 0
  const serve = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = Object.fromEntries(
      Object.entries(init?.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
    )
    const body = init?.body
    const record: Recorded =
      body instanceof FormData
        ? {
            url: String(input),
            headers,
            contentType: 'multipart',
            payload: JSON.parse(String(body.get(MULTIPART.payload))) as Record<string, unknown>,
            screenshot: body.get(MULTIPART.screenshot) as File,
          }
        : {
            url: String(input),
            headers,
            contentType: 'json',
            payload: JSON.parse(String(body)) as Record<string, unknown>,
            screenshot: null,
          }
    requests.push(record)
    const answer = answers[Math.min(n++, answers.length - 1)]!
    if (answer === 'network') throw new TypeError('Failed to fetch')
    if (answer === 'hang') {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        )
      })
    }
    return answer.clone()
  }) as typeof fetch
  return { fetch: serve, requests }
}

export const created = (reference = 'DEMO-1') =>
  Response.json(
    {
      id: `id-${reference}`,
      reference,
      status: 'new',
      statusUrl: `https://s.example/status/t-${reference}`,
      createdAt: '2026-01-01T00:00:00Z',
    },
    { status: 201 },
  )

export const problem = (
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) =>
  new Response(
    JSON.stringify({
      type: `${PROBLEM_TYPE_BASE}${code}`,
      title: code,
      status,
      detail: `${code} detail`,
      code,
      ...extra,
    }),
    {
      status,
      headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...headers },
    },
  )

export interface FakeSurface extends Surface {
  ops: string[]
  /** What `getImageData` returns for every pixel: RGBA. */
  pixel: [number, number, number, number]
}

/**
 * A canvas that records its drawing and encodes to a blob whose size depends on its area and the
 * quality asked for, so byte-budget logic can be tested without pixels.
 */
export function fakeSurfaces(
  options: {
    webp?: boolean
    bytesPerPixel?: number
    pixels?: (surface: FakeSurface) => number[]
  } = {},
) {
  const surfaces: FakeSurface[] = []
  const create = (width: number, height: number): FakeSurface => {
    const surface: FakeSurface = {
      width,
      height,
      ops: [],
      pixel: [255, 255, 255, 255],
      getContext: () =>
        ({
          set fillStyle(value: string) {
            surface.ops.push(`fillStyle ${value}`)
          },
          set imageSmoothingQuality(_: string) {},
          fillRect: (x: number, y: number, w: number, h: number) =>
            surface.ops.push(`fillRect ${x},${y},${w},${h}`),
          drawImage: (_image: unknown, ...args: number[]) =>
            surface.ops.push(`drawImage ${args.join(',')}`),
          getImageData: (_x: number, _y: number, w: number, h: number) => {
            const data = options.pixels
              ? options.pixels(surface)
              : Array.from({ length: w * h }, () => surface.pixel).flat()
            return { data: Uint8ClampedArray.from(data) }
          },
        }) as unknown as CanvasRenderingContext2D,
      toBlob(callback, type = 'image/png', quality = 0.92) {
        const encoded = type === 'image/webp' && options.webp === false ? 'image/png' : type
        const size = Math.round(width * height * (options.bytesPerPixel ?? 0.5) * quality)
        callback(new Blob([new Uint8Array(size)], { type: encoded }))
      },
    }
    surfaces.push(surface)
    return surface
  }
  return { create, surfaces }
}
