/** The modal: backdrop, panel, close button, and the buttons every view uses. */
export const createDialogStyles = () => `
.backdrop {
  position: fixed; inset: 0; z-index: var(--snagbox-z);
  display: flex; align-items: center; justify-content: center; padding: 16px;
  background: var(--snagbox-backdrop);
  font: 14px/1.45 var(--snagbox-font); color: var(--snagbox-fg);
}
.panel {
  position: relative; width: min(560px, 100%); max-height: min(860px, calc(100vh - 32px));
  display: flex; flex-direction: column; overflow: hidden;
  background: var(--snagbox-bg); color: var(--snagbox-fg);
  border: 1px solid var(--snagbox-border); border-radius: calc(var(--snagbox-radius) + 4px);
  box-shadow: var(--snagbox-shadow);
}
.panel--wide { width: min(1100px, 100%); }
.panel__close { position: absolute; top: 12px; right: 12px; z-index: 1; }
.icon-button {
  display: inline-grid; place-items: center; width: 36px; height: 36px; padding: 0;
  border: 0; border-radius: 8px; background: transparent; color: var(--snagbox-muted); cursor: pointer;
}
.icon-button:hover { background: var(--snagbox-surface); color: var(--snagbox-fg); }
.title { margin: 0; padding-right: 40px; font-size: 19px; line-height: 1.3; font-weight: 650; }
.actions { display: flex; justify-content: flex-end; gap: 8px; flex-wrap: wrap; }
.button {
  display: inline-flex; align-items: center; justify-content: center; gap: 6px; min-height: 40px; padding: 8px 16px;
  font: 600 14px/1.2 var(--snagbox-font); border-radius: 8px; cursor: pointer;
  border: 1px solid var(--snagbox-border); background: var(--snagbox-bg); color: var(--snagbox-fg);
}
.button:hover { background: var(--snagbox-surface); }
.button--primary { background: var(--snagbox-accent); border-color: var(--snagbox-accent); color: var(--snagbox-on-accent); }
.button--primary:hover { background: var(--snagbox-accent); filter: brightness(1.08); }
.button--quiet { border-color: transparent; background: transparent; }
.button--small { min-height: 32px; padding: 5px 10px; font-size: 13px; }
.button[aria-disabled='true'] { opacity: 0.7; cursor: progress; }
@media (max-width: 520px) {
  .backdrop { padding: 0; align-items: stretch; }
  .panel { max-height: 100vh; border-radius: 0; }
}
`
