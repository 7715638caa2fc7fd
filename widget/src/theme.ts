import type { ResolvedOptions } from './options.js'

const LIGHT = `
  --snagbox-bg: #ffffff;
  --snagbox-fg: #111827;
  --snagbox-muted: #5b6474;
  --snagbox-border: #d5d9e0;
  --snagbox-surface: #f4f6f9;
  --snagbox-danger: #b42318;
  --snagbox-success: #067647;
  --snagbox-warning: #b54708;
  --snagbox-link: var(--snagbox-accent);
  --snagbox-backdrop: rgb(17 24 39 / 0.45);
  --snagbox-shadow: 0 20px 50px rgb(17 24 39 / 0.25), 0 2px 6px rgb(17 24 39 / 0.12);
  color-scheme: light;`

const DARK = `
  --snagbox-bg: #1c1f26;
  --snagbox-fg: #eef0f4;
  --snagbox-muted: #a3aab8;
  --snagbox-border: #3a404c;
  --snagbox-surface: #262a33;
  --snagbox-danger: #ff8a7f;
  --snagbox-success: #5fd49a;
  --snagbox-warning: #f5b86a;
  --snagbox-link: color-mix(in srgb, var(--snagbox-accent) 60%, #ffffff);
  --snagbox-backdrop: rgb(0 0 0 / 0.6);
  --snagbox-shadow: 0 20px 50px rgb(0 0 0 / 0.55);
  color-scheme: dark;`

/**
 * The theme as CSS custom properties on the host: light, dark, or following the system. A host
 * page restyles the widget by setting them on `snagbox-widget` (its rules win over `:host`).
 */
export function createThemeStyles(o: Pick<ResolvedOptions, 'theme' | 'accent' | 'zIndex'>): string {
  return `
:host {
  all: initial;
  --snagbox-accent: ${o.accent};
  --snagbox-on-accent: #ffffff;
  --snagbox-radius: 10px;
  --snagbox-font: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  --snagbox-z: ${o.zIndex};
  ${o.theme === 'dark' ? DARK : LIGHT}
}
${o.theme === 'auto' ? `@media (prefers-color-scheme: dark) { :host {${DARK}\n} }` : ''}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
svg { width: 20px; height: 20px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; flex: none; }
.spin { animation: snagbox-spin 0.8s linear infinite; }
@keyframes snagbox-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spin { animation-duration: 2.4s; } }
:focus-visible { outline: 3px solid var(--snagbox-accent); outline-offset: 2px; }
`
}
