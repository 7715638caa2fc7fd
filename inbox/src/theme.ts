import { signal } from '@preact/signals'

export type Theme = 'auto' | 'light' | 'dark'
export const THEMES: readonly Theme[] = ['auto', 'light', 'dark']
const STORAGE_KEY = 'snagbox.inbox.theme'

/** `auto` follows the system's light or dark setting; the others hold whatever it says. */
export const theme = signal<Theme>('auto')

function apply(next: Theme) {
  if (next === 'auto') delete document.documentElement.dataset.theme
  else document.documentElement.dataset.theme = next
}

export function initTheme(): void {
  let saved: string | null = null
  try {
    saved = localStorage.getItem(STORAGE_KEY)
  } catch {
    // Storage may be off: auto.
  }
  theme.value = saved === 'light' || saved === 'dark' ? saved : 'auto'
  apply(theme.value)
}

export function setTheme(next: Theme): void {
  theme.value = next
  apply(next)
  try {
    localStorage.setItem(STORAGE_KEY, next)
  } catch {
    // Not remembered; it holds for this page.
  }
}
