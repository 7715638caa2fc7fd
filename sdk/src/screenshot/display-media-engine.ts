import { context2d, createSurface } from './canvas.js'
import type { ScreenshotEngine } from './types.js'

/**
 * The screen's real pixels through `getDisplayMedia` (cross-origin iframes, WebGL, video
 * included). The browser asks the user every time; none on mobile. When the user shares this
 * very tab, private elements are blacked out at their positions; any other surface cannot be.
 */
export const displayMediaEngine: ScreenshotEngine = {
  name: 'display-media',
  async render({ document }) {
    const devices = navigator.mediaDevices
    if (!devices?.getDisplayMedia)
      throw Object.assign(new Error('getDisplayMedia is missing'), { name: 'NotSupportedError' })
    // A capture handle tells "the user shared this very tab" apart from a look-alike (Chromium).
    const handle = `snagbox-${Math.random().toString(36).slice(2)}`
    const handles = devices as {
      setCaptureHandleConfig?(config: { handle: string; permittedOrigins: string[] }): void
    }
    try {
      handles.setCaptureHandleConfig?.({ handle, permittedOrigins: ['*'] })
    } catch {
      // Only allowed in a top-level document; the shape check below still applies.
    }
    const stream = await devices.getDisplayMedia({
      video: { displaySurface: 'browser' },
      audio: false,
      preferCurrentTab: true,
      selfBrowserSurface: 'include',
    } as DisplayMediaStreamOptions)
    try {
      const track = stream.getVideoTracks()[0]!
      const video = document.createElement('video')
      video.muted = true
      video.srcObject = stream
      await video.play()
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
      const { videoWidth: width, videoHeight: height } = video
      const canvas = createSurface(width, height)
      context2d(canvas).drawImage(video, 0, 0, width, height)
      const win = document.defaultView!
      const sameShape = Math.abs(width / height - win.innerWidth / win.innerHeight) < 0.02
      const named = (
        track as { getCaptureHandle?(): { handle?: string } | null }
      ).getCaptureHandle?.()?.handle
      const surface = (track.getSettings() as { displaySurface?: string }).displaySurface
      const thisTab = sameShape && (named === undefined ? surface === 'browser' : named === handle)
      return {
        image: canvas as HTMLCanvasElement,
        width,
        height,
        viewportWidth: thisTab ? win.innerWidth : null,
      }
    } finally {
      for (const track of stream.getTracks()) track.stop()
    }
  },
}
