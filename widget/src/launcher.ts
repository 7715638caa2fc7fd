import type { LauncherKey } from './i18n/launcher.js'
import type { Translate } from './i18n/translate.js'
import type { LauncherPosition } from './options.js'

const SVG = 'http://www.w3.org/2000/svg'
const ICONS = {
  idle: 'M4 4h16v12H8l-4 4zM12 7v4M12 13.5v.5',
  busy: 'M12 3a9 9 0 1 0 9 9',
  unavailable: 'M12 7v6M12 16.5v.5M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18z',
}

/** The "Report a problem" button, as the first stage draws it: plain DOM, no framework. */
export interface Launcher {
  readonly button: HTMLButtonElement
  /** Puts it in the browser's top layer once it is on the page (where the browser has one). */
  show(): void
  /** Busy: the dialog is loading for an open. */
  setBusy(busy: boolean): void
  setExpanded(expanded: boolean): void
  /**
   * The unread count: support has written `count` times since the reporter last looked. Shown on
   * the button, part of its name, and announced when it grows; `0` hides it.
   */
  setBadge(count: number): void
  /** The dialog could not be loaded: the button says so, and a click tries again. */
  setUnavailable(): void
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  el.className = className
  el.append(...children)
  return el
}

/**
 * Creates the launcher in `root`, with the region that announces what it says on its own. Built
 * with `createElement` (no markup strings), so a page that enforces Trusted Types lets it in.
 */
export function createLauncher(
  root: ShadowRoot,
  position: LauncherPosition,
  t: Translate<LauncherKey>,
  on: { open(button: HTMLButtonElement): void; intent(): void },
): Launcher {
  const path = document.createElementNS(SVG, 'path')
  const icon = document.createElementNS(SVG, 'svg')
  icon.setAttribute('viewBox', '0 0 24 24')
  icon.setAttribute('aria-hidden', 'true')
  icon.append(path)
  const label = element('span', 'launcher__label')
  const badge = element('span', 'launcher__badge')
  badge.setAttribute('aria-hidden', 'true')
  // Positioned out of sight it is a box of its own, so the name reads "Report a problem New replies: 2".
  const unread = element('span', 'visually-hidden')
  const button = element('button', `launcher launcher--${position}`, icon, label, unread, badge)
  button.type = 'button'
  button.setAttribute('aria-haspopup', 'dialog')
  const status = element('p', 'visually-hidden')
  status.setAttribute('role', 'status')
  const inTopLayer = typeof button.showPopover === 'function'
  if (inTopLayer) button.popover = 'manual'

  let state: keyof typeof ICONS = 'idle'
  let count = 0
  const draw = (next: keyof typeof ICONS) => {
    state = next
    path.setAttribute('d', ICONS[next])
    icon.setAttribute('class', next === 'busy' ? 'launcher__icon spin' : 'launcher__icon')
    label.textContent = t(next === 'idle' ? 'launcher' : next === 'busy' ? 'preparing' : next)
    button.setAttribute('aria-busy', String(next === 'busy'))
  }
  draw('idle')
  button.setAttribute('aria-expanded', 'false')
  badge.hidden = true
  button.addEventListener('click', () => on.open(button))
  button.addEventListener('pointerenter', on.intent)
  button.addEventListener('focus', on.intent)
  root.append(button, status)

  return {
    button,
    show() {
      try {
        if (inTopLayer && button.isConnected && !button.matches(':popover-open'))
          button.showPopover()
      } catch {
        // A browser that refuses leaves it where the fallback's fixed position puts it.
      }
    },
    setBusy: (busy) => (busy ? draw('busy') : state === 'busy' && draw('idle')),
    setExpanded: (expanded) => button.setAttribute('aria-expanded', String(expanded)),
    setBadge(next) {
      const n = Math.max(0, Math.floor(Number(next)) || 0)
      badge.hidden = n === 0
      badge.textContent = n > 99 ? '99+' : String(n)
      unread.textContent = n ? t('newReplies', { n }) : ''
      if (n > count) status.textContent = t('newReplies', { n })
      count = n
    },
    setUnavailable() {
      draw('unavailable')
      status.textContent = t('unavailable')
    },
  }
}
