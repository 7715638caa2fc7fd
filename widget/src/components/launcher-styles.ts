/** The launcher button, in one of the four corners. */
export const createLauncherStyles = () => `
.launcher {
  position: fixed; z-index: var(--snagbox-z);
  display: inline-flex; align-items: center; gap: 8px;
  padding: 10px 16px 10px 14px; border: 0; border-radius: 999px;
  font: 600 14px/1.2 var(--snagbox-font); letter-spacing: 0.01em;
  color: var(--snagbox-on-accent); background: var(--snagbox-accent);
  box-shadow: 0 6px 18px rgb(17 24 39 / 0.25); cursor: pointer;
  transition: transform 0.15s ease, box-shadow 0.15s ease;
}
.launcher:hover { transform: translateY(-1px); box-shadow: 0 10px 24px rgb(17 24 39 / 0.3); }
.launcher[aria-busy='true'] { cursor: progress; }
.launcher--bottom-right { right: 20px; bottom: 20px; }
.launcher--bottom-left { left: 20px; bottom: 20px; }
.launcher--top-right { right: 20px; top: 20px; }
.launcher--top-left { left: 20px; top: 20px; }
@media (prefers-reduced-motion: reduce) { .launcher { transition: none; } }
@media print { .launcher { display: none; } }
`
