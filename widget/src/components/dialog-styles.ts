/**
 * The modal: the `<dialog>` itself is the backdrop (the same in the top layer and in the fixed
 * fallback), the panel inside it, the close button, and the buttons every view uses. Under 480 px
 * the panel is a full-screen sheet: inside the safe area, as tall as the visual viewport (what the
 * on-screen keyboard leaves).
 */
export const createDialogStyles = () => `
.dialog-root { display: contents; }
.backdrop {
  position: fixed; inset: 0; z-index: var(--snagbox-z);
  width: auto; height: auto; max-width: none; max-height: none; margin: 0; padding: 16px; border: 0;
  overflow: hidden; background: var(--snagbox-backdrop);
  align-items: center; justify-content: center;
  font: 14px/1.45 var(--snagbox-font); color: var(--snagbox-fg);
}
.backdrop[open] { display: flex; }
.backdrop::backdrop { background: transparent; }
.panel {
  position: relative; width: min(560px, 100%); max-height: min(860px, 100%);
  display: flex; flex-direction: column; overflow: hidden;
  background: var(--snagbox-bg); color: var(--snagbox-fg);
  border: 1px solid var(--snagbox-border); border-radius: calc(var(--snagbox-radius) + 4px);
  box-shadow: var(--snagbox-shadow);
}
.panel--wide { width: min(1100px, 100%); }
.panel__close { position: absolute; top: 12px; right: 12px; z-index: 1; }
.icon-button {
  display: inline-grid; place-items: center; width: 40px; height: 40px; padding: 0;
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
.link-button {
  display: inline-flex; align-items: center; gap: 6px; min-height: 32px; margin: 0; padding: 4px 0; border: 0; background: none;
  font: 600 14px/1.3 var(--snagbox-font); color: var(--snagbox-link); cursor: pointer; text-decoration: underline; text-underline-offset: 3px;
}
.link-button__dot { width: 8px; height: 8px; border-radius: 50%; background: #c01048; }
@media (pointer: coarse) { .button--small { min-height: 40px; } }
@media (max-width: 480px) {
  .backdrop { inset: var(--snagbox-viewport-top, 0px) 0 auto; height: var(--snagbox-viewport-height, 100%); padding: 0; align-items: stretch; }
  .panel, .panel--wide {
    width: 100%; max-height: 100%; border: 0; border-radius: 0; box-shadow: none;
    padding: env(safe-area-inset-top, 0px) env(safe-area-inset-right, 0px) env(safe-area-inset-bottom, 0px) env(safe-area-inset-left, 0px);
  }
  .panel__close { top: calc(8px + env(safe-area-inset-top, 0px)); right: calc(8px + env(safe-area-inset-right, 0px)); }
}
`
