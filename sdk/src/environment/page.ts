import type { ScreenInfo } from '../contract/index.js'

export interface PageFacts {
  screen: ScreenInfo
  locale: string | null
  timezone: string | null
  url: string | null
  referrer: string | null
}

type WindowLike = Partial<
  Pick<
    Window,
    | 'screen'
    | 'devicePixelRatio'
    | 'innerWidth'
    | 'innerHeight'
    | 'matchMedia'
    | 'location'
    | 'navigator'
  >
> & { document?: { referrer?: string } }

/** What the page itself shows: screen, viewport, colour scheme, language, time zone, address. */
export function pageFacts(win: WindowLike | undefined): PageFacts {
  const { timeZone, locale } = Intl.DateTimeFormat().resolvedOptions()
  const screen = win?.screen
  return {
    screen: {
      width: screen?.width ?? null,
      height: screen?.height ?? null,
      pixelRatio: win?.devicePixelRatio ?? null,
      viewportWidth: win?.innerWidth ?? null,
      viewportHeight: win?.innerHeight ?? null,
      colorScheme: win?.matchMedia
        ? win.matchMedia('(prefers-color-scheme: dark)').matches
          ? 'dark'
          : 'light'
        : null,
    },
    locale: win?.navigator?.language || locale || null,
    timezone: timeZone || null,
    url: win?.location?.href ?? null,
    referrer: win?.document?.referrer || null,
  }
}
