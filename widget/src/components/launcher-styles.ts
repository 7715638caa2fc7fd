/**
 * The launcher button in one of the four corners, with its unread badge. In the top layer (a
 * `popover`) the browser's popover styles are reset; elsewhere the fixed position and `z-index`
 * are the fallback.
 */
export const createLauncherStyles = () => `
.launcher {
  position: fixed; z-index: var(--snagbox-z); inset: auto; margin: 0; overflow: visible;
  display: inline-flex; align-items: center; gap: 8px;
  padding: 10px 16px 10px 14px; border: 0; border-radius: 999px;
  font: 600 14px/1.2 var(--snagbox-font); letter-spacing: 0.01em;
  color: var(--snagbox-on-accent); background: var(--snagbox-accent);
  box-shadow: 0 6px 18px rgb(17 24 39 / 0.25); cursor: pointer;
  transition: transform 0.15s ease, box-shadow 0.15s ease;
}
.launcher:hover { transform: translateY(-1px); box-shadow: 0 10px 24px rgb(17 24 39 / 0.3); }
.launcher[aria-busy='true'] { cursor: progress; }
.launcher--bottom-right { right: calc(20px + env(safe-area-inset-right, 0px)); bottom: calc(20px + env(safe-area-inset-bottom, 0px)); }
.launcher--bottom-left { left: calc(20px + env(safe-area-inset-left, 0px)); bottom: calc(20px + env(safe-area-inset-bottom, 0px)); }
.launcher--top-right { right: calc(20px + env(safe-area-inset-right, 0px)); top: calc(20px + env(safe-area-inset-top, 0px)); }
.launcher--top-left { left: calc(20px + env(safe-area-inset-left, 0px)); top: calc(20px + env(safe-area-inset-top, 0px)); }
.launcher__badge {
  position: absolute; top: -6px; right: -4px; min-width: 20px; height: 20px; padding: 0 6px; border-radius: 10px;
  font: 700 12px/20px var(--snagbox-font); text-align: center; font-variant-numeric: tabular-nums;
  color: #fff; background: #c01048; box-shadow: 0 0 0 2px var(--snagbox-bg);
}
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
@media (prefers-reduced-motion: reduce) { .launcher { transition: none; } }
@media print { .launcher { display: none; } }
`
