import { createLauncherStyles } from './components/launcher-styles.js'
import type { ResolvedOptions } from './options.js'
import { createThemeStyles } from './theme.js'

/** The first stage's stylesheet: the theme and the launcher. The dialog brings its own. */
export const createShellStyles = (o: ResolvedOptions) =>
  createThemeStyles(o) + createLauncherStyles()

/**
 * Adds a stylesheet to the shadow root, after those it has: a constructable stylesheet where the
 * browser has them (no CSP `style-src` question at all), else a `<style>` carrying the host's nonce.
 */
export function applyStyles(root: ShadowRoot, css: string, nonce: string) {
  try {
    if (
      'adoptedStyleSheets' in root &&
      typeof CSSStyleSheet === 'function' &&
      'replaceSync' in CSSStyleSheet.prototype
    ) {
      const sheet = new CSSStyleSheet()
      sheet.replaceSync(css)
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
      return
    }
  } catch {
    // An engine with a partial implementation: the <style> element below still works.
  }
  const style = root.ownerDocument.createElement('style')
  if (nonce) style.nonce = nonce
  style.textContent = css
  root.append(style)
}
