import { createDialogStyles } from './components/dialog-styles.js'
import { createEditorStyles } from './components/editor-styles.js'
import { createFormStyles } from './components/form-styles.js'
import { createLauncherStyles } from './components/launcher-styles.js'
import type { ResolvedOptions } from './options.js'
import { createThemeStyles } from './theme.js'

/** The widget's whole stylesheet; it only ever goes inside the shadow root. */
export const createWidgetStyles = (o: ResolvedOptions) =>
  [
    createThemeStyles(o),
    createLauncherStyles(),
    createDialogStyles(),
    createFormStyles(),
    createEditorStyles(),
  ].join('\n')

/**
 * Puts the styles into the shadow root: a constructable stylesheet where the browser has them
 * (no CSP `style-src` question at all), else a `<style>` carrying the host's nonce.
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
      root.adoptedStyleSheets = [sheet]
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
