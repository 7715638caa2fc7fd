/**
 * The script tag's lazily loaded parts, by name: their files' paths relative to `widget.js`
 * (`widget/dialog-<hash>.js`, one dictionary per language). Provided at build time by
 * `widget/build/lazy-parts.mjs`.
 */
declare module 'snagbox:widget-parts' {
  import type { Language } from '@snagbox/sdk/contract'
  export const PARTS: { dialog: string } & Record<Language, string>
}
