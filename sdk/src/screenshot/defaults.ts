/** What every capture is resolved against; `ScreenshotOptions` can only add to the selectors. */
export const SCREENSHOT_DEFAULTS = {
  engine: 'snapdom',
  maxWidth: 1920,
  maxBytes: 1_500_000,
  timeoutMs: 10_000,
  ignore: '[data-snagbox-ignore]',
  // Privacy first: these are always blacked out; options can only add to them.
  mask: 'input[type=password],[autocomplete^=cc-],[data-snagbox-mask]',
  type: 'image/webp',
} as const
